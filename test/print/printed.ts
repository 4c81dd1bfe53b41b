// Printing workbooks sheet by sheet and checking each page against the print standard: shared by
// the print acceptance (print.test.ts) and the year after's consolidated sheets (year-after.test.ts).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { writePrintedSheet, type SheetDef } from '../../shared';
import { leanWorkbook } from '../../functions/src/xlsx-out/workbook';
import { firstPagePng, onlySheet, pageText, pdfPages, sheetNames, toPdf, type PageInfo } from './office';

export const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts/print');

export interface Printed {
  /** sheet → its pages when printed alone. */
  sheets: Map<string, { pdf: string; pages: PageInfo[] }>;
  /** Pages of the whole workbook printed at once, and its PDF. */
  whole: PageInfo[];
  wholePdf: string;
  /** Height of the glyph boxes of 10-pt body text printed at 100 % (this machine's CJK font). */
  tenPoint: number;
}

/** The body font size every printed form must reach on paper, in points. */
export const LEGIBLE_PT = 8;

/** Heights of the boxes of the words with Chinese characters (pdftotext -bbox), every page. */
function cjkHeights(pdf: string): number[] {
  const html = spawnSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }).stdout;
  return [...html.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].filter((m) => /[\u4e00-\u9fff]/.test(m[3] ?? '')).map((m) => Number(m[2]) - Number(m[1]));
}

/** The most frequent height, to 0.1: the body's (body cells, headers and notes are 10 pt, titles fewer). */
function commonHeight(pdf: string): number {
  const count = new Map<number, number>();
  for (const h of cjkHeights(pdf)) count.set(Math.round(h * 10) / 10, (count.get(Math.round(h * 10) / 10) ?? 0) + 1);
  return [...count].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
}

/** The body text's size on paper, in points: 10 pt times the scale the program printed the sheet at. */
export function bodyPt(p: Printed, sheet: string): number {
  const got = p.sheets.get(sheet);
  if (!got) throw new Error(`sheet ${sheet} was not printed`);
  return Math.round((100 * commonHeight(got.pdf)) / p.tenPoint) / 10;
}

/** A narrow table of body text, printed at 100 %: what 10 pt measures on this machine. */
async function tenPointBook(): Promise<Uint8Array> {
  const out = leanWorkbook({ creator: 'print test', created: new Date(Date.UTC(2026, 0, 1)) });
  const rows = Array.from({ length: 20 }, (_, i) => [i + 1, '城关镇东山村党支部']);
  writePrintedSheet(out.book, { name: '十磅', title: '十磅', columns: [{ header: '序号', kind: 'seq', width: 5 }, { header: '党组织名称', kind: 'text', width: 24 }] }, rows);
  return new Uint8Array(await out.finish());
}

/** Temporary folders of the PDFs, removed when the calling file's tests are done. */
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/**
 * Prints each workbook whole and each of its sheets (or only `only`) alone, all in one LibreOffice
 * run; the first page of each sheet goes to test-artifacts/print/<label>-<sheet>.png.
 */
export async function print(workbooks: Record<string, Uint8Array>, recalc: boolean, only?: readonly string[]): Promise<Record<string, Printed>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'print-'));
  dirs.push(dir);
  const books: Record<string, Uint8Array> = { 'ten-point': await tenPointBook() };
  const names: Record<string, string[]> = {};
  for (const [label, bytes] of Object.entries(workbooks)) {
    names[label] = sheetNames(bytes).filter((n) => n !== '_meta' && (!only || only.includes(n)));
    books[`${label}-whole`] = bytes;
    names[label]?.forEach((n, i) => (books[`${label}-s${i}`] = onlySheet(bytes, n)));
  }
  const pdfs = toPdf(dir, books, { recalc });
  const tenPoint = commonHeight(pdfs['ten-point'] as string);
  const out: Record<string, Printed> = {};
  for (const label of Object.keys(workbooks)) {
    const sheets = new Map<string, { pdf: string; pages: PageInfo[] }>();
    names[label]?.forEach((n, i) => {
      const pdf = pdfs[`${label}-s${i}`] as string;
      sheets.set(n, { pdf, pages: pdfPages(pdf) });
      firstPagePng(pdf, path.join(ARTIFACTS, `${label}-${n}.png`));
    });
    const wholePdf = pdfs[`${label}-whole`] as string;
    out[label] = { sheets, whole: pdfPages(wholePdf), wholePdf, tenPoint };
  }
  return out;
}

/**
 * Every page: A4 in the sheet's orientation, the first and last column headers (one table wide,
 * header repeated), 〈sheet〉 第 N 页（本次打印共 M 页）; the body text at least LEGIBLE_PT on paper.
 */
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
    expect(text).toContain(`${def.name}第${i + 1}页（本次打印共${got.pages.length}页）`);
  });
  const pt = bodyPt(p, def.name);
  expect(`${def.name}: ${pt >= LEGIBLE_PT ? 'legible' : `body text ${pt} pt`}`).toBe(`${def.name}: legible`);
}

/**
 * The whole workbook printed at once: each sheet numbers its own pages from 1, with its name, and
 * 本次打印共 N 页 is the whole print's N (LibreOffice's &N is the document's pages, layout.ts).
 */
export function expectNumberedPerSheet(p: Printed): void {
  const expected = [...p.sheets].flatMap(([name, s]) => s.pages.map((_, i) => `${name}第${i + 1}页（本次打印共${p.whole.length}页）`));
  const got = p.whole.map((_, k) => {
    const text = pageText(p.wholePdf, k + 1).replace(/\s+/g, '');
    const want = expected[k] ?? '';
    return text.includes(want) ? want : (/第\d+页（本次打印共\d+页）/.exec(text)?.[0] ?? text.slice(-40));
  });
  expect(got).toEqual(expected);
}
