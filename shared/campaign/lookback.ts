// A 回头看's townships and a campaign's deadline warning: rules the county's form checks as it is
// filled (the pane) and the server checks again when the campaign is created, one code for both.
import { deadlineEnd } from '../consolidate/deadline';
import { makeIssue } from '../issues/catalogue';
import type { Issue } from '../issues/types';
import { orgKey } from '../text/normalize';

interface Township {
  id: string;
  name: string;
}

export type LookbackTownships =
  | { ok: true; townships: Township[] }
  /** `unknown`: not one of the reviewed grading's townships; `duplicate`: asked for twice. */
  | { ok: false; problem: 'unknown' | 'duplicate'; name: string };

/**
 * The townships a 回头看 regrades: each one of the reviewed grading's (by its id when the request
 * names one, else by its name), each once, in the order asked. With the reviewed grading not read
 * yet (`null`, the form before it is chosen) only the repeats are found.
 */
export function lookbackTownships(reviewed: readonly Township[] | null, asked: ReadonlyArray<{ id?: string; name: string }>): LookbackTownships {
  const out: Township[] = [];
  const seen = new Set<string>();
  for (const t of asked) {
    const match = reviewed?.find((x) => (t.id !== undefined ? x.id === t.id : orgKey(x.name) === orgKey(t.name)));
    const key = match ? `id:${match.id}` : `name:${orgKey(t.name)}`;
    if (seen.has(key)) return { ok: false, problem: 'duplicate', name: t.name };
    seen.add(key);
    if (reviewed && !match) return { ok: false, problem: 'unknown', name: t.name };
    if (match) out.push(match);
  }
  return { ok: true, townships: out };
}

/** DEADLINE_PAST when the deadline day (Beijing) is over: a warning, the campaign is still made. */
export function pastDeadline(deadline: string, now: number): Issue | null {
  return deadlineEnd(deadline) < now ? makeIssue('DEADLINE_PAST', { deadline }) : null;
}
