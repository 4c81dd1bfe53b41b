// Creating a campaign with a predecessor: this year's 名册 is first compared with last year's
// organizations (POST /api/roster/reconcile). When there is nothing to confirm the server's
// defaults go with the campaign; otherwise the proposal is shown in the form for the county to
// confirm, and the same body sent again (unchanged) goes with the county's choices.
import type { CreateCampaign, RosterDecisionInput } from '../../../shared/api/contract';
import { choicesFromDefaults, decisionsOf, needsDecision, newEntries } from '../model/reconcile';
import type { CampaignApi } from '../ports';
import type { AdminState } from '../slices';

type Reconcile = NonNullable<AdminState['reconcile']>;

export type ReconcileOutcome = { kind: 'go'; decisions: RosterDecisionInput[] } | { kind: 'ask'; reconcile: Reconcile; said: string };

export async function reconcileStep(api: Pick<CampaignApi, 'rosterReconcile'>, body: CreateCampaign, current: AdminState['reconcile']): Promise<ReconcileOutcome> {
  const forBody = JSON.stringify(body);
  // The proposal the county has been confirming, for this very body: its choices go.
  if (current && current.forBody === forBody) return { kind: 'go', decisions: decisionsOf(current.proposal, current.choices) };
  const proposal = await api.rosterReconcile(body);
  if (!needsDecision(proposal)) return { kind: 'go', decisions: proposal.defaults };
  const p = proposal;
  const choices = choicesFromDefaults(p);
  const created = newEntries(p, choices).length;
  const parts = [
    created ? `新增 ${created} 个` : '',
    p.missing.length ? `上一年度有、今年名册中没有 ${p.missing.length} 个` : '',
    p.renames.length ? `可能改名 ${p.renames.length} 处` : '',
    p.merges.length ? `可能合并 ${p.merges.length} 处` : '',
    p.twice.length ? `两个乡镇（街道）都列出 ${p.twice.length} 个` : '',
  ].filter(Boolean);
  return {
    kind: 'ask',
    reconcile: { proposal, choices, forBody },
    said: `与上一年度的名册相比：${parts.join('、')}。请在“名册核对”中确认后，再点“创建工作批次”。`,
  };
}
