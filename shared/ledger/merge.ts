// A township's uploaded ledger lines merged into the stored items. A line finds its item by the
// id the pre-filled sheet carries; a line without one (retyped, or pasted into a fresh template)
// by its 整改事项 among its organization's items, else by organization (orgKey within the
// township) among the items this campaign opened for it, in order; a line left over opens a new
// item. A second copy of a line another line already placed is noted and left out. What the
// township typed updates an item it is still rectifying; a 申请销号 mark requests 销号. Nothing
// the county decided is undone by a sheet: a 销号 item stays closed, a pending request stays
// pending, 挂点领导 and 联络员 stay the county's — each such line gets a message saying so.
// A blank cell never erases what an item already says.
import { makeIssue } from '../issues/catalogue';
import { orgIndex, type OrgIdentity } from '../roster/identity';
import { normalizeLabel } from '../text/normalize';
import { LedgerBatch } from './changes';
import type { LedgerLine } from './lines';
import { deadlineDate, type LedgerWhere } from './fields';
import { COUNTY_FIELDS, LEDGER_FIELD_LABELS, OPEN_STATUSES, UNCLOSED_STATUSES, type Actor, type LedgerChangeSet, type LedgerInput, type LedgerItem } from './types';

export interface LedgerMergeInput {
  /** The campaign the upload belongs to. */
  campaignId: string;
  townshipId: string;
  lines: readonly LedgerLine[];
  /** Stored items (any township; only this township's are touched). */
  items: readonly LedgerItem[];
  identities: readonly OrgIdentity[];
  /** This campaign's grade per organization id, recorded as the cause of new items. */
  grades?: ReadonlyMap<string, string>;
  actor: Actor;
  at: string;
}

export function mergeLedgerLines(input: LedgerMergeInput): LedgerChangeSet {
  const batch = new LedgerBatch(input.items);
  mergeInto(batch, input);
  return batch.result();
}

/** The same, into a batch that other work (a grading) shares. */
export function mergeInto(batch: LedgerBatch, input: Omit<LedgerMergeInput, 'items'>): void {
  const find = orgIndex(input.identities);
  const ctx = { at: input.at, campaignId: input.campaignId };
  const used = new Set<string>();
  // Items the sheet names by 台账编号 belong to those lines, wherever they are: a retyped copy
  // above its pre-filled line must not take the item from it.
  const named = new Set<string>();
  // What the lines that took an item said it was (整改事项 and 措施, as keys), and what the item
  // said then: a line saying the same again is a copy, not a second item.
  const said = new Map<string, Said>();
  const saidBy = (item: LedgerItem, line: LedgerLine) => {
    const s = said.get(item.id) ?? { matters: new Set([textKey(item.matter)]), measures: new Set([textKey(item.measures)]) };
    s.matters.add(textKey(line.matter));
    s.measures.add(textKey(line.measures));
    said.set(item.id, s);
  };
  for (const line of input.lines) {
    const item = line.itemId ? batch.get(line.itemId) : undefined;
    if (item && item.orgId === find(input.townshipId, line.orgName)?.id && !named.has(item.id)) {
      named.add(item.id);
      saidBy(item, line);
    }
  }
  const taken = (id: string) => used.has(id) || named.has(id);
  for (const line of input.lines) {
    const where: LedgerWhere = { ...(line.sheet !== undefined ? { sheet: line.sheet } : {}), ...(line.cells ? { cells: line.cells } : {}) };
    const loc = (field: keyof NonNullable<LedgerWhere['cells']>) => ({ ...(line.sheet !== undefined ? { sheet: line.sheet } : {}), ...(line.cells?.[field] !== undefined ? { cell: line.cells[field] } : {}) });
    const org = find(input.townshipId, line.orgName);
    if (!org) {
      batch.issues.push(makeIssue('LEDGER_ORG_UNKNOWN', { name: line.orgName }, loc('orgName')));
      continue;
    }
    let item: LedgerItem | undefined;
    if (line.itemId) {
      item = batch.get(line.itemId);
      if (!item || item.orgId !== org.id || used.has(item.id)) {
        batch.issues.push(makeIssue('LEDGER_ITEM_UNKNOWN', { name: org.name, id: line.itemId }, loc('itemId')));
        continue;
      }
    } else {
      const items = batch.ofOrg(org.id);
      const matter = textKey(line.matter);
      item = matter === '' ? undefined : sameMatter(items, matter, input.campaignId, taken);
      const copied = item || matter === '' ? undefined : items.find((i) => isCopy(said.get(i.id), matter, textKey(line.measures)));
      if (copied) {
        batch.issues.push(makeIssue('LEDGER_LINE_REPEATED', { name: org.name, matter: copied.matter }, loc('matter')));
        continue;
      }
      item ??= items.filter((i) => i.campaignId === input.campaignId && !taken(i.id)).sort((a, b) => a.seq - b.seq)[0];
    }

    const typed = typedFields(line);
    if (!item) {
      const created = batch.create({ orgId: org.id, orgName: org.name, townshipId: org.townshipId, campaignId: input.campaignId, grade: input.grades?.get(org.id) ?? '', fields: typed }, input.actor, ctx, where);
      used.add(created.id);
      saidBy(created, line);
      if (line.requestClose) batch.act(created, { kind: 'request', completedOn: line.completedOn }, input.actor, ctx, where);
      continue;
    }
    used.add(item.id);
    if (!line.itemId) saidBy(item, line);
    const diffs = changedFields(item, typed, input.at);
    if (item.status === 'closed' || item.status === 'void') {
      // Said as what the item is: 已撤销 (withdrawn, its organization dissolved or regraded) is not 销号 by the county.
      const kept = item.status === 'void' ? 'LEDGER_VOID_KEPT' : 'LEDGER_CLOSED_KEPT';
      const done = item.status === 'void' ? 'LEDGER_ALREADY_VOID' : 'LEDGER_ALREADY_CLOSED';
      if (diffs.length) batch.issues.push(makeIssue(kept, { name: item.orgName, matter: item.matter }, loc(diffs[0] ?? 'orgName')));
      else if (line.requestClose) batch.issues.push(makeIssue(done, { name: item.orgName, matter: item.matter }, loc('requestClose')));
      continue;
    }
    if (item.status === 'requested') {
      if (diffs.length) batch.issues.push(makeIssue('LEDGER_PENDING_KEPT', { name: item.orgName, matter: item.matter }, loc(diffs[0] ?? 'orgName')));
      continue;
    }
    if (!OPEN_STATUSES.includes(item.status)) continue;
    for (const f of COUNTY_FIELDS) {
      const v = f === 'leader' ? line.leader : line.liaison;
      if (v !== undefined && v.trim() !== '' && v.trim() !== item[f]) batch.issues.push(makeIssue('LEDGER_COUNTY_FIELD_KEPT', { name: item.orgName, field: LEDGER_FIELD_LABELS[f] }, loc(f)));
    }
    const edit: LedgerInput = {};
    for (const f of diffs) edit[f] = typed[f];
    if (diffs.length) batch.act(item, { kind: 'edit', fields: edit }, input.actor, ctx, where);
    if (line.requestClose) batch.act(item, { kind: 'request', completedOn: line.completedOn }, input.actor, ctx, where);
  }
}

