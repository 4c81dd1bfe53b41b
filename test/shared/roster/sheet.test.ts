// Reading a 党组织名册 from a sheet model: the header found by its words, townships carried down
// merged cells and 同上, one message per problem at the cell, naming the organization.
import { defaultScheme, yichunScheme } from '../../../shared';
import { issueTotals } from '../../../shared/issues/cap';
import { readRosterModel, readRosterSheet } from '../../../shared/roster/sheet';
import type { SheetModel, SheetRow } from '../../../shared/workbook/model';

function sheet(rows: Array<Array<string | null>>, extra: Partial<SheetModel> = {}, name = '党组织名册'): SheetModel {
  const out: SheetRow[] = rows.map((cells, i) => ({ row: i + 1, cells: [undefined, ...cells.map((c) => (c === null || c === '' ? undefined : { v: c }))] }));
  return { name, state: 'visible', rows: out, ...extra };
}

const HEADER = ['乡镇（街道）', '党组织名称', '类别', '组织类型', '所属党总支'];

describe('a clean roster', () => {
  const read = readRosterSheet(
    sheet([
      ['青山县基层党组织名册', null, null, null, null],
      HEADER,
      ['东山镇', '东山村党总支', '村', '党总支', null],
      ['东山镇', '东山村第一党支部', '行政村', '支部', '东山村党总支'],
      ['西河乡', '西河社区党支部', '社区', '党支部', null],
    ]),
    defaultScheme,
  );

  it('reads every organization once, with canonical category and type labels', () => {
    expect(read.issues).toEqual([]);
    expect(read.entries).toEqual([
      { township: '东山镇', name: '东山村党总支', category: '村', orgType: '党总支', row: 3 },
      { township: '东山镇', name: '东山村第一党支部', category: '村', orgType: '党支部', parent: '东山村党总支', row: 4 },
      { township: '西河乡', name: '西河社区党支部', category: '社区', orgType: '党支部', row: 5 },
    ]);
  });

  it('lists the townships in order with their counts', () => {
    expect(read.townships).toEqual([
      { name: '东山镇', count: 2 },
      { name: '西河乡', count: 1 },
    ]);
  });
});

describe('headers', () => {
  it.each([
    ['Traditional and full-width words, columns in another order', ['黨組織名稱', '鄉鎮（街道）', '類別'], ['东山村党支部', '东山镇', '村']],
    ['short aliases', ['名称', '乡镇', '领域'], ['东山村党支部', '东山镇', '村']],
  ])('finds %s', (_n, header, row) => {
    const r = readRosterSheet(sheet([header, row]), defaultScheme);
    expect(r.entries).toEqual([{ township: '东山镇', name: '东山村党支部', category: '村', row: 2 }]);
  });

  it('says so when there is no header with 乡镇 and 党组织名称', () => {
    const r = readRosterSheet(sheet([['单位', '人数'], ['东山镇', '3']]), defaultScheme);
    expect(r.entries).toEqual([]);
    expect(r.issues.map((i) => [i.code, i.sheet])).toEqual([['ROSTER_HEADER_NOT_FOUND', '党组织名册']]);
  });

  it('picks the sheet named 党组织名册, else the first visible one with a header', () => {
    const other = sheet([['说明']], {}, '说明');
    const hidden = sheet([HEADER, ['甲镇', '甲村党支部', '村', null, null]], { state: 'hidden' }, '旧名册');
    const mine = sheet([HEADER, ['东山镇', '东山村党支部', '村', null, null]], {}, '名单');
    expect(readRosterModel({ sheets: [other, hidden, mine] }, defaultScheme).entries.map((e) => e.name)).toEqual(['东山村党支部']);
  });
});

