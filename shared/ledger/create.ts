// A new ledger item: opened by a grading (from its 整改台账 line, or blank when the sheet gave
// none) or by a township adding a line. Numbered per organization and campaign.
import type { Issue } from '../issues/types';
import { claimId, stableId } from '../roster/ids';
import { eventOf, recordChanges, setFields, type LedgerWhere } from './fields';
import type { Actor, LedgerContext, LedgerEvent, LedgerInput, LedgerItem } from './types';

export interface NewItem {
  orgId: string;
  orgName: string;
  townshipId: string;
  /** The campaign opening it. */
  campaignId: string;
  grade: string;
  fields: LedgerInput;
}

/**
 * A new item, numbered after the organization's items from the same campaign (`existing` needs
 * at least those). Its id hashes
 * (campaign, organization, number), so the same upload processed twice names it the same.
 */
export function createLedgerItem(
  init: NewItem,
  existing: readonly LedgerItem[],
  actor: Actor,
  ctx: LedgerContext,
  where?: LedgerWhere,
  /** Whether an id is taken anywhere in the ledger (default: among `existing`). */
  taken: (id: string) => boolean = (id) => existing.some((i) => i.id === id),
): { item: LedgerItem; event: LedgerEvent; issues: Issue[] } {
  const seq = 1 + existing.filter((i) => i.orgId === init.orgId && i.campaignId === init.campaignId).reduce((m, i) => Math.max(m, i.seq), 0);
  const id = claimId(stableId('l', [init.campaignId, init.orgId, String(seq)]), { has: taken });
  const item: LedgerItem = {
    id,
    orgId: init.orgId,
    orgName: init.orgName,
    townshipId: init.townshipId,
    campaignId: init.campaignId,
    grade: init.grade,
    seq,
    status: 'open',
    matter: '',
    measures: '',
    owner: '',
    deadlineText: '',
    deadline: null,
    progress: '',
    completedOn: null,
    leader: '',
    liaison: '',
    history: [],
  };
  const { set, changes } = recordChanges(item);
  const issues = setFields(item, init.fields, set, where, ctx.at);
  const event = eventOf(item, 'create', actor, ctx, null, 'open', changes);
  item.history.push(event);
  return { item, event, issues };
}
