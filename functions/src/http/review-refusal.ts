// What a review that did not go through answers, for the single and the bulk endpoint alike.
import { REVIEW_ACTION_LABEL, reviewStateLabel, type ReviewRequest } from '../../../shared/review/machine';
import type { ReviewOutcome } from '../storage/commands';
import { ApiError } from './errors';

/** The refusal for an outcome, or null when the action was applied. */
export function reviewRefusal(r: Exclude<ReviewOutcome, { kind: 'done' }>, township: string, req: ReviewRequest): ApiError;
export function reviewRefusal(r: ReviewOutcome, township: string, req: ReviewRequest): ApiError | null;
export function reviewRefusal(r: ReviewOutcome, township: string, req: ReviewRequest): ApiError | null {
  const action = REVIEW_ACTION_LABEL[req.action];
  if (r.kind === 'done') return null;
  if (r.kind === 'conflict') return new ApiError('REVIEW_CONFLICT', { township, state: reviewStateLabel(r.state), action });
  const d = r.decision;
  switch (d.refusal) {
    case 'nothing':
      return new ApiError('REVIEW_NOTHING', { township });
    case 'commentRequired':
      return new ApiError('REVIEW_COMMENT_REQUIRED');
    case 'stale':
      return new ApiError('REVIEW_STALE', { seen: req.version, current: d.current });
    case 'notAllowed':
      return new ApiError('REVIEW_NOT_ALLOWED', { township, state: reviewStateLabel(d.state), action });
  }
}
