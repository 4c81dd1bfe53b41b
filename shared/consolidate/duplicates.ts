// An organization reported by more than one township: the county must find out whose it is before
// the counts mean anything. Names are matched with orgKey (Traditional/Simplified, full/half
// width and spaces do not hide a duplicate). Repeats inside one township are the validator's
// ORG_DUPLICATE, not this.
import { orgKey } from '../text/normalize';

export interface OrgReport {
  townshipId: string;
  township: string;
  /** The name as that township wrote it. */
  name: string;
  /** Its row in the township's sheet. */
  row: number;
}

export interface DuplicateOrg {
  key: string;
  /** Every report of the organization, in the order they were added. */
  reports: OrgReport[];
}

/** Collects reports one township at a time (the county workbook streams them) and finds duplicates. */
export class DuplicateFinder {
  private readonly first = new Map<string, OrgReport>();
  private readonly groups = new Map<string, OrgReport[]>();

  add(r: OrgReport): void {
    const key = orgKey(r.name);
    if (!key) return;
    const f = this.first.get(key);
    if (!f) {
      this.first.set(key, r);
      return;
    }
    let g = this.groups.get(key);
    if (!g) {
      g = [f];
      this.groups.set(key, g);
    }
    g.push(r);
  }

  /** Groups reported by two or more townships, in the order their first duplicate was seen. */
  result(): DuplicateOrg[] {
    const out: DuplicateOrg[] = [];
    for (const [key, reports] of this.groups) {
      if (new Set(reports.map((r) => r.townshipId)).size > 1) out.push({ key, reports });
    }
    return out;
  }
}

export function findCrossTownshipDuplicates(reports: Iterable<OrgReport>): DuplicateOrg[] {
  const f = new DuplicateFinder();
  for (const r of reports) f.add(r);
  return f.result();
}
