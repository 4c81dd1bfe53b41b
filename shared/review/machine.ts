// The county's review of a township's submission as a state machine: which actions are allowed from
// which state, what state follows, and what each is called in Chinese. Pure, so the server applies
// exactly these rules (under the pointer's ETag) and the pane and workbooks show the same words.
//
//   missing ──upload──▶ submitted ──accept──▶ accepted (locked: no uploads)
//                        ▲  │  ▲                 │
//                        │  │  └─────reopen──────┘
//                        │  └──return──▶ returned
//                        └───upload──────────┘
//
// An upload here is new bytes, or the bytes of an older version sent again (resentUpload): both
// make their version current and the township submitted.
//
// `return` is allowed only from submitted: an accepted submission is reopened first. So accept and
// return of one version can never both succeed, whichever order they arrive in.
import type { ReviewState } from '../api/contract';

export type { ReviewState };
export type ReviewActionKind = 'accept' | 'return' | 'reopen';

/** The one set of state labels (pane, county workbook 报送情况, messages). */
export const REVIEW_STATE_LABEL: Readonly<Record<ReviewState, string>> = {
  missing: '未上报',
  submitted: '已上报待审核',
  returned: '已退回',
  accepted: '已审核通过',
};

/** The same states in short, where space is tight: badges, filters, totals, the 汇总表's 备注. */
export const REVIEW_STATE_SHORT: Readonly<Record<ReviewState, string>> = {
  missing: '未上报',
  submitted: '待审核',
  returned: '已退回',
  accepted: '已通过',
};

/** The action as a verb in a sentence: “不能{退回}”. */
export const REVIEW_ACTION_LABEL: Readonly<Record<ReviewActionKind, string>> = {
  accept: '审核通过',
  return: '退回',
  reopen: '重新开放',
};

/** What a county is told once an action is done: “甲镇：{已通过}。” */
export const REVIEW_ACTION_DONE: Readonly<Record<ReviewActionKind, string>> = {
  accept: REVIEW_STATE_SHORT.accepted,
  return: REVIEW_STATE_SHORT.returned,
  reopen: '已重新开放',
};

const TRANSITIONS: Readonly<Record<ReviewActionKind, { from: readonly ReviewState[]; to: ReviewState }>> = {
  accept: { from: ['submitted'], to: 'accepted' },
  return: { from: ['submitted'], to: 'returned' },
  reopen: { from: ['accepted'], to: 'submitted' },
};

export function reviewStateLabel(s: ReviewState): string {
  return REVIEW_STATE_LABEL[s];
}

/** The actions the county may take from a state, in the order a page shows them. */
export function allowedActions(from: ReviewState): ReviewActionKind[] {
  return (Object.keys(TRANSITIONS) as ReviewActionKind[]).filter((a) => TRANSITIONS[a].from.includes(from));
}

/** An upload is refused only when the current version is accepted (locked until reopened). */
export function uploadAllowed(from: ReviewState): boolean {
  return from !== 'accepted';
}

/** The state an upload leaves the township in, whatever it was (a returned one is submitted again). */
export const STATE_AFTER_UPLOAD = 'submitted' satisfies ReviewState;

/**
 * What bytes the township already sent do when sent again. The current version's are a retry
 * after a lost answer: nothing changes, in any state. An older version's are the township going
 * back to that file: it becomes current again as an upload of it would make it, so only where an
 * upload is allowed.
 */
export type ResentUpload = 'duplicate' | 'restore' | 'locked';

export function resentUpload(from: ReviewState, isCurrent: boolean): ResentUpload {
  if (isCurrent) return 'duplicate';
  return uploadAllowed(from) ? 'restore' : 'locked';
}

/** What the county saw and asked for. */
export interface ReviewRequest {
  action: ReviewActionKind;
  /** The version the county looked at; must be the current one. */
  version: number;
  comment?: string | undefined;
}

/** The township's pointer as stored: its state and current version (null when nothing was uploaded). */
export interface ReviewSubject {
  state: ReviewState;
  version: number | null;
  /** The county's comment kept with the state (null or absent when none). */
  comment?: string | null;
}

export type ReviewDecision =
  /** `repeat`: the township is already where the action leads, at that version and with that comment. */
  | { ok: true; next: ReviewState; comment: string | null; repeat?: true }
  | { ok: false; refusal: 'nothing' }
  | { ok: false; refusal: 'commentRequired' }
  | { ok: false; refusal: 'stale'; current: number }
  | { ok: false; refusal: 'notAllowed'; state: ReviewState };

/**
 * Decides one review action against the township's current pointer. Checks in the order a county
 * clerk can act on: nothing to review, a return without a reason, a newer version arrived, the
 * same action already done, then whether the state allows the action.
 */
export function decideReview(cur: ReviewSubject, req: ReviewRequest): ReviewDecision {
  if (cur.state === 'missing' || cur.version === null) return { ok: false, refusal: 'nothing' };
  const comment = req.comment?.trim() ?? '';
  if (req.action === 'return' && !comment) return { ok: false, refusal: 'commentRequired' };
  if (req.version !== cur.version) return { ok: false, refusal: 'stale', current: cur.version };
  const t = TRANSITIONS[req.action];
  // The same action on the same version again: a retry whose answer was lost, or a second clerk
  // doing what the first just did. It is done; nothing is written twice. A different comment is
  // not the same action (it would be lost), so that one is refused below.
  if (cur.state === t.to && (comment || null) === (cur.comment ?? null)) return { ok: true, next: t.to, comment: cur.comment ?? null, repeat: true };
  if (!t.from.includes(cur.state)) return { ok: false, refusal: 'notAllowed', state: cur.state };
  // The comment is the county's word to the township; it is kept with any action that has one.
  return { ok: true, next: t.to, comment: comment || null };
}
