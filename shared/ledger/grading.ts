// A township's graded submission → its ledger: closed items of an organization graded 较差 again
// are reopened (复号), its 整改台账 lines are merged, and every organization that needs
// rectification (one rule: `needsRectification`) ends with at least one item still being worked
// on — a blank one, with a warning, when the sheet gave none. Processing the same upload twice
// changes nothing the second time.
import { makeIssue } from '../issues/catalogue';
import type { GradedOrg } from '../roster/graded';
import { orgIndex, type OrgIdentity } from '../roster/identity';
import { gradeByKey } from '../scheme/lookup';
import type { Scheme } from '../scheme/schema';
import { needsRectification } from '../template/definition';
import { LedgerBatch } from './changes';
import type { LedgerLine } from './lines';
import { mergeInto } from './merge';
import { UNCLOSED_STATUSES, type Actor, type LedgerChangeSet, type LedgerItem } from './types';

export interface GradingLedgerInput {
  scheme: Scheme;
  campaignId: string;
  townshipId: string;
  /** The township's graded organizations (gradedFromSubmission). */
  graded: readonly GradedOrg[];
  /** Its 整改台账 lines (lineFromRectification for today's sheet). */
  lines: readonly LedgerLine[];
  items: readonly LedgerItem[];
  identities: readonly OrgIdentity[];
  /** The uploading township. */
  actor: Actor;
  at: string;
  /**
   * Organizations this campaign had already graded in the bottom band (the township's version
   * before this one): graded so again by a re-upload is not "again", so no 复号 of what the
   * county closed meanwhile.
   */
  earlierBottom?: ReadonlySet<string>;
}

const SYSTEM: Actor = { role: 'system' };

export function syncLedgerWithGrading(input: GradingLedgerInput): LedgerChangeSet {
  const { scheme: s, campaignId, at } = input;
  const ctx = { at, campaignId };
  const batch = new LedgerBatch(input.items);
  reopenInto(batch, s, input.graded, campaignId, at, input.earlierBottom);
  mergeInto(batch, { campaignId, townshipId: input.townshipId, lines: input.lines, identities: input.identities, grades: new Map(input.graded.map((g) => [g.orgId, g.grade])), actor: input.actor, at });

  // Organizations this sheet's 整改台账 still says something for (a pre-filled blank line says
  // nothing): their items are the township's to keep.
  const find = orgIndex(input.identities);
  const said = input.lines.filter((l) => l.matter.trim() !== '' || l.measures.trim() !== '');
  const lined = new Set(said.map((l) => find(input.townshipId, l.orgName)?.id).filter((id): id is string => id !== undefined));
  for (const g of input.graded) {
    const label = gradeByKey(s, g.grade)?.label ?? g.grade;
    const unclosed = batch.ofOrg(g.orgId).filter((i) => UNCLOSED_STATUSES.includes(i.status));
    if (needsRectification(s, g.grade)) {
      if (unclosed.length === 0) {
        batch.create({ orgId: g.orgId, orgName: g.name, townshipId: g.townshipId, campaignId, grade: g.grade, fields: {} }, SYSTEM, ctx);
        batch.issues.push(makeIssue('LEDGER_ITEM_MISSING', { name: g.name, grade: label }, g.where ?? {}));
      }
    } else if (unclosed.length > 0) {
      const kept = withdrawRegraded(batch, s, g, unclosed, lined, campaignId, at);
      if (kept.length > 0) batch.issues.push(makeIssue('LEDGER_ORG_NOT_BELOW', { name: g.name, grade: label, count: kept.length }, g.where ?? {}));
    }
  }
  return batch.result();
}

/**
 * An organization this campaign's earlier version graded 一般/较差 and this one grades above (a
 * corrected grade): the items that grade opened here and nobody has worked on since — still 整改中,
 * no line of this sheet for the organization — are 已撤销 (kept, with the reason), not left to
 * stand as rectification of an organization that needs none. Returns the unclosed items that stay.
 */
function withdrawRegraded(batch: LedgerBatch, s: Scheme, g: GradedOrg, unclosed: readonly LedgerItem[], lined: ReadonlySet<string>, campaignId: string, at: string): LedgerItem[] {
  if (lined.has(g.orgId)) return [...unclosed];
  const label = (key: string) => gradeByKey(s, key)?.label ?? key;
  const kept: LedgerItem[] = [];
  for (const item of unclosed) {
    const stale = item.campaignId === campaignId && item.status === 'open' && needsRectification(s, item.grade);
    const comment = `本次上报改定为“${label(g.grade)}”，原因定为“${label(item.grade)}”建立的整改事项撤销`;
    if (stale && batch.act(item, { kind: 'void', comment }, SYSTEM, { at, campaignId })) {
      batch.issues.push(makeIssue('LEDGER_WITHDRAWN_REGRADED', { name: g.name, grade: label(g.grade), before: label(item.grade), matter: item.matter }, g.where ?? {}));
    } else kept.push(item);
  }
  return kept;
}

/**
 * 复号 of the closed items of organizations graded in the bottom band again (by a later
 * campaign: a grading or a 回头看). Items the same campaign opened are not "again", nor is a
 * campaign's grading "again" once it has reopened the item or had already graded the organization
 * so (a re-upload after a return): the county's 销号 given since stands. Each grading reopens at
 * most once.
 */
export function reopenOnBottomGrade(s: Scheme, items: readonly LedgerItem[], graded: readonly GradedOrg[], campaignId: string, at: string): LedgerChangeSet {
  const batch = new LedgerBatch(items);
  reopenInto(batch, s, graded, campaignId, at);
  return batch.result();
}

function reopenInto(batch: LedgerBatch, s: Scheme, graded: readonly GradedOrg[], campaignId: string, at: string, earlierBottom?: ReadonlySet<string>): void {
  const bottom = s.grades[s.grades.length - 1];
  if (!bottom) return;
  const ctx = { at, campaignId };
  for (const g of graded) {
    if (g.grade !== bottom.key || earlierBottom?.has(g.orgId)) continue;
    for (const item of batch.ofOrg(g.orgId)) {
      if (item.status !== 'closed' || item.campaignId === campaignId || reopenedBy(item, campaignId)) continue;
      if (batch.act(item, { kind: 'autoReopen', gradeLabel: bottom.label }, SYSTEM, ctx)) {
        batch.issues.push(makeIssue('LEDGER_REOPENED_POOR', { name: g.name, grade: bottom.label, matter: item.matter || '（未填写）' }, g.where ?? {}));
      }
    }
  }
}

/** Whether this campaign's grading already reopened the item once. */
function reopenedBy(item: LedgerItem, campaignId: string): boolean {
  return item.history.some((e) => e.action === 'autoReopen' && e.campaignId === campaignId);
}
