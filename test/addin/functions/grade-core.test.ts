// The logic behind =DJ.GRADE / =DJ.QUOTA_CHECK / =DJ.QUOTA_TABLE with the shapes Excel passes:
// numbers, clerk-typed strings, null for blanks and omitted arguments, 2-D ranges.
import { gradeCore, plainSum, type GradeCell } from '../../../addin/functions/grade-core';
import { thrown } from './input-error';
import { parseOrigin, cellAddress } from '../../../addin/functions/address';
import { defaultScheme, defaultSchemeInput, maxTotal, sumIndicators } from '../../../shared';

const labels = (cells: GradeCell[][]) => cells.map((r) => (typeof r[0] === 'string' ? r[0] : `ERR:${r[0]?.problem}`));

describe('GRADE on one total', () => {
  test.each<[unknown, string]>([
    [92, '好'],
    [90, '好'],
    [89.5, '较好'],
    [80, '较好'],
    [79.99, '一般'],
    [60, '一般'],
    [59, '较差'],
    [0, '较差'],
    [100, '好'],
    ['92', '好'],
    ['92分', '好'],
    ['９２', '好'],
    ['８５．５分', '较好'],
    [' 75 ', '一般'],
    ['92.0', '好'],
    [[[92]], '好'],
  ])('%p → %s', (input, grade) => {
    expect(labels(gradeCore({ scores: input }))).toEqual([grade]);
  });

  test.each<[unknown]>([[null], [''], ['  '], [[[null]]]])('blank %p → blank output, not an error', (input) => {
    expect(gradeCore({ scores: input })).toEqual([['']]);
  });

  test.each<[unknown, string]>([
    ['abc', '“abc”不是有效的分数，请填写 0 到 100 之间的数字'],
    [105, '总分 105 超出范围，应在 0 到 100 之间'],
    [-1, '总分 -1 超出范围，应在 0 到 100 之间'],
    [true, '“TRUE”不是有效的分数，请填写 0 到 100 之间的数字'],
  ])('bad total %p → row problem %s', (input, message) => {
    expect(gradeCore({ scores: input })).toEqual([[{ problem: message }]]);
  });

  test('a single cell with its address names the cell', () => {
    expect(gradeCore({ scores: [['x']], addresses: ['一览表!H5'] })).toEqual([[{ problem: 'H5 单元格“x”不是有效的分数，请填写 0 到 100 之间的数字' }]]);
  });
});

