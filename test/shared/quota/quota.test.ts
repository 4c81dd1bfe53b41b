import { checkQuota, defaultScheme as S, percentBeside, yichunScheme as Y, type QuotaEntry } from '../../../shared';

const many = (label: string, n: number, category?: string): QuotaEntry[] =>
  Array.from({ length: n }, () => (category === undefined ? { grade: label } : { grade: label, category }));

describe('checkQuota', () => {
  test("the 000 county's real outcome passes (533: 54 / 323 / 107 / 49)", () => {
    const r = checkQuota(S, [...many('好', 54), ...many('较好', 323), ...many('一般', 107), ...many('较差', 49)]);
    expect(r.graded).toBe(533);
    expect(r.counts).toEqual({ good: 54, fairlyGood: 323, average: 107, poor: 49 });
    expect(r.shares.good).toBeCloseTo(54 / 533, 10);
    expect(r.breaches).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.summary).toBe('共 533 个：好 54（10.1%）、较好 323（60.6%）、一般 107（20.1%）、较差 49（9.2%）；比例符合要求');
  });

  test('25 % 好 fails with the cap named', () => {
    const r = checkQuota(S, [...many('好', 25), ...many('较好', 55), ...many('一般', 10), ...many('较差', 10)], { scope: '城关镇' });
    expect(r.ok).toBe(false);
    expect(r.breaches).toHaveLength(1);
    expect(r.breaches[0]).toMatchObject({ code: 'QUOTA_TOP_EXCEEDED', count: 25, of: 100, limit: 0.2, severity: 'error' });
    expect(r.summary).toContain('城关镇定为“好”的有 25 个，占 25.0%，超过上限 20%');
  });

  test.each([
    ['a township whose name ends in 乡 (not read as 乡村)', '西河乡', '西河乡的村、社区、国有企业、非公有制经济组织、社会组织类中定为“好”的有 4 个'],
    ['the county', '青山县', '青山县的村、社区、国有企业、非公有制经济组织、社会组织类中定为“好”的有 4 个'],
    ['no scope: the class alone', undefined, '；不符合比例要求：村、社区、国有企业、非公有制经济组织、社会组织类中定为“好”的有 4 个'],
  ])('a class cap broken in a mixed set, for %s: the scope and the class are kept apart', (_who, scope, says) => {
    const r = checkQuota(S, [...many('好', 4, '村'), ...many('较好', 5, '村'), ...many('较差', 1, '村'), ...many('较好', 2, '机关事业单位')], scope ? { scope } : {});
    expect(r.summary).toContain(says);
  });

  test('exactly 20 % 好 passes', () => {
    const r = checkQuota(S, [...many('好', 20), ...many('较好', 70), ...many('较差', 10)]);
    expect(r.breaches).toEqual([]);
  });

  test('an agency set with a raised cap passes where a village set with the same shares fails', () => {
    const shares = (cat: string) => [...many('好', 3, cat), ...many('较好', 5, cat), ...many('较差', 1, cat), ...many('一般', 1, cat)];
    const agency = checkQuota(S, shares('机关事业单位'));
    const village = checkQuota(S, shares('村'));
    expect(agency.ok).toBe(true);
    expect(agency.breaches).toEqual([]);
    expect(village.ok).toBe(false);
    expect(village.breaches[0]).toMatchObject({ code: 'QUOTA_TOP_EXCEEDED', quotaClass: null, limit: 0.2 });
  });

  test('each quota class is held to its own cap in a mixed set', () => {
    // 10 villages with 3 好 (30 %) fail even though the 10 agencies have none.
    const r = checkQuota(S, [...many('好', 3, '村'), ...many('较好', 6, '村'), ...many('较差', 1, '村'), ...many('较好', 9, '机关'), ...many('较差', 1, '机关')]);
    expect(r.breaches.map((b) => [b.code, b.quotaClass, b.count, b.of])).toEqual([['QUOTA_TOP_EXCEEDED', 'standard', 3, 10]]);
  });

  test('the five-way Yichun split raises education and health too', () => {
    const r = checkQuota(Y, [...many('好', 3, '教育卫生事业单位'), ...many('较好', 6, '教育卫生事业单位'), ...many('较差', 1, '学校')]);
    expect(r.ok).toBe(true);
    const rural = checkQuota(Y, [...many('好', 3, '农村'), ...many('较好', 6, '农村'), ...many('较差', 1, '农村')]);
    expect(rural.ok).toBe(false);
  });

  test.each([
    // [较差 count of 100, breach?]
    [4, true], [5, false], [10, false], [15, false], [16, true], [0, true],
  ])('较差 %p of 100 → breach %p (around 10 % ± 5)', (poor, breach) => {
    const r = checkQuota(S, [...many('较差', poor), ...many('较好', 100 - poor)]);
    expect(r.breaches.some((b) => b.code === 'QUOTA_BOTTOM_OFF')).toBe(breach);
    // 较差 off target is a warning by default: it does not make the set fail.
    expect(r.ok).toBe(true);
  });

  test('small sets compare counts over a rounded range: 1 较差 of 7 is fine, 0 of 7 too', () => {
    expect(checkQuota(S, [...many('较差', 1), ...many('较好', 6)]).breaches).toEqual([]);
    expect(checkQuota(S, many('较好', 7)).breaches).toEqual([]);
    expect(checkQuota(S, [...many('较差', 3), ...many('较好', 4)]).breaches.map((b) => b.code)).toEqual(['QUOTA_BOTTOM_OFF']);
  });

  test('blank rows are skipped, Traditional and full-width labels counted, unknown labels reported', () => {
    const r = checkQuota(S, [
      { grade: '較差' }, { grade: ' 较好 ' }, { grade: null }, { grade: '' }, { grade: '   ' }, { grade: '优秀' }, { grade: '好', category: '外星组织' },
    ]);
    expect(r.blanks).toBe(3);
    expect(r.graded).toBe(3);
    expect(r.counts).toMatchObject({ poor: 1, fairlyGood: 1, good: 1 });
    expect(r.unknownGrades).toEqual([{ index: 5, value: '优秀' }]);
    expect(r.unknownCategories).toEqual([{ index: 6, value: '外星组织' }]);
    expect(r.ok).toBe(false);
    expect(r.summary).toContain('1 个无法识别的等次（“优秀”）');
  });

  test('nothing graded says so', () => {
    const r = checkQuota(S, [{ grade: null }, { grade: '' }]);
    expect(r.graded).toBe(0);
    expect(r.summary).toBe('没有可统计的等次：所给范围全部为空');
  });
});

describe('percentBeside: a share printed beside the cap or target it misses reads on its side of it', () => {
  test.each([
    // [share, mark, shown]
    [25 / 100, 0.2, '25.0%'],
    [402 / 2005, 0.2, '20.05%'],
    [4001 / 20000, 0.2, '20.01%'],
    [20001 / 100000, 0.2, '20.001%'],
    [499 / 2500, 0.2, '19.96%'],
    [4 / 30, 0.125, '13.3%'],
    [3 / 10, 0.3, '30.0%'],
    [0, 0.1, '0.0%'],
  ])('%d beside %d → %s', (share, mark, shown) => {
    expect(percentBeside(share, mark)).toBe(shown);
  });

  test('402 好 of 2,005 is refused with a share that reads over the cap', () => {
    const r = checkQuota(S, [...many('好', 402), ...many('较好', 1403), ...many('较差', 200)], { scope: '青山县' });
    expect(r.breaches[0]).toMatchObject({ code: 'QUOTA_TOP_EXCEEDED', count: 402, of: 2005 });
    expect(r.summary).toContain('青山县定为“好”的有 402 个，占 20.05%，超过上限 20%');
  });
});
