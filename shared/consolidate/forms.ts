// The county workbook's forms as print definitions (shared/print): the sheets source 002 names
// (分类定级情况汇总表, 明细表, 较差基层党组织名单, 较差基层党组织状况明细表) plus the 好 list the
// county files for 审核备案, the rectification ledger, the quota check, the reporting status and
// the duplicates. Columns come from the scheme; widths are fitted to the longest name they hold.
import type { Scheme } from '../scheme/schema';
import { fitWidth, type LabelledItem, type PrintColumn, type SheetDef } from '../print';
import { SUMMARY_REMARK } from './summary';
import type { CampaignKind } from '../api/campaign';
import { formTitle } from './titles';

export { consolidatedFileName, formTitle } from './titles';

export const SHEETS = {
  summary: '汇总表',
  summaryByCategory: '汇总表（按类别）',
  detail: '明细表',
  poor: '较差名单',
  poorDetail: '较差状况明细表',
  good: '好等次名单',
  rectification: '整改台账',
  quota: '比例检查',
  status: '报送情况',
  duplicates: '重复上报',
} as const;

export interface FormContext {
  scheme: Scheme;
  county: string;
  year: number;
  /** Every township's name, to fit the 乡镇（街道） column. */
  townships: readonly string[];
  /** When the workbook was made, Beijing time ("2026-04-25 17:03"). */
  generatedAt: string;
  /** A 回头看's workbook says so in every title (default: a grading's). */
  kind?: CampaignKind;
}

/** The county's own unit/date block and signature lines, the same on every sheet. */
export function blocks(ctx: FormContext): Pick<SheetDef, 'info' | 'signature'> {
  const info: LabelledItem[] = [
    { label: '填报单位（盖章）', value: `${ctx.county}委组织部` },
    { label: '填报日期', value: ctx.generatedAt.slice(0, 10) },
  ];
  const signature: LabelledItem[] = [{ label: '制表人' }, { label: '审核人' }, { label: '联系电话', blank: 16 }];
  return { info, signature };
}

const col = (header: string, kind: PrintColumn['kind'], width: number, group?: string): PrintColumn => (group ? { header, kind, width, group } : { header, kind, width });

/** Fitted to the township names (the header wraps if it must). */
function townshipCol(ctx: FormContext, header = '乡镇（街道）', max = 18): PrintColumn {
  return col(header, 'center', fitWidth(ctx.townships, 8, max));
}

function categoryCol(ctx: FormContext, max = 20): PrintColumn {
  // Every category name on one line where room allows (the text wraps, the row grows, below max):
  // 非公有制经济组织 must never print as 非公有制经.
  return col('类别', 'center', fitWidth(ctx.scheme.categories.map((c) => c.name), 6, max));
}

const SEQ = col('序号', 'seq', 5);
const NAME = col('党组织名称', 'text', 24);

function gradeLabel(s: Scheme, key: string): string {
  return s.grades.find((g) => g.key === key)?.label ?? key;
}

/** 汇总表: township × grade (个数 / 占比 under each grade), 党员数 and 备注. */
export function summaryColumns(ctx: FormContext, first: 'township' | 'category'): PrintColumn[] {
  const label = first === 'township' ? '乡镇（街道）' : '类别';
  const width = fitWidth([label, `${ctx.county}合计`, ...ctx.townships, ...ctx.scheme.categories.map((c) => c.name)], 10, 20);
  return [
    col(label, 'center', width),
    col('党组织数', 'int', 7),
    col('党员数', 'int', 7),
    ...ctx.scheme.grades.flatMap((g) => [col('个数', 'int', 6, g.label), col('占比', 'percent', 7, g.label)]),
    col('备注', 'center', fitWidth(Object.values(SUMMARY_REMARK).filter((x): x is string => !!x), 8)),
  ];
}

