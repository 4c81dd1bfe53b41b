// The 填报 block's messages name the cell where the clerk types the value: after the label's
// merged range, and a merged value block by its top-left cell. Never a covered cell of the label.
import ExcelJS from 'exceljs';
import { DETAIL_SHEET, defaultScheme as S, detailColumns, readSubmission, validateSubmission, type MergedRange, type SheetRow } from '../../../shared';
import { parseRange } from '../../../shared/xlsx/merges';
import { orgValues, row, sheet, workbook, type In } from '../../helpers/models';
import { editWorkbook, template } from '../../helpers/workbooks';

const INFO_CODES = new Set(['INFO_BLANK', 'DATE_MALFORMED', 'TEXT_TOO_LONG']);
const LONG_PHONE = '0'.repeat(51);

function ranges(...refs: string[]): MergedRange[] {
  return refs.map((r) => {
    const m = parseRange(r);
    if (!m || m === 'invalid') throw new Error(`not a range: ${r}`);
    return m;
  });
}

/** The template's row 2 as generated: each label over two columns, each value block merged after it. */
const TEMPLATE_MERGES = ranges('A2:B2', 'C2:D2', 'E2:F2', 'G2:H2', 'I2:J2', 'K2:M2', 'N2:O2', 'P2:T2');
const templateRow = (values: { township?: In; filledBy?: In; phone?: In; filledOn?: In } = {}): In[] => {
  const r: In[] = Array<In>(20).fill(null);
  [r[0], r[2], r[4], r[6], r[8], r[10], r[13], r[15]] = ['填报单位（盖章）：', values.township, '填报人：', values.filledBy, '联系电话：', values.phone, '填报日期：', values.filledOn];
  return r;
};

interface Layout {
  name: string;
  /** Rows above the header (row 1 is the title); the header follows the last. */
  above: SheetRow[];
  /** Rows under the organization (signature lines). */
  below?: SheetRow[];
  merges?: MergedRange[];
  want: string[];
}

const LAYOUTS: Layout[] = [
  {
    name: 'the template as generated, the block left blank',
    above: [row(2, templateRow())],
    merges: TEMPLATE_MERGES,
    want: ['INFO_BLANK@C2', 'INFO_BLANK@G2', 'INFO_BLANK@K2', 'INFO_BLANK@P2'],
  },
  {
    name: 'the template: a blank 填报单位, a phone too long and a date that is none, each at its value cell',
    above: [row(2, templateRow({ filledBy: '张三', phone: LONG_PHONE, filledOn: '明天' }))],
    merges: TEMPLATE_MERGES,
    want: ['DATE_MALFORMED@P2', 'INFO_BLANK@C2', 'TEXT_TOO_LONG@K2'],
  },
  {
    name: 'labels in one cell each, value blocks merged after them',
    above: [row(2, ['填报单位：', null, null, null, '填报人：', null, null, '联系电话：', null, null, '填报日期：'])],
    merges: ranges('B2:D2', 'F2:G2', 'I2:J2', 'L2:N2'),
    want: ['INFO_BLANK@B2', 'INFO_BLANK@F2', 'INFO_BLANK@I2', 'INFO_BLANK@L2'],
  },
  {
    name: 'nothing merged: the cell right of each label',
    above: [row(2, ['填报单位', null, '填报人', null, '联系电话', null, '填报日期'])],
    want: ['INFO_BLANK@B2', 'INFO_BLANK@D2', 'INFO_BLANK@F2', 'INFO_BLANK@H2'],
  },
  {
    name: 'labels and values merged over two rows',
    above: [row(2, ['填报单位：', null, null, null, '填报人：', null, null, null, '联系电话：', null, '0795-1234567', null, '填报日期：', null, '2026-04-20'])],
    merges: ranges('A2:B3', 'C2:D3', 'E2:F3', 'G2:H3', 'I2:J3', 'K2:L3', 'M2:N3', 'O2:P3'),
    want: ['INFO_BLANK@C2', 'INFO_BLANK@G2'],
  },
  {
    // Header in row 3, the organization in row 4.
    name: 'signature lines under the table, labels merged',
    above: [row(2, ['填报单位：', '城关镇党委'])],
    below: [row(6, ['填报人（签字）：', null, null, null, '联系电话：', null, '0795-1234567']), row(7, ['填报日期：', null, '2026年4月20日'])],
    merges: ranges('A6:B6', 'C6:D6', 'E6:F6', 'A7:B7', 'C7:D7'),
    want: ['INFO_BLANK@C6'],
  },
];

function issuesAt(l: Layout): string[] {
  const header = (l.above.at(-1)?.row ?? 1) + 1;
  const rows = [row(1, ['城关镇2026年度基层党组织分类定级情况一览表']), ...l.above, row(header, detailColumns(S).map((c) => c.header)), row(header + 1, orgValues(S, {})), ...(l.below ?? [])];
  const r = validateSubmission(workbook(sheet(DETAIL_SHEET, rows, l.merges ? { merges: l.merges } : {})), S);
  return r.issues
    .filter((i) => INFO_CODES.has(i.code))
    .map((i) => `${i.code}@${i.cell ?? ''}`)
    .sort();
}

test('each layout: a 填报 message names the cell where the value is typed', () => {
  // One table, compared whole, so a failure lists every layout that reads wrong.
  expect(LAYOUTS.map((l) => [l.name, issuesAt(l)])).toEqual(LAYOUTS.map((l) => [l.name, l.want]));
});

test('the generated template with the block blank: the messages name C2, G2, L2 and Q2, and say the cell', async () => {
  const blank = await editWorkbook(await template(), (wb: ExcelJS.Workbook) => void (wb.getWorksheet(DETAIL_SHEET)!.getCell('C2').value = null));
  const r = await readSubmission(blank, S);
  const info = r.issues.filter((i) => i.code === 'INFO_BLANK');
  expect(info.map((i) => i.cell)).toEqual(['C2', 'G2', 'L2', 'Q2']);
  expect(info[1]?.message).toBe(`工作表“${DETAIL_SHEET}”G2 单元格：未填写“填报人”`);
});
