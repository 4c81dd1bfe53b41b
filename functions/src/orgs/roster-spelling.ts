// The roster's spelling for a campaign's stored versions as they are read back (the county
// workbook). Uploads are stored under it since shared/roster/spelling.ts; versions stored before
// keep what the clerk typed (東山村黨支部, 东山村 党支部), and the workbook printed them beside the
// ledger's roster spelling of the same organization.
import { withRosterNames } from '../../../shared/roster/spelling';
import type { Submission } from '../../../shared/submission/types';
import type { StoredCampaign } from '../storage/campaigns';
import type { CampaignDoc } from '../storage/ledger';
import { getOrgs } from '../storage/orgs';
import type { Store } from '../storage/store';

type Named = Pick<Submission, 'orgs' | 'rectifications'>;

/** A township's submission under its roster's names; the submission as stored when the campaign keeps no organizations. */
export async function rosterSpelling(store: Store, doc: CampaignDoc): Promise<<S extends Named>(townshipId: string, sub: S) => S> {
  const blob = (doc as Partial<StoredCampaign>).orgs?.blob;
  if (!blob) return (_t, sub) => sub;
  const { identities } = await getOrgs(store, blob);
  return (t, sub) => withRosterNames(identities, t, sub);
}