/**
 * 汇总表 by township, and by category on a sheet of its own: printed under one sheet's repeated
 * header, the categories of a county of 35 or more townships went on page 2 under 乡镇（街道）,
 * and their own header printed alone at the foot of page 1 (38–41 townships).
 */
export function summaryForm(ctx: FormContext, included: number, by: 'township' | 'category' = 'township'): SheetDef {
  return {
    name: by === 'township' ? SHEETS.summary : SHEETS.summaryByCategory,
    title: formTitle(ctx, by === 'township' ? '基层党组织分类定级情况汇总表' : '基层党组织分类定级情况汇总表（按类别）'),
    notes: [`统计范围：已上报和已审核通过的 ${included} 个乡镇（街道）的当前版本（已退回和未上报的单位不计入）；生成时间 ${ctx.generatedAt}（北京时间）。`],
    columns: summaryColumns(ctx, by),
    ...blocks(ctx),
  };
}

export const INDICATOR_GROUP_PRINT = '分类定级指标得分';
export const FLAG_GROUP_PRINT = '否决及限制情形';

/**
 * Widths of the 明细表, the widest form (22 columns): at its old widths (214 units) fit to one
 * landscape page printed its body at 65 % (6.5 pt in Excel, 5 pt where Calibri was missing). Here
 * (about 165 units with townships of 4 characters) it prints at about 83 %: scores, totals and 是/否 in
 * columns of 5 (a score such as 14.5 fits, the header wraps two characters a line as it did at 6),
 * names and remarks wrap onto more lines, 非公有制经济组织 on two lines, the township's column is
 * at most 12 wide; 所属党(工)委 keeps 4 characters a line (城关镇党委 on two lines, not three).
 */
const SCORE_WIDTH = 5;
const DETAIL_TOWNSHIP_MAX = 12;
const DETAIL_CATEGORY_MAX = 10;
/** 党总支 on one line (three characters need 6.5 units, measure.ts). */
const ORG_TYPE_WIDTH = 7;

export function detailForm(ctx: FormContext): SheetDef {
  const s = ctx.scheme;
  const o = s.overrides;
  const flags: PrintColumn[] = [];
  if (o.forcedBottom.enabled) flags.push(col(o.forcedBottom.label, 'center', SCORE_WIDTH, FLAG_GROUP_PRINT));
  if (o.newlyEstablishedCap.enabled) flags.push(col(o.newlyEstablishedCap.label, 'center', SCORE_WIDTH, FLAG_GROUP_PRINT));
  return {
    name: SHEETS.detail,
    title: formTitle(ctx, '基层党组织分类定级情况明细表'),
    columns: [
      SEQ,
      townshipCol(ctx, '乡镇（街道）', DETAIL_TOWNSHIP_MAX),
      col('党组织名称', 'text', 18),
      col('所属党(工)委', 'text', 10),
      categoryCol(ctx, DETAIL_CATEGORY_MAX),
      col('组织类型', 'center', ORG_TYPE_WIDTH),
      col('所属党总支', 'text', 10),
      col('党员数', 'int', 5),
      ...s.indicators.map((i) => col(`${i.name}（${i.max}分）`, 'number', SCORE_WIDTH, INDICATOR_GROUP_PRINT)),
      col(`总分（${s.totalMax}分）`, 'number', SCORE_WIDTH),
      ...flags,
      col('等次', 'center', fitWidth(s.grades.map((g) => g.label), 5)),
      col('等次调整原因', 'text', 10),
      col('情况说明', 'text', 18),
      col('备注', 'text', 6),
    ],
    freezeColumns: 3,
    ...blocks(ctx),
  };
}

export function poorListForm(ctx: FormContext): SheetDef {
  return {
    name: SHEETS.poor,
    title: formTitle(ctx, `“${gradeLabel(ctx.scheme, ctx.scheme.quota.bottom.grade)}”基层党组织名单`),
    columns: [SEQ, townshipCol(ctx), NAME, categoryCol(ctx), col('党员数', 'int', 6), col('总分', 'number', 6), col('定级原因', 'text', 26), col('备注', 'text', 10)],
    orientation: 'portrait',
    ...blocks(ctx),
  };
}

