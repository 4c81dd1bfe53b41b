// Many townships of one campaign reviewed in one request (the county's 全部通过). Done one
// township at a time, a county of 500 townships waited for 1,000 storage calls in a row. Here the
// pointers are read in one query and the writes go in transactions of up to 50 townships (the
// Table service takes 100 operations in one: each township's pointer and its audit entry).
// A transaction is all or nothing, so one township changed by someone else between our read and
// our write fails its whole group; each township of that group is then applied on its own by
// applyReview, held to the state this request first saw, exactly as a single review would be.
import type { ReviewRequest } from '../../../shared/review/machine';
import { applyReview, reviewStep, seenOf, type ReviewOutcome, type ReviewSeen } from './commands';
import type { TownshipState } from './entities';
import { ConflictError } from './errors';
import { listStates } from './queries';
import type { Store, TxOp } from './store';

/** Townships per transaction: two operations each, and the Table service's limit is 100. */
export const REVIEWS_PER_TRANSACTION = 50;

export interface ReviewItem {
  townshipId: string;
  request: ReviewRequest;
}

interface Pending {
  index: number;
  item: ReviewItem;
  seen: ReviewSeen;
  next: Omit<TownshipState, 'etag'>;
}

/** Each item's outcome, in the order asked. */
export async function applyReviews(store: Store, c: string, items: readonly ReviewItem[], opts: { actor: string; now?: () => Date }): Promise<ReviewOutcome[]> {
  const now = opts.now ?? (() => new Date());
  const states = await listStates(store, c);
  const out = new Array<ReviewOutcome>(items.length);
  const touched = new Set<string>();
  let group: Pending[] = [];
  let ops: TxOp[] = [];

  const flush = async () => {
    if (group.length === 0) return;
    const [g, o] = [group, ops];
    group = [];
    ops = [];
    try {
      await store.transact(c, o);
      for (const p of g) out[p.index] = { kind: 'done', state: p.next };
    } catch (e) {
      if (!(e instanceof ConflictError)) throw e;
      for (const p of g) out[p.index] = await applyReview(store, c, p.item.townshipId, p.item.request, { ...opts, seen: p.seen });
    }
  };

  for (const [index, item] of items.entries()) {
    const t = item.townshipId;
    // A township listed twice is decided again after the first listing's write, on a fresh read.
    if (touched.has(t)) {
      await flush();
      out[index] = await applyReview(store, c, t, item.request, opts);
      continue;
    }
    touched.add(t);
    const cur = states.get(t) ?? null;
    const step = reviewStep(c, t, cur, item.request, { actor: opts.actor, at: now().toISOString(), order: index });
    if (step.kind === 'refused') {
      out[index] = step;
      continue;
    }
    if (step.kind === 'repeat') {
      out[index] = { kind: 'done', state: step.state };
      continue;
    }
    group.push({ index, item, seen: seenOf(cur), next: step.next });
    ops.push(...step.ops);
    if (group.length === REVIEWS_PER_TRANSACTION) await flush();
  }
  await flush();
  return out;
}
