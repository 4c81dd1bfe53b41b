// Long texts in the county workbook, printed by LibreOffice (a tester's finding): a 1,000-character
// 情况说明 or 整改措施 (the limit a cell may hold), or three 200-character measures of one
// organization, once needed a row taller than the 409 pt Excel allows and printed cut at both ends
// over the header and the next row. Now such a row continues on the rows under it. Every body
// text must print whole and inside its own row: the words of a column, read down the pages, are
// the texts written, and no line of text overlaps another or the header. Each sheet prints twice:
// with the columns as wide as LibreOffice makes them on this machine, and as narrow as in Excel
// (`excelWidths`), where the row heights have the least room to spare.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultScheme, detailForm, goodListForm, ledgerForm, ledgerStatusForm, poorDetailForm, writePrintedSheet, type FormContext, type PrintCell, type SheetDef } from '../../shared';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { leanWorkbook } from '../../functions/src/xlsx-out/workbook';
import { canPrint } from './office';
import { ARTIFACTS, print, type Printed } from './printed';

const maybe = canPrint ? describe : describe.skip;
if (!canPrint) console.warn('soffice or poppler-utils not found: skipping the long-text print check');

const ctx: FormContext = { scheme: defaultScheme, county: '青山县', year: 2026, townships: ['城关镇', '第15某某乡镇街道办事处'], generatedAt: '2026-04-25 10:00' };

const SENTENCE = '落实“三会一课”制度，规范组织生活，党支部书记带头讲党课，每月开展主题党日活动；整顿软弱涣散状况，选优配强带头人，建立健全村级各项制度。';
/** `n` characters of realistic text, from `head` on, ending with "。". */
function text(head: string, n: number): string {
  let s = head;
  while (s.length < n - 1) s += SENTENCE;
  return `${s.slice(0, n - 1)}。`;
}
/** Three 200-character ledger lines of one organization, numbered as rows.ts joins them. */
const measures = (tag: string) => [1, 2, 3].map((i) => `${i}. ${text(`${tag}${i}`, 200)}`).join('\n');

/** Per sheet: its form, its rows, and the text columns to follow down the pages (0-based). */
interface Case {
  def: SheetDef;
  rows: PrintCell[][];
  columns: number[];
}

const CASES: Case[] = [
  {
    // Three organizations, each with three 200-character measures and problems (the tester's 较差状况明细表).
    def: poorDetailForm(ctx),
    rows: [1, 2, 3].map((k) => [k, '城关镇', `东山${k}村党支部`, '村', 55, measures(`问题甲${k}`), measures(`措施乙${k}`), '1. 张三\n2. 李四\n3. 王五', '1. 年底前\n2. 年底前\n3. 2026-12-31', '班子软弱涣散。']),
    columns: [5, 6],
  },
  {
    def: detailForm(ctx),
    rows: [1, 2].map((k) => [k, '城关镇', `西河${k}村党支部`, '城关镇党委', '村', '党支部', null, 30, 5, 5, 5, 5, 5, 10, 6, 41, '否', '否', '较差', null, text(`情况说明丙${k}`, 1000), null]),
    columns: [20],
  },
  {
    def: goodListForm(ctx),
    rows: [1, 2].map((k) => [k, '第15某某乡镇街道办事处', `南岭${k}社区党委`, '社区', 120, 95, text(`情况说明丁${k}`, 1000)]),
    columns: [6],
  },
  {
    def: ledgerForm(ctx),
    rows: [1, 2].map((k) => [k, '城关镇', `北坪${k}村党支部`, '村', '较差', text(`主要问题戊${k}`, 1000), text(`整改措施己${k}`, 1000), '张三', '年底前', null]),
    columns: [5, 6],
  },
  {
    def: ledgerStatusForm(ctx, [], Date.UTC(2026, 11, 8)),
    rows: [1, 2].map((k) => [k, '城关镇', `石桥${k}村党支部`, '较差', text(`整改事项庚${k}`, 1000), text(`主要措施辛${k}`, 1000), '张三', '2026-12-31', text(`完成情况壬${k}`, 1000), '李书记', '王干事', '整改中', null]),
    columns: [4, 5, 8],
  },
];

interface Word {
  page: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
}

