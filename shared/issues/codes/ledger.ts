// Codes for the year after grading: rosters across years, the rectification ledger (销号/复号),
// upgrade targets and 回头看: 400–499. Roster 400–429, ledger 430–469, targets 470–479,
// 回头看 480–499. The machine's refusals of a ledger action (who may, from which status, what
// it needs) are request refusals when the action comes over HTTP, so they carry their status
// (shared/ledger/machine.ts LEDGER_REFUSAL_STATUS: 403 / 409 / 422); in an uploaded sheet they
// are issues at the line's cells like any other.
import { def, refusal, v, type IssueDef, type Param } from '../types';

/** “东山村党支部”（东山镇）: an organization named with its township when there is one. */
const org = (name: Param | undefined, township?: Param) => (township === undefined || township === '' ? `“${v(name)}”` : `“${v(name)}”（${v(township)}）`);

export const ledgerIssues = {
  // Roster across years (名册): reconciling this year's 名册 against last year's organizations.
  ROSTER_ENTRY_NAME_BLANK: def<{ township: Param }>(401, 'error', (p) => `${v(p.township)}的名册中有一行未填写党组织名称`),
  ROSTER_ENTRY_DUPLICATE: def<{ name: Param; township: Param }>(402, 'error', (p) => `${org(p.name)}在${v(p.township)}的名册中出现了不止一次，请删去重复的一行`),
  ROSTER_ID_UNKNOWN: def<{ name: Param; id: Param }>(403, 'error', (p) => `名册中${org(p.name)}的编号“${v(p.id)}”不是上一年度在册党组织的编号，请核对或清空编号`),
  ROSTER_ID_DUPLICATE: def<{ name: Param; other: Param; id: Param }>(404, 'error', (p) => `${org(p.name)}与${org(p.other)}填了同一个编号“${v(p.id)}”，一个编号只能对应一个党组织`),
  ROSTER_TWICE_UNDECIDED: def<{ name: Param; townships: Param }>(405, 'error', (p) => `${org(p.name)}同时列在${v(p.townships)}的名册中，请确定它归属哪个乡镇（街道），或确认是同名的不同党组织`),
  ROSTER_MISSING_UNDECIDED: def<{ name: Param; township: Param }>(406, 'error', (p) => `上一年度的${org(p.name, p.township)}不在今年的名册中，请确认它已撤销、已更名或已合并`),
  ROSTER_DECISION_UNKNOWN_ORG: def<{ id: Param }>(407, 'error', (p) => `确认事项中的党组织编号“${v(p.id)}”不是上一年度在册党组织的编号`),
  ROSTER_DECISION_UNKNOWN_ENTRY: def<{ name: Param; township: Param }>(408, 'error', (p) => `确认事项中的${org(p.name, p.township)}不在今年的名册中`),
  ROSTER_DECISION_CONFLICT: def<{ name: Param }>(409, 'error', (p) => `${org(p.name)}有两条相互矛盾的确认事项，请只保留一条`),
  ROSTER_LINK_TARGET_TAKEN: def<{ name: Param; other: Param }>(410, 'error', (p) => `今年名册中的${org(p.name)}已与上一年度的${org(p.other)}对应，不能再认定为其他党组织更名后的名称`),
  ROSTER_LINK_SOURCE_MATCHED: def<{ name: Param }>(411, 'error', (p) => `上一年度的${org(p.name)}仍在今年的名册中，不能认定为已更名、已合并或已撤销`),
  ROSTER_PARENT_UNKNOWN: def<{ name: Param; parent: Param }>(412, 'warning', (p) => `${org(p.name)}的所属党总支“${v(p.parent)}”不在同一乡镇（街道）的名册中`),
  ROSTER_MERGE_TOO_FEW: def<{ name: Param }>(413, 'error', (p) => `合并为${org(p.name)}至少需要两个上一年度的党组织；只有一个时请按更名处理`),
  ROSTER_TWICE_TOWNSHIP_INVALID: def<{ name: Param; township: Param; townships: Param }>(414, 'error', (p) => `${org(p.name)}只列在${v(p.townships)}的名册中，不能确定归属${v(p.township)}`),
  ROSTER_ORG_UNKNOWN: def<{ name: Param; township: Param }>(415, 'error', (p) => `${org(p.name)}不在${v(p.township)}本年度的党组织名册中，请核对名称或先由县委组织部补入名册`),
  ROSTER_ORG_MISSING: def<{ name: Param; township: Param }>(
    416,
    'error',
    // The organization is named by the issue's place (no cell to point at), not again here.
    (p) => `在${v(p.township)}本年度的党组织名册中，但一览表中没有这个党组织（隐藏或筛选掉的行不读取）；请补填它的评定结果，如已撤销或划出，请联系县委组织部调整名册`,
  ),

  // The rectification ledger (整改台账 / 定级台账).
  LEDGER_FORBIDDEN_ROLE: refusal<{ name: Param; action: Param; who: Param }>(430, 403, (p) => `${org(p.name)}的整改事项只能由${v(p.who)}${v(p.action)}`),
  LEDGER_OTHER_TOWNSHIP: refusal<{ name: Param }>(431, 403, (p) => `${org(p.name)}不属于本乡镇（街道），不能修改它的整改事项`),
  LEDGER_BAD_TRANSITION: refusal<{ name: Param; status: Param; action: Param }>(432, 409, (p) => `${org(p.name)}的整改事项当前为“${v(p.status)}”，不能${v(p.action)}`),
  LEDGER_REQUEST_NO_PROGRESS: refusal<{ name: Param }>(433, 422, (p) => `${org(p.name)}申请销号须填写完成情况`),
  LEDGER_REQUEST_NO_DATE: refusal<{ name: Param; value: Param }>(434, 422, (p) => (v(p.value) === '' ? `${org(p.name)}申请销号须填写完成日期` : `${org(p.name)}申请销号的完成日期“${v(p.value)}”不是有效的日期，请写成 2026-06-30 或 2026年6月30日`)),
  LEDGER_COMMENT_REQUIRED: refusal<{ name: Param; action: Param }>(435, 422, (p) => `${v(p.action)}${org(p.name)}的整改事项须填写意见`),
  LEDGER_DEADLINE_MALFORMED: def<{ name: Param; value: Param }>(436, 'warning', (p) => `${org(p.name)}的完成时限“${v(p.value)}”不是可识别的日期，无法判断是否逾期`),
  LEDGER_OVERDUE: def<{ name: Param; matter: Param; deadline: Param; days: Param }>(437, 'warning', (p) => `${org(p.name)}的整改事项“${v(p.matter)}”已超过完成时限 ${v(p.deadline)}（逾期 ${v(p.days)} 天）`),
  LEDGER_ITEM_MISSING: def<{ name: Param; grade: Param }>(438, 'warning', (p) => `${org(p.name)}定为“${v(p.grade)}”，整改台账中没有它的整改事项，已建立一条待填写的整改记录`),
  LEDGER_ORG_UNKNOWN: def<{ name: Param }>(439, 'error', (p) => `整改台账中的${org(p.name)}不在本乡镇（街道）的党组织名册中`),
  LEDGER_CLOSED_KEPT: def<{ name: Param; matter: Param }>(440, 'warning', (p) => `${org(p.name)}的整改事项“${v(p.matter)}”已由县委组织部销号，表中对它的修改未采用`),
  LEDGER_PENDING_KEPT: def<{ name: Param; matter: Param }>(441, 'warning', (p) => `${org(p.name)}的整改事项“${v(p.matter)}”已申请销号，正等待县委组织部确认，表中对它的修改未采用`),
  LEDGER_REOPENED_POOR: def<{ name: Param; grade: Param; matter: Param }>(442, 'info', (p) => `${org(p.name)}再次定为“${v(p.grade)}”，已销号的整改事项“${v(p.matter)}”自动复号`),
  LEDGER_ITEM_UNKNOWN: def<{ name: Param; id: Param }>(443, 'error', (p) => `${org(p.name)}这一行的整改事项编号“${v(p.id)}”不存在或不属于该党组织，请不要修改编号列`),
  LEDGER_ORG_NOT_BELOW: def<{ name: Param; grade: Param; count: Param }>(444, 'info', (p) => `${org(p.name)}本次定为“${v(p.grade)}”，仍有 ${v(p.count)} 项整改事项未销号`),
  LEDGER_COUNTY_FIELD_KEPT: def<{ name: Param; field: Param }>(445, 'warning', (p) => `${org(p.name)}的“${v(p.field)}”由县委组织部安排，表中对它的修改未采用`),
  LEDGER_ALREADY_CLOSED: def<{ name: Param; matter: Param }>(446, 'info', (p) => `${org(p.name)}的整改事项“${v(p.matter)}”已销号，无需再申请`),
  LEDGER_SYNC_PENDING: def<Record<never, never>>(447, 'warning', () => `本次上报已保存，但整改台账暂未随之更新（存储服务繁忙）；县委组织部或本单位下次查看整改台账时将自动补上，无需重新上报`),
  LEDGER_REQUEST_DATE_FUTURE: refusal<{ name: Param; value: Param; today: Param }>(449, 422, (p) => `${org(p.name)}申请销号的完成日期 ${v(p.value)} 晚于今天（${v(p.today)}），请填写已经完成整改的日期`),
  LEDGER_REQUEST_NO_MATTER: refusal<{ name: Param }>(450, 422, (p) => `${org(p.name)}的这条整改记录还没有填写整改事项，不能申请销号；请先在整改台账中填写它的整改事项和整改措施`),
  LEDGER_WITHDRAWN_REGRADED: def<{ name: Param; grade: Param; before: Param; matter: Param }>(451, 'info', (p) =>
    `${org(p.name)}本次改定为“${v(p.grade)}”，此前因定为“${v(p.before)}”建立的${v(p.matter) === '' ? '待填写的整改记录' : `整改事项“${v(p.matter)}”`}已撤销（记录保留）`),
  LEDGER_VOID_KEPT: def<{ name: Param; matter: Param }>(452, 'warning', (p) => `${org(p.name)}的整改事项“${v(p.matter)}”已撤销，表中对它的修改未采用`),
  LEDGER_ALREADY_VOID: def<{ name: Param; matter: Param }>(453, 'info', (p) => `${org(p.name)}的整改事项“${v(p.matter)}”已撤销，无需申请销号`),
  LEDGER_LINE_REPEATED: def<{ name: Param; matter: Param }>(448, 'warning', (p) => `${org(p.name)}的整改事项“${v(p.matter)}”在表中重复填写，已按一项记录，重复的一行未采用`),

  // Upgrade targets (晋位升级).
  TARGET_NOT_MET: def<{ scope: Param; grade: Param; base: Param; moved: Param; share: Param; target: Param; needed: Param }>(470, 'warning', (p) => `${v(p.scope)}上一年度定为“${v(p.grade)}”的 ${v(p.base)} 个党组织中晋位升级 ${v(p.moved)} 个（${v(p.share)}），未达到 ${v(p.target)} 的目标，还差 ${v(p.needed)} 个`),
  TARGET_NOT_GRADED: def<{ name: Param; grade: Param }>(471, 'info', (p) => `上一年度定为“${v(p.grade)}”的${org(p.name)}本年度尚未定级，暂按未晋位升级计算`),
  TARGETS_INVALID: def<{ detail: Param }>(472, 'error', (p) => `晋位升级目标设置有误：${v(p.detail)}`),

  // 回头看 (look-back regrade).
  LOOKBACK_UPGRADE_NO_EFFECT: def<{ name: Param; before: Param; after: Param; open: Param; pending: Param }>(480, 'warning', (p) =>
    `${org(p.name)}由“${v(p.before)}”升为“${v(p.after)}”，但还有 ${v(p.open)} 项整改事项未销号${Number(p.pending) > 0 ? `（其中 ${v(p.pending)} 项已申请销号待确认）` : ''}：整改成效不显著的不得晋位升级，请先完成整改并销号，或维持原等次`),
  LOOKBACK_FORCED_BOTTOM: def<{ name: Param; grade: Param; label: Param; bottom: Param }>(481, 'error', (p) => `${org(p.name)}标记为“${v(p.label)}”，应一律调整为“${v(p.bottom)}”，不能定为“${v(p.grade)}”`),
  LOOKBACK_NOT_REGRADED: def<{ name: Param; grade: Param }>(482, 'warning', (p) => `原定为“${v(p.grade)}”的${org(p.name)}不在本次回头看的复查结果中`),
  LOOKBACK_DOWNGRADED: def<{ name: Param; before: Param; after: Param }>(483, 'info', (p) => `${org(p.name)}回头看由“${v(p.before)}”调整为“${v(p.after)}”`),
  LOOKBACK_NEW_CAPPED: def<{ name: Param; grade: Param; label: Param; cap: Param }>(484, 'error', (p) => `${org(p.name)}标记为“${v(p.label)}”，原则上不能定为“${v(p.grade)}”，最高为“${v(p.cap)}”`),
} satisfies Record<string, IssueDef<never>>;