describe('GRADE on a column of totals', () => {
  const column = [[95], [null], ['85分'], ['好'], [''], ['６５'], [40]];

  test('grades good rows, leaves blanks blank and marks the bad row only', () => {
    expect(labels(gradeCore({ scores: column }))).toEqual([
      '好',
      '',
      '较好',
      'ERR:所选区域第 4 行：“好”不是有效的分数，请填写 0 到 100 之间的数字',
      '',
      '一般',
      '较差',
    ]);
  });

  test('with the range address, messages name the sheet row and cell', () => {
    const out = gradeCore({ scores: column, addresses: ["'一览表 (2)'!$H$5:$H$11"] });
    expect(out[3]).toEqual([{ problem: '第 8 行：H8 单元格“好”不是有效的分数，请填写 0 到 100 之间的数字' }]);
  });

  test('flags: a parallel column of 三打两建 and 新组建, Traditional and symbols accepted', () => {
    const scores = [[95], [95], [95], [70], [95]];
    const forced = [['否'], ['是'], [null], ['√'], ['']];
    const fresh = [[null], [null], ['是'], ['否'], ['Y']];
    expect(labels(gradeCore({ scores, forcedBottom: forced, newlyEstablished: fresh }))).toEqual(['好', '较差', '较好', '较差', '较好']);
  });

  test('one flag cell applies to every row', () => {
    expect(labels(gradeCore({ scores: [[95], [85]], newlyEstablished: [['是']] }))).toEqual(['较好', '较好']);
    expect(labels(gradeCore({ scores: [[95], [85]], forcedBottom: true }))).toEqual(['较差', '较差']);
  });

  test('a bad flag marks its row, naming the flag column and cell', () => {
    const out = gradeCore({ scores: [[95], [85]], forcedBottom: [['是'], ['可能']], addresses: ['S!H5:H6', 'S!K5:K6', null] });
    expect(labels(out)).toEqual(['较差', 'ERR:第 6 行：K6 单元格“涉及三打两建问题”一栏的“可能”无法识别，请填写“是”或“否”（或留空）']);
  });

  test.each<[string, () => unknown, string]>([
    [
      'flag column of another length',
      () => gradeCore({ scores: [[90], [80], [70]], forcedBottom: [['是'], ['否']] }),
      '“涉及三打两建问题”区域为 2 行 × 1 列，应与分数区域一样为 3 行 × 1 列（或只给一个单元格，对所有行适用）',
    ],
    [
      'one bad flag cell for all rows',
      () => gradeCore({ scores: [[90], [80]], newlyEstablished: [['maybe']] }),
      '“新组建”一栏的“maybe”无法识别，请填写“是”或“否”（或留空）',
    ],
    [
      'a range of the wrong width',
      () => gradeCore({ scores: [[1, 2, 3]] }),
      '所给区域有 3 列：应为 1 列总分，或 7 列指标得分（党组织带头人、工作思路、工作制度、活动阵地、保障机制、工作业绩、群众反映）',
    ],
    ['an unknown scheme id', () => gradeCore({ scores: 90, scheme: 'beijing' }), '“beijing”不是已知的评定标准，应为 default6（六类）、yichun5（宜春五类） 之一，或填写评定标准的 JSON 文本'],
  ])('%s → FnInputError', (_name, fn, message) => {
    expect(thrown(fn)).toBe(message);
  });
});

describe('GRADE on rows of seven indicator scores', () => {
  const good = [15, 15, 9, 9, 9, 18, 20]; // 95
  const rows = [
    good,
    ['１３', '12分', 8, 8, 8, 16, 20], // 85
    [null, null, null, null, null, null, null],
    [10, 10, 8, 8, 8, 25, 20], // 工作业绩 25 > 20
    [10, 10, 8, 8, 8, 10, null], // 群众反映 blank
    [5, 5, 5, 5, 5, 10, 10], // 45
  ];

  test('grades each row; one bad cell spoils only its row', () => {
    expect(labels(gradeCore({ scores: rows }))).toEqual([
      '好',
      '较好',
      '',
      'ERR:所选区域第 4 行：“工作业绩”分数 25 超出范围，应在 0 到 20 之间',
      'ERR:所选区域第 5 行：“群众反映”分数未填写',
      '较差',
    ]);
  });

  test('with the address, the bad cell is named by column letter', () => {
    const out = gradeCore({ scores: rows, addresses: ['一览表!B5:H10'] });
    expect(out[3]).toEqual([{ problem: '第 8 行：G8 单元格“工作业绩”分数 25 超出范围，应在 0 到 20 之间' }]);
  });

  test('every bad cell of a row is reported', () => {
    const out = gradeCore({ scores: [['x', 16, 9, 9, 9, 18, 20]], addresses: ['B5:H5'] });
    expect(out).toEqual([[{ problem: 'B5 单元格“x”不是有效的分数，请填写 0 到 15 之间的数字；C5 单元格“工作思路”分数 16 超出范围，应在 0 到 15 之间' }]]);
  });

  test('full marks in every indicator are 100 and grade 好 (the default maxima add to 100)', () => {
    expect(labels(gradeCore({ scores: [[15, 15, 10, 10, 10, 20, 20]] }))).toEqual(['好']);
  });

  test('flags apply to indicator rows too', () => {
    expect(labels(gradeCore({ scores: [good, good], forcedBottom: [['否'], ['是']] }))).toEqual(['好', '较差']);
  });
});

