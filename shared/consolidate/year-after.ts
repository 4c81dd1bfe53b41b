// The county workbook's sheets for the year after, by the same print standard as its other forms:
// 整改台账（销号情况） (the ledger as records: each item, its status and 销号 date, overdue ones
// marked), 晋位升级情况 and 未晋位升级名单 (targets against the predecessor), and 回头看调整情况
// (a 回头看's before and after). Definitions and row mappers only; the server streams the rows.
import { overdueDays } from '../ledger/overdue';
import type { TargetOrg, TargetReport } from '../ledger/targets';
import { LEDGER_STATUS_LABELS, UNCLOSED_STATUSES, type LedgerItem, type LedgerStatus } from '../ledger/types';
import { lookbackSheetRows, type LookbackResult } from '../lookback/review';
import { fitWidth, type PrintColumn, type SheetDef } from '../print';
import { townshipName, type TownshipNames } from '../roster/identity';
import type { Scheme } from '../scheme/schema';
import { beijingText } from './deadline';
import { blocks, formTitle, type FormContext } from './forms';
import type { OutCell } from './rows';

export const YEAR_AFTER_SHEETS = {
  ledger: '整改台账（销号情况）',
  targets: '晋位升级情况',
  notMoved: '未晋位升级名单',
  lookback: '回头看调整情况',
} as const;

const col = (header: string, kind: PrintColumn['kind'], width: number): PrintColumn => ({ header, kind, width });
const SEQ = col('序号', 'seq', 5);
/** Fitted to the township names and to its own header, so 乡镇（街道） never breaks inside its brackets. */
const townshipCol = (ctx: FormContext, header = '乡镇（街道）') => col(header, 'center', fitWidth([header, ...ctx.townships], 8, 18));
const label = (s: Scheme, key: string | null) => (key === null ? '' : (s.grades.find((g) => g.key === key)?.label ?? key));

// ── 整改台账（销号情况） ────────────────────────────────────────────────────────────────────

/**
 * The items a campaign's ledger sheet lists: of its organizations (`orgIds`: every organization it
 * knows, dissolved ones included), those it opened, those still not 销号 (whenever opened), and
 * those anything happened to in its course (销号, 复号, 撤销 with its roster). Items closed in an
 * earlier year and untouched since belong to that year's sheet.
 *
 * `townships`: a 回头看's own townships. A 回头看 knows every organization of the grading it
 * reviews, but regrades only the townships it names (8 of 20, say); its workbook, stamped and filed
 * as that 回头看's, lists the items of those townships only. The other townships' items are in the
 * grading's workbook, and in the 回头看 of theirs, if there is one.
 */
export function campaignItems(items: readonly LedgerItem[], campaignId: string, orgIds: ReadonlySet<string>, townships?: ReadonlySet<string>): LedgerItem[] {
  return items.filter(
    (i) =>
      orgIds.has(i.orgId) &&
      (townships === undefined || townships.has(i.townshipId)) &&
      (i.campaignId === campaignId || UNCLOSED_STATUSES.includes(i.status) || i.history.some((e) => e.campaignId === campaignId)),
  );
}

/** 共 n 项：整改中 a 项、… ; 逾期 f 项. */
export function ledgerCounts(items: readonly LedgerItem[], now: number): string {
  const n = (st: LedgerStatus) => items.filter((i) => i.status === st).length;
  const parts = (['open', 'requested', 'closed', 'reopened', 'void'] as const).map((st) => `${LEDGER_STATUS_LABELS[st]} ${n(st)} 项`);
  const late = items.filter((i) => overdueDays(i, now) > 0).length;
  return `共 ${items.length} 项：${parts.join('、')}；其中逾期 ${late} 项。`;
}

export function ledgerStatusForm(ctx: FormContext, items: readonly LedgerItem[], now: number): SheetDef {
  return {
    name: YEAR_AFTER_SHEETS.ledger,
    title: formTitle(ctx, '基层党组织整改台账（销号情况）'),
    notes: [`${ledgerCounts(items, now)}逾期按完成时限（北京时间）计算，截至 ${ctx.generatedAt}；已申请销号、待县委组织部核实的不计逾期。`],
    columns: [
      SEQ,
      townshipCol(ctx),
      col('党组织名称', 'text', 22),
      col('定级等次', 'center', 9),
      col('整改事项', 'text', 20),
      col('主要措施', 'text', 22),
      col('责任人', 'center', 8),
      col('完成时限', 'date', 11),
      col('完成情况', 'text', 18),
      col('挂点领导', 'center', 8),
      col('联络员', 'center', 8),
      // 已复号（逾期 526 天） on two lines, its bracket not left alone on a third.
      col('状态', 'center', 13),
      col('销号日期', 'date', 11),
    ],
    ...blocks(ctx),
  };
}

/** The date an item was 销号 (the last confirmation, Beijing), while it is closed. */
export function closedOn(item: LedgerItem): string | null {
  if (item.status !== 'closed') return null;
  for (let i = item.history.length - 1; i >= 0; i--) {
    const e = item.history[i];
    if (e?.action === 'confirm') return beijingText(e.at).slice(0, 10);
  }
  return null;
}

