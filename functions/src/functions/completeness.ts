import { app, type HttpRequest } from '@azure/functions';
import { gradeCountsByLabel } from '../../../shared';
import type { Completeness } from '../../../shared/api/contract';
import { townshipInputs } from '../consolidate/townships';
import { endpoint, json } from '../http/handler';
import { countyScope } from '../http/scope';
import { readStoredSubmission } from '../storage/submission-blobs';
import type { Store } from '../storage/store';

type Contact = { filledBy: string; phone: string };

/**
 * 填报人 / 联系电话 of each township's current version: kept on its pointer since uploads began
 * keeping them, so the list is one query; a pointer written before that has its version's stored
 * submission read (8 at a time), as every township's was before.
 */
async function contacts(store: Store, c: string, rows: ReadonlyArray<{ id: string; hash: string | null; contact: Contact | undefined }>): Promise<Map<string, Contact>> {
  const out = new Map<string, Contact>();
  for (const r of rows) if (r.contact) out.set(r.id, r.contact);
  const todo = rows.filter((r) => r.hash && !r.contact);
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const r = todo[next++];
      if (!r?.hash) continue;
      const s = await readStoredSubmission(store, c, r.id, r.hash);
      if (s) out.set(r.id, { filledBy: s.submission.filledBy, phone: s.submission.phone });
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, todo.length) }, worker));
  return out;
}

/** GET /api/campaigns/{campaignId}/completeness (county): who has reported, who is late, who filled it in, counts and quota verdicts. */
export const handler = endpoint(async (req: HttpRequest) => {
  const { store, campaign } = await countyScope(req);
  const c = campaign.id;
  const inputs = await townshipInputs(store, campaign, Date.now());
  const people = await contacts(store, c, inputs);
  const totals = { missing: 0, submitted: 0, returned: 0, accepted: 0, late: 0 };
  const townships = inputs.map((t) => {
    totals[t.state]++;
    if (t.late) totals.late++;
    const p = people.get(t.id);
    return {
      id: t.id,
      name: t.name,
      state: t.state,
      late: t.late,
      currentVersion: t.version,
      receivedAt: t.receivedAt,
      quota: t.quota,
      comment: t.comment,
      filledBy: p?.filledBy ?? null,
      phone: p?.phone ?? null,
      counts: t.tally ? gradeCountsByLabel(campaign.scheme, t.tally) : null,
    };
  });
  const { id, year, county, deadline, schemeId, schemeFingerprint, createdAt } = campaign;
  const body: Completeness = { campaign: { id, year, county, deadline, townships: campaign.townships, schemeId, schemeFingerprint, createdAt }, townships, totals };
  return json(200, body);
});

export const registration = { name: 'completeness', methods: ['GET' as const], authLevel: 'anonymous' as const, route: 'campaigns/{campaignId}/completeness', handler };
app.http(registration.name, registration);
