// Which spelling of an organization's name is stored. Rows are matched to the roster by orgKey, so
// a clerk may type 東山村黨支部 (Traditional), ＡＢＣ公司 (full width) or wrap the name in its cell,
// and still mean the roster's 东山村党支部. The county filed that roster and reads its ledger under
// it; stored as typed, the same organization appeared under two spellings — in the review's diff
// between two uploads (a "rename"), and between the consolidated workbook's sheets and the ledger.
// So an upload is stored with the roster's spelling wherever the organization is on the roster;
// names that are not (no roster, or a row the roster refuses) stay as typed.
import type { Submission } from '../submission/types';
import { orgIndex, type OrgIdentity } from './identity';

type Named = Pick<Submission, 'orgs' | 'rectifications'>;

/** `sub` with each row's (and its 所属党总支's) and ledger line's organization named as the township's roster names it; `sub` itself when none differs. */
export function withRosterNames<S extends Named>(identities: readonly OrgIdentity[], townshipId: string, sub: S): S {
  const find = orgIndex(identities);
  const spelled = (name: string) => find(townshipId, name)?.name ?? name;
  let changed = false;
  // 所属党总支 names an organization of the same roster too: the 明细表 shows it beside that one's own row.
  const orgs = sub.orgs.map((o) => {
    const name = spelled(o.name);
    const parentName = o.parentName === null ? null : spelled(o.parentName);
    if (name === o.name && parentName === o.parentName) return o;
    changed = true;
    return { ...o, name, parentName };
  });
  const rectifications = sub.rectifications.map((r) => {
    const orgName = spelled(r.orgName);
    if (orgName === r.orgName) return r;
    changed = true;
    return { ...r, orgName };
  });
  return changed ? { ...sub, orgs, rectifications } : sub;
}
