// 复号 when graded 较差 again (source 000: 再次评为较差的复号), once per grading: a re-upload of the
// same campaign (after a return, a correction) that still grades the organization 较差 does not
// undo a 销号 the county gave since. Cases: the item's history and the township's version before.
import { applyLedgerAction, createLedgerItem, defaultScheme, ledgerOfSubmission, startRoster, type LedgerEvent, type LedgerItem, type OrgRow, type RectificationRow } from '../../../shared';

const r = startRoster([{ townshipId: 'dongshan', name: '东山村党支部', category: 'village' }], { campaignId: 'c2025', on: '2025-03-01' });
if (!r.ok) throw new Error('roster');
const identities = r.identities;
const orgId = identities[0]?.id ?? '';

const org = (grade: string): OrgRow => ({ row: 5, seq: null, name: '东山村党支部', committee: null, category: 'village', orgType: null, parentName: null, members: null, scores: [], total: 50, grade, flags: { forcedBottom: false, newlyEstablished: false }, explanation: '', remark: '' });

/** Last year's item of 东山村, 销号; `events` are added to its history (what happened in c2026 so far). */
function closedItem(events: Array<Pick<LedgerEvent, 'action' | 'campaignId'>>): LedgerItem {
  const { item } = createLedgerItem({ orgId, orgName: '东山村党支部', townshipId: 'dongshan', campaignId: 'c2025', grade: 'poor', fields: { matter: '活动阵地简陋', measures: '改造活动室' } }, [], { role: 'county' }, { at: '2025-04-30T02:00:00Z', campaignId: 'c2025' });
  const history = [...item.history, ...events.map((e): LedgerEvent => ({ ...item.history[0]!, ...e, from: null, to: 'closed', changes: [] }))];
  return { ...item, status: 'closed', history };
}

describe('an organization graded 较差 again: its 销号 items are reopened once per grading', () => {
  test.each<[string, Array<Pick<LedgerEvent, 'action' | 'campaignId'>>, string | null, string, string, string[]]>([
    // what, c2026's events on the item, the township's version before (its grade), now, status after, ledger codes
    ['first 较差 of this year: 复号', [], null, 'poor', 'reopened', ['LEDGER_REOPENED_POOR']],
    ['a version before graded it 一般: this one is 较差 again', [], 'average', 'poor', 'reopened', ['LEDGER_REOPENED_POOR']],
    ['reopened by this year, then 销号 by the county: a re-upload keeps the 销号', [{ action: 'autoReopen', campaignId: 'c2026' }, { action: 'confirm', campaignId: 'c2026' }], 'poor', 'poor', 'closed', ['LEDGER_ITEM_MISSING']],
    ['the history alone says this year reopened it (the version before unread)', [{ action: 'autoReopen', campaignId: 'c2026' }, { action: 'confirm', campaignId: 'c2026' }], null, 'poor', 'closed', ['LEDGER_ITEM_MISSING']],
    ['销号 after this year’s version that already graded it 较差', [{ action: 'confirm', campaignId: 'c2026' }], 'poor', 'poor', 'closed', ['LEDGER_ITEM_MISSING']],
    ['reopened by last year’s 回头看, closed since: this year’s 较差 is again', [{ action: 'autoReopen', campaignId: 'lb2025' }, { action: 'confirm', campaignId: 'lb2025' }], null, 'poor', 'reopened', ['LEDGER_REOPENED_POOR']],
    ['graded 一般 now: no 复号', [], 'poor', 'average', 'closed', ['LEDGER_ITEM_MISSING']],
  ])('%s', (_what, events, before, now, status, codes) => {
    const cs = ledgerOfSubmission({
      scheme: defaultScheme,
      campaignId: 'c2026',
      townshipId: 'dongshan',
      identities,
      sub: { orgs: [org(now)], rectifications: [] },
      items: [closedItem(events)],
      at: '2026-05-10T02:00:00Z',
      ...(before ? { previous: { orgs: [org(before)] } } : {}),
    });
    expect(cs.items[0]?.status).toBe(status);
    expect(cs.issues.map((i) => i.code)).toEqual(codes);
  });
});

describe('a grade corrected above 一般 in a later version: what that grade opened and nobody worked on is 已撤销', () => {
  const rect = (row: number): RectificationRow => ({ row, orgName: '东山村党支部', problems: '阵地简陋', measures: '改造', owner: '王五', deadline: '2026-06-30', status: '' });
  const run = (grade: string, lines: RectificationRow[], items: readonly LedgerItem[], campaignId = 'c2026') =>
    ledgerOfSubmission({ scheme: defaultScheme, campaignId, townshipId: 'dongshan', identities, sub: { orgs: [org(grade)], rectifications: lines }, items, at: '2026-05-10T02:00:00Z' });
  const requested = (items: readonly LedgerItem[]): LedgerItem[] => items.map((i) => applyLedgerAction(i, { kind: 'request', progress: '已改造', completedOn: '2026-05-01' }, { role: 'township', townshipId: 'dongshan' }, { at: '2026-05-05T02:00:00Z', campaignId: 'c2026' })).map((r) => (r.ok ? r.item : (undefined as never)));
  test.each<[string, () => readonly LedgerItem[], RectificationRow[], string[], string[]]>([
    // what, the items before (from version 1), version 2's lines, statuses after, codes
    ['一般 corrected to 较好: the blank item it opened', () => run('average', [], []).items, [], ['void'], ['LEDGER_WITHDRAWN_REGRADED']],
    ['its 整改台账 line taken out with it', () => run('average', [rect(4)], []).items, [], ['void'], ['LEDGER_WITHDRAWN_REGRADED']],
    ['its pre-filled line left blank says nothing', () => run('average', [], []).items, [{ ...rect(4), problems: '', measures: '', owner: '', deadline: '' }], ['void'], ['LEDGER_WITHDRAWN_REGRADED']],
    ['the line kept in the sheet: the township’s to keep', () => run('average', [rect(4)], []).items, [rect(4)], ['open'], ['LEDGER_ORG_NOT_BELOW']],
    ['申请销号 already asked: the county’s to decide', () => requested(run('average', [rect(4)], []).items), [], ['requested'], ['LEDGER_ORG_NOT_BELOW']],
    ['last year’s item: this year’s 较好 does not withdraw it', () => run('average', [rect(4)], [], 'c2025').items, [], ['open'], ['LEDGER_ORG_NOT_BELOW']],
  ])('%s', (_what, before, lines, statuses, codes) => {
    const cs = run('fairlyGood', lines, before());
    expect(cs.items.map((i) => i.status)).toEqual(statuses);
    expect(cs.issues.map((i) => i.code)).toEqual(codes);
  });

  test('the reason is in the item’s history and the receipt names the organization', () => {
    const cs = run('fairlyGood', [], run('average', [], []).items);
    expect(cs.items[0]?.history.at(-1)).toMatchObject({ action: 'void', by: { role: 'system' }, comment: '本次上报改定为“较好”，原因定为“一般”建立的整改事项撤销' });
    expect(cs.issues.map((i) => i.message)).toEqual(['工作表“分类定级情况一览表”：“东山村党支部”本次改定为“较好”，此前因定为“一般”建立的待填写的整改记录已撤销（记录保留）']);
  });
});
