// A township's uploaded ledger lines merged into the stored items. A line finds its item by the
// id the pre-filled sheet carries, or else by organization (orgKey within the township) among
// the items this campaign opened for it, in order; a line left over opens a new item. What the
// township typed updates an item it is still rectifying; a 申请销号 mark requests 销号. Nothing
// the county decided is undone by a sheet: a 销号 item stays closed, a pending request stays
// pending, 挂点领导 and 联络员 stay the county's — each such line gets a message saying so.
// A blank cell never erases what an item already says.
import { makeIssue } from '../issues/catalogue';
import { orgIndex, type OrgIdentity } from '../roster/identity';
import { parseCellDate } from '../validate/rect';
import { LedgerBatch } from './changes';
import type { LedgerLine } from './lines';
import type { LedgerWhere } from './fields';
import { COUNTY_FIELDS, LEDGER_FIELD_LABELS, OPEN_STATUSES, type Actor, type LedgerChangeSet, type LedgerInput, type LedgerItem } from './types';

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
      item = batch
        .ofOrg(org.id)
        .filter((i) => i.campaignId === input.campaignId && !used.has(i.id))
        .sort((a, b) => a.seq - b.seq)[0];
    }

    const typed = typedFields(line);
    if (!item) {
      const created = batch.create({ orgId: org.id, orgName: org.name, townshipId: org.townshipId, campaignId: input.campaignId, grade: input.grades?.get(org.id) ?? '', fields: typed }, input.actor, ctx, where);
      used.add(created.id);
      if (line.requestClose) batch.act(created, { kind: 'request', completedOn: line.completedOn }, input.actor, ctx, where);
      continue;
    }
    used.add(item.id);
    const diffs = changedFields(item, typed);
    if (item.status === 'closed' || item.status === 'void') {
      if (diffs.length) batch.issues.push(makeIssue('LEDGER_CLOSED_KEPT', { name: item.orgName, matter: item.matter }, loc(diffs[0] ?? 'orgName')));
      else if (line.requestClose) batch.issues.push(makeIssue('LEDGER_ALREADY_CLOSED', { name: item.orgName, matter: item.matter }, loc('requestClose')));
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

/** Fields a line would change. A deadline typed as another form of the same date is no change. */
function changedFields(item: LedgerItem, typed: Pick<LedgerInput, TypedKey>): TypedKey[] {
  const out: TypedKey[] = [];
  for (const f of ['matter', 'measures', 'owner', 'progress'] as const) {
    const v = typed[f];
    if (v !== undefined && v !== item[f]) out.push(f);
  }
  const d = typed.deadline;
  if (d !== undefined && d !== item.deadlineText) {
    const iso = parseCellDate(d);
    if (iso === null || iso !== item.deadline) out.push('deadline');
  }
  return out;
}
