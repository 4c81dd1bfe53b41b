// The logic behind =DJ.QUOTA_CHECK / =DJ.QUOTA_TABLE with the shapes Excel passes: grade labels
// as typed (Simplified, Traditional, spaced), null for blanks and omitted arguments, 2-D ranges.
import { quotaCheckCore, quotaEntries, quotaTableCore, QUOTA_TABLE_HEADER } from '../../../addin/functions/quota-core';
import { thrown } from './input-error';
import { yichunSchemeInput } from '../../../shared';

describe('QUOTA_CHECK', () => {
  const column = (xs: unknown[]) => xs.map((x) => [x]);
  const mix = (good: number, fair: number, avg: number, poor: number) => [
    ...Array(good).fill('好'),
    ...Array(fair).fill('较好'),
    ...Array(avg).fill('一般'),
    ...Array(poor).fill('较差'),
  ];

  test('a good mix is within the quotas', () => {
    expect(quotaCheckCore({ grades: column(mix(1, 6, 2, 1)) })).toBe('共 10 个：好 1（10.0%）、较好 6（60.0%）、一般 2（20.0%）、较差 1（10.0%）；比例符合要求');
  });

  test('Traditional labels and blanks: counted and skipped', () => {
    expect(quotaCheckCore({ grades: column(['較好', null, '較差', '', '好', '较好']) })).toMatch(/^共 4 个：好 1（25\.0%）、较好 2（50\.0%）、一般 0（0\.0%）、较差 1（25\.0%）；不符合比例要求/);
  });

  test('too many 好 is reported with the cap', () => {
    expect(quotaCheckCore({ grades: column(mix(3, 5, 1, 1)) })).toContain('定为“好”的有 3 个，占 30.0%，超过上限 20%');
  });

  test('categories: agencies have their own raised cap', () => {
    const grades = column(mix(3, 6, 0, 1));
    const categories = column(['机关', '机关', '机关', '机关', '机关', '机关', '机关', '机关', '机关', '村']);
    expect(quotaCheckCore({ grades, categories })).toContain('机关事业单位类中定为“好”的有 3 个，占 33.3%，超过上限 30%');
  });

  test('one category cell applies to every grade', () => {
    const entries = quotaEntries({ grades: column(['好', '较好']), categories: [['機關']] });
    expect(entries).toEqual([
      { grade: '好', category: '機關' },
      { grade: '较好', category: '機關' },
    ]);
  });

  test('nothing to count says so', () => {
    expect(quotaCheckCore({ grades: column([null, '']) })).toBe('没有可统计的等次：所给范围全部为空');
  });

  test('unknown labels are named, not counted', () => {
    expect(quotaCheckCore({ grades: column(['好', '优秀', ...mix(0, 8, 0, 1)]) })).toContain('；已计入的比例符合要求；另有 1 个无法识别的等次（“优秀”）未计入，请核对');
  });

  test('categories of another size → FnInputError', () => {
    expect(thrown(() => quotaCheckCore({ grades: column(['好', '较好', '一般']), categories: column(['村', '村']) }))).toBe(
      '“类别”区域为 2 行 × 1 列，应与等次区域一样为 3 行 × 1 列（或只给一个单元格，对所有行适用）',
    );
  });

  test('the yichun5 scheme knows its own categories', () => {
    const grades = column(mix(1, 7, 1, 1));
    expect(quotaCheckCore({ grades, categories: [['教育卫生']], scheme: 'yichun5' })).toContain('比例符合要求');
    // Named once however many rows repeat it; the grades still count, under the common cap.
    expect(quotaCheckCore({ grades, categories: [['教育卫生']] })).toContain('；已计入的比例符合要求；10 个类别无法识别（“教育卫生”），其等次已按“好”不超过 20% 的类别计入，请核对');
    expect(yichunSchemeInput.id).toBe('yichun5');
  });
});