export function poorDetailForm(ctx: FormContext): SheetDef {
  return {
    name: SHEETS.poorDetail,
    title: formTitle(ctx, `“${gradeLabel(ctx.scheme, ctx.scheme.quota.bottom.grade)}”基层党组织状况明细表`),
    columns: [
      SEQ,
      townshipCol(ctx),
      NAME,
      categoryCol(ctx),
      col('总分', 'number', 6),
      col('存在的主要问题', 'text', 32),
      col('整改措施', 'text', 32),
      col('责任人', 'center', 8),
      col('完成时限', 'date', 11),
      col('情况说明', 'text', 24),
    ],
    ...blocks(ctx),
  };
}

export function goodListForm(ctx: FormContext): SheetDef {
  return {
    name: SHEETS.good,
    title: formTitle(ctx, `定为“${gradeLabel(ctx.scheme, ctx.scheme.quota.top.grade)}”等次的基层党组织名单（审核备案）`),
    columns: [SEQ, townshipCol(ctx), NAME, categoryCol(ctx), col('党员数', 'int', 6), col('总分', 'number', 6), col('情况说明', 'text', 44)],
    orientation: 'portrait',
    ...blocks(ctx),
  };
}

export function ledgerForm(ctx: FormContext): SheetDef {
  return {
    name: SHEETS.rectification,
    title: formTitle(ctx, '一般、较差基层党组织整改台账'),
    columns: [
      SEQ,
      townshipCol(ctx),
      NAME,
      categoryCol(ctx),
      col('等次', 'center', 8),
      col('主要问题', 'text', 32),
      col('整改措施', 'text', 32),
      col('责任人', 'center', 8),
      col('完成时限', 'date', 11),
      col('完成情况', 'text', 14),
    ],
    ...blocks(ctx),
  };
}

export function quotaForm(ctx: FormContext): SheetDef {
  const s = ctx.scheme;
  const top = gradeLabel(s, s.quota.top.grade);
  const bottom = gradeLabel(s, s.quota.bottom.grade);
  return {
    name: SHEETS.quota,
    title: formTitle(ctx, '基层党组织分类定级比例检查'),
    columns: [
      townshipCol(ctx, '范围'),
      col('党组织数', 'int', 7),
      col('个数', 'int', 6, `“${top}”`),
      col('占比', 'percent', 7, `“${top}”`),
      col('个数', 'int', 6, `“${bottom}”`),
      col('占比', 'percent', 7, `“${bottom}”`),
      col('结论', 'center', 8),
      col('说明', 'text', 84),
    ],
    ...blocks(ctx),
  };
}

export function statusForm(ctx: FormContext): SheetDef {
  return {
    name: SHEETS.status,
    title: formTitle(ctx, '基层党组织分类定级报送情况'),
    columns: [
      SEQ,
      townshipCol(ctx),
      col('状态', 'center', 13),
      col('当前版本', 'int', 6),
      col('上报时间（北京时间）', 'center', 17),
      col('是否逾期', 'center', 6),
      col('计入汇总', 'center', 6),
      col('比例检查', 'center', 7),
      col('退回意见', 'text', 26),
    ],
    ...blocks(ctx),
  };
}

export function duplicatesForm(ctx: FormContext): SheetDef {
  return {
    name: SHEETS.duplicates,
    title: formTitle(ctx, '多个乡镇（街道）重复上报的基层党组织'),
    notes: ['党组织名称按统一写法比对（繁简体、全半角、空格不同视为同一名称）。同一党组织只应由一个乡镇（街道）上报，请核实归属后通知多报的单位删除并重新上报。'],
    columns: [SEQ, NAME, col('上报单位（所在行）', 'text', 40), col('处理意见', 'text', 20)],
    ...blocks(ctx),
  };
}
