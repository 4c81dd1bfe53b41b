// Codes for uploads, review and access on the county's server: 300–399.
import { refusal, v, type IssueDef, type Param } from '../types';


export const serverIssues = {
  // Access (HTTP 401 / 403).
  AUTH_MISSING: refusal(301, 401, () => `未提供访问令牌，请在“连接”步骤中粘贴县委组织部发放的令牌`),
  AUTH_INVALID: refusal(302, 401, () => `访问令牌无效（可能复制不完整或已被更换），请向县委组织部重新领取`),
  AUTH_EXPIRED: refusal<{ at: Param }>(303, 401, (p) => `访问令牌已于 ${v(p.at)} 过期，请向县委组织部重新领取`),
  AUTH_COUNTY_ONLY: refusal(304, 403, () => `此操作只有县委组织部可以进行`),
  AUTH_OTHER_TOWNSHIP: refusal<{ own: Param; other: Param }>(305, 403, (p) => `您的令牌只能用于本单位（编号 ${v(p.own)}），不能查看或提交其他单位（编号 ${v(p.other)}）的数据`),
  AUTH_OTHER_CAMPAIGN: refusal<{ own: Param; other: Param }>(306, 403, (p) => `您的令牌属于工作批次“${v(p.own)}”，不能访问批次“${v(p.other)}”`),
  AUTH_TOWNSHIP_ONLY: refusal(307, 403, () => `只有乡镇（街道）党(工)委可以上报本单位的工作簿`),

  // Requests (HTTP 400 / 404 / 413).
  REQUEST_BODY_INVALID: refusal<{ detail: Param }>(310, 400, (p) => `请求内容不正确：${v(p.detail)}`),
  REQUEST_NOT_FOUND: refusal<{ path: Param }>(311, 404, (p) => `没有这个接口：${v(p.path)}`),
  CAMPAIGN_NOT_FOUND: refusal<{ id: Param }>(312, 404, (p) => `工作批次“${v(p.id)}”不存在，请先由县委组织部创建`),
  CAMPAIGN_EXISTS: refusal<{ id: Param }>(313, 409, (p) => `工作批次“${v(p.id)}”已经存在，不能重复创建`),
  CAMPAIGN_SCHEME_INVALID: refusal<{ detail: Param }>(314, 400, (p) => v(p.detail)),
  CAMPAIGN_TOWNSHIP_DUPLICATE: refusal<{ id: Param }>(315, 400, (p) => `乡镇（街道）编号“${v(p.id)}”重复`),
  CAMPAIGN_ROSTER_UNKNOWN: refusal<{ id: Param }>(316, 400, (p) => `名册中的“${v(p.id)}”不在本批次的乡镇（街道）名单中`),
  TOWNSHIP_NOT_FOUND: refusal<{ id: Param }>(317, 404, (p) => `本批次中没有编号为“${v(p.id)}”的乡镇（街道）`),

  // Uploads (HTTP 409 / 413 / 415 / 422).
  UPLOAD_EMPTY: refusal(320, 400, () => `上传的内容为空，请选择填好的工作簿（.xlsx）后再上报`),
  UPLOAD_TOO_LARGE: refusal<{ size: Param; limit: Param }>(321, 413, (p) => `文件大小 ${v(p.size)} 超过上限 ${v(p.limit)}，请删除无关的工作表或图片后再上报`),
  UPLOAD_REFUSED: refusal<{ errors: Param }>(322, 422, (p) => `工作簿中有 ${v(p.errors)} 处错误，未予接收；请按提示逐项修改后重新上报`),
  UPLOAD_OTHER_TOWNSHIP: refusal<{ found: Param; expected: Param }>(323, 422, (p) => `这份工作簿是发给“${v(p.found)}”的模板，不能作为“${v(p.expected)}”的报表上报；请下载本单位的模板填写`),
  UPLOAD_OTHER_CAMPAIGN: refusal<{ found: Param; expected: Param }>(324, 422, (p) => `这份工作簿属于工作批次“${v(p.found)}”，不是本批次“${v(p.expected)}”的模板；请下载本批次的模板填写`),
  UPLOAD_OTHER_SCHEME: refusal(325, 422, () => `这份工作簿按另一套评定标准生成，与本批次的标准不一致；请重新下载本批次的模板填写`),
  UPLOAD_LOCKED: refusal<{ version: Param }>(326, 409, (p) => `第 ${v(p.version)} 版已由县委组织部审核通过并锁定，不能再上报新版本；如需修改，请联系县委组织部重新开放`),

  // Review (HTTP 400 / 409).
  REVIEW_STALE: refusal<{ seen: Param; current: Param }>(330, 409, (p) => `您审核的是第 ${v(p.seen)} 版，但该单位已上报第 ${v(p.current)} 版，请刷新后重新审核`),
  REVIEW_NOT_ALLOWED: refusal<{ state: Param; action: Param }>(331, 409, (p) => `当前状态为“${v(p.state)}”，不能${v(p.action)}`),
  REVIEW_COMMENT_REQUIRED: refusal(332, 400, () => `退回时请填写退回意见，说明需要修改的内容`),
  REVIEW_NOTHING: refusal<{ township: Param }>(333, 409, (p) => `“${v(p.township)}”尚未上报，没有可审核的版本`),

  // Faults, races and malformed requests on the server (HTTP 400 / 409 / 413 / 503): 340–359.
  STORAGE_UNAVAILABLE: refusal<{ seconds: Param }>(340, 503, (p) => `存储服务暂时无法访问，本次操作未生效；请 ${v(p.seconds)} 秒后重试`),
  STORAGE_BUSY: refusal<{ seconds: Param }>(341, 503, (p) => `该单位的数据正被多个操作同时修改，本次操作未生效；请 ${v(p.seconds)} 秒后重试`),
  REQUEST_URL_INVALID: refusal<{ path: Param }>(342, 400, (p) => `请求地址“${v(p.path)}”含有无法识别的百分号编码（% 后应为两位十六进制数字），请检查链接是否完整`),
  REQUEST_TOO_LARGE: refusal<{ limit: Param }>(343, 413, (p) => `请求内容超过上限 ${v(p.limit)}，未予处理`),
  REVIEW_CONFLICT: refusal<{ township: Param; state: Param; action: Param }>(344, 409, (p) => `“${v(p.township)}”的状态刚刚被另一操作改为“${v(p.state)}”，您的“${v(p.action)}”未生效；请刷新后重新审核`),

  SERVER_FAULT: refusal<{ ref: Param }>(399, 500, (p) => `服务器处理请求时出错，本次操作未生效；请稍后重试。如仍出错，请把错误编号 ${v(p.ref)} 告知系统管理员`),
} satisfies Record<string, IssueDef>;
