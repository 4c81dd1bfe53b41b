// Codes for scores, grades, categories and quotas: 100–199.
import { def, v, type IssueDef, type Param } from '../types';

// Indicator names arrive quoted (“工作业绩”) and need 分数 after them; totals (总分,
// 各项指标得分之和) already name a score.
const scoreOf = (name: Param) => (String(name).startsWith('“') ? `${v(name)}分数` : v(name));

export const gradingIssues = {
  SCORE_MALFORMED: def<{ value: Param; max: Param }>(101, 'error', (p) => `“${v(p.value)}”不是有效的分数，请填写 0 到 ${v(p.max)} 之间的数字`),
  SCORE_OUT_OF_RANGE: def<{ name: Param; value: Param; max: Param }>(102, 'error', (p) => `${scoreOf(p.name)} ${v(p.value)} 超出范围，应在 0 到 ${v(p.max)} 之间`),
  SCORE_BLANK: def<{ name: Param }>(103, 'error', (p) => `${scoreOf(p.name)}未填写`),
  INDICATOR_COUNT: def<{ expected: Param; actual: Param }>(104, 'error', (p) => `每行应有 ${v(p.expected)} 项指标得分，实际为 ${v(p.actual)} 项`),
  TOTAL_MISMATCH: def<{ total: Param; sum: Param }>(105, 'error', (p) => `总分 ${v(p.total)} 与各项指标得分之和 ${v(p.sum)} 不一致`),
  GRADE_UNKNOWN: def<{ value: Param; allowed: Param }>(110, 'error', (p) => `“${v(p.value)}”不是有效的等次，应为 ${v(p.allowed)} 之一`),
  GRADE_BLANK: def(111, 'error', () => `未填写等次`),
  GRADE_INCONSISTENT: def<{ actual: Param; reason: Param; expected: Param }>(112, 'error', (p) => `等次“${v(p.actual)}”与得分不符：${v(p.reason)}，应为“${v(p.expected)}”`),
  GRADE_FOLLOW_BRANCH: def<{ actual: Param; expected: Param }>(113, 'warning', (p) => `等次“${v(p.actual)}”与所属党总支的等次“${v(p.expected)}”不同，请确认或在情况说明中写明理由`),
  CATEGORY_UNKNOWN: def<{ value: Param; allowed: Param }>(115, 'error', (p) => `“${v(p.value)}”不是有效的类别，应为 ${v(p.allowed)} 之一`),
  CATEGORY_BLANK: def(116, 'error', () => `未填写类别`),
  FLAG_MALFORMED: def<{ value: Param }>(117, 'error', (p) => `“${v(p.value)}”不是有效的标记，请填写“是”或“否”（或留空）`),
  EXPLANATION_MISSING: def<{ category: Param; grade: Param }>(120, 'error', (p) => `类别为“${v(p.category)}”、定为“${v(p.grade)}”的党组织必须填写情况说明`),
  DEDUCTION_REASON_MISSING: def<{ indicators: Param }>(121, 'warning', (p) => `有扣分项目（${v(p.indicators)}）但未说明扣分理由`),
  QUOTA_TOP_EXCEEDED: def<{ scope: Param; grade: Param; count: Param; share: Param; limit: Param }>(130, 'error', (p) => `${v(p.scope)}定为“${v(p.grade)}”的有 ${v(p.count)} 个，占 ${v(p.share)}，超过上限 ${v(p.limit)}`),
  QUOTA_BOTTOM_OFF: def<{ scope: Param; grade: Param; count: Param; share: Param; target: Param; low: Param; high: Param }>(131, 'warning', (p) => `${v(p.scope)}定为“${v(p.grade)}”的有 ${v(p.count)} 个，占 ${v(p.share)}，应在 ${v(p.target)} 左右（${v(p.low)}–${v(p.high)} 个）`),
  QUOTA_NOTHING_GRADED: def(132, 'error', () => `没有可统计的等次：所给范围全部为空`),
  SCHEME_INVALID: def<{ detail: Param }>(140, 'error', (p) => v(p.detail)),
  FN_RANGE_SHAPE: def<{ actual: Param; expected: Param; names: Param }>(150, 'error', (p) => `所给区域有 ${v(p.actual)} 列：应为 1 列总分，或 ${v(p.expected)} 列指标得分（${v(p.names)}）`),
  FN_PARALLEL_SIZE: def<{ name: Param; actual: Param; against: Param; expected: Param }>(151, 'error', (p) => `“${v(p.name)}”区域为 ${v(p.actual)}，应与${v(p.against)}一样为 ${v(p.expected)}（或只给一个单元格，对所有行适用）`),
  FN_SCHEME_UNKNOWN: def<{ value: Param; allowed: Param }>(152, 'error', (p) => `“${v(p.value)}”不是已知的评定标准，应为 ${v(p.allowed)} 之一，或填写评定标准的 JSON 文本`),
  FN_FLAG_MALFORMED: def<{ name: Param; value: Param }>(153, 'error', (p) => `“${v(p.name)}”一栏的“${v(p.value)}”无法识别，请填写“是”或“否”（或留空）`),
  FN_CELL_ERROR: def<{ value: Param }>(155, 'error', (p) => `内容为错误值 ${v(p.value)}，请先更正该单元格（或其公式引用的单元格）`),
  FN_INTERNAL: def<{ detail: Param }>(154, 'error', (p) => `计算时出错，请把此信息告知县委组织部：${v(p.detail)}`),
} satisfies Record<string, IssueDef>;
