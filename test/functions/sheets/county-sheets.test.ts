// The county's own sheets (派发表, 名册模板) are laid out by the print standard: A4, the header
// repeated on every page, the unit/date block to stamp (under the 派发表's table, above the 名册's,
// whose rows are the county's); a long link's row is as tall as its lines, so it prints inside its
// row instead of over the next ones; and a filled 名册 reads back, and prints, however long.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type ExcelJS from 'exceljs';
import { defaultScheme } from '../../../shared';
import type { AccessList } from '../../../shared/api/access';
import { rowHeight } from '../../../shared/print/layout';
import { wrappedLines } from '../../../shared/print/measure';
import { readRosterModel, ROSTER_COLUMNS, ROSTER_SHEET } from '../../../shared/roster/sheet';
import { readWorkbook } from '../../../shared/xlsx/read';
import { DISPATCH_SHEET, dispatchSheet } from '../../../functions/src/sheets/dispatch';
import { rosterTemplate } from '../../../functions/src/sheets/roster-template';
import { loadWorkbookBytes, rowValues } from '../xlsx';
import { PYTHON, haveOpenpyxl } from '../../helpers/clerk-files';
import { canPrint, pageText, pdfPages, toPdf } from '../../print/office';

const LINK = `http://localhost:7071/taskpane.html#server=http%3A%2F%2Flocalhost%3A7071&token=${'eyJ2IjoxLCJpZCI6'.repeat(16)}`;

function township(name: string, link: string | null, status: AccessList['townships'][number]['status']): AccessList['townships'][number] {
  return { townshipId: `t-${name}`, townshipName: name, status, credentialId: link ? 'k1' : null, issuedAt: null, expiresAt: link ? '2026-05-31T15:59:59.000Z' : null, revokedAt: null, link };
}

async function sheetOf(bytes: Uint8Array, name: string): Promise<ExcelJS.Worksheet> {
  const ws = (await loadWorkbookBytes(bytes)).getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** The first row with a cell that is `text` (a header, a name) or the label `text：` with or without its value. */
function rowWith(ws: ExcelJS.Worksheet, text: string): number {
  let found = 0;
  ws.eachRow((row, n) => {
    if (!found && rowValues(ws, n).some((v) => typeof v === 'string' && (v === text || v.startsWith(`${text}：`)))) found = n;
  });
  if (!found) throw new Error(`no row with ${text}`);
  return found;
}

const textOf = (ws: ExcelJS.Worksheet, row: number) => rowValues(ws, row).filter((v) => typeof v === 'string').join('');

describe('派发表', () => {
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    const access: AccessList = { campaignId: 'c2026', page: 'http://localhost:7071/taskpane.html', townships: [township('东山镇', LINK, 'active'), township('西山镇', 'http://localhost/短', 'active'), township('南岭乡', null, 'none')] };
    ws = await sheetOf(await dispatchSheet({ county: '青山县', department: '青山县委组织部', year: 2026, deadline: '2026-05-31', access, now: Date.UTC(2026, 3, 20) }), DISPATCH_SHEET);
  });

  it('a 回头看’s 派发表 names the 回头看 in its title', async () => {
    const access: AccessList = { campaignId: 'lb2026', page: 'http://localhost:7071/taskpane.html', townships: [township('东山镇', LINK, 'active')] };
    const lb = await sheetOf(await dispatchSheet({ county: '青山县', department: '青山县委组织部', year: 2026, kind: 'lookback', deadline: '2026-05-31', access, now: Date.UTC(2026, 3, 20) }), DISPATCH_SHEET);
    expect(String(lb.getCell('A1').value)).toBe('青山县2026年度基层党组织分类定级回头看上报链接派发表');
    expect(String(ws.getCell('A1').value)).toBe('青山县2026年度基层党组织分类定级上报链接派发表');
  });

  it('prints on A4 landscape, one page wide, the header on every page', () => {
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
    expect(ws.pageSetup.printTitlesRow).toContain(String(rowWith(ws, '上报链接')));
  });

  it('has the unit to stamp and the date at the foot of every page, nothing under the table', () => {
    expect([ws.headerFooter.oddHeader, ws.headerFooter.oddFooter]).toEqual(['&R&A　第 &P 页（本次打印共 &N 页）', '&L发放单位（盖章）：青山县委组织部    发放日期：2026-04-20']);
    expect(ws.rowCount).toBe(rowWith(ws, '南岭乡'));
  });

  it.each<[string, string, number | undefined]>([
    ['a long link: as many lines as it wraps to', '东山镇', rowHeight(wrappedLines(LINK, 90))],
    ['a short one: the default height', '西山镇', undefined],
    ['no link: the default height', '南岭乡', undefined],
  ])('%s', (_name, town, height) => {
    expect(ws.getRow(rowWith(ws, town)).height).toBe(height);
  });

  it('the long link needs several lines', () => {
    expect(wrappedLines(LINK, 90)).toBeGreaterThan(2);
  });
});