/** Every word of the PDF with its box (pdftotext -bbox). */
function words(pdf: string): Word[] {
  const html = spawnSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }).stdout;
  const out: Word[] = [];
  let page = 0;
  for (const m of html.matchAll(/<page\b|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    if (m[0] === '<page') page++;
    else out.push({ page, x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), text: (m[5] ?? '').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>') });
  }
  return out;
}

/**
 * Words in reading order: by page, then by line (a full-width comma's box starts lower than the
 * characters beside it, so lines are told apart by their middles, 4 pt apart), then left to right.
 */
function readingOrder(ws: readonly Word[]): string[] {
  const mid = (w: Word) => (w.y0 + w.y1) / 2;
  const sorted = ws.slice().sort((a, b) => a.page - b.page || mid(a) - mid(b));
  const lines: Word[][] = [];
  for (const w of sorted) {
    const line = lines[lines.length - 1];
    const first = line?.[0];
    if (line && first && first.page === w.page && mid(w) - mid(first) < 4) line.push(w);
    else lines.push([w]);
  }
  return lines.flatMap((l) => l.sort((a, b) => a.x0 - b.x0).map((w) => w.text));
}

/**
 * The left and right edges of column `k` on the page: the headers printed once on page 1 sit at
 * their columns' centres, which lie on one line against the columns' widths (fit to page width).
 */
function columnEdges(def: SheetDef, all: readonly Word[], k: number): { x0: number; x1: number } {
  const starts: number[] = [];
  def.columns.reduce((a, c) => (starts.push(a), a + c.width), 0);
  const points: Array<[number, number]> = [];
  def.columns.forEach((c, j) => {
    const found = all.filter((w) => w.page === 1 && w.text === c.header);
    const w = found[0];
    if (found.length === 1 && w) points.push([(starts[j] ?? 0) + c.width / 2, (w.x0 + w.x1) / 2]);
  });
  const n = points.length;
  const mx = points.reduce((a, p) => a + p[0], 0) / n;
  const my = points.reduce((a, p) => a + p[1], 0) / n;
  const scale = points.reduce((a, p) => a + (p[0] - mx) * (p[1] - my), 0) / points.reduce((a, p) => a + (p[0] - mx) ** 2, 0);
  const at = (u: number) => my + scale * (u - mx);
  const from = starts[k] ?? 0;
  return { x0: at(from), x1: at(from + (def.columns[k]?.width ?? 0)) };
}

/** Where two texts part, with some text on either side; null when they are equal. */
function difference(read: string, expected: string): { at: number; read: string; expected: string } | null {
  if (read === expected) return null;
  let i = 0;
  while (i < read.length && read[i] === expected[i]) i++;
  return { at: i, read: read.slice(Math.max(0, i - 20), i + 20), expected: expected.slice(Math.max(0, i - 20), i + 20) };
}

/**
 * Two boxes on the same page that overlap by more than a third of the lower one's height: text
 * printed over text. Wrapped lines of digits ("2026-12-" over "31") sit closer than their boxes
 * are tall, by a point or so.
 */
function overlap(a: Word, b: Word): boolean {
  const y = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return a.page === b.page && Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 1 && y > Math.min(a.y1 - a.y0, b.y1 - b.y0) / 3;
}

/**
 * The workbook with Excel's column width unit. The unit is the width of a "0" in the workbook's
 * default font, Arial 10 (shared/print/default-font.ts): 7 px in Excel. LibreOffice takes Liberation
 * Sans for Arial, whose "0" is 7.4 px, a little wider than Excel's. DejaVu Sans at 8.25 pt has a
 * 7 px "0", so this copy prints its columns as wide as Excel does.
 */
function excelWidths(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const styles = strFromU8(files['xl/styles.xml'] as Uint8Array);
  const narrow = styles.replace('<font><sz val="10"/><name val="Arial"/>', '<font><sz val="8.25"/><name val="DejaVu Sans"/>');
  if (narrow === styles) throw new Error('the default font is not Arial 10 any more');
  files['xl/styles.xml'] = strToU8(narrow);
  return zipSync(files);
}

maybe('long texts in the county workbook, printed by LibreOffice', () => {
  let printed: Record<string, Printed>;
  beforeAll(async () => {
    const out = leanWorkbook({ creator: '青山县委组织部', created: new Date(Date.UTC(2026, 3, 25)) });
    for (const c of CASES) writePrintedSheet(out.book, c.def, c.rows);
    const bytes = new Uint8Array(await out.finish());
    printed = await print({ long: bytes, excel: excelWidths(bytes) }, false);
    // Every page is worth looking at here, not only the first: the PDFs are kept beside the PNGs.
    for (const [label, p] of Object.entries(printed)) for (const [name, s] of p.sheets) fs.copyFileSync(s.pdf, path.join(ARTIFACTS, `${label}-${name}.pdf`));
  }, 300_000);

  const each = CASES.flatMap((c) => [
    [c.def.name, 'as wide as LibreOffice makes them here', 'long', c] as const,
    [c.def.name, 'as wide as Excel makes them', 'excel', c] as const,
  ]);
  test.each(each)('%s, columns %s: every long text prints whole, in order, inside its rows', (name, _how, label, c) => {
    const got = printed[label]?.sheets.get(name);
    if (!got) throw new Error(`${name} was not printed`);
    const all = words(got.pdf);
    // The page numbers and the signature lines (制表人：＿＿＿) print in the bottom margin (0.6 in,
    // the footer 0.25 in from the edge): no column's.
    const footer = (w: Word) => w.y0 > (got.pages[w.page - 1]?.height ?? 0) - 0.55 * 72 || w.text.includes('＿');
    for (const k of c.columns) {
      const header = c.def.columns[k]?.header ?? '';
      const { x0: left, x1: right } = columnEdges(c.def, all, k);
      const inColumn = all.filter((w) => (w.x0 + w.x1) / 2 > left && (w.x0 + w.x1) / 2 < right && w.text !== header && !footer(w));
      const headers = all.filter((w) => w.text === header);
      const body = inColumn.filter((w) => headers.some((x) => x.page === w.page && w.y0 > x.y1));
      const expected = c.rows.map((r) => String(r[k] ?? '')).join('').replace(/\s+/g, '');
      expect([name, header, difference(readingOrder(body).join(''), expected)]).toEqual([name, header, null]);
      // Nothing of the column at the height of its header (text run up over it) on any page.
      const overHeader = inColumn.filter((w) => headers.some((x) => x.page === w.page && w.y1 > x.y0 && w.y0 < x.y1));
      expect([name, header, overHeader.map((w) => `p${w.page} ${w.text}`)]).toEqual([name, header, []]);
    }
    // No line of text prints over another (text running on into the next row, or the header).
    const clashes: string[] = [];
    for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) if (overlap(all[i] as Word, all[j] as Word)) clashes.push(`p${all[i]?.page} ${all[i]?.text} × ${all[j]?.text}`);
    expect([name, clashes.slice(0, 5)]).toEqual([name, []]);
  });
});
