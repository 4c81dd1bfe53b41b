import { allowedActions, decideReview, resentUpload, REVIEW_ACTION_DONE, REVIEW_ACTION_LABEL, REVIEW_STATE_LABEL, REVIEW_STATE_SHORT, reviewStateLabel, STATE_AFTER_UPLOAD, uploadAllowed, type ReviewActionKind, type ReviewState } from '../../../shared/review';
import { reviewStateSchema } from '../../../shared/api/contract';
import { summarizeCounty } from '../../../shared/consolidate/summary';
import { defaultScheme } from '../../../shared/scheme/default';

const at = (state: ReviewState, version: number | null = 3) => ({ state, version });

describe('transitions', () => {
  it.each<[ReviewState, ReviewActionKind, ReviewState | string]>([
    ['submitted', 'accept', 'accepted'],
    ['submitted', 'return', 'returned'],
    ['submitted', 'reopen', 'notAllowed'],
    ['accepted', 'reopen', 'submitted'],
    // An accepted version is reopened before it can be returned, so accept and return of one
    // version can never both succeed, in whichever order they arrive.
    ['accepted', 'return', 'notAllowed'],
    ['accepted', 'accept', 'notAllowed'],
    ['returned', 'accept', 'notAllowed'],
    ['returned', 'return', 'notAllowed'],
    ['returned', 'reopen', 'notAllowed'],
    ['missing', 'accept', 'nothing'],
    ['missing', 'return', 'nothing'],
    ['missing', 'reopen', 'nothing'],
  ])('from %s, %s → %s', (from, action, want) => {
    const d = decideReview(at(from, from === 'missing' ? null : 3), { action, version: 3, comment: '意见' });
    expect(d.ok ? d.next : d.refusal).toBe(want);
  });

  it.each<[ReviewState, ReviewActionKind[]]>([
    ['missing', []],
    ['submitted', ['accept', 'return']],
    ['returned', []],
    ['accepted', ['reopen']],
  ])('from %s the county may %j', (from, want) => {
    expect(allowedActions(from)).toEqual(want);
  });

  it('accept then return, or return then accept, of one version: exactly one succeeds', () => {
    for (const order of [['accept', 'return'], ['return', 'accept']] as Array<[ReviewActionKind, ReviewActionKind]>) {
      const first = decideReview(at('submitted', 1), { action: order[0], version: 1, comment: '请补充' });
      expect(first.ok).toBe(true);
      const second = decideReview(at(first.ok ? first.next : 'submitted', 1), { action: order[1], version: 1, comment: '请补充' });
      expect(second).toMatchObject({ ok: false, refusal: 'notAllowed' });
    }
  });
});

describe('checks before the transition', () => {
  it.each([
    ['a newer version arrived', at('submitted', 4), { action: 'accept' as const, version: 3 }, { ok: false, refusal: 'stale', current: 4 }],
    ['a return without a comment', at('submitted', 3), { action: 'return' as const, version: 3, comment: '  ' }, { ok: false, refusal: 'commentRequired' }],
    ['a return without a comment on a stale version (the comment first: the clerk fixes the form)', at('submitted', 4), { action: 'return' as const, version: 3 }, { ok: false, refusal: 'commentRequired' }],
    ['a stale version in a state that does not allow the action (stale first: refresh)', at('accepted', 4), { action: 'accept' as const, version: 3 }, { ok: false, refusal: 'stale', current: 4 }],
    ['the comment is trimmed and kept', at('submitted', 3), { action: 'return' as const, version: 3, comment: ' 请核实 ' }, { ok: true, next: 'returned', comment: '请核实' }],
    ['no comment is null', at('submitted', 3), { action: 'accept' as const, version: 3 }, { ok: true, next: 'accepted', comment: null }],
    // The same action again (a retry after a lost answer, two clicks at once, a second clerk): done, nothing to write.
    ['an accept of the accepted version', { ...at('accepted', 3), comment: null }, { action: 'accept' as const, version: 3 }, { ok: true, next: 'accepted', comment: null, repeat: true }],
    ['a return of the returned version, the same comment', { ...at('returned', 3), comment: '请核实' }, { action: 'return' as const, version: 3, comment: ' 请核实' }, { ok: true, next: 'returned', comment: '请核实', repeat: true }],
    ['a reopen of the reopened version', { ...at('submitted', 3), comment: null }, { action: 'reopen' as const, version: 3 }, { ok: true, next: 'submitted', comment: null, repeat: true }],
    // Not the same action: the second comment would be lost without a word.
    ['a return of the returned version with another comment', { ...at('returned', 3), comment: '请核实' }, { action: 'return' as const, version: 3, comment: '请补充' }, { ok: false, refusal: 'notAllowed', state: 'returned' }],
    ['an accept with a comment of a version accepted without one', { ...at('accepted', 3), comment: null }, { action: 'accept' as const, version: 3, comment: '好' }, { ok: false, refusal: 'notAllowed', state: 'accepted' }],
    ['an accept of an accepted version that is no longer current (stale first)', { ...at('accepted', 4), comment: null }, { action: 'accept' as const, version: 3 }, { ok: false, refusal: 'stale', current: 4 }],
  ])('%s', (_name, cur, req, want) => {
    expect(decideReview(cur, req)).toEqual(want);
  });
});

