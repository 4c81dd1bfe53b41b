// Every refusal of a request body is read by a county clerk, so zod speaks Chinese here: zod's own
// zh-CN locale configured once (the contract imports this file, so the server and the page both
// get it), with our own wording on top for the issues a clerk actually meets — zod's locale still
// says "期望 string，实际接收 undefined". A schema's own message (dates, ids) wins over both.
import { z } from 'zod';

const TYPE_TEXT: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '是或否',
  array: '列表',
  object: '对象',
  record: '对象',
  date: '日期',
  null: '空值',
  undefined: '空',
  nan: '数字',
};

function received(x: unknown): string {
  if (x === undefined) return '未填写';
  if (x === null) return '空值';
  if (Array.isArray(x)) return '列表';
  if (typeof x === 'number') return Number.isNaN(x) ? '非数字' : '数字';
  if (typeof x === 'string') return '文字';
  if (typeof x === 'boolean') return '“是/否”';
  if (typeof x === 'object') return '对象';
  return '无法识别的值';
}

function bound(origin: string, n: number | bigint, small: boolean, inclusive: boolean | undefined): string {
  const v = Number(n);
  if (origin === 'string') {
    if (small) return v <= 1 ? '不能为空' : `至少 ${v} 个字`;
    return `不能超过 ${v} 个字`;
  }
  if (origin === 'array' || origin === 'set') {
    if (small) return v <= 1 ? '至少要有 1 项' : `至少要有 ${v} 项`;
    return `不能超过 ${v} 项`;
  }
  if (small) return inclusive === false ? `应大于 ${v}` : `不能小于 ${v}`;
  return inclusive === false ? `应小于 ${v}` : `不能大于 ${v}`;
}

/** Our wording per zod issue code; undefined falls through to zod's zh-CN locale. */
export function zhMessage(iss: { code?: string; input?: unknown } & Record<string, unknown>): string | undefined {
  switch (iss.code) {
    case 'invalid_type': {
      if (iss.input === undefined) return '必须填写';
      const want = TYPE_TEXT[String(iss.expected)] ?? '正确的格式';
      return `应为${want}，实际是${received(iss.input)}`;
    }
    case 'too_small':
      return bound(String(iss.origin), iss.minimum as number, true, iss.inclusive as boolean | undefined);
    case 'too_big':
      return bound(String(iss.origin), iss.maximum as number, false, iss.inclusive as boolean | undefined);
    case 'invalid_format':
      return iss.format === 'url' ? '不是有效的网址' : '格式不正确';
    case 'invalid_value': {
      const values = Array.isArray(iss.values) ? (iss.values as unknown[]).map((x) => `“${String(x)}”`).join('、') : '';
      return values ? `应为以下之一：${values}` : '取值不正确';
    }
    case 'unrecognized_keys':
      return `有不认识的字段：${Array.isArray(iss.keys) ? (iss.keys as string[]).join('、') : ''}`;
    case 'invalid_union': {
      // A discriminated union (the ledger's `action`): say which values it takes, as for an enum.
      if (iss.discriminator === undefined || !Array.isArray(iss.options)) return '格式不正确';
      // Its input is the object: the discriminator may be missing from it.
      const input = iss.input as Record<string, unknown> | undefined;
      if (typeof input === 'object' && input !== null && input[String(iss.discriminator)] === undefined) return '必须填写';
      // A field's problem is quoted up to 40 characters (makeIssue): a longer list would be cut mid-value.
      const list = `应为以下之一：${(iss.options as unknown[]).map((x) => `“${String(x)}”`).join('、')}`;
      return list.length <= 40 ? list : '取值不正确';
    }
    case 'invalid_key':
      return '键名不正确';
    case 'invalid_element':
      return '其中有不正确的项';
    case 'not_multiple_of':
      return `应为 ${String(iss.divisor)} 的整数倍`;
    case 'custom':
      return '内容不正确';
    default:
      return undefined;
  }
}

z.config(z.locales.zhCN());
z.config({ customError: (iss) => zhMessage(iss as never) });

/** Chinese names of the request fields, so a refusal says 截止日期, not deadline. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  id: '编号',
  year: '年度',
  county: '县（市、区）名称',
  deadline: '截止日期',
  townships: '乡镇（街道）名单',
  name: '名称',
  schemeId: '评定标准',
  campaign: '工作批次',
  scheme: '自定义评定标准',
  roster: '党组织名册',
  township: '乡镇（街道）',
  category: '类别',
  orgType: '组织类型',
  parent: '所属党总支',
  revision: '批次设置版本号',
  action: '审核操作',
  comment: '审核意见',
  version: '版本号',
  items: '审核清单',
  townshipId: '乡镇（街道）编号',
  page: '页面地址',
  days: '有效天数',
  reissue: '重新发放',
  kind: '类型',
  previousId: '上一年度批次',
  reviewsId: '被复查的批次',
  decisions: '名册确认事项',
  fromId: '原党组织编号',
  fromIds: '原党组织编号',
  to: '今年名册中的党组织',
  progress: '完成情况',
  completedOn: '完成日期',
  fields: '整改事项内容',
  matter: '整改事项',
  measures: '主要措施',
  owner: '责任人',
  leader: '挂点领导',
  liaison: '联络员',
  status: '状态',
  overdue: '是否逾期',
  opened: '开立批次',
};

/**
 * The ledger action's body (POST /campaigns/{c}/ledger/{itemId}) shares field names with the
 * review's and the campaign's, not their meaning: its `action` is 申请销号/销号/退回/复号/撤销/修改,
 * its `comment` the reason given with it, and a field's `deadline` the item's 完成时限.
 */
export const LEDGER_ACTION_LABELS: Readonly<Record<string, string>> = {
  ...FIELD_LABELS,
  action: '整改台账操作',
  comment: '意见或原因',
  deadline: '完成时限',
};

/** The longest key a message quotes whole. */
const MAX_KEY_SHOWN = 40;

/** ['townships', 2, 'name'] → 乡镇（街道）名单第 3 项的名称. `labels`: the route's own words (LEDGER_ACTION_LABELS). */
export function fieldPath(path: readonly PropertyKey[], labels: Readonly<Record<string, string>> = FIELD_LABELS): string {
  if (path.length === 0) return '请求内容';
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `第 ${seg + 1} 项`;
    else {
      const key = String(seg);
      // Own keys only: "__proto__" or "constructor" would find Object.prototype's. A key is
      // anything the sender wrote (a record's keys have no bound): quoted, it is cut.
      const label = Object.hasOwn(labels, key) ? labels[key] : `“${key.length > MAX_KEY_SHOWN ? `${key.slice(0, MAX_KEY_SHOWN)}…` : key}”`;
      out += out ? `的${label}` : label;
    }
  }
  return out;
}

/** zod issues → one Chinese line per field: 截止日期：2026-02-30 不是有效的日期；年度：不能小于 2000. */
export function zodIssuesText(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>, max = 5): string {
  const lines = issues.slice(0, max).map((i) => `${fieldPath(i.path)}：${i.message}`);
  if (issues.length > max) lines.push(`另有 ${issues.length - max} 处问题`);
  return lines.join('；');
}
