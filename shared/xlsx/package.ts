// The package around the sheets: which part is the workbook (_rels/.rels), its sheets in order
// with their names and visibility, and — through the workbook's relationships — which part holds
// each sheet, the shared strings and the styles. Relationship ids are matched as plain strings
// and must be XML names, as the format requires; every target must be a part of this zip, and no
// part is read twice. The workbook is found as Excel and LibreOffice find it, or the file is
// refused: named by _rels/.rels, and declared a workbook in [Content_Types].xml (neither program
// opens a file without both, so a file accepted here without them would reach the county
// unopenable).
import { makeIssue } from '../issues/catalogue';
import type { SheetState } from '../workbook/model';
import type { ZipDirectory, ZipEntry } from '../zip/directory';
import type { Pacer } from '../zip/inflate';
import { refuse } from '../zip/refusal';
import type { ReadLimits } from './limits';
import { unreadable } from './unreadable';
import { detach } from './text';
import { parseXmlPart } from './xml';
import { checkContentTypes } from './content-types';

export interface SheetPart {
  name: string;
  state: SheetState;
  entry: ZipEntry;
}

export interface PackageParts {
  /** The parts read to find the others (rels, workbook.xml). */
  parsed: ZipEntry[];
  date1904: boolean;
  /**
   * `<calcPr fullCalcOnLoad="1">`: every formula is recalculated when the file is opened, so the
   * results saved in it may not be what Excel or WPS shows (xlsxwriter saves 0 for each).
   */
  recalcOnLoad: boolean;
  sheets: SheetPart[];
  sharedStrings: ZipEntry | null;
  styles: ZipEntry | null;
}

interface Relationship {
  type: string;
  target: string;
  external: boolean;
}

/** The relationship types the reader follows; the others (theme, external links…) are not kept. */
const FOLLOWED = new Set(['officeDocument', 'worksheet', 'chartsheet', 'dialogsheet', 'macrosheet', 'sharedStrings', 'styles']);
/** A target is a part name inside this zip, so it is short; and sheets are parts, so there are at most as many as entries. */
const MAX_TARGET = 1024;

/** Letters, digits, `_ - .` and anything beyond ASCII; not starting with a digit, `-` or `.`. */
export function isXmlName(s: string): boolean {
  if (s.length === 0 || s.length > 255) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const letter = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c >= 0xc0;
    const other = (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e || c === 0xb7;
    if (!(letter || (i > 0 && other))) return false;
  }
  return true;
}

/** The last segment of a relationship type URI (the transitional and strict namespaces differ only before it). */
function typeName(uri: string): string {
  return uri.slice(uri.lastIndexOf('/') + 1);
}

/** A relationship target → a part name, relative to the folder of the part that names it. */
export function resolveTarget(fromPart: string, target: string): string | null {
  const base = target.startsWith('/') ? [] : fromPart.split('/').slice(0, -1);
  const out = [...base];
  for (const seg of target.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(seg);
  }
  return out.join('/');
}

function relsPartOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

async function readRels(bytes: Uint8Array, entry: ZipEntry, L: ReadLimits, pacer: Pacer): Promise<Map<string, Relationship>> {
  const rels = new Map<string, Relationship>();
  const seen = new Set<string>();
  let count = 0;
  await parseXmlPart(
    bytes,
    entry,
    {
      open(name, a) {
        if (name !== 'Relationship') return;
        const id = a.Id ?? '';
        if (!isXmlName(id)) unreadable(`关系编号“${id}”不合法`);
        if (++count > L.maxEntries) unreadable(`${entry.name} 中的关系过多`);
        const type = typeName(a.Type ?? '');
        // Every id counts for uniqueness; only followed ones are kept (copied, not views of the part's text).
        if (rels.has(id) || seen.has(id)) unreadable(`关系编号“${id}”重复`);
        if (!FOLLOWED.has(type)) {
          seen.add(detach(id));
          return;
        }
        const target = a.Target ?? '';
        if (target.length > MAX_TARGET) unreadable(`${entry.name} 中的关系目标过长`);
        rels.set(detach(id), { type, target: detach(target), external: a.TargetMode === 'External' });
      },
      close() {},
      text() {},
    },
    L,
    pacer,
  );
  return rels;
}

function notAWorkbook(dir: ZipDirectory): never {
  const has = (k: string) => dir.byKey.has(k);
  const some = (prefix: string) => dir.entries.some((e) => e.key.startsWith(prefix));
  const detail = some('word/')
    ? '这是 Word 文档'
    : some('ppt/')
      ? '这是 PowerPoint 文档'
      : has('xl/workbook.bin')
        ? '这是 .xlsb 二进制工作簿'
        : has('content.xml') && has('mimetype')
          ? '这是 OpenDocument 表格（.ods）'
          : '压缩包中没有工作簿';
  refuse(makeIssue('FILE_NOT_XLSX', { detail }));
}