test('the all-numbers fast path sums exactly as sumIndicators does, and declines everything else', () => {
  const maxima = defaultScheme.indicators.map((i) => i.max);
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const cells: unknown[] = [0, 0.1, 0.2, 0.5, 7.3, 9.9, 10, 14.5, 15, 20, 25, 26, -0.5, NaN, Infinity, '10', '8分', null, true];
  for (let n = 0; n < 2000; n++) {
    const row = maxima.map((m) => (rnd() < 0.9 ? Math.round(rnd() * m * 10) / 10 : cells[Math.floor(rnd() * cells.length)]));
    const fast = plainSum(row, maxima, maxTotal(defaultScheme), new Array<number>(7));
    const slow = sumIndicators(defaultScheme, row);
    if (fast !== null) expect([row, slow]).toEqual([row, { ok: true, total: fast }]);
    else if (row.every((v) => typeof v === 'number')) expect([row, slow.ok]).toEqual([row, false]);
  }
});

describe('schemes', () => {
  test('yichun5 by id or by name', () => {
    expect(labels(gradeCore({ scores: 95, scheme: 'yichun5' }))).toEqual(['好']);
    expect(labels(gradeCore({ scores: 95, scheme: '基层党组织分类定级标准（宜春五类）' }))).toEqual(['好']);
  });

  test('a county scheme as JSON text: five indicators of 20, stricter bands', () => {
    const county = {
      ...defaultSchemeInput,
      id: 'county5',
      indicators: ['甲', '乙', '丙', '丁', '戊'].map((n, i) => ({ key: `k${i}`, name: n, max: 20 })),
      grades: [
        { key: 'good', label: '好', min: 95 },
        { key: 'fairlyGood', label: '较好', min: 85 },
        { key: 'average', label: '一般', min: 60 },
        { key: 'poor', label: '较差', min: 0 },
      ],
    };
    const json = JSON.stringify(county);
    expect(labels(gradeCore({ scores: [[19, 19, 19, 19, 18]], scheme: json }))).toEqual(['较好']);
    expect(labels(gradeCore({ scores: [[20, 20, 20, 20, 15]], scheme: json }))).toEqual(['好']);
    expect(thrown(() => gradeCore({ scores: [[1, 2, 3, 4, 5, 6, 7]], scheme: json }))).toContain('应为 1 列总分，或 5 列指标得分（甲、乙、丙、丁、戊）');
  });

  test.each<[string, string]>([
    ['{"id": ', '评定标准（scheme）不是有效的 JSON'],
    ['{"id": "x"}', '评定标准（scheme）无效：'],
  ])('bad scheme JSON %s → %s', (text, fragment) => {
    expect(thrown(() => gradeCore({ scores: 90, scheme: text }))).toContain(fragment);
  });
});

describe('addresses', () => {
  test.each<[string | null, { row: number; col: number } | null]>([
    ['Sheet1!B5:H200', { row: 5, col: 1 }],
    ["'一览表 (2)'!$H$5", { row: 5, col: 7 }],
    ['[Book1]Sheet1!AA10:AB11', { row: 10, col: 26 }],
    ['H5', { row: 5, col: 7 }],
    ['Sheet1!O:O', { row: 1, col: 14 }],
    ["'一览 表'!$H:$N", { row: 1, col: 7 }],
    ['Sheet1!aa:ab', { row: 1, col: 26 }],
    ['Sheet1!5:200', { row: 5, col: 0 }],
    ['Sheet1!$8:$8', { row: 8, col: 0 }],
    ['Sheet1!O:', null],
    ['Sheet1!#REF!', null],
    [null, null],
  ])('%p → %p', (address, origin) => {
    expect(parseOrigin(address)).toEqual(origin);
  });

  test('cell addresses are offset from the origin', () => {
    expect(cellAddress({ row: 5, col: 1 }, 3, 5)).toBe('G8');
    expect(cellAddress({ row: 1, col: 25 }, 0, 1)).toBe('AA1');
  });
});
