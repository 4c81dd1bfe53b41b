// The 整改台账 as the page shows it: which items a filter keeps, which steps the signed-in role
// may take on an item (the ledger's own rules, shared/ledger/machine.ts LEDGER_RULES), what a
// step's form must carry before it is sent, and an item's history as sentences.
import type { LedgerItemView, LedgerList, LedgerStatusData } from '../../../shared/api/contract';
import { LEDGER_RULES } from '../../../shared/ledger/machine';
import { LEDGER_EVENT_LABELS, LEDGER_STATUS_LABELS } from '../../../shared/ledger/types';

/** The steps the page offers; edit and 撤销 stay with the workbook and the server. */
export type LedgerStep = 'request' | 'confirm' | 'reject' | 'reopen';

export const STEP_LABEL: Readonly<Record<LedgerStep, string>> = { request: '申请销号', confirm: '销号', reject: '退回', reopen: '复号' };

/** The county's filters: township id or '' for all, a status or 'all', only overdue items. */
export interface LedgerFilter {
  township: string;
  status: LedgerStatusData | 'all';
  overdue: boolean;
}

export const ALL_ITEMS: LedgerFilter = { township: '', status: 'all', overdue: false };

/** Statuses in the filter bar, in the order an item moves through them. */
export const FILTER_STATUSES: readonly LedgerStatusData[] = ['open', 'requested', 'closed', 'reopened'];
export const statusLabel = (s: LedgerStatusData): string => LEDGER_STATUS_LABELS[s];

export type Item = LedgerItemView;

/** The items the filter keeps, in the server's reading order; 已撤销 only when asked for. */
export function filterItems(items: readonly Item[], f: LedgerFilter): Item[] {
  return items.filter(
    (i) => (f.township === '' || i.townshipId === f.township) && (f.status === 'all' ? i.status !== 'void' : i.status === f.status) && (!f.overdue || i.overdueDays > 0),
  );
}

/** The townships that have items, in the list's order, for the township filter. */
export function townshipsOf(list: LedgerList | null): Array<{ id: string; name: string }> {
  const seen = new Map<string, string>();
  for (const i of list?.items ?? []) if (!seen.has(i.townshipId)) seen.set(i.townshipId, i.townshipName);
  return [...seen].map(([id, name]) => ({ id, name }));
}

/** The steps `role` may take on the item now. */
export function stepsFor(item: Pick<Item, 'status'>, role: 'county' | 'township'): LedgerStep[] {
  return (['request', 'confirm', 'reject', 'reopen'] as const).filter((s) => LEDGER_RULES[s].who.includes(role) && LEDGER_RULES[s].from.includes(item.status));
}

/** Steps asked for in a form (the others are one confirmation). */
export type FormStep = Exclude<LedgerStep, 'confirm'>;

export interface StepInput {
  progress?: string;
  completedOn?: string;
  comment?: string;
}

/**
 * What the page says before sending, beside the field: the date of a 申请销号 and the comment of a
 * 退回 or 复号 are required. Whether the date is a date is the server's to say (one rule, one place).
 */
export function missingInput(step: FormStep, input: StepInput, orgName: string): { field: 'progress' | 'completedOn' | 'comment'; text: string } | null {
  if (step === 'request') {
    if (!input.progress?.trim()) return { field: 'progress', text: `请填写“${orgName}”的完成情况。` };
    if (!input.completedOn?.trim()) return { field: 'completedOn', text: `请填写“${orgName}”的完成日期，如 2026-06-30。` };
    return null;
  }
  if (!input.comment?.trim()) return { field: 'comment', text: step === 'reject' ? `退回“${orgName}”的销号申请须填写意见，乡镇据此继续整改。` : `复号“${orgName}”的整改事项须填写原因。` };
  return null;
}

type Event = Item['history'][number];

/** Who: the county with its credential's label when it has one; a township by its name (its label is a code). */
function actorOf(e: Event, townshipName: string): string {
  if (e.by.role === 'county') return e.by.label ? `县委组织部（${e.by.label}）` : '县委组织部';
  if (e.by.role === 'township') return townshipName;
  return '系统';
}

/** One line per event, newest first: when, who, what, and the comment given. */
export function historyLines(item: Item, time: (iso: string) => string): Array<{ at: string; text: string }> {
  return [...item.history].reverse().map((e) => {
    const status = e.from !== e.to ? `（${e.from ? `${LEDGER_STATUS_LABELS[e.from]} → ` : ''}${LEDGER_STATUS_LABELS[e.to]}）` : '';
    const comment = e.comment ? `：${e.comment}` : '';
    return { at: time(e.at), text: `${actorOf(e, item.townshipName)} ${LEDGER_EVENT_LABELS[e.action]}${status}${comment}` };
  });
}

/** The list's head count: “共 5 项：整改中 2、申请销号 1…，逾期 1”. */
export function countsText(list: LedgerList): string {
  const c = list.counts;
  const parts = FILTER_STATUSES.filter((s) => c[s] > 0).map((s) => `${LEDGER_STATUS_LABELS[s]} ${c[s]}`);
  const total = FILTER_STATUSES.reduce((n, s) => n + c[s], 0);
  // 已撤销 is not listed under 全部状态, but the 汇总表's 整改台账 counts it: say it, so the two add up.
  const withdrawn = c.void ? `；另有已撤销 ${c.void} 项（未列出）` : '';
  return total === 0 && !c.void ? '暂无整改事项。' : `共 ${total} 项${parts.length ? `：${parts.join('、')}` : ''}${c.overdue ? `；逾期 ${c.overdue} 项` : ''}${withdrawn}。`;
}
