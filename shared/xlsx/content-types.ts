// [Content_Types].xml, which every program reads before it opens a package: the workbook part is
// opened as a workbook only when this list says it is one (xlsx/package.ts asks here).
import { makeIssue } from '../issues/catalogue';
import type { ZipDirectory, ZipEntry } from '../zip/directory';
import type { Pacer } from '../zip/inflate';
import { refuse } from '../zip/refusal';
import type { ReadLimits } from './limits';
import { parseXmlPart } from './xml';

const CONTENT_TYPES = '[content_types].xml';
/** The workbook's content types (.xlsx, .xltx, .xlsm, .xltm): the main part is opened only as one of these. */
const WORKBOOK_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml',
  'application/vnd.ms-excel.sheet.macroenabled.main+xml',
  'application/vnd.ms-excel.template.macroenabled.main+xml',
]);

/**
 * [Content_Types].xml must be there, parse, and give the workbook part a workbook's type, by an
 * Override for its name or else the Default for its extension. Only that one answer is kept.
 */
export async function checkContentTypes(bytes: Uint8Array, dir: ZipDirectory, wb: ZipEntry, L: ReadLimits, pacer: Pacer, parsed: ZipEntry[]): Promise<void> {
  const entry = dir.byKey.get(CONTENT_TYPES);
  if (!entry) refuse(makeIssue('PACKAGE_DAMAGED', { detail: '缺少 [Content_Types].xml' }));
  parsed.push(entry);
  const partName = `/${wb.key}`;
  const extension = wb.key.slice(wb.key.lastIndexOf('.') + 1);
  let root = true;
  // Whether the Override for the workbook, and the Default for its extension, say "workbook" (null: none seen).
  const said: { override: boolean | null; byDefault: boolean | null } = { override: null, byDefault: null };
  await parseXmlPart(
    bytes,
    entry,
    {
      open(name, a) {
        if (root && name !== 'Types') refuse(makeIssue('PACKAGE_DAMAGED', { detail: '[Content_Types].xml 不是内容类型清单' }));
        root = false;
        const type = (a.ContentType ?? '').toLowerCase();
        if (name === 'Override' && (a.PartName ?? '').toLowerCase() === partName) {
          // Two answers for the workbook: programs that take the first and those that take the last would differ.
          if (said.override !== null) refuse(makeIssue('PACKAGE_DAMAGED', { detail: '[Content_Types].xml 重复声明了工作簿的类型' }));
          said.override = WORKBOOK_TYPES.has(type);
        } else if (name === 'Default' && (a.Extension ?? '').toLowerCase() === extension) {
          if (said.byDefault !== null) refuse(makeIssue('PACKAGE_DAMAGED', { detail: '[Content_Types].xml 重复声明了工作簿的类型' }));
          said.byDefault = WORKBOOK_TYPES.has(type);
        }
      },
      close() {},
      text() {},
    },
    L,
    pacer,
  );
  if (!(said.override ?? said.byDefault ?? false)) refuse(makeIssue('PACKAGE_DAMAGED', { detail: '[Content_Types].xml 没有声明工作簿的类型' }));
}
