import { indicatorMaxSum, defaultScheme, defaultSchemeInput, findCategory, findGrade, findIndicator, loadScheme, loadSchemeJson, maxTotal, schemeFingerprint, yichunScheme, yichunSchemeInput } from '../../../shared';

describe('default and Yichun schemes', () => {
  test('the default is the six-way standard of domain.md', () => {
    expect(defaultScheme.categories.map((c) => c.name)).toEqual(['村', '社区', '国有企业', '非公有制经济组织', '机关事业单位', '社会组织']);
    // Source 000's 15/15/10/10/10/20/25 add to 105 under 百分制: 群众反映 is 20 so they add to 100.
    expect(defaultScheme.indicators.map((i) => i.max)).toEqual([15, 15, 10, 10, 10, 20, 20]);
    expect(indicatorMaxSum(defaultScheme)).toBe(100);
    expect(defaultScheme.totalMax).toBe(100);
    expect(maxTotal(defaultScheme)).toBe(100);
    expect(defaultScheme.grades.map((g) => [g.label, g.min])).toEqual([['好', 90], ['较好', 80], ['一般', 60], ['较差', 0]]);
    expect(defaultScheme.quota.top.maxShare).toBe(0.2);
    expect(defaultScheme.quota.bottom.targetShare).toBe(0.1);
  });
  test('Yichun is five-way', () => {
    expect(yichunScheme.categories.map((c) => c.name)).toEqual(['农村', '社区', '机关', '非公有制企业', '教育卫生事业单位']);
  });
  test.each([
    ['村', 'village'], ['行政村', 'village'], ['連隊', 'village'], ['社區', 'community'], ['國有企業', 'soe'],
    ['非公有制經濟組織', 'private'], ['非公', 'private'], ['機關事業單位', 'agency'], ['社會組織', 'social'],
  ])('default category %p → %p', (text, key) => {
    expect(findCategory(defaultScheme, text)?.key).toBe(key);
  });
  test.each([['農村', 'rural'], ['教育衛生事業單位', 'eduHealth'], ['機關', 'agency']])('Yichun category %p → %p', (text, key) => {
    expect(findCategory(yichunScheme, text)?.key).toBe(key);
  });
  test.each([['好', 'good'], ['較好', 'fairlyGood'], ['一般', 'average'], ['較差', 'poor'], ['较差', 'poor'], ['优秀', undefined]])('grade %p → %p', (text, key) => {
    expect(findGrade(defaultScheme, text)?.key).toBe(key);
  });
  test('indicators by name, alias and Traditional form', () => {
    expect(findIndicator(defaultScheme, '群眾評價')?.key).toBe('opinion');
    expect(findIndicator(defaultScheme, '黨組織帶頭人')?.key).toBe('leader');
  });
});

