// Which of the four workbook packages a file is (.xlsx, .xlsm, .xltx, .xltm), by the content type
// its [Content_Types].xml gives the workbook part. Excel opens a file only under the extension of
// that type: a macro-enabled workbook or a template named .xlsx is "not a valid file" to it, so a
// stored upload is handed back under its own extension.
import type { ZipEntry } from '../zip/directory';
import { readZipDirectory } from '../zip/directory';
import { Pacer } from '../zip/inflate';
import { readLimits } from './limits';
import { parseXmlPart } from './xml';

export interface WorkbookFileKind {
  extension: 'xlsx' | 'xlsm' | 'xltx' | 'xltm';
  mime: string;
}

const KINDS: ReadonlyArray<[mainType: string, kind: WorkbookFileKind]> = [
  ['application/vnd.ms-excel.sheet.macroenabled.main+xml', { extension: 'xlsm', mime: 'application/vnd.ms-excel.sheet.macroEnabled.12' }],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml', { extension: 'xltx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.template' }],
  ['application/vnd.ms-excel.template.macroenabled.main+xml', { extension: 'xltm', mime: 'application/vnd.ms-excel.template.macroEnabled.12' }],
];
const XLSX: WorkbookFileKind = { extension: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

/**
 * For a file the reader accepted (it has exactly one workbook part, of one of the four types).
 * Anything it cannot tell, or a file it cannot read, is an .xlsx, as the file was uploaded.
 */
export async function workbookFileKind(bytes: Uint8Array): Promise<WorkbookFileKind> {
  try {
    const L = readLimits({ maxFileBytes: Math.max(bytes.length, 1) });
    const entry: ZipEntry | undefined = readZipDirectory(bytes, L).byKey.get('[content_types].xml');
    if (!entry) return XLSX;
    let kind = XLSX;
    await parseXmlPart(
      bytes,
      entry,
      {
        open(name, a) {
          const type = (a.ContentType ?? '').toLowerCase();
          const found = KINDS.find(([t]) => t === type);
          if (found && (name === 'Override' || name === 'Default')) kind = found[1];
        },
        close() {},
        text() {},
      },
      L,
      new Pacer(),
    );
    return kind;
  } catch {
    return XLSX;
  }
}
