// A hand-made sheet as offices really send them: Traditional headers in another order, one header
// row, full-width digits, "12分", rich text, hyperlinks, hidden and blank rows, a footer note.
import ExcelJS from 'exceljs';
import { defaultScheme, normalizeCell, readSubmission } from '../../../shared';
import { handMade } from '../../helpers/hand-made';

test('a hand-made Traditional sheet reads with only the hidden row and "no template id" notes', async () => {
  const r = await readSubmission(await handMade(), defaultScheme);
  // This year's visible data is the data: the hidden row 6 is left out, and said so.
  expect(r.issues.map((i) => `${i.code}@${i.cell ?? ''}`)).toEqual(['ROWS_HIDDEN_SKIPPED@A6', 'TEMPLATE_META_MISSING@']);
  const s = r.submission!;
  expect(s).toMatchObject({ township: '城關鎮黨委', filledBy: '張三', phone: '0795-1234567', filledOn: '2026-04-21', campaignId: null });
  expect(s.orgs.map((o) => [o.row, o.name, o.category, o.orgType, o.total, o.grade])).toEqual([
    [4, '西河村黨支部', 'village', 'branch', 88, 'fairlyGood'],
    [7, '縣直機關第一黨支部', 'agency', 'branch', 70, 'average'],
  ]);
  expect(s.orgs[0]?.scores).toEqual([12, 14, 9, 8, 7, 18, 20]);
  expect(s.rectifications).toEqual([
    { row: 2, orgName: '縣直機關第一黨支部', problems: '制度執行不嚴', measures: '建立臺賬', owner: '李四', deadline: '2026-12-31', deadlineText: '2026年12月', status: '整改中' },
  ]);
});

test('issues on a hand-made sheet point at its own cells (columns found by text)', async () => {
  const bytes = await handMade();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet('城關鎮')!;
  ws.getCell('F7').value = '二十';
  ws.getCell('M4').value = '優';
  const r = await readSubmission(new Uint8Array(await wb.xlsx.writeBuffer()), defaultScheme);
  const codes = r.issues.map((i) => `${i.code}@${i.sheet}!${i.cell ?? ''}`);
  expect(codes).toEqual(expect.arrayContaining(['SCORE_MALFORMED@城關鎮!F7', 'GRADE_UNKNOWN@城關鎮!M4']));
});

test.each([
  ['plain number', 92, { v: 92 }],
  ['blank text', '   ', undefined],
  ['rich text', { richText: [{ text: '较' }, { text: '好' }] }, { v: '较好' }],
  ['hyperlink', { text: '东山村', hyperlink: 'http://x' }, { v: '东山村' }],
  ['formula with result', { formula: 'A1+1', result: 3 }, { v: 3, formula: 'A1+1' }],
  ['formula with a cached 0', { formula: 'A1', result: 0 }, { v: 0, formula: 'A1' }],
  ['formula without result', { formula: 'A1' }, { v: null, formula: 'A1', noResult: true }],
  ['formula with error', { formula: '1/0', result: { error: '#DIV/0!' } }, { v: null, formula: '1/0', error: '#DIV/0!' }],
  ['shared formula', { sharedFormula: 'L4', result: 90 }, { v: 90, formula: 'L4' }],
  ['error value', { error: '#REF!' }, { v: null, error: '#REF!' }],
  ['date', new Date(Date.UTC(2026, 0, 2)), { v: new Date(Date.UTC(2026, 0, 2)) }],
])('normalizeCell: %s', (_name, value, expected) => {
  expect(normalizeCell(value)).toEqual(expected);
});