describe('cell-level messages', () => {
  const cases: Array<[string, Array<Array<string | null>>, string, string, string]> = [
    ['an unknown category', [HEADER, ['东山镇', '东山村党支部', '农场', null, null]], 'ROSTER_CATEGORY_UNKNOWN', 'C2', '工作表“党组织名册”C2 单元格：第 2 行“东山村党支部”的类别“农场”不在本批次的评定标准中，应为 村、社区、国有企业、非公有制经济组织、机关事业单位、社会组织 之一'],
    ['an unknown type', [HEADER, ['东山镇', '东山村党支部', '村', '小组', null]], 'ROSTER_TYPE_UNKNOWN', 'D2', '“小组”无法识别'],
    ['a blank name', [HEADER, ['东山镇', null, '村', null, null]], 'ROSTER_NAME_BLANK', 'B2', '第 2 行填写了内容但没有填写党组织名称'],
    ['a blank township', [HEADER, [null, '东山村党支部', '村', null, null]], 'ROSTER_TOWNSHIP_BLANK', 'A2', '“东山村党支部”没有填写所属乡镇（街道）'],
    ['an organization twice in one township', [HEADER, ['东山镇', '东山村党支部', '村', null, null], ['東山鎮', '東山村 黨支部', '村', null, null]], 'ROSTER_DUPLICATE', 'B3', '第一次出现在第 2 行'],
    ['a parent not in the township', [HEADER, ['东山镇', '东山村党支部', '村', '党支部', '西山党总支']], 'ROSTER_PARENT_NOT_FOUND', 'E2', '所属党总支“西山党总支”'],
    ['a blank category', [HEADER, ['东山镇', '东山村党支部', null, null, null]], 'ROSTER_CATEGORY_BLANK', 'C2', '乡镇（街道）填报时需要补填'],
    ['a name longer than a campaign keeps', [HEADER, ['东山镇', '党'.repeat(201), '村', null, null]], 'ROSTER_TEXT_TOO_LONG', 'B2', '第 2 行的党组织名称有 201 个字，超过上限 200 个字'],
    ['one organization under two townships', [HEADER, ['东山镇', '联合党支部', '村', null, null], ['西河乡', '联合党支部', '村', null, null]], 'ROSTER_TWO_TOWNSHIPS', 'A3', '同时列在“东山镇”和“西河乡”'],
  ];
  it.each(cases)('%s', (_n, rows, code, cell, text) => {
    const r = readRosterSheet(sheet(rows), defaultScheme);
    const hit = r.issues.find((i) => i.code === code);
    expect(hit).toMatchObject({ sheet: '党组织名册', cell });
    expect(hit?.message).toContain(text);
  });

  it('reads organization types with the county\'s own words, as uploads do', () => {
    const scheme = { ...defaultScheme, vocabulary: { ...defaultScheme.vocabulary, orgTypes: { ...defaultScheme.vocabulary.orgTypes, branch: ['党小组联合支部'] } } };
    const r = readRosterSheet(sheet([HEADER, ['东山镇', '东山村党支部', '村', '党小组联合支部', null]]), scheme);
    expect(r.issues).toEqual([]);
    expect(r.entries[0]?.orgType).toBe('党支部');
    expect(readRosterSheet(sheet([HEADER, ['东山镇', '东山村党支部', '村', '党小组联合支部', null]]), defaultScheme).issues.map((i) => i.code)).toEqual(['ROSTER_TYPE_UNKNOWN']);
  });

  it('checks categories against the chosen standard', () => {
    const r = readRosterSheet(sheet([HEADER, ['东山镇', '县一中党支部', '教育卫生', null, null]]), yichunScheme);
    expect(r.issues).toEqual([]);
    expect(r.entries[0]?.category).toBe('教育卫生事业单位');
  });

  it('refuses a township the campaign does not have, and uses its spelling for the known ones', () => {
    const r = readRosterSheet(sheet([HEADER, ['東山鎮', '东山村党支部', '村', null, null], ['北山镇', '北山村党支部', '村', null, null]]), defaultScheme, { townships: ['东山镇'] });
    expect(r.entries.map((e) => e.township)).toEqual(['东山镇']);
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([['ROSTER_TOWNSHIP_UNKNOWN', 'A3']]);
  });
});

