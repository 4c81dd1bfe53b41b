// Issuing credentials: a county's (by an administrator: `npm run token`, or `npm start` for the
// local county) and a township's invitation (by its county, through the API).
import { deadlineEnd } from '../../../shared/consolidate/deadline';
import { ensureCounty, newCredentialId, putCredential, type CountyRecord, type CredentialRecord } from '../storage/credentials';
import type { Store } from '../storage/store';

const DAY = 86_400_000;

export async function issueCountyCredential(
  store: Store,
  o: { countyId: string; countyName: string; days: number; label: string; now?: number },
): Promise<{ county: CountyRecord; record: CredentialRecord }> {
  const now = o.now ?? Date.now();
  const county = await ensureCounty(store, o.countyId, o.countyName, new Date(now));
  const record: CredentialRecord = {
    id: newCredentialId(),
    kind: 'county',
    countyId: o.countyId,
    campaignId: null,
    townshipId: null,
    issuedAt: new Date(now).toISOString(),
    expiresAt: new Date(now + Math.round(o.days * DAY)).toISOString(),
    label: o.label,
    revokedAt: null,
    revokedBy: null,
  };
  await putCredential(store, record);
  return { county, record };
}

/**
 * How long an invitation lasts: `days` when the county says so, else until 30 days after the
 * deadline (returns and re-uploads come after it), and never less than 7 days from now.
 */
export function invitationExpiry(deadline: string, now: number, days?: number): string {
  if (days !== undefined) return new Date(now + days * DAY).toISOString();
  return new Date(Math.max(deadlineEnd(deadline) + 30 * DAY, now + 7 * DAY)).toISOString();
}

export async function issueTownshipCredential(
  store: Store,
  o: { countyId: string; campaignId: string; townshipId: string; label: string; expiresAt: string; now?: number },
): Promise<CredentialRecord> {
  const record: CredentialRecord = {
    id: newCredentialId(),
    kind: 'township',
    countyId: o.countyId,
    campaignId: o.campaignId,
    townshipId: o.townshipId,
    issuedAt: new Date(o.now ?? Date.now()).toISOString(),
    expiresAt: o.expiresAt,
    label: o.label,
    revokedAt: null,
    revokedBy: null,
  };
  await putCredential(store, record);
  return record;
}
