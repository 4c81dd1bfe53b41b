// Codes for uploads, review and access on the county's server: 300–399.
import { nameText, refusal, v, type IssueDef, type Param, type Severity } from '../types';

/**
 * An issue about something the county sends (a 名册 cell, a deadline): it travels in the issues of
 * a 422 answer (errors) or beside a successful one (warnings), so it carries 422 like the refusal
 * it belongs to. Server-area codes all carry a status.
 */
function sent<P extends object = Record<never, never>>(num: number, severity: Severity, zh: (p: P) => string): IssueDef<P, 422> {
  return { num, severity, zh, status: 422 };
}


export const serverIssues = {
  // Access (HTTP 401 / 403).
  AUTH_MISSING: refusal(301, 401, () => `未提供访问令牌，请在“连接”步骤中粘贴县委组织部发放的令牌`),
  AUTH_INVALID: refusal(302, 401, () => `访问令牌无效（可能复制不完整或已被更换），请向县委组织部重新领取`),
  AUTH_EXPIRED: refusal<{ at: Param }>(303, 401, (p) => `访问令牌已于 ${v(p.at)} 过期，请向县委组织部重新领取`),
  AUTH_COUNTY_ONLY: refusal(304, 403, () => `此操作只有县委组织部可以进行`),
  AUTH_OTHER_TOWNSHIP: refusal<{ own: Param; other: Param }>(305, 403, (p) => `您的令牌只能用于本单位（编号 ${v(p.own)}），不能查看或提交其他单位（编号 ${nameText(p.other)}）的数据`),
  AUTH_OTHER_CAMPAIGN: refusal<{ own: Param; other: Param }>(306, 403, (p) => `您的令牌属于工作批次“${v(p.own)}”，不能访问批次“${nameText(p.other)}”`),
  AUTH_TOWNSHIP_ONLY: refusal(307, 403, () => `只有乡镇（街道）党(工)委可以上报本单位的工作簿`),

  // Requests (HTTP 400 / 404 / 413).
  REQUEST_BODY_INVALID: refusal<{ detail: Param }>(310, 400, (p) => `请求内容不正确：${v(p.detail)}`),
  REQUEST_NOT_FOUND: refusal<{ path: Param }>(311, 404, (p) => `没有这个接口：${v(p.path)}`),
  // Ids below are quoted from the request's address, whatever the sender wrote: on one line, escaped (nameText).
  CAMPAIGN_NOT_FOUND: refusal<{ id: Param }>(312, 404, (p) => `工作批次“${nameText(p.id)}”不存在，请先由县委组织部创建`),
  CAMPAIGN_EXISTS: refusal<{ id: Param }>(313, 409, (p) => `工作批次“${v(p.id)}”已经存在，不能重复创建`),
  CAMPAIGN_SCHEME_INVALID: refusal<{ detail: Param }>(314, 400, (p) => v(p.detail)),
  CAMPAIGN_TOWNSHIP_DUPLICATE: refusal<{ id: Param }>(315, 400, (p) => `乡镇（街道）编号“${v(p.id)}”重复`),
  CAMPAIGN_ROSTER_UNKNOWN: refusal<{ id: Param }>(316, 400, (p) => `名册中的“${v(p.id)}”不在本批次的乡镇（街道）名单中`),
  TOWNSHIP_NOT_FOUND: refusal<{ id: Param }>(317, 404, (p) => `本批次中没有编号为“${nameText(p.id)}”的乡镇（街道）`),

  // Uploads (HTTP 409 / 413 / 415 / 422).
  UPLOAD_EMPTY: refusal(320, 400, () => `上传的内容为空，请选择填好的工作簿（.xlsx）后再上报`),
  UPLOAD_TOO_LARGE: refusal<{ size: Param; limit: Param }>(321, 413, (p) => `文件大小 ${v(p.size)} 超过上限 ${v(p.limit)}，请删除无关的工作表或图片后再上报`),
  UPLOAD_REFUSED: refusal<{ errors: Param }>(322, 422, (p) => `工作簿中有 ${v(p.errors)} 处错误，未予接收；请按提示逐项修改后重新上报`),
  UPLOAD_OTHER_TOWNSHIP: refusal<{ found: Param; expected: Param }>(323, 422, (p) => `这份工作簿是发给“${v(p.found)}”的模板，不能作为“${v(p.expected)}”的报表上报；请下载本单位的模板填写`),
  UPLOAD_OTHER_CAMPAIGN: refusal<{ found: Param; expected: Param }>(324, 422, (p) => `这份工作簿属于工作批次“${v(p.found)}”，不是本批次“${v(p.expected)}”的模板；请下载本批次的模板填写`),
  // A form post (curl -F, an HTML <form>) wraps the file in multipart/form-data; the page and the pane send the file itself.
  UPLOAD_MULTIPART: refusal(327, 415, () => `上传的是网页表单格式（multipart/form-data）的内容，不是工作簿文件本身；请直接发送 .xlsx 文件本身（例如 curl --data-binary @文件.xlsx），不要用表单上传`),
  UPLOAD_LOCKED: refusal<{ version: Param }>(326, 409, (p) => `第 ${v(p.version)} 版已由县委组织部审核通过并锁定，不能再上报新版本；如需修改，请联系县委组织部重新开放`),

  // Review (HTTP 400 / 409).
  REVIEW_STALE: refusal<{ seen: Param; current: Param }>(330, 409, (p) => `您审核的是第 ${v(p.seen)} 版，但该单位已上报第 ${v(p.current)} 版，请刷新后重新审核`),
  REVIEW_NOT_ALLOWED: refusal<{ township: Param; state: Param; action: Param }>(331, 409, (p) => `“${v(p.township)}”当前状态为“${v(p.state)}”，不能${v(p.action)}`),
  REVIEW_COMMENT_REQUIRED: refusal(332, 400, () => `退回时请填写退回意见，说明需要修改的内容`),
  REVIEW_NOTHING: refusal<{ township: Param }>(333, 409, (p) => `“${v(p.township)}”尚未上报，没有可审核的版本`),

  // County identity, campaigns, invitation links, rosters, review detail: 360–398.
  AUTH_REVOKED: refusal<{ at: Param; ask: Param }>(360, 401, (p) => `此访问链接已于 ${v(p.at)}（北京时间）被收回，不能再使用；如需继续上报或查看，请向${v(p.ask)}索取新的链接`),
  AUTH_LINK_EXPIRED: refusal<{ at: Param; ask: Param }>(361, 401, (p) => `此访问链接已于 ${v(p.at)}（北京时间）过期；如需继续上报或查看，请向${v(p.ask)}索取新的链接`),
  CAMPAIGN_REVISION_STALE: refusal<{ seen: Param; current: Param }>(362, 409, (p) => `您修改的是第 ${v(p.seen)} 版批次设置，但它已被改为第 ${v(p.current)} 版；请刷新后重新修改`),
  CAMPAIGN_SCHEME_LOCKED: refusal<{ count: Param }>(363, 409, (p) => `已有 ${v(p.count)} 个乡镇（街道）上报，不能再更换评定标准；如确需更换，请新建工作批次`),
  CAMPAIGN_TOWNSHIP_REPORTED: refusal<{ name: Param }>(364, 409, (p) => `“${v(p.name)}”已经上报，不能从乡镇（街道）名单中删除`),
  DEADLINE_PAST: sent<{ deadline: Param }>(365, 'warning', (p) => `截止日期 ${v(p.deadline)} 已经过去，此后上报的乡镇（街道）都会标为逾期`),
  PAGE_URL_NOT_ALLOWED: refusal<{ url: Param; allowed: Param }>(366, 400, (p) => `页面地址“${v(p.url)}”不是本系统允许的页面（允许：${v(p.allowed)}），请从本系统的页面发放链接；页面地址如有变化，请管理员在设置中添加`),
  VERSION_NOT_FOUND: refusal<{ township: Param; version: Param }>(367, 404, (p) => `“${v(p.township)}”没有第 ${nameText(p.version)} 版`),
  CAMPAIGN_ROSTER_REFUSED: refusal<{ errors: Param }>(368, 422, (p) => `党组织名册中有 ${v(p.errors)} 处错误，工作批次未保存；请按提示逐项修改后重试`),
  ROSTER_REFUSED: refusal<{ errors: Param }>(369, 422, (p) => `无法读取党组织名册（${v(p.errors)} 处错误），请按提示修改后重新上传`),
  ROSTER_HEADER_NOT_FOUND: sent(370, 'error', () => `找不到名册的表头行（应包含“乡镇（街道）”和“党组织名称”两列），请使用名册模板`),
  ROSTER_TOWNSHIP_BLANK: sent<{ row: Param; name: Param }>(371, 'error', (p) => `第 ${v(p.row)} 行“${v(p.name)}”没有填写所属乡镇（街道）`),
  ROSTER_NAME_BLANK: sent<{ row: Param }>(372, 'error', (p) => `第 ${v(p.row)} 行填写了内容但没有填写党组织名称`),
  ROSTER_CATEGORY_UNKNOWN: sent<{ row: Param; name: Param; value: Param; allowed: Param }>(373, 'error', (p) => `第 ${v(p.row)} 行“${v(p.name)}”的类别“${v(p.value)}”不在本批次的评定标准中，应为 ${v(p.allowed)} 之一`),
  ROSTER_TYPE_UNKNOWN: sent<{ row: Param; name: Param; value: Param; allowed: Param }>(374, 'error', (p) => `第 ${v(p.row)} 行“${v(p.name)}”的组织类型“${v(p.value)}”无法识别，应为 ${v(p.allowed)} 之一`),
  ROSTER_DUPLICATE: sent<{ row: Param; name: Param; township: Param; first: Param }>(375, 'error', (p) => `第 ${v(p.row)} 行“${v(p.name)}”在“${v(p.township)}”中重复（第一次出现在第 ${v(p.first)} 行）`),
  ROSTER_PARENT_NOT_FOUND: sent<{ row: Param; name: Param; parent: Param }>(376, 'warning', (p) => `第 ${v(p.row)} 行“${v(p.name)}”的所属党总支“${v(p.parent)}”不在同一乡镇（街道）的名册中`),
  ROSTER_TWO_TOWNSHIPS: sent<{ row: Param; name: Param; township: Param; other: Param }>(377, 'warning', (p) => `第 ${v(p.row)} 行“${v(p.name)}”同时列在“${v(p.other)}”和“${v(p.township)}”，请确认归属`),
  ROSTER_EMPTY: sent(378, 'error', () => `名册中没有任何党组织`),
  ROSTER_TOO_MANY: sent<{ count: Param; limit: Param }>(379, 'error', (p) => `名册有 ${v(p.count)} 行，超过上限 ${v(p.limit)} 行，请按乡镇（街道）拆分`),
  ROSTER_CATEGORY_BLANK: sent<{ row: Param; name: Param }>(380, 'warning', (p) => `第 ${v(p.row)} 行“${v(p.name)}”没有填写类别，乡镇（街道）填报时需要补填`),
  ROSTER_TOWNSHIP_UNKNOWN: sent<{ row: Param; name: Param; township: Param }>(381, 'error', (p) => `第 ${v(p.row)} 行“${v(p.name)}”所属的“${v(p.township)}”不在本批次的乡镇（街道）名单中`),
  ROSTER_ROW_HIDDEN: sent<{ row: Param }>(382, 'warning', (p) => `第 ${v(p.row)} 行是隐藏行，未读入名册；如果它是本年度的党组织，请取消隐藏后重新上传`),
  CAMPAIGN_TOWNSHIP_NAME_DUPLICATE: refusal<{ name: Param }>(383, 400, (p) => `乡镇（街道）“${v(p.name)}”在名单中出现了两次`),
  REQUEST_FIELD_INVALID: refusal<{ field: Param; problem: Param; more?: Param }>(384, 400, (p) => `请求内容不正确：${v(p.field)}：${v(p.problem)}${p.more ? `（另有 ${v(p.more)} 处问题）` : ''}`),
  ROSTER_PASTE_TOO_WIDE: sent<{ row: Param; columns: Param; limit: Param }>(325, 'error', (p) => `粘贴的第 ${v(p.row)} 行有 ${v(p.columns)} 列，超过上限 ${v(p.limit)} 列；请只复制名册中的各列后重新粘贴`),
  ROSTER_TEXT_TOO_LONG: sent<{ row: Param; field: Param; length: Param; limit: Param }>(385, 'error', (p) => `第 ${v(p.row)} 行的${v(p.field)}有 ${v(p.length)} 个字，超过上限 ${v(p.limit)} 个字`),

  // The year after: campaigns linked across years, the ledger, targets, 回头看: 386–398.
  ROSTER_RECONCILE_REFUSED: refusal<{ errors: Param }>(386, 422, (p) => `党组织名册中还有 ${v(p.errors)} 处需要县委组织部确认（上一年度党组织的更名、合并、撤销，或同名党组织的归属），工作批次未保存；请按提示逐项确认后重试`),
  CAMPAIGN_PREVIOUS_INVALID: refusal<{ id: Param }>(387, 400, (p) => `“${v(p.id)}”是回头看批次，不能作为上一年度的分类定级批次`),
  CAMPAIGN_REVIEWS_INVALID: refusal<{ id: Param }>(388, 400, (p) => `回头看只能复查分类定级批次，“${v(p.id)}”本身是回头看批次`),
  CAMPAIGN_LOOKBACK_FIELDS: refusal<{ id: Param }>(389, 400, (p) => `回头看批次沿用被复查批次“${v(p.id)}”的党组织名册和评定标准，请不要另行填写名册、名册确认事项或评定标准`),
  CAMPAIGN_LOOKBACK_TOWNSHIP: refusal<{ name: Param; id: Param }>(390, 400, (p) => `“${v(p.name)}”不是被复查批次“${v(p.id)}”的乡镇（街道），回头看只能在原批次的乡镇（街道）中进行`),
  CAMPAIGN_LINK_LOCKED: refusal(391, 409, () => `批次类型、上一年度批次和被复查的批次在创建后不能更改；如需更改，请新建工作批次`),
  CAMPAIGN_REVIEWS_MISSING: refusal(392, 400, () => `回头看批次须指定被复查的分类定级批次`),
  CAMPAIGN_LINKS_MIXED: refusal(393, 400, () => `分类定级批次可以指定上一年度批次，回头看批次指定被复查的批次，二者不能混用`),
  TARGETS_NO_PREVIOUS: refusal<{ id: Param }>(394, 409, (p) => `工作批次“${v(p.id)}”没有指定上一年度批次，无法计算晋位升级情况`),
  LEDGER_ITEM_NOT_FOUND: refusal<{ id: Param }>(395, 404, (p) => `整改台账中没有编号为“${nameText(p.id)}”的整改事项`),
  CAMPAIGN_NOT_LOOKBACK: refusal<{ id: Param }>(396, 409, (p) => `工作批次“${v(p.id)}”不是回头看批次`),
  CAMPAIGN_PREVIOUS_YEAR: refusal<{ year: Param; previous: Param; next: Param }>(397, 400, (p) => `上一年度批次是 ${v(p.previous)} 年度，本批次的年度应晚于它（如 ${v(p.next)}），现填的是 ${v(p.year)} 年度`),

  // Faults, races and malformed requests on the server (HTTP 400 / 409 / 413 / 503): 340–359.
  STORAGE_UNAVAILABLE: refusal<{ seconds: Param }>(340, 503, (p) => `存储服务暂时无法访问，本次操作未生效；请 ${v(p.seconds)} 秒后重试`),
  STORAGE_BUSY: refusal<{ seconds: Param }>(341, 503, (p) => `该单位的数据正被多个操作同时修改，本次操作未生效；请 ${v(p.seconds)} 秒后重试`),
  REQUEST_URL_INVALID: refusal<{ path: Param }>(342, 400, (p) => `请求地址“${v(p.path)}”含有无法识别的百分号编码（% 后应为两位十六进制数字），请检查链接是否完整`),
  // An address or headers longer than a server reads (Node's 16 KB): answered before any route sees it.
  REQUEST_HEADERS_TOO_LARGE: refusal(328, 431, () => `请求地址或请求头过长，未予处理；请检查链接是否完整，或是否被重复粘贴`),
  REQUEST_TOO_LARGE: refusal<{ limit: Param }>(343, 413, (p) => `请求内容超过上限 ${v(p.limit)}，未予处理`),
  REVIEW_CONFLICT: refusal<{ township: Param; state: Param; action: Param }>(344, 409, (p) => `“${v(p.township)}”的状态刚刚被另一操作改为“${v(p.state)}”，您的“${v(p.action)}”未生效；请刷新后重新审核`),
  UPLOADS_BUSY: refusal<{ seconds: Param }>(345, 503, (p) => `服务器正在同时处理较多的上报文件，本次请求未处理（已上报的内容不受影响）；请 ${v(p.seconds)} 秒后重试`),
  // A body that stops arriving, or arrives far slower than any real network (http/body-pace.ts).
  REQUEST_BODY_STALLED: refusal<{ seconds: Param }>(346, 408, (p) => `上传中断：已有 ${v(p.seconds)} 秒没有收到数据，本次请求未处理（已上报的内容不受影响）；请检查网络后重新上传`),
  REQUEST_BODY_TOO_SLOW: refusal<{ seconds: Param; got: Param }>(347, 408, (p) => `上传过慢：${v(p.seconds)} 秒内只收到 ${v(p.got)}，本次请求未处理（已上报的内容不受影响）；请检查网络后重新上传`),
  // Answered to a client that is gone: only the log sees it.
  REQUEST_ABORTED: refusal(348, 400, () => `连接在请求内容传完之前已断开，本次请求未处理；请重新上传`),

  SERVER_FAULT: refusal<{ ref: Param }>(399, 500, (p) => `服务器处理请求时出错，本次操作未生效；请稍后重试。如仍出错，请把错误编号 ${v(p.ref)} 告知系统管理员`),
} satisfies Record<string, IssueDef>;