describe('what a reviewer reads without asking', () => {
  it('carries a township merged down a group of rows', () => {
    const s = sheet([HEADER, ['东山镇', '甲村党支部', '村', null, null], [null, '乙村党支部', '村', null, null], [null, '丙村党支部', '村', null, null]], { merges: [{ top: 2, left: 1, bottom: 4, right: 1 }] });
    expect(readRosterSheet(s, defaultScheme).entries.map((e) => e.township)).toEqual(['东山镇', '东山镇', '东山镇']);
  });

  it('looks at the merges over a row, not every merge of the sheet for every row', () => {
    // 500 merges elsewhere on the sheet and a township merged down to row 1048576.
    let reads = 0;
    const counted = (top: number, bottom: number, left: number) => ({
      top,
      bottom,
      right: left,
      get left() {
        reads++;
        return left;
      },
    });
    const merges = [...Array.from({ length: 500 }, (_, i) => counted(2, 3, 7 + i)), counted(2, 1_048_576, 1)];
    const lines = Array.from({ length: 300 }, (_, i): Array<string | null> => [i === 0 ? '东山镇' : null, `第${i + 1}村党支部`, '村', null, null]);
    const r = readRosterSheet(sheet([HEADER, ...lines], { merges }), defaultScheme);
    expect(r.entries.map((e) => e.township)).toEqual(Array(300).fill('东山镇'));
    expect(reads).toBeLessThanOrEqual(2 * (lines.length + merges.length));
  });

  it('lists the first 200 issues of a long 名册 in row order, then the count of the rest', () => {
    const lines = Array.from({ length: 300 }, (_, i): Array<string | null> => ['东山镇', `第${i + 1}村党支部`, '农场', null, null]);
    const r = readRosterSheet(sheet([HEADER, ...lines]), defaultScheme);
    expect(r.issues).toHaveLength(201);
    expect(r.issues[0]?.cell).toBe('C2');
    expect(r.issues[200]?.code).toBe('ISSUES_MORE');
    expect(issueTotals(r.issues).error).toBe(300);
  });

  it('reads 同上 as the township above', () => {
    const s = sheet([HEADER, ['东山镇', '甲村党支部', '村', null, null], ['同上', '乙村党支部', '村', null, null]]);
    expect(readRosterSheet(s, defaultScheme).entries.map((e) => e.township)).toEqual(['东山镇', '东山镇']);
  });

  it('skips empty rows silently and hidden rows with a warning', () => {
    const s = sheet([HEADER, ['东山镇', '甲村党支部', '村', null, null], [null, null, null, null, null], ['东山镇', '旧村党支部', '村', null, null]]);
    (s.rows[3] as SheetRow).hidden = true;
    const r = readRosterSheet(s, defaultScheme);
    expect(r.entries.map((e) => e.name)).toEqual(['甲村党支部']);
    expect(r.issues.map((i) => [i.code, i.severity, i.cell])).toEqual([['ROSTER_ROW_HIDDEN', 'warning', 'B4']]);
  });

  it.each<[string, Array<string | null>]>([
    ['填报单位：东山镇党委（盖章）', ['填报单位：东山镇党委（盖章）', null, null, null, null]],
    ['填报人：王干事  联系电话：1234567', ['填报人：王干事  联系电话：1234567', null, null, null, null]],
    ['注：类别按评定标准填写', ['注：类别按评定标准填写', null, null, null, null]],
    // The print standard's signature row, and many clerks' own: each label and value in cells of their own.
    ['填报人： | 联系电话：', ['填报人：', null, '联系电话：', null, null]],
    ['填报人： | 王干事 | 联系电话： | 1234567', ['填报人：', null, '王干事', '联系电话：', '1234567']],
    ['制表人：| 审核人：| 日期：', ['制表人：', null, '审核人：', '日期：', null]],
  ])('passes over a line under the table: %s', (_name, line) => {
    const r = readRosterSheet(sheet([HEADER, ['东山镇', '甲村党支部', '村', null, null], line]), defaultScheme);
    expect(r.entries.map((e) => e.name)).toEqual(['甲村党支部']);
    expect(r.issues).toEqual([]);
  });

  it('keeps an organization id when the roster carries one', () => {
    const r = readRosterSheet(sheet([[...HEADER, '组织编号'], ['东山镇', '甲村党支部', '村', null, null, 'o-17']]), defaultScheme);
    expect(r.entries[0]).toMatchObject({ name: '甲村党支部', id: 'o-17' });
  });

  it('says the roster is empty when it has a header and nothing else', () => {
    expect(readRosterSheet(sheet([HEADER]), defaultScheme).issues.map((i) => i.code)).toEqual(['ROSTER_EMPTY']);
  });
});
