// Printing workbooks sheet by sheet and checking each page against the print standard: shared by
// the print acceptance (print.test.ts) and the year after's consolidated sheets (year-after.test.ts).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { SheetDef } from '../../shared';
import { firstPagePng, onlySheet, pageText, pdfPages, sheetNames, toPdf, type PageInfo } from './office';

export const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts/print');

export interface Printed {
  /** sheet → its pages when printed alone. */
  sheets: Map<string, { pdf: string; pages: PageInfo[] }>;
  /** Pages of the whole workbook printed at once. */
  whole: PageInfo[];
}

/** Temporary folders of the PDFs, removed when the calling file's tests are done. */
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/**
 * Prints each workbook whole and each of its sheets (or only `only`) alone, all in one LibreOffice
 * run; the first page of each sheet goes to test-artifacts/print/<label>-<sheet>.png.
 */
export function print(workbooks: Record<string, Uint8Array>, recalc: boolean, only?: readonly string[]): Record<string, Printed> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'print-'));
  dirs.push(dir);
  const books: Record<string, Uint8Array> = {};
  const names: Record<string, string[]> = {};
  for (const [label, bytes] of Object.entries(workbooks)) {
    names[label] = sheetNames(bytes).filter((n) => n !== '_meta' && (!only || only.includes(n)));
    books[`${label}-whole`] = bytes;
    names[label]?.forEach((n, i) => (books[`${label}-s${i}`] = onlySheet(bytes, n)));
  }
  const pdfs = toPdf(dir, books, { recalc });
  const out: Record<string, Printed> = {};
  for (const label of Object.keys(workbooks)) {
    const sheets = new Map<string, { pdf: string; pages: PageInfo[] }>();
    names[label]?.forEach((n, i) => {
      const pdf = pdfs[`${label}-s${i}`] as string;
      sheets.set(n, { pdf, pages: pdfPages(pdf) });
      firstPagePng(pdf, path.join(ARTIFACTS, `${label}-${n}.png`));
    });
    out[label] = { sheets, whole: pdfPages(pdfs[`${label}-whole`] as string) };
  }
  return out;
}

/** Every page: A4 in the sheet's orientation, the first and last column headers (one table wide, header repeated), 第 N 页，共 M 页. */
export function expectPrintsWell(p: Printed, def: SheetDef): void {
  const got = p.sheets.get(def.name);
  if (!got) throw new Error(`sheet ${def.name} was not printed`);
  const landscape = (def.orientation ?? (def.columns.reduce((a, c) => a + c.width, 0) > 100 ? 'landscape' : 'portrait')) === 'landscape';
  const first = def.columns[0]?.header ?? '';
  const last = def.columns[def.columns.length - 1]?.header ?? '';
  got.pages.forEach((page, i) => {
    const text = pageText(got.pdf, i + 1).replace(/\s+/g, '');
    expect([def.name, i + 1, page.paper, page.width > page.height]).toEqual([def.name, i + 1, 'A4', landscape]);
    expect([def.name, i + 1, text.includes(first), text.includes(last)]).toEqual([def.name, i + 1, true, true]);
    expect(text).toContain(`第${i + 1}页，共${got.pages.length}页`);
  });
}
