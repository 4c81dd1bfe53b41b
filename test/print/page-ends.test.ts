// A printed form never ends on a page of nothing but its repeated header (a tester's finding): the
// 比例检查 of 27 or 28 townships filled its first page exactly and printed a second one with the
// header and 制表人/审核人 only. The signature lines now print in every page's footer, so nothing
// follows a form's last row and its last page holds body rows. Each county form is
// printed by LibreOffice with 20 to 45 one-line rows, across the end of its first page; every page
// must carry a body row and the signature lines, and the page count must follow the rows.
import { defaultScheme, detailForm, duplicatesForm, goodListForm, ledgerForm, poorDetailForm, poorListForm, quotaForm, statusForm, summaryForm, writePrintedSheet, type FormContext, type PrintCell, type SheetDef } from '../../shared';
import { leanWorkbook } from '../../functions/src/xlsx-out/workbook';
import { canPrint, pageText, pdfPages, toPdf } from './office';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const maybe = canPrint ? describe : describe.skip;
if (!canPrint) console.warn('soffice or poppler-utils not found: skipping the page-end print check');

const ctx: FormContext = { scheme: defaultScheme, county: '青山县', year: 2026, townships: ['城关镇'], generatedAt: '2026-04-25 10:00' };
const FORMS: SheetDef[] = [summaryForm(ctx, 1), summaryForm(ctx, 1, 'category'), detailForm(ctx), poorListForm(ctx), poorDetailForm(ctx), goodListForm(ctx), ledgerForm(ctx), quotaForm(ctx), statusForm(ctx), duplicatesForm(ctx)];
const COUNTS = Array.from({ length: 26 }, (_, i) => 20 + i);

/** Row k of a form: 行k in its text columns (short, one line), numbers elsewhere. */
function row(def: SheetDef, k: number): PrintCell[] {
  return def.columns.map((c) => (c.kind === 'text' || c.kind === 'center' ? `行${k}` : c.kind === 'percent' ? 0.2 : c.kind === 'date' ? '2026-12-31' : k));
}

maybe('the last page of a form', () => {
  /** Per row count: each sheet's pages (text without whitespace), from the whole workbook's print. */
  const pages = new Map<number, Map<string, string[]>>();
  /** Per row count: each page's first and last line of text (layout), in print order. */
  const edges = new Map<number, Array<[string, string]>>();
  let dir = '';
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'page-ends-'));
    const books: Record<string, Uint8Array> = {};
    for (const n of COUNTS) {
      const out = leanWorkbook({ creator: '青山县委组织部', created: new Date(Date.UTC(2026, 3, 25)) });
      for (const def of FORMS) writePrintedSheet(out.book, def, Array.from({ length: n }, (_, i) => row(def, i + 1)));
      books[`n${n}`] = new Uint8Array(await out.finish());
    }
    const pdfs = toPdf(dir, books);
    for (const n of COUNTS) {
      const pdf = pdfs[`n${n}`] as string;
      const bySheet = new Map<string, string[]>();
      const ends: Array<[string, string]> = [];
      pdfPages(pdf).forEach((_, i) => {
        const raw = pageText(pdf, i + 1);
        const lines = raw.split('\n').map((l) => l.replace(/\s+/g, '')).filter(Boolean);
        ends.push([lines[0] ?? '', lines[lines.length - 1] ?? '']);
        const text = raw.replace(/\s+/g, '');
        // The longest name whose page number is on the page (明细表 ends 较差状况明细表 too).
        const names = FORMS.map((d) => d.name).filter((x) => new RegExp(`${x}第\\d+页（本次打印共`).test(text));
        const name = names.sort((a, b) => b.length - a.length)[0] ?? '?';
        bySheet.set(name, [...(bySheet.get(name) ?? []), text]);
      });
      pages.set(n, bySheet);
      edges.set(n, ends);
    }
  }, 600_000);
  afterAll(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  test.each(FORMS.map((d) => [d.name]))('%s: every page of 20 to 45 rows holds rows under the form’s header, and the signature lines', (name) => {
    const seen: string[] = [];
    for (const n of COUNTS) {
      const got = pages.get(n)?.get(name) ?? [];
      expect([n, got.length > 0]).toEqual([n, true]);
      got.forEach((t, i) => {
        // 行k of a text column: a page of only the header has none.
        const rows = /行\d+/.test(t);
        seen.push(`${n}:${i + 1}`);
        // Under the form's own header: its first and last column (汇总表（按类别）'s 类别, not 乡镇（街道）).
        const def = FORMS.find((d) => d.name === name) as SheetDef;
        const header = [def.columns[0], def.columns[def.columns.length - 1]].every((c) => t.includes((c?.header ?? '').replace(/\s+/g, '')));
        expect([name, n, i + 1, rows, header, t.includes('制表人：') && t.includes('审核人：')]).toEqual([name, n, i + 1, true, true, true]);
      });
      // The rows' last one is printed, on the last page.
      expect([n, got[got.length - 1]?.includes(`行${n}`)]).toEqual([n, true]);
    }
    expect(seen.length).toBeGreaterThanOrEqual(COUNTS.length);
  });

  test('page numbers print at the top of every page, the signature lines at its foot (in one footer they ran together on portrait pages)', () => {
    for (const n of [20, 45]) {
      for (const [top, foot] of edges.get(n) ?? []) {
        expect([n, /^.+第\d+页（本次打印共\d+页）$/.test(top), foot.startsWith('制表人：'), foot.includes('本次打印')]).toEqual([n, true, true, false]);
      }
    }
  });

  test('比例检查 of 27 and 28 rows prints on one page (it printed a second one of the header and 制表人 only)', () => {
    expect([27, 28].map((n) => pages.get(n)?.get('比例检查')?.length)).toEqual([1, 1]);
  });

  test('page counts grow with the rows: some form of 20 to 45 rows crosses onto a second page', () => {
    const quota = COUNTS.map((n) => pages.get(n)?.get('比例检查')?.length ?? 0);
    expect(quota[0]).toBe(1);
    expect(quota[quota.length - 1]).toBe(2);
  });
});