async function findWorkbook(bytes: Uint8Array, dir: ZipDirectory, L: ReadLimits, pacer: Pacer, parsed: ZipEntry[]): Promise<ZipEntry> {
  const root = dir.byKey.get('_rels/.rels');
  if (root) {
    parsed.push(root);
    const rels = await readRels(bytes, root, L, pacer);
    for (const r of rels.values()) {
      if (r.type !== 'officeDocument' || r.external) continue;
      const name = resolveTarget('', r.target);
      const e = name === null ? undefined : dir.byKey.get(name.toLowerCase());
      // A Word or PowerPoint file, or a binary .xlsb workbook, names its own main part here.
      if (e) return e.key.endsWith('.xml') ? e : notAWorkbook(dir);
    }
  }
  // No guessing at xl/workbook.xml: no spreadsheet program writes a workbook without naming it
  // here, and none opens one that does not.
  if (!dir.byKey.has('xl/workbook.xml')) notAWorkbook(dir);
  refuse(makeIssue('PACKAGE_DAMAGED', { detail: root ? '_rels/.rels 中没有指向工作簿的关系' : '缺少 _rels/.rels' }));
}

interface SheetDecl {
  name: string;
  state: SheetState;
  rid: string;
}

function relId(a: Record<string, string>): string {
  if (a['r:id'] !== undefined) return a['r:id'];
  for (const k of Object.keys(a)) if (k.endsWith(':id')) return a[k] ?? '';
  return '';
}

export async function readPackage(bytes: Uint8Array, dir: ZipDirectory, L: ReadLimits, pacer: Pacer): Promise<PackageParts> {
  const parsed: ZipEntry[] = [];
  const wb = await findWorkbook(bytes, dir, L, pacer, parsed);
  parsed.push(wb);
  const decls: SheetDecl[] = [];
  let date1904 = false;
  let recalcOnLoad = false;
  let inSheets = false;
  let root = true;
  await parseXmlPart(
    bytes,
    wb,
    {
      open(name, a) {
        if (root && name !== 'workbook') notAWorkbook(dir);
        root = false;
        if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
        else if (name === 'calcPr') recalcOnLoad = a.fullCalcOnLoad === '1' || a.fullCalcOnLoad === 'true';
        else if (name === 'sheets') inSheets = true;
        else if (name === 'sheet' && inSheets) {
          const state: SheetState = a.state === 'hidden' ? 'hidden' : a.state === 'veryHidden' ? 'veryHidden' : 'visible';
          const sheetName = a.name ?? '';
          const rid = relId(a);
          // Bounded as they arrive: every sheet is a part, and names and ids are short.
          if (decls.length >= L.maxEntries) unreadable('工作表过多');
          if (sheetName.trim() === '' || sheetName.length > 255) unreadable('工作表名称为空或过长');
          if (!isXmlName(rid)) unreadable(`关系编号“${rid}”不合法`);
          decls.push({ name: detach(sheetName), state, rid: detach(rid) });
        }
      },
      close(name) {
        if (name === 'sheets') inSheets = false;
      },
      text() {},
    },
    L,
    pacer,
  );

  await checkContentTypes(bytes, dir, wb, L, pacer, parsed);

  const relsEntry = dir.byKey.get(relsPartOf(wb.key));
  if (relsEntry) parsed.push(relsEntry);
  const rels = relsEntry ? await readRels(bytes, relsEntry, L, pacer) : new Map<string, Relationship>();
  const part = (r: Relationship): ZipEntry | null => {
    if (r.external) return null;
    const name = resolveTarget(wb.name, r.target);
    return name === null ? null : (dir.byKey.get(name.toLowerCase()) ?? null);
  };

  const used = new Set<ZipEntry>();
  const names = new Set<string>();
  const sheets: SheetPart[] = [];
  for (const d of decls) {
    const key = d.name.toLowerCase();
    if (names.has(key)) unreadable(`工作表名称“${d.name}”重复`);
    names.add(key);
    const r = rels.get(d.rid);
    if (!r) unreadable(`工作表“${d.name}”找不到对应的部件`);
    // Chart sheets and dialog sheets hold no cells.
    if (r.type !== 'worksheet') continue;
    const entry = part(r);
    if (!entry) unreadable(`工作表“${d.name}”的部件不存在`);
    if (used.has(entry)) unreadable(`两个工作表指向同一部件`);
    used.add(entry);
    sheets.push({ name: d.name, state: d.state, entry });
  }
  let sharedStrings: ZipEntry | null = null;
  let styles: ZipEntry | null = null;
  for (const r of rels.values()) {
    if (r.type === 'sharedStrings') sharedStrings ??= part(r);
    else if (r.type === 'styles') styles ??= part(r);
  }
  if (!relsEntry) {
    sharedStrings = dir.byKey.get('xl/sharedstrings.xml') ?? null;
    styles = dir.byKey.get('xl/styles.xml') ?? null;
  }
  for (const e of [sharedStrings, styles]) {
    if (e && used.has(e)) unreadable('工作表与其他部件指向同一部件');
  }
  return { parsed, date1904, recalcOnLoad, sheets, sharedStrings, styles };
}
