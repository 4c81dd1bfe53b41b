// Invitation links against the deadline. A link is issued to last past the deadline (returns and
// re-uploads come after it), but a county that moves the deadline later keeps the links issued for
// the old one: they would stop working while the township may still report, and nothing tells it.
import { deadlineEnd } from '../consolidate/deadline';

export interface LinkState {
  status: 'none' | 'active' | 'expired' | 'revoked';
  expiresAt: string | null;
}

/** An active link that stops working before the deadline day (Beijing) is over. */
export function endsBeforeDeadline(link: LinkState, deadline: string): boolean {
  if (link.status !== 'active' || !link.expiresAt) return false;
  const end = deadlineEnd(deadline);
  const expires = Date.parse(link.expiresAt);
  return !Number.isNaN(end) && !Number.isNaN(expires) && expires < end;
}

/** The links among `links` that end before the deadline, in their order. */
export function linksEndingEarly<T extends LinkState>(links: readonly T[], deadline: string): T[] {
  return links.filter((l) => endsBeforeDeadline(l, deadline));
}
