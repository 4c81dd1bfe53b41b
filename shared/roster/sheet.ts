// Reading a 党组织名册 (the county's list of grassroots organizations: township, organization,
// category, type, parent, optional id) from a sheet model, as a careful reviewer would: find the
// header by its words wherever it starts, read each organization once, carry a township down a
// merged cell or a 同上, and say at the cell what cannot be read. Pure: the bytes are read by the
// shared reader (readRosterBytes), pasted text by ./paste.
import type { RosterEntry } from '../api/contract';
import { capIssues } from '../issues/cap';
import { makeIssue, type Where } from '../issues/catalogue';
import type { Issue } from '../issues/types';
import { findCategory, findOrgType } from '../scheme/lookup';
import type { Scheme } from '../scheme/schema';
import { ORG_TYPES, orgTypeLabel } from '../template/definition';
import { cleanName } from '../text/name';
import { cleanText, normalizeLabel, orgKey } from '../text/normalize';
import { cellAddress } from '../workbook/a1';
import { MergeCursor } from '../workbook/merge-cursor';
import { cellText, type SheetModel, type SheetRow, type WorkbookModel } from '../workbook/model';

export const ROSTER_SHEET = '党组织名册';
/** More rows than any county has (the largest source county: 1,014); beyond it, split by township. */
export const MAX_ROSTER_ENTRIES = 20_000;

export type RosterKey = 'township' | 'name' | 'category' | 'orgType' | 'parent' | 'id';

/** The 名册's columns in template order; a sheet may have them in any order under any of the names. */
export const ROSTER_COLUMNS: ReadonlyArray<{ key: RosterKey; header: string; aliases: readonly string[]; width: number }> = [
  { key: 'township', header: '乡镇（街道）', aliases: ['乡镇', '街道', '乡镇街道', '所属乡镇', '所属乡镇（街道）', '乡镇（街道）党（工）委', '所属党（工）委', '党（工）委', '所属党委'], width: 18 },
  { key: 'name', header: '党组织名称', aliases: ['名称', '组织名称', '基层党组织名称', '党组织', '基层党组织'], width: 32 },
  { key: 'category', header: '类别', aliases: ['领域', '所属领域', '党组织类别', '分类'], width: 16 },
  { key: 'orgType', header: '组织类型', aliases: ['党组织类型', '组织形式', '党组织形式', '类型'], width: 12 },
  { key: 'parent', header: '所属党总支', aliases: ['上级党总支', '所属总支', '上级党组织'], width: 28 },
  { key: 'id', header: '组织编号', aliases: ['编号', '党组织编号', 'id'], width: 14 },
];

const DITTO = new Set(['同上', '〃', '"', '”', '同前']);
/** A line under or around the table that no clerk would take for an organization: signatures, notes, totals. */
const NOTE_LINE = /^(填报|填表|制表|审核|负责人|联系|盖章|日期|说明|注[:：]|备注|合计|总计|小计)/;
const HEADER_SCAN_ROWS = 20;
/** What a stored campaign accepts (shared/api/campaign.ts), so a roster that reads clean also saves. */
const LIMITS: ReadonlyArray<readonly [RosterKey, string, number]> = [
  ['township', '乡镇（街道）', 60],
  ['name', '党组织名称', 200],
  ['category', '类别', 60],
  ['orgType', '组织类型', 20],
  ['parent', '所属党总支', 200],
  ['id', '组织编号', 64],
];

export interface RosterRead {
  entries: RosterEntry[];
  /** Townships in order of first appearance with their number of organizations. */
  townships: Array<{ name: string; count: number }>;
  issues: Issue[];
}

export interface RosterOptions {
  /** The campaign's township names: a line naming another township is an error. */
  townships?: readonly string[];
  /** Pasted text has no header when the clerk copied only the data: columns are then in template order. */
  headerOptional?: boolean;
}

const byLabel: ReadonlyMap<string, RosterKey> = (() => {
  const m = new Map<string, RosterKey>();
  for (const c of ROSTER_COLUMNS) for (const n of [c.header, ...c.aliases]) m.set(normalizeLabel(n), c.key);
  return m;
})();

function headerColumns(row: SheetRow): Map<RosterKey, number> | null {
  const cols = new Map<RosterKey, number>();
  row.cells.forEach((c, i) => {
    const key = byLabel.get(normalizeLabel(cellText(c)));
    if (key && !cols.has(key)) cols.set(key, i);
  });
  return cols.has('township') && cols.has('name') ? cols : null;
}

function findHeader(sheet: SheetModel): { row: number; cols: Map<RosterKey, number> } | null {
  for (const r of sheet.rows.slice(0, HEADER_SCAN_ROWS)) {
    const cols = headerColumns(r);
    if (cols) return { row: r.row, cols };
  }
  return null;
}

