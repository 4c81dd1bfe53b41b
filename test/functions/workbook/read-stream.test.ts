// The streaming reader gives the same ReadResult as the in-memory one, issue for issue.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type ExcelJS from 'exceljs';
import { DETAIL_SHEET, defaultScheme, readSubmission, type FillOrg, type FillRect } from '../../../shared';
import { readSubmissionStream } from '../../../functions/src/workbook/read-stream';
import { editWorkbook, filledWorkbook, minimalXlsx, sheetXml, template } from '../../helpers/workbooks';
import { writeBigWorkbook } from '../../bench/reader';

const edits: Array<[string, (o: FillOrg[], r: FillRect[]) => void]> = [
  ['valid', () => undefined],
  ['bad score and unknown category', (o) => ((o[3]!.scores[0] = '九十'), (o[4]!.category = '外星'))],
  ['duplicate name and blank grade', (o) => ((o[5]!.name = o[6]!.name), (o[7]!.grade = null))],
  ['rectification problems', (_o, r) => ((r[0]!.deadline = '尽快'), (r[1]!.orgName = '查无此支部'))],
  ['zero scores (a cached 0 result)', (o, r) => ((o[8]!.scores = [0, 0, 0, 0, 0, 0, 0]), (o[8]!.explanation = '说明'), r.push({ orgName: o[8]!.name, problems: '问', measures: '措', owner: '王', deadline: '2026-12-31' }))],
];

test.each(edits)('same result as the in-memory reader: %s', async (_name, edit) => {
  const bytes = await filledWorkbook({ n: 30, edit });
  const a = await readSubmission(bytes, defaultScheme);
  const b = await readSubmissionStream(bytes, defaultScheme);
  expect(b).toEqual(a);
});

test.each([
  ['no cached formula results', () => filledWorkbook({ n: 10, cachedResults: false })],
  ['an empty template', () => template()],
  ['a renamed sheet with extra header text', async () => editWorkbook(await filledWorkbook({ n: 10 }), (wb) => {
    const ws = wb.getWorksheet(DETAIL_SHEET)!;
    ws.name = '城关镇';
    ws.getCell('U3').value = '自定义';
  })],
  ['Excel-style shared formulas (filled down)', async () => editWorkbook(await filledWorkbook({ n: 10 }), (wb) => {
    const ws = wb.getWorksheet(DETAIL_SHEET)!;
    for (let r = 6; r <= 14; r++) {
      const c = ws.getCell(`O${r}`);
      c.value = { sharedFormula: 'O5', result: c.result } as ExcelJS.CellSharedFormulaValue;
    }
  })],
])('same result for %s', async (_name, make) => {
  const bytes = await make();
  const a = await readSubmission(bytes, defaultScheme);
  expect(await readSubmissionStream(bytes, defaultScheme)).toEqual(a);
  if (_name.startsWith('Excel-style')) expect(a.issues).toEqual([]);
});

test('reads from a path and refuses an oversized file before reading it', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stream-'));
  try {
    const file = path.join(dir, 'a.xlsx');
    fs.writeFileSync(file, await filledWorkbook({ n: 12 }));
    const r = await readSubmissionStream(file, defaultScheme);
    expect(r.issues).toEqual([]);
    expect(r.submission?.orgs).toHaveLength(12);
    const big = await readSubmissionStream(file, defaultScheme, { maxBytes: 100 });
    expect(big.issues.map((i) => i.code)).toEqual(['FILE_TOO_LARGE']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('guards run first: XXE is refused by the streaming reader too', async () => {
  const bytes = minimalXlsx(sheetXml('').replace('<worksheet', '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><worksheet'));
  const r = await readSubmissionStream(bytes, defaultScheme);
  expect(r.issues.map((i) => i.code)).toEqual(['XML_DOCTYPE']);
});

test('Chinese text split across zip chunks survives streaming (10,000 rows, exceljs writer)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stream-big-'));
  try {
    const file = path.join(dir, 'big.xlsx');
    await writeBigWorkbook(file, defaultScheme, 10_000);
    const s = await readSubmissionStream(file, defaultScheme);
    expect(s.issues).toEqual([]);
    expect(s.submission?.orgs).toHaveLength(10_000);
    expect(s).toEqual(await readSubmission(new Uint8Array(fs.readFileSync(file)), defaultScheme));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
