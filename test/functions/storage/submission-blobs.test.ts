// Where a version's normalized submission is kept: an entity created in the version's own
// transaction (no storage call of its own), or a JSON blob when it is too big for one entity, and
// for every version stored before the entity existed. Each reads back equal, through either client.
import { randomBytes } from 'node:crypto';
import { defaultScheme, readSubmission, type Issue } from '../../../shared';
import { MalformedEntityError, rowKey } from '../../../functions/src/storage/entities';
import type { Store } from '../../../functions/src/storage/store';
import { jsonBlobName, putSubmissionBlob, readStoredSubmission, storedSubmissionWrite, type StoredSubmission } from '../../../functions/src/storage/submission-blobs';
import { bothClients } from './both-clients';
import { filledWorkbook } from '../../helpers/workbooks';

let lean: Store;
let sdk: Store;
let stop: () => Promise<void>;
let base: StoredSubmission;
let n = 0;

beforeAll(async () => {
  ({ lean, sdk, stop } = await bothClients());
  const r = await readSubmission(await filledWorkbook({ n: 30 }), defaultScheme);
  if (!r.submission) throw new Error('fixture did not read');
  base = { format: 1, campaignId: 'c2026', townshipId: 't', contentHash: 'h', submission: r.submission, warnings: r.issues };
});
afterAll(() => stop());

/** A stored submission of a fresh township, with `extra` warnings. */
function doc(extra: Issue[] = []): StoredSubmission {
  n += 1;
  return { ...base, townshipId: `t${n}`, contentHash: `h${n}`, warnings: [...base.warnings, ...extra] };
}

/** What commitUpload writes for it: the blobs, then a transaction holding the entity op (if any). */
async function store(s: StoredSubmission, via: Store = lean): Promise<'entity' | 'blob'> {
  const w = storedSubmissionWrite(s);
  await putSubmissionBlob(via, s, w);
  if ('op' in w) await via.transact(s.campaignId, [w.op]);
  return 'op' in w ? 'entity' : 'blob';
}

const warning = (message: string): Issue => ({ code: 'X', num: 0, severity: 'warning', message });

describe('a stored submission reads back equal', () => {
  it.each<[string, 'entity' | 'blob', number, () => StoredSubmission]>([
    ['a 30-organization township', 'entity', 1, () => doc()],
    ['characters outside the BMP, Traditional characters, quotes, a backslash and a NUL', 'entity', 1, () => doc([warning('𠀋𩸽 東山村黨支部 😀 \u0000 "quotes" \\ back')])],
    // Incompressible text: ~300 KB of base64 is several pieces (32,000 characters each) but under the cap of 12.
    ['about 300 KB of incompressible text', 'entity', 5, () => doc([warning(randomBytes(220_000).toString('base64'))])],
    // ~800 KB of base64 from random bytes deflates to about 1,070,000 characters: more than 12 pieces.
    ['too big for one entity', 'blob', 0, () => doc([warning(randomBytes(600_000).toString('base64'))])],
  ])('%s → %s', async (_name, where, minPieces, make) => {
    const s = make();
    expect(await store(s)).toBe(where);
    for (const reader of [lean, sdk]) expect(await readStoredSubmission(reader, s.campaignId, s.townshipId, s.contentHash)).toEqual(s);
    const entity = await lean.getEntity(s.campaignId, rowKey.submission(s.townshipId, s.contentHash));
    const blob = await lean.getBlob(jsonBlobName(s.campaignId, s.townshipId, s.contentHash));
    expect([entity !== null, blob !== null]).toEqual(where === 'entity' ? [true, false] : [false, true]);
    if (entity) expect(entity.pieces).toBeGreaterThanOrEqual(minPieces);
  });

  it('written by the Azure SDKs, read by the lean client', async () => {
    const s = doc();
    expect(await store(s, sdk)).toBe('entity');
    expect(await readStoredSubmission(lean, s.campaignId, s.townshipId, s.contentHash)).toEqual(s);
  });

  it('a version stored before the entity existed (a JSON blob only) still reads', async () => {
    const s = doc();
    await lean.putBlobIfAbsent(jsonBlobName(s.campaignId, s.townshipId, s.contentHash), new TextEncoder().encode(JSON.stringify(s)), 'application/json');
    expect(await readStoredSubmission(lean, s.campaignId, s.townshipId, s.contentHash)).toEqual(s);
  });

  it('a version never stored reads as null', async () => {
    expect(await readStoredSubmission(lean, 'c2026', 'nobody', 'nohash')).toBeNull();
  });
});

describe('an entity that is not what we wrote is a fault naming it', () => {
  it.each<[string, Record<string, string | number>]>([
    ['no pieces', { format: 1, pieces: 0 }],
    ['a piece missing', { format: 1, pieces: 2, p0: 'AAAA' }],
    ['not deflated', { format: 1, pieces: 1, p0: Buffer.from('{"format":1}').toString('base64') }],
    ['another format', { format: 2, pieces: 1, p0: 'AAAA' }],
  ])('%s', async (_name, props) => {
    const s = doc();
    await lean.transact(s.campaignId, [{ op: 'create', pk: s.campaignId, rk: rowKey.submission(s.townshipId, s.contentHash), props }]);
    const e = await readStoredSubmission(lean, s.campaignId, s.townshipId, s.contentHash).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(MalformedEntityError);
    expect(String((e as Error).message)).toContain(rowKey.submission(s.townshipId, s.contentHash));
  });

  it('deflated JSON that is not a stored submission', async () => {
    const s = doc();
    const w = storedSubmissionWrite({ ...s, submission: { orgs: 'none' } as unknown as StoredSubmission['submission'] });
    if (!('op' in w)) throw new Error('expected an entity');
    await lean.transact(s.campaignId, [w.op]);
    await expect(readStoredSubmission(lean, s.campaignId, s.townshipId, s.contentHash)).rejects.toThrow(/submission/);
  });
});
