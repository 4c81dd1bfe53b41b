// Each township's invitation link of a campaign: listed with its state, issued, reissued (the
// previous one revoked) and revoked. A township's latest credential is its link; older ones are
// history (kept, so a revoked link keeps saying when it was revoked and whom to ask).
import type { HttpRequest } from '@azure/functions';
import type { AccessList } from '../../../shared/api/contract';
import { ApiError } from '../http/errors';
import type { StoredCampaign } from '../storage/campaigns';
import { credentialStatus, listTownshipCredentials, revokeCredential, type CredentialRecord } from '../storage/credentials';
import type { Store } from '../storage/store';
import type { Caller } from './access';
import { invitationExpiry, issueTownshipCredential } from './issue';
import { linkFor } from './links';

type Stored = CredentialRecord & { etag: string };

async function byTownship(store: Store, campaign: StoredCampaign): Promise<Map<string, Stored[]>> {
  const all = await listTownshipCredentials(store, campaign.countyId, campaign.id);
  const m = new Map<string, Stored[]>();
  for (const r of all) if (r.townshipId) m.set(r.townshipId, [...(m.get(r.townshipId) ?? []), r]);
  return m;
}

export async function accessList(req: HttpRequest, store: Store, campaign: StoredCampaign, page: string, now = Date.now()): Promise<AccessList> {
  const creds = await byTownship(store, campaign);
  return {
    campaignId: campaign.id,
    page,
    townships: campaign.townships.map((t) => {
      const latest = creds.get(t.id)?.at(-1);
      const status = latest ? credentialStatus(latest, now) : 'none';
      return {
        townshipId: t.id,
        townshipName: t.name,
        status,
        credentialId: latest?.id ?? null,
        issuedAt: latest?.issuedAt ?? null,
        expiresAt: latest?.expiresAt ?? null,
        revokedAt: latest?.revokedAt ?? null,
        link: latest && status === 'active' ? linkFor(req, page, latest) : null,
      };
    }),
  };
}

function chosen(campaign: StoredCampaign, ids: readonly string[] | undefined): Array<{ id: string; name: string }> {
  if (!ids) return campaign.townships;
  return ids.map((id) => {
    const t = campaign.townships.find((x) => x.id === id);
    if (!t) throw new ApiError('TOWNSHIP_NOT_FOUND', { id });
    return t;
  });
}

/**
 * Links for the townships named (all when none are): a township with an active link keeps it
 * unless `reissue`, which revokes it and issues a new one.
 */
export async function issueLinks(
  store: Store,
  who: Caller,
  campaign: StoredCampaign,
  o: { townships?: readonly string[]; days?: number; reissue?: boolean },
  now = Date.now(),
): Promise<void> {
  const creds = await byTownship(store, campaign);
  const expiresAt = invitationExpiry(campaign.deadline, now, o.days);
  await Promise.all(
    chosen(campaign, o.townships).map(async (t) => {
      const active = (creds.get(t.id) ?? []).filter((r) => credentialStatus(r, now) === 'active');
      if (active.length && !o.reissue) return;
      await Promise.all(active.map((r) => revokeCredential(store, r, `reissue:${who.id}`, new Date(now))));
      await issueTownshipCredential(store, { countyId: campaign.countyId, campaignId: campaign.id, townshipId: t.id, label: t.name, expiresAt, now });
    }),
  );
}

export async function revokeLinks(store: Store, who: Caller, campaign: StoredCampaign, townships: readonly string[], now = Date.now()): Promise<void> {
  const creds = await byTownship(store, campaign);
  const ids = chosen(campaign, townships).map((t) => t.id);
  const active = ids.flatMap((id) => (creds.get(id) ?? []).filter((r) => !r.revokedAt));
  await Promise.all(active.map((r) => revokeCredential(store, r, who.id, new Date(now))));
}