/** Template order from column A: for pasted data without a header. */
function defaultColumns(): Map<RosterKey, number> {
  return new Map(ROSTER_COLUMNS.map((c, i) => [c.key, i + 1] as const));
}

/** The value of a merged township cell sits in its top-left cell: rows below it inherit it. */
function mergedAbove(merges: MergeCursor, row: number, col: number): number | null {
  for (const m of merges.under(row)) if (col >= m.left && col <= m.right) return m.top;
  return null;
}

/** One line as typed (trimmed, full-width folded), before any rule is applied. */
export interface RosterLine {
  township: string;
  name: string;
  category: string;
  orgType: string;
  parent: string;
  id: string;
  /** 1-based row (of the sheet, the pasted text, or the position in a township's list). */
  row: number;
}

export type RosterWhere = (line: RosterLine, key: RosterKey) => Where;

/**
 * The rules of a 名册, once, for a sheet, pasted text and a campaign's roster alike: a known
 * township, a known category (blank is a warning: the township fills it in), a known type, no
 * organization twice in one township, a parent in the same township.
 */
export function checkRoster(lines: readonly RosterLine[], scheme: Scheme, where: RosterWhere, opts: Pick<RosterOptions, 'townships'> = {}): { entries: RosterEntry[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const known = opts.townships ? new Map(opts.townships.map((t) => [orgKey(t), t] as const)) : null;
  const allowedCategories = scheme.categories.map((c) => c.name).join('、');
  const allowedTypes = ORG_TYPES.map((o) => o.label).join('、');
  const entries: RosterEntry[] = [];
  const lineOf = new Map<RosterEntry, RosterLine>();
  const seen = new Map<string, RosterEntry>(); // township key + org key → first entry
  const anyTownship = new Map<string, RosterEntry>(); // org key → first entry, any township
  for (const l of lines) {
    const { row, name } = l;
    const tooLong = LIMITS.find(([k, , max]) => l[k].length > max);
    if (tooLong) {
      const [k, field, limit] = tooLong;
      issues.push(makeIssue('ROSTER_TEXT_TOO_LONG', { row, field, length: l[k].length, limit }, where(l, k)));
      continue;
    }
    let township = l.township;
    if (known) {
      const canonical = known.get(orgKey(township));
      if (!canonical) {
        issues.push(makeIssue('ROSTER_TOWNSHIP_UNKNOWN', { row, name, township }, where(l, 'township')));
        continue;
      }
      township = canonical;
    }
    const entry: RosterEntry = { township, name, row };
    if (l.category) {
      const c = findCategory(scheme, l.category);
      if (c) entry.category = c.name;
      else issues.push(makeIssue('ROSTER_CATEGORY_UNKNOWN', { row, name, value: l.category, allowed: allowedCategories }, where(l, 'category')));
    } else {
      issues.push(makeIssue('ROSTER_CATEGORY_BLANK', { row, name }, where(l, 'category')));
    }
    if (l.orgType) {
      // The scheme's vocabulary (a county's own words for 党支部 and the like) decides, as for uploads.
      const t = orgTypeLabel(findOrgType(scheme, l.orgType)) || null;
      if (t) entry.orgType = t;
      else issues.push(makeIssue('ROSTER_TYPE_UNKNOWN', { row, name, value: l.orgType, allowed: allowedTypes }, where(l, 'orgType')));
    }
    if (l.parent) entry.parent = l.parent;
    if (l.id) entry.id = l.id;

    const key = `${orgKey(township)}\u0000${orgKey(name)}`;
    const first = seen.get(key);
    if (first) {
      issues.push(makeIssue('ROSTER_DUPLICATE', { row, name, township, first: first.row }, where(l, 'name')));
      continue;
    }
    const elsewhere = anyTownship.get(orgKey(name));
    if (elsewhere) issues.push(makeIssue('ROSTER_TWO_TOWNSHIPS', { row, name, township, other: elsewhere.township }, where(l, 'township')));
    else anyTownship.set(orgKey(name), entry);
    seen.set(key, entry);
    lineOf.set(entry, l);
    entries.push(entry);
  }
  // A branch's 所属党总支 should be an organization of the same township.
  for (const e of entries) {
    const l = lineOf.get(e);
    if (l && e.parent && !seen.has(`${orgKey(e.township)}\u0000${orgKey(e.parent)}`)) {
      issues.push(makeIssue('ROSTER_PARENT_NOT_FOUND', { row: e.row, name: e.name, parent: e.parent }, where(l, 'parent')));
    }
  }
  return { entries, issues };
}

export function readRosterSheet(sheet: SheetModel, scheme: Scheme, opts: RosterOptions = {}): RosterRead {
  const issues: Issue[] = [];
  const header = findHeader(sheet);
  if (!header && !opts.headerOptional) return { entries: [], townships: [], issues: [makeIssue('ROSTER_HEADER_NOT_FOUND', {}, { sheet: sheet.name })] };
  const cols = header?.cols ?? defaultColumns();
  const firstData = header ? header.row + 1 : 1;
  const col = (k: RosterKey) => cols.get(k) ?? 0;
  // A column the sheet lacks is named at the organization's name cell.
  const at = (k: RosterKey, row: number): Where => ({ sheet: sheet.name, cell: cellAddress(col(k) || col('name') || 1, row) });
  const rows = sheet.rows.filter((r) => r.row >= firstData);
  if (rows.length > MAX_ROSTER_ENTRIES) {
    return { entries: [], townships: [], issues: [makeIssue('ROSTER_TOO_MANY', { count: rows.length, limit: MAX_ROSTER_ENTRIES }, { sheet: sheet.name })] };
  }

  const lines: RosterLine[] = [];
  const townshipAt = new Map<number, string>();
  // Asked row by row, in order: the work is the rows present, not the rows a merge spans.
  const merges = new MergeCursor(sheet.merges ?? []);
  let lastTownship = '';
  for (const r of rows) {
    const text = (k: RosterKey) => (col(k) ? cleanName(cellText(r.cells[col(k)])) : '');
    const line: RosterLine = { township: text('township'), name: text('name'), category: text('category'), orgType: text('orgType'), parent: text('parent'), id: text('id'), row: r.row };
    if (!line.name && !line.township && !line.category && !line.orgType && !line.parent && !line.id) continue;
    const texts = r.cells.map((c) => cleanText(cellText(c))).filter(Boolean);
    // No name, and the row starts with a label (填报人：, 制表人：, 注：…): the lines under the
    // table, whether in one merged cell or spread over several (label, value, label, value).
    if (!line.name && NOTE_LINE.test(texts[0] ?? '')) continue;
    if (r.hidden) {
      issues.push(makeIssue('ROSTER_ROW_HIDDEN', { row: r.row }, at('name', r.row)));
      continue;
    }
    // A township merged down a group of rows, or written 同上, is the one above.
    if (!line.township || DITTO.has(line.township)) {
      const top = col('township') ? mergedAbove(merges, r.row, col('township')) : null;
      line.township = top !== null ? (townshipAt.get(top) ?? '') : DITTO.has(line.township) ? lastTownship : '';
    }
    if (line.township) townshipAt.set(r.row, line.township);
    if (!line.name) {
      issues.push(makeIssue('ROSTER_NAME_BLANK', { row: r.row }, at('name', r.row)));
      continue;
    }
    if (!line.township) {
      issues.push(makeIssue('ROSTER_TOWNSHIP_BLANK', { row: r.row, name: line.name }, at('township', r.row)));
      continue;
    }
    lastTownship = line.township;
    lines.push(line);
  }
  const checked = checkRoster(lines, scheme, (l, k) => at(k, l.row), opts);
  // One by one: a 名册 of 20,000 bad lines would overflow the stack as push()'s arguments.
  for (const i of checked.issues) issues.push(i);
  if (checked.entries.length === 0 && !issues.some((i) => i.severity === 'error')) issues.push(makeIssue('ROSTER_EMPTY', {}, { sheet: sheet.name }));
  issues.sort((a, b) => rowOf(a) - rowOf(b));
  // The first issues in row order and the count of the rest, as for an upload (shared/issues/cap.ts).
  return { entries: checked.entries, townships: countTownships(checked.entries), issues: capIssues(issues) };
}

function rowOf(i: Issue): number {
  return Number(/\d+$/.exec(i.cell ?? '')?.[0] ?? 0);
}

export function countTownships(entries: readonly RosterEntry[]): Array<{ name: string; count: number }> {
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.township, (counts.get(e.township) ?? 0) + 1);
  return [...counts].map(([name, count]) => ({ name, count }));
}

/** The sheet named 党组织名册, else the first visible sheet whose header can be found. */
export function readRosterModel(model: WorkbookModel, scheme: Scheme, opts: RosterOptions = {}): RosterRead {
  const visible = model.sheets.filter((s) => s.state === 'visible');
  const named = visible.find((s) => normalizeLabel(s.name) === normalizeLabel(ROSTER_SHEET));
  const sheet = named ?? visible.find((s) => findHeader(s) !== null) ?? visible[0];
  if (!sheet) return { entries: [], townships: [], issues: [makeIssue('ROSTER_HEADER_NOT_FOUND')] };
  return readRosterSheet(sheet, scheme, opts);
}
