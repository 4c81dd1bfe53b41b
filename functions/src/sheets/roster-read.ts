// An uploaded 党组织名册 (.xlsx bytes) → entries and cell-level issues, through the same reader
// of untrusted workbooks as township uploads (shared/xlsx). Never throws for bad bytes: a refused
// file is its issues.
import { readRosterModel, type RosterOptions, type RosterRead } from '../../../shared/roster/sheet';
import type { Scheme } from '../../../shared/scheme/schema';
import type { ReadLimits } from '../../../shared/xlsx/limits';
import { readWorkbook } from '../../../shared/xlsx/read';
import { gatedRead } from '../upload/read-gate';

/** `sender`: whose read it is, for its turn (read-gate.ts): the county's. */
export async function readRosterBytes(bytes: Uint8Array, scheme: Scheme, opts: RosterOptions & { maxBytes: number; readLimits?: Partial<ReadLimits>; sender: string }): Promise<RosterRead> {
  return gatedRead(opts.sender, async () => {
    const r = await readWorkbook(bytes, { ...opts.readLimits, maxFileBytes: opts.maxBytes });
    if (!r.model) return { entries: [], townships: [], issues: r.issues };
    return readRosterModel(r.model, scheme, opts);
  });
}