describe('uploads', () => {
  it.each<[ReviewState, boolean]>([
    ['missing', true],
    ['submitted', true],
    ['returned', true],
    ['accepted', false],
  ])('from %s an upload is allowed: %s', (from, want) => {
    expect(uploadAllowed(from)).toBe(want);
  });

  it.each<[ReviewState, boolean, string]>([
    // The current version's bytes: a retry after a lost answer, in any state (accepted too).
    ['submitted', true, 'duplicate'],
    ['returned', true, 'duplicate'],
    ['accepted', true, 'duplicate'],
    // An older version's: made current again where an upload is allowed.
    ['submitted', false, 'restore'],
    ['returned', false, 'restore'],
    ['accepted', false, 'locked'],
  ])('stored bytes sent again while %s (current: %s) → %s', (from, current, want) => {
    expect(resentUpload(from, current)).toBe(want);
  });

  it('an upload, or an older version made current again, leaves the township submitted', () => {
    expect(STATE_AFTER_UPLOAD).toBe('submitted');
    expect(allowedActions(STATE_AFTER_UPLOAD)).toEqual(['accept', 'return']);
  });
});

describe('labels', () => {
  it('name every state of the contract and every action, in Chinese', () => {
    expect(Object.keys(REVIEW_STATE_LABEL).sort()).toEqual([...reviewStateSchema.options].sort());
    for (const s of reviewStateSchema.options) expect(reviewStateLabel(s)).toMatch(/^[\u4e00-\u9fff]+$/);
    for (const a of Object.values(REVIEW_ACTION_LABEL)) expect(a).toMatch(/^[\u4e00-\u9fff]+$/);
  });

  it.each([
    ['missing', '未上报', '未上报'],
    ['submitted', '待审核', '已上报待审核'],
    ['returned', '已退回', '已退回'],
    ['accepted', '已通过', '已审核通过'],
  ] as const)('%s is %s in short and %s in full', (state, short, full) => {
    expect(REVIEW_STATE_SHORT[state]).toBe(short);
    expect(REVIEW_STATE_LABEL[state]).toBe(full);
  });

  it.each([
    ['accept', '已通过', 'accepted'],
    ['return', '已退回', 'returned'],
    ['reopen', '已重新开放', null],
  ] as const)('a done %s says %s, the short label of the state it leads to where there is one', (action, done, state) => {
    expect(REVIEW_ACTION_DONE[action]).toBe(done);
    if (state) expect(REVIEW_ACTION_DONE[action]).toBe(REVIEW_STATE_SHORT[state]);
  });

  it('are the ones the county workbook’s 报送情况 uses', () => {
    const s = summarizeCounty(defaultScheme, '青山县', reviewStateSchema.options.map((state, i) => ({ id: `t${i}`, name: `镇${i}`, state, late: false, version: null, receivedAt: null, comment: null, tally: null })));
    expect(s.status.map((r) => r.stateText)).toEqual(reviewStateSchema.options.map((x) => REVIEW_STATE_LABEL[x]));
  });
});