describe('QUOTA_TABLE', () => {
  test('counts, shares, requirements and verdicts as a rectangular table', () => {
    const grades = [['好'], ['好'], ['好'], ['较好'], ['较好'], ['较好'], ['较好'], ['一般'], ['较差'], [null], ['优秀']];
    const t = quotaTableCore({ grades });
    expect(t[0]).toEqual([...QUOTA_TABLE_HEADER]);
    expect(t).toEqual([
      ['等次', '个数', '占比', '要求', '结论'],
      ['好', 3, '33.3%', '不超过 20%（机关事业单位 30%）', '超出'],
      ['较好', 4, '44.4%', '', ''],
      ['一般', 1, '11.1%', '', ''],
      ['较差', 1, '11.1%', '10% 左右', '符合'],
      ['合计', 9, '100.0%', '', '不符合比例要求'],
      ['空白（未计入）', 1, '', '', ''],
      ['无法识别的等次', 1, '', '', '“优秀”'],
    ]);
    for (const row of t) expect(row).toHaveLength(5);
  });

  test('a class over its cap gets its own row', () => {
    const t = quotaTableCore({ grades: [['好'], ['较好'], ['较好']], categories: [['机关']] });
    expect(t).toContainEqual(['好（机关事业单位）', 1, '33.3%', '不超过 30%', '超出']);
  });

  test('a share just over the cap reads over it (402 of 2,005: 20.05%, not 20.0%)', () => {
    const grades = [...Array<string[]>(402).fill(['好']), ...Array<string[]>(1403).fill(['较好']), ...Array<string[]>(200).fill(['较差'])];
    const t = quotaTableCore({ grades });
    expect(t[1]).toEqual(['好', 402, '20.05%', '不超过 20%（机关事业单位 30%）', '超出']);
    expect(quotaCheckCore({ grades })).toContain('占 20.05%，超过上限 20%');
  });

  test('an empty range still gives the header and a total', () => {
    // The total says the range is empty; its empty rows are no 空白 row of their own.
    expect(quotaTableCore({ grades: [[null]] }).at(-1)).toEqual(['合计', 0, '0.0%', '', '没有可统计的等次：所给范围全部为空']);
  });
});

describe('ranges as clerks take them', () => {
  const col = (xs: unknown[]) => xs.map((x) => [x]);
  const ten = ['好', '较好', '较好', '较好', '较好', '较好', '较好', '一般', '一般', '较差'];
  const met = '共 10 个：好 1（10.0%）、较好 6（60.0%）、一般 2（20.0%）、较差 1（10.0%）；比例符合要求';

  test.each<[string, unknown[][], unknown[][] | null, string]>([
    ['with its header (R4:R200)', col(['等次', ...ten]), null, met],
    ['with a Traditional header and categories with theirs', col(['評定等次', ...ten]), col(['类别', ...Array(10).fill('村')]), met],
    ['a whole column: header, grades, then blanks', col(['等次', ...ten, ...Array(5000).fill(null)]), null, met],
    [
      'a label that is no grade: named, and what was counted still gets its verdict',
      col([...ten, '優秀']),
      null,
      '共 10 个：好 1（10.0%）、较好 6（60.0%）、一般 2（20.0%）、较差 1（10.0%）；已计入的比例符合要求；另有 1 个无法识别的等次（“優秀”）未计入，请核对',
    ],
    [
      'a category that names two (两新组织): its grade counted under the common cap, not “未计入”',
      col(['好', '较好', '较好', '较好', '一般']),
      col(['村', '两新组织', '村', '村', '村']),
      '共 5 个：好 1（20.0%）、较好 3（60.0%）、一般 1（20.0%）、较差 0（0.0%）；已计入的比例符合要求；1 个类别无法识别（“两新组织”），其等次已按“好”不超过 20% 的类别计入，请核对',
    ],
    [
      'an unknown label beside a breach: the breach is the verdict',
      col(['好', '好', '较好', '一般', '较差', '优秀']),
      null,
      '共 5 个：好 2（40.0%）、较好 1（20.0%）、一般 1（20.0%）、较差 1（20.0%）；不符合比例要求：定为“好”的有 2 个，占 40.0%，超过上限 20%；另有 1 个无法识别的等次（“优秀”）未计入，请核对',
    ],
  ])('%s', (_name, grades, categories, line) => {
    expect(quotaCheckCore({ grades, categories })).toBe(line);
  });

  test.each<[string, unknown[][], Array<[string, number]>]>([
    ['a whole column: only blanks inside the list', col(['等次', '好', null, '较好', ...Array(1_048_572).fill(null)]), [['空白（未计入）', 1]]],
    ['a list with no gap', col(['等次', ...ten, ...Array(100).fill('')]), []],
  ])('QUOTA_TABLE blanks: %s', (_name, grades, blankRows) => {
    const t = quotaTableCore({ grades });
    expect(t.filter((r) => r[0] === '空白（未计入）').map((r) => [r[0], r[1]])).toEqual(blankRows);
  });

  test.each<[string, unknown[][], string]>([
    ['a header is no row of the table', col(['等次', ...ten]), '符合比例要求'],
    ['an unknown label: counted ones met, the rest named', col([...ten, '優秀']), '已计入的符合比例要求；另有无法识别的等次未计入'],
    ['over the cap stays 不符合', col(['好', '好', '较好', '一般', '较差', '优秀']), '不符合比例要求'],
  ])('QUOTA_TABLE 合计: %s', (_name, grades, overall) => {
    const t = quotaTableCore({ grades });
    expect(t.find((r) => r[0] === '合计')?.[4]).toBe(overall);
    expect(t.some((r) => r[0] === '无法识别的等次' && r[4] === '“等次”')).toBe(false);
  });
});