describe('名册模板', () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await rosterTemplate(defaultScheme, '青山县');
  });

  it('prints on A4 with the header on every page, the unit to stamp above it, and nothing under the table to stop it', async () => {
    const ws = await sheetOf(bytes, ROSTER_SHEET);
    const header = rowWith(ws, '党组织名称');
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1 });
    expect(ws.pageSetup.printTitlesRow).toBe(`${header}:${header}`);
    expect(rowWith(ws, '填报单位（盖章）')).toBeLessThan(header);
    // No print area to cut the rows a county adds, no merged cells under the header to paste into.
    expect(ws.pageSetup.printArea).toBeUndefined();
    expect((ws.model as unknown as { merges: string[] }).merges.filter((m) => Number(/\d+/.exec(m)?.[0]) >= header)).toEqual([]);
    for (let r = header + 1; r <= ws.rowCount; r++) expect([r, textOf(ws, r)]).toEqual([r, '']);
    // Rows past the blank lines get the table's borders once they hold anything.
    const cf = (ws as unknown as { conditionalFormattings: Array<{ ref: string; rules: Array<{ formulae?: string[]; style?: { border?: unknown } }> }> }).conditionalFormattings;
    expect(cf.map((c) => [c.ref, c.rules[0]?.formulae, Boolean(c.rules[0]?.style?.border)])).toEqual([[`A${header + 1}:F${header + 3000}`, [`COUNTA($A${header + 1}:$F${header + 1})>0`], true]]);
  });

  it('filled under its header, reads back: the blank rows and the block above the header are not organizations', async () => {
    const ws = await sheetOf(bytes, ROSTER_SHEET);
    const header = rowWith(ws, '党组织名称');
    const col = (key: string) => ROSTER_COLUMNS.findIndex((c) => c.key === key) + 1;
    const category = defaultScheme.categories[0]?.name ?? '';
    const lines = [
      ['东山镇', '东山村党支部'],
      ['西山镇', '西山社区党委'],
    ];
    lines.forEach(([t, n], i) => {
      ws.getCell(header + 1 + i, col('township')).value = t ?? '';
      ws.getCell(header + 1 + i, col('name')).value = n ?? '';
      ws.getCell(header + 1 + i, col('category')).value = category;
    });
    const r = await readWorkbook(new Uint8Array(await ws.workbook.xlsx.writeBuffer()));
    if (!r.model) throw new Error('did not read');
    const roster = readRosterModel(r.model, defaultScheme, { townships: ['东山镇', '西山镇'] });
    expect(roster.entries.map((e) => [e.township, e.name])).toEqual(lines);
    expect(roster.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});

/** A county of 2,000 organizations fills the blank 名册 in openpyxl (as a script or another program would), from under the header on. */
const fill2000 = `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['${ROSTER_SHEET}']
header = next(r for r in range(1, 30) if ws.cell(r, 2).value == '党组织名称')
for i in range(2000):
    t = '东山镇' if i < 1000 else '西山镇'
    for c, v in enumerate([t, '中共石柱县%s第%04d号党支部委员会' % (t, i + 1), '${defaultScheme.categories[0]?.name ?? ''}', '党支部'], start=1):
        ws.cell(header + 1 + i, c).value = v
wb.save(sys.argv[2])
`;

(haveOpenpyxl && canPrint ? describe : describe.skip)('a 名册 of 2,000 organizations filled in openpyxl', () => {
  let filled: Uint8Array;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roster2000-'));
    fs.writeFileSync(path.join(dir, 'blank.xlsx'), await rosterTemplate(defaultScheme, '青山县'));
    const r = spawnSync(PYTHON, ['-c', fill2000, path.join(dir, 'blank.xlsx'), path.join(dir, 'filled.xlsx')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    filled = new Uint8Array(fs.readFileSync(path.join(dir, 'filled.xlsx')));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads back as 2,000 entries', async () => {
    const r = await readWorkbook(filled);
    if (!r.model) throw new Error('did not read');
    const roster = readRosterModel(r.model, defaultScheme, { townships: ['东山镇', '西山镇'] });
    expect(roster.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect([roster.entries.length, roster.entries[1999]?.name]).toEqual([2000, '中共石柱县西山镇第2000号党支部委员会']);
  });

  it('prints every row, each once, the header on every page', () => {
    const pdf = toPdf(dir, { roster: filled }).roster as string;
    const pages = pdfPages(pdf);
    const text = pages.map((_, i) => pageText(pdf, i + 1));
    // A name wraps in its 32-wide column (16 Chinese characters a line, as in Excel): its number is on the first line.
    const numbers = text.flatMap((t) => [...t.matchAll(/第(\d{4})号党支部/g)].map((m) => Number(m[1])));
    expect(numbers).toEqual(Array.from({ length: 2000 }, (_, i) => i + 1));
    expect(text.filter((t) => !t.includes('党组织名称'))).toEqual([]);
    expect(pages.every((p) => p.paper === 'A4')).toBe(true);
  }, 240_000);
});