export function ledgerStatusRow(s: Scheme, seq: number, township: string, item: LedgerItem, now: number): OutCell[] {
  const late = overdueDays(item, now);
  const state = LEDGER_STATUS_LABELS[item.status] + (late > 0 ? `（逾期 ${late} 天）` : '');
  return [
    seq,
    township,
    item.orgName,
    label(s, item.grade) || null,
    item.matter || null,
    item.measures || null,
    item.owner || null,
    item.deadlineText || item.deadline,
    item.progress || null,
    item.leader || null,
    item.liaison || null,
    state,
    closedOn(item),
  ];
}

// ── 晋位升级情况 / 未晋位升级名单 ──────────────────────────────────────────────────────────

export function targetsForm(ctx: FormContext, previousYear: number | null, lookback: boolean): SheetDef {
  const basis = lookback ? '（以回头看调整后的等次为准）' : '';
  return {
    name: YEAR_AFTER_SHEETS.targets,
    title: formTitle(ctx, '基层党组织晋位升级情况'),
    notes: [
      `对照${previousYear ?? '上一'}年度定级结果${basis}：按党组织编号比对，更名、调整隶属的仍是同一党组织，合并的按合并后的党组织计，已撤销的不计入；本年度尚未定级的按未晋位升级计。`,
    ],
    columns: [townshipCol(ctx, '范围'), col('上年等次', 'center', 7), col('上年个数', 'int', 7), col('已晋位升级', 'int', 8), col('晋位升级率', 'percent', 8), col('目标', 'percent', 8), col('是否达标', 'center', 7), col('还差', 'int', 6), col('说明', 'text', 26)],
    orientation: 'portrait',
    ...blocks(ctx),
  };
}

/** One row per target line: the townships (in order), then the county's (to be written as totals). */
export function targetRows(r: TargetReport): { townships: OutCell[][]; county: OutCell[][] } {
  const rows = (scope: TargetReport['county']): OutCell[][] =>
    scope.lines.map((l) => {
      const notes: string[] = [];
      if (l.notGraded.length) notes.push(`其中 ${l.notGraded.length} 个本年度尚未定级`);
      if (l.dissolved.length) notes.push(`另有 ${l.dissolved.length} 个已撤销，不计入`);
      return [scope.label, l.gradeLabel, l.base, l.movedUp, l.share, l.target, l.met ? '是' : '否', l.needed, notes.join('；') || null];
    });
  return { townships: r.townships.flatMap(rows), county: rows(r.county) };
}

export function notMovedForm(ctx: FormContext): SheetDef {
  return {
    name: YEAR_AFTER_SHEETS.notMoved,
    title: formTitle(ctx, '未晋位升级的基层党组织名单'),
    notes: ['上一年度定为“较差”“一般”等次、本年度未晋位升级的党组织；已撤销的列在最后，不计入晋位升级率。'],
    columns: [SEQ, townshipCol(ctx), col('上年党组织名称', 'text', 22), col('现名称', 'text', 22), col('上年等次', 'center', 7), col('本年等次', 'center', 7), col('说明', 'text', 18)],
    orientation: 'portrait',
    ...blocks(ctx),
  };
}

export function notMovedRows(s: Scheme, r: TargetReport, names: TownshipNames): OutCell[][] {
  const out: OutCell[][] = [];
  const row = (o: TargetOrg, note: string) => {
    const now = o.nowName && o.nowName !== o.name ? o.nowName : null;
    out.push([out.length + 1, townshipName(names, o.townshipId), o.name, now, label(s, o.before), label(s, o.after) || null, note]);
  };
  for (const l of r.county.lines) {
    for (const o of l.notMoved) row(o, o.after === null ? '本年度尚未定级' : '未晋位升级');
  }
  for (const l of r.county.lines) for (const o of l.dissolved) row(o, '已撤销，不计入');
  return out;
}

// ── 回头看调整情况 ──────────────────────────────────────────────────────────────────────────

export function lookbackForm(ctx: FormContext, reviewedYear: number): SheetDef {
  return {
    name: YEAR_AFTER_SHEETS.lookback,
    title: `${ctx.county}${reviewedYear}年度基层党组织分类定级回头看调整情况`,
    notes: ['回头看可调整等次（含降级）；涉及“三打两建”问题的一律定为“较差”；整改事项未全部销号的不得晋位升级，说明栏列出。'],
    columns: [SEQ, townshipCol(ctx), col('党组织名称', 'text', 24), col('原定等次', 'center', 7), col('回头看等次', 'center', 8), col('变化', 'center', 6), col('说明', 'text', 46)],
    ...blocks(ctx),
  };
}

/** Every regraded organization (numbered), then those the regrades left out. */
export function lookbackRows(s: Scheme, result: LookbackResult, names: TownshipNames): OutCell[][] {
  const rows: OutCell[][] = lookbackSheetRows(s, result, names).map((r) => r.map((v) => (v === '' ? null : v)));
  for (const g of result.notRegraded) rows.push([rows.length + 1, townshipName(names, g.townshipId), g.name, label(s, g.grade), null, '未复查', '回头看结果中没有该党组织']);
  return rows;
}
