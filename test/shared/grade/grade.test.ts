import { applyOverrides, defaultScheme as S, gradeForTotal, gradeTotal, sumIndicators, checkTotal, findGrade } from '../../../shared';

describe('gradeForTotal: every band edge', () => {
  test.each([
    [0, '较差'], [59.99, '较差'], [60, '一般'], [79.99, '一般'], [80, '较好'],
    [89.5, '较好'], [89.99, '较好'], [90, '好'], [100, '好'],
  ])('%p → %s', (total, label) => {
    expect(gradeForTotal(S, total).label).toBe(label);
  });
});

describe('checkTotal: what clerks type as a total', () => {
  test.each([
    [92, 92], ['92', 92], ['92分', 92], ['９２', 92], ['92.0', 92], [' 89.5 ', 89.5], ['８９．５分', 89.5],
  ])('%p reads as %p', (input, expected) => {
    expect(checkTotal(S, input)).toEqual({ ok: true, total: expected });
  });
  test.each([
    [-1, 'SCORE_OUT_OF_RANGE'], [100.5, 'SCORE_OUT_OF_RANGE'], ['abc', 'SCORE_MALFORMED'], ['9 2x', 'SCORE_MALFORMED'], [true, 'SCORE_MALFORMED'],
  ])('%p is refused with %s', (input, code) => {
    const r = checkTotal(S, input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]?.code).toBe(code);
  });
  test('blank is blank, not zero', () => {
    expect(checkTotal(S, '')).toEqual({ ok: true, total: null });
    expect(checkTotal(S, null)).toEqual({ ok: true, total: null });
  });
});

describe('sumIndicators', () => {
  test('seven scores sum without float noise', () => {
    expect(sumIndicators(S, [14.1, 14.2, 9.3, 9.1, 9.2, 19.1, 15])).toEqual({ ok: true, total: 90 });
  });
  test('mixed shapes are accepted', () => {
    expect(sumIndicators(S, ['15分', '１５', 10, '10.0', ' 10 ', 20, 20])).toEqual({ ok: true, total: 100 });
  });
  test('full marks everywhere are 100, the top of the scale, and grade 好', () => {
    // The default's maxima add to its 100-point scale (群众反映 20), so full marks are never refused.
    expect(sumIndicators(S, S.indicators.map((i) => i.max))).toEqual({ ok: true, total: 100 });
  });
  test('群众反映 above its maximum of 20 is named at its own position', () => {
    const r = sumIndicators(S, [15, 15, 10, 10, 10, 20, 25]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toEqual([{ code: 'SCORE_OUT_OF_RANGE', index: 6, params: { value: 25, max: 20, name: '“群众反映”' } }]);
  });
  test('an indicator above its own max is named', () => {
    const r = sumIndicators(S, [16, 15, 10, 10, 10, 20, 20]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toHaveLength(1);
      expect(r.problems[0]).toMatchObject({ code: 'SCORE_OUT_OF_RANGE', index: 0, params: { max: 15, value: 16 } });
    }
  });
  test('every bad value is reported, blanks too', () => {
    const r = sumIndicators(S, ['abc', 15, null, 10, -1, 20, 20]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => [p.index, p.code])).toEqual([[0, 'SCORE_MALFORMED'], [2, 'SCORE_BLANK'], [4, 'SCORE_OUT_OF_RANGE']]);
  });
  test('wrong count of indicators', () => {
    const r = sumIndicators(S, [1, 2, 3]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ code: 'INDICATOR_COUNT', params: { expected: 7, actual: 3 } });
  });
});

describe('overrides', () => {
  const g = (label: string) => {
    const b = findGrade(S, label);
    if (!b) throw new Error(label);
    return b;
  };
  test.each([
    ['forced 较差 beats a score of 95', 95, { forcedBottom: true }, '较差', ['forcedBottom']],
    ['newly established 95 is capped at 较好', 95, { newlyEstablished: true }, '较好', ['newlyEstablishedCap']],
    ['newly established 70 stays 一般', 70, { newlyEstablished: true }, '一般', []],
    ['branch follows its general branch', 85, { generalBranchGrade: g('一般') }, '一般', ['followsGeneralBranch']],
    ['following a 好 general branch, newly established is still capped', 70, { generalBranchGrade: g('好'), newlyEstablished: true }, '较好', ['followsGeneralBranch', 'newlyEstablishedCap']],
    ['forced 较差 beats following a 好 general branch', 95, { generalBranchGrade: g('好'), forcedBottom: true }, '较差', ['forcedBottom']],
    ['no flags: the score decides', 95, {}, '好', []],
  ] as const)('%s', (_name, total, flags, label, reasons) => {
    const r = gradeTotal(S, total, flags);
    expect(r.grade.label).toBe(label);
    expect(r.reasons).toEqual(reasons);
  });
  test('disabled overrides do nothing', () => {
    const off = { ...S, overrides: { ...S.overrides, forcedBottom: { ...S.overrides.forcedBottom, enabled: false } } };
    expect(applyOverrides(off, g('好'), { forcedBottom: true }).grade.label).toBe('好');
  });
});
