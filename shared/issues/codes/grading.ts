// Codes for scores, grades, categories and quotas: 100–199.
import type { IssueDef } from '../types';

const v = (x: unknown) => (x === undefined ? '' : String(x));
// Indicator names arrive quoted (“工作业绩”) and need 分数 after them; totals (总分,
// 各项指标得分之和) already name a score.
const scoreOf = (name: unknown) => (String(name ?? '').startsWith('“') ? `${v(name)}分数` : v(name));

export const gradingIssues = {
  SCORE_MALFORMED: { num: 101, severity: 'error', zh: (p) => `“${v(p.value)}”不是有效的分数，请填写 0 到 ${v(p.max)} 之间的数字` },
  SCORE_OUT_OF_RANGE: { num: 102, severity: 'error', zh: (p) => `${scoreOf(p.name)} ${v(p.value)} 超出范围，应在 0 到 ${v(p.max)} 之间` },
  SCORE_BLANK: { num: 103, severity: 'error', zh: (p) => `${scoreOf(p.name)}未填写` },
  INDICATOR_COUNT: { num: 104, severity: 'error', zh: (p) => `每行应有 ${v(p.expected)} 项指标得分，实际为 ${v(p.actual)} 项` },
  TOTAL_MISMATCH: { num: 105, severity: 'error', zh: (p) => `总分 ${v(p.total)} 与各项指标得分之和 ${v(p.sum)} 不一致` },
  GRADE_UNKNOWN: { num: 110, severity: 'error', zh: (p) => `“${v(p.value)}”不是有效的等次，应为 ${v(p.allowed)} 之一` },
  GRADE_BLANK: { num: 111, severity: 'error', zh: () => `未填写等次` },
  GRADE_INCONSISTENT: { num: 112, severity: 'error', zh: (p) => `等次“${v(p.actual)}”与得分不符：${v(p.reason)}，应为“${v(p.expected)}”` },
  GRADE_FOLLOW_BRANCH: { num: 113, severity: 'warning', zh: (p) => `等次“${v(p.actual)}”与所属党总支的等次“${v(p.expected)}”不同，请确认或在情况说明中写明理由` },
  CATEGORY_UNKNOWN: { num: 115, severity: 'error', zh: (p) => `“${v(p.value)}”不是有效的类别，应为 ${v(p.allowed)} 之一` },
  CATEGORY_BLANK: { num: 116, severity: 'error', zh: () => `未填写类别` },
  FLAG_MALFORMED: { num: 117, severity: 'error', zh: (p) => `“${v(p.value)}”不是有效的标记，请填写“是”或“否”（或留空）` },
  EXPLANATION_MISSING: { num: 120, severity: 'error', zh: (p) => `类别为“${v(p.category)}”、定为“${v(p.grade)}”的党组织必须填写情况说明` },
  DEDUCTION_REASON_MISSING: { num: 121, severity: 'warning', zh: (p) => `有扣分项目（${v(p.indicators)}）但未说明扣分理由` },
  QUOTA_TOP_EXCEEDED: { num: 130, severity: 'error', zh: (p) => `${v(p.scope)}定为“${v(p.grade)}”的有 ${v(p.count)} 个，占 ${v(p.share)}，超过上限 ${v(p.limit)}` },
  QUOTA_BOTTOM_OFF: { num: 131, severity: 'warning', zh: (p) => `${v(p.scope)}定为“${v(p.grade)}”的有 ${v(p.count)} 个，占 ${v(p.share)}，应在 ${v(p.target)} 左右（${v(p.low)}–${v(p.high)} 个）` },
  QUOTA_NOTHING_GRADED: { num: 132, severity: 'error', zh: () => `没有可统计的等次：所给范围全部为空` },
  SCHEME_INVALID: { num: 140, severity: 'error', zh: (p) => v(p.detail) },
  FN_RANGE_SHAPE: { num: 150, severity: 'error', zh: (p) => `所给区域有 ${v(p.actual)} 列：应为 1 列总分，或 ${v(p.expected)} 列指标得分（${v(p.names)}）` },
  FN_PARALLEL_SIZE: { num: 151, severity: 'error', zh: (p) => `“${v(p.name)}”区域为 ${v(p.actual)}，应与${v(p.against)}一样为 ${v(p.expected)}（或只给一个单元格，对所有行适用）` },
  FN_SCHEME_UNKNOWN: { num: 152, severity: 'error', zh: (p) => `“${v(p.value)}”不是已知的评定标准，应为 ${v(p.allowed)} 之一，或填写评定标准的 JSON 文本` },
  FN_FLAG_MALFORMED: { num: 153, severity: 'error', zh: (p) => `“${v(p.name)}”一栏的“${v(p.value)}”无法识别，请填写“是”或“否”（或留空）` },
  FN_INTERNAL: { num: 154, severity: 'error', zh: (p) => `计算时出错，请把此信息告知县委组织部：${v(p.detail)}` },
} satisfies Record<string, IssueDef>;