describe('loading a county scheme', () => {
  test('a valid JSON scheme loads', () => {
    const r = loadSchemeJson(JSON.stringify(yichunSchemeInput));
    expect(r.ok).toBe(true);
  });
  test.each([
    ['bands not descending', { grades: [{ key: 'a', label: '好', min: 60 }, { key: 'b', label: '较好', min: 80 }, { key: 'c', label: '较差', min: 0 }] }, '等次须按分数从高到低排列'],
    ['lowest band not at 0', { grades: [{ key: 'good', label: '好', min: 90 }, { key: 'poor', label: '较差', min: 10 }] }, '下限必须是 0'],
    ['a share written as a percent', { quota: { ...defaultSchemeInput.quota, top: { grade: 'good', maxShare: 20 } } }, 'quota.top.maxShare：比例不能大于 1'],
    ['duplicate category', { categories: [{ key: 'a', name: '村' }, { key: 'b', name: '村' }] }, '类别名称“村”重复'],
    ['explanation names an unknown grade', { explanations: [{ categories: ['village'], grades: ['excellent'] }] }, '未定义的等次键名“excellent”'],
    ['top band above the sum of maxima', { indicators: [{ key: 'only', name: '唯一', max: 50 }] }, '超过了可得的最高总分 50'],
  ])('%s is refused with a Chinese message', (_name, patch, fragment) => {
    const r = loadScheme({ ...defaultSchemeInput, ...patch });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(fragment);
  });
  test.each([
    ['maxima adding to 105 under a 100-point total (source 000 as written)', { indicators: defaultSchemeInput.indicators.map((i) => (i.key === 'opinion' ? { ...i, max: 25 } : i)) }, 'indicators：各项指标满分之和为 105（党组织带头人 15、工作思路 15、工作制度 10、活动阵地 10、保障机制 10、工作业绩 20、群众反映 25），与总分满分 totalMax 100 不一致'],
    ['maxima adding to 100 under a 105-point total', { totalMax: 105 }, '各项指标满分之和为 100'],
    ['an alias naming two categories', { categories: [{ key: 'village', name: '村', aliases: ['农村'] }, { key: 'rural', name: '乡村', aliases: ['農村'] }] }, 'categories：“农村”同时是类别“村”和“乡村”的名称或别名，请只保留一处'],
    ['an alias of a grade that is another grade', { grades: [{ key: 'good', label: '好', aliases: ['较好'], min: 90 }, { key: 'fair', label: '较好', min: 60 }, { key: 'poor', label: '较差', min: 0 }] }, '同时是等次“好”和“较好”'],
    ['an empty alias', { categories: [{ key: 'village', name: '村', aliases: ['  '] }] }, 'categories.0.aliases.0：不能为空'],
    ['a name that is not text', { name: 5 }, 'name：应为文字'],
    ['a yes word that is also a no word', { vocabulary: { yes: ['有'], no: ['有'] } }, 'vocabulary：“有”同时是是/否标记“yes”和“no”'],
  ])('%s is refused with a Chinese message naming the field', (_name, patch, fragment) => {
    const r = loadScheme({ ...defaultSchemeInput, ...patch });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(fragment);
  });
  test('a deep type error gets zod’s zh-CN text, not English', () => {
    const r = loadScheme({ ...defaultSchemeInput, quota: { ...defaultSchemeInput.quota, bottom: 'x' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^评定标准（scheme）无效：quota\.bottom：[^A-Za-z]*[\u4e00-\u9fff]/);
  });
  test.each([
    ['default', defaultSchemeInput],
    ['Yichun', yichunSchemeInput],
  ])('the %s scheme’s maxima add to its total', (_n, input) => {
    const s = loadScheme(input);
    expect(s.ok && indicatorMaxSum(s.scheme)).toBe(100);
    expect(s.ok && maxTotal(s.scheme)).toBe(100);
  });
  test('broken JSON is refused with a message', () => {
    const r = loadSchemeJson('{ "id": ');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^评定标准（scheme）不是有效的 JSON/);
  });
  test('fingerprint changes when a number changes, not when keys are reordered', () => {
    const a = schemeFingerprint(defaultScheme);
    const reordered = JSON.parse(JSON.stringify(defaultScheme, Object.keys(defaultScheme).reverse()));
    const changed = { ...defaultScheme, quota: { ...defaultScheme.quota, top: { ...defaultScheme.quota.top, maxShare: 0.25 } } };
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(schemeFingerprint(changed)).not.toBe(a);
    expect(schemeFingerprint({ ...reordered, ...defaultScheme })).toBe(a);
  });
  test('fingerprint is remembered per scheme object: asked again, or of an equal copy, it is the same', () => {
    const copy = loadScheme(JSON.parse(JSON.stringify(defaultSchemeInput)));
    const a = schemeFingerprint(defaultScheme);
    expect(schemeFingerprint(defaultScheme)).toBe(a);
    expect(copy.ok && schemeFingerprint(copy.scheme)).toBe(a);
  });
});
