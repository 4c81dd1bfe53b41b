// The standard in domain.md: the six-way split of source 000, the bands of all texts, and the
// quota and explanation rules of the Yichun text (source 002). Source 000 lists the maxima
// 15/15/10/10/10/20/25 under a 100-point scale (百分制), which add to 105; a standard must be
// self-consistent, so 群众反映 is 20 here (the other six as written) and the maxima add to 100.
// Aliases are the words clerks write for a category or grade (民营企业 for 非公, 农村 for 村).
import { schemeSchema, type Scheme, type SchemeInput } from './schema';

const GRADES: SchemeInput['grades'] = [
  { key: 'good', label: '好', aliases: ['好等次'], min: 90 },
  { key: 'fairlyGood', label: '较好', aliases: ['较好等次', '比较好'], min: 80 },
  { key: 'average', label: '一般', aliases: ['一般等次'], min: 60 },
  { key: 'poor', label: '较差', aliases: ['差', '较差等次'], min: 0 },
];

const INDICATORS: SchemeInput['indicators'] = [
  { key: 'leader', name: '党组织带头人', aliases: ['带头人', '党组织带头人作用发挥', '领导班子'], max: 15 },
  { key: 'plan', name: '工作思路', aliases: [], max: 15 },
  { key: 'rules', name: '工作制度', aliases: ['工作机制'], max: 10 },
  { key: 'venue', name: '活动阵地', aliases: ['阵地建设'], max: 10 },
  { key: 'support', name: '保障机制', aliases: ['保障'], max: 10 },
  { key: 'results', name: '工作业绩', aliases: ['业绩'], max: 20 },
  { key: 'opinion', name: '群众反映', aliases: ['群众评价', '群众满意度'], max: 20 },
];

// Agencies (and in Yichun education/health units) may be allowed a higher share of 好; 30 % is
// this default's choice. 较差 "around 10 %" is read as ±5 points.
const QUOTA: SchemeInput['quota'] = {
  top: { grade: 'good', maxShare: 0.2, classCaps: { raised: 0.3 }, severity: 'error' },
  bottom: { grade: 'poor', targetShare: 0.1, tolerance: 0.05, severity: 'warning' },
};

const OVERRIDES: SchemeInput['overrides'] = {
  forcedBottom: { enabled: true, label: '涉及三打两建问题' },
  newlyEstablishedCap: { enabled: true, label: '新组建', capGrade: 'fairlyGood' },
  branchFollowsGeneralBranch: { enabled: true },
};

export const defaultSchemeInput: SchemeInput = {
  id: 'default6',
  name: '基层党组织分类定级标准（六类）',
  version: '2026.1',
  categories: [
    { key: 'village', name: '村', aliases: ['行政村', '农村', '村级', '村党组织', '建制村', '连队'], quotaClass: 'standard' },
    { key: 'community', name: '社区', aliases: ['城市社区', '居委会', '社区居委会'], quotaClass: 'standard' },
    { key: 'soe', name: '国有企业', aliases: ['国企', '国有企业单位', '国有控股企业'], quotaClass: 'standard' },
    {
      key: 'private',
      name: '非公有制经济组织',
      aliases: ['非公', '非公企业', '非公有制企业', '非公经济', '非公经济组织', '非公有制经济', '民营企业', '民企', '私营企业', '个体私营企业'],
      quotaClass: 'standard',
    },
    { key: 'agency', name: '机关事业单位', aliases: ['机关', '事业单位', '机关单位', '党政机关', '教育卫生事业单位'], quotaClass: 'raised' },
    // 两新组织 is not an alias: it covers both 非公 and 社会组织, so the clerk is asked which.
    { key: 'social', name: '社会组织', aliases: ['新社会组织', '社团', '民办非企业单位'], quotaClass: 'standard' },
  ],
  indicators: INDICATORS,
  grades: GRADES,
  quota: QUOTA,
  explanations: [
    { categories: ['village', 'community', 'private', 'soe', 'social'], grades: ['good', 'poor'] },
    { categories: ['agency'], grades: ['average', 'poor'] },
  ],
  overrides: OVERRIDES,
};

/** The five-way split of the Yichun text (source 002), same indicators and bands. */
export const yichunSchemeInput: SchemeInput = {
  id: 'yichun5',
  name: '基层党组织分类定级标准（宜春五类）',
  version: '2012.1',
  categories: [
    { key: 'rural', name: '农村', aliases: ['村', '行政村', '村级', '建制村'], quotaClass: 'standard' },
    { key: 'community', name: '社区', aliases: ['城市社区', '居委会'], quotaClass: 'standard' },
    { key: 'agency', name: '机关', aliases: ['机关单位', '党政机关'], quotaClass: 'raised' },
    { key: 'private', name: '非公有制企业', aliases: ['非公', '非公企业', '非公有制经济组织', '非公经济', '民营企业', '民企', '私营企业'], quotaClass: 'standard' },
    { key: 'eduHealth', name: '教育卫生事业单位', aliases: ['教育卫生', '学校', '医院', '卫生院'], quotaClass: 'raised' },
  ],
  indicators: INDICATORS,
  grades: GRADES,
  quota: QUOTA,
  explanations: [
    { categories: ['rural', 'community', 'private'], grades: ['good', 'poor'] },
    { categories: ['agency', 'eduHealth'], grades: ['average', 'poor'] },
  ],
  overrides: OVERRIDES,
};

export const defaultScheme: Scheme = schemeSchema.parse(defaultSchemeInput);
export const yichunScheme: Scheme = schemeSchema.parse(yichunSchemeInput);