/** 整改事项 and 措施 compared as labels are (normalizeLabel: half-width, Simplified, no whitespace). */
export const textKey = normalizeLabel;

/**
 * The item a line without 台账编号 is, by its 整改事项: one no other line took, still being worked
 * on (any campaign: the pre-filled sheet lists those) or of this campaign; unclosed first, then
 * the lowest number. A closed item of an earlier campaign is not matched: the same problem
 * written again after its 销号 is a new item.
 */
function sameMatter(items: readonly LedgerItem[], matter: string, campaignId: string, taken: (id: string) => boolean): LedgerItem | undefined {
  const unclosed = (i: LedgerItem) => UNCLOSED_STATUSES.includes(i.status);
  return items
    .filter((i) => !taken(i.id) && i.status !== 'void' && (unclosed(i) || i.campaignId === campaignId) && textKey(i.matter) === matter)
    .sort((a, b) => Number(unclosed(b)) - Number(unclosed(a)) || a.seq - b.seq)[0];
}

export interface Said {
  matters: Set<string>;
  measures: Set<string>;
}

/**
 * A line saying the same 整改事项 and 措施 (or none) as the item or a line that already took it
 * (keys by textKey). The printed 整改台账 leaves such a line out by the same rule (consolidate/rows.ts).
 */
export function isCopy(said: Said | undefined, matter: string, measures: string): boolean {
  return said !== undefined && said.matters.has(matter) && (measures === '' || said.measures.has(measures));
}

type TypedKey = 'matter' | 'measures' | 'owner' | 'deadline' | 'progress';

/** The township's own fields a line fills (blank cells left out: they erase nothing). */
function typedFields(line: LedgerLine): Pick<LedgerInput, TypedKey> {
  const out: Pick<LedgerInput, TypedKey> = {};
  for (const f of ['matter', 'measures', 'owner', 'deadline', 'progress'] as const) {
    const v = line[f].trim();
    if (v !== '') out[f] = v;
  }
  return out;
}

/**
 * Fields a line would change. A deadline typed as another form of the same date is no change, nor
 * a 整改事项 typed as another form of the same text (the key a line without 台账编号 is matched by).
 */
function changedFields(item: LedgerItem, typed: Pick<LedgerInput, TypedKey>, at: string): TypedKey[] {
  const out: TypedKey[] = [];
  if (typed.matter !== undefined && textKey(typed.matter) !== textKey(item.matter)) out.push('matter');
  for (const f of ['measures', 'owner', 'progress'] as const) {
    const v = typed[f];
    if (v !== undefined && v !== item[f]) out.push(f);
  }
  const d = typed.deadline;
  if (d !== undefined && d !== item.deadlineText) {
    const iso = deadlineDate(d, at);
    if (iso === null || iso !== item.deadline) out.push('deadline');
  }
  return out;
}
