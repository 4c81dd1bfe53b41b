// The standard in domain.md: the six-way split and 15/15/10/10/10/20/25 of source 000, the
// bands of all texts, and the quota and explanation rules of the Yichun text (source 002).
import { schemeSchema, type Scheme, type SchemeInput } from './schema';

const GRADES: SchemeInput['grades'] = [
  { key: 'good', label: '好', aliases: ['好等次'], min: 90 },
  { key: 'fairlyGood', label: '较好', aliases: [], min: 80 },
  { key: 'average', label: '一般', aliases: [], min: 60 },
  { key: 'poor', label: '较差', aliases: ['差'], min: 0 },
];

const INDICATORS: SchemeInput['indicators'] = [
  { key: 'leader', name: '党组织带头人', aliases: ['带头人', '党组织带头人作用发挥', '领导班子'], max: 15 },
  { key: 'plan', name: '工作思路', aliases: [], max: 15 },
  { key: 'rules', name: '工作制度', aliases: ['工作机制'], max: 10 },
  { key: 'venue', name: '活动阵地', aliases: ['阵地建设'], max: 10 },
  { key: 'support', name: '保障机制', aliases: ['保障'], max: 10 },
  { key: 'results', name: '工作业绩', aliases: ['业绩'], max: 20 },
  { key: 'opinion', name: '群众反映', aliases: ['群众评价', '群众满意度'], max: 25 },
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
    { key: 'village', name: '村', aliases: ['行政村', '农村', '村党组织', '连队'], quotaClass: 'standard' },
    { key: 'community', name: '社区', aliases: ['城市社区'], quotaClass: 'standard' },
    { key: 'soe', name: '国有企业', aliases: ['国企', '国有企业单位'], quotaClass: 'standard' },
    { key: 'private', name: '非公有制经济组织', aliases: ['非公', '非公企业', '非公有制企业', '非公经济组织'], quotaClass: 'standard' },
    { key: 'agency', name: '机关事业单位', aliases: ['机关', '事业单位', '机关单位'], quotaClass: 'raised' },
    { key: 'social', name: '社会组织', aliases: [], quotaClass: 'standard' },
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
    { key: 'rural', name: '农村', aliases: ['村', '行政村'], quotaClass: 'standard' },
    { key: 'community', name: '社区', aliases: [], quotaClass: 'standard' },
    { key: 'agency', name: '机关', aliases: ['机关单位'], quotaClass: 'raised' },
    { key: 'private', name: '非公有制企业', aliases: ['非公', '非公企业', '非公有制经济组织'], quotaClass: 'standard' },
    { key: 'eduHealth', name: '教育卫生事业单位', aliases: ['教育卫生', '学校', '医院'], quotaClass: 'raised' },
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
