// Where a version's raw workbook is kept: an entity in the version's own transaction when it fits
// (no storage call of its own), a blob when it does not, and a blob for every version stored
// before the entity existed. Each reads back byte for byte through either client, and a copy that
// is not the file of its hash is a fault naming it, never a wrong file handed out.
import { createHash, randomBytes } from 'node:crypto';
import { MalformedEntityError, rowKey } from '../../../functions/src/storage/entities';
import { putRawBlob, rawBlobName, rawUploadWrite, readRawUpload } from '../../../functions/src/storage/raw-upload';
import type { Store } from '../../../functions/src/storage/store';
import { MalformedBlobError } from '../../../functions/src/storage/submission-blobs';
import { bothClients } from './both-clients';
import { filledWorkbook } from '../../helpers/workbooks';

let lean: Store;
let sdk: Store;
let stop: () => Promise<void>;
let n = 0;
const C = 'c2026';

beforeAll(async () => {
  ({ lean, sdk, stop } = await bothClients());
});
afterAll(() => stop());

const hashOf = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** What commitUpload does with the file of a fresh township: its blob if any, then the transaction. */
async function store(raw: Uint8Array, via: Store = lean): Promise<{ t: string; h: string; where: 'entity' | 'blob' }> {
  n += 1;
  const t = `t${n}`;
  const h = hashOf(raw);
  const w = rawUploadWrite(C, t, h, raw);
  await putRawBlob(via, C, t, h, w);
  if ('op' in w) await via.transact(C, [w.op]);
  return { t, h, where: 'op' in w ? 'entity' : 'blob' };
}

describe('a raw upload reads back byte for byte', () => {
  it.each<[string, 'entity' | 'blob', () => Promise<Uint8Array>]>([
    ['a filled 50-organization template', 'entity', () => filledWorkbook({ n: 50 })],
    ['an empty file', 'entity', () => Promise.resolve(new Uint8Array(0))],
    // 280,000 bytes are 373,336 base64 characters: 12 pieces of 32,000, the most one entity takes.
    ['280 KB, the most one entity holds', 'entity', () => Promise.resolve(randomBytes(280_000))],
    ['290 KB, too big for one entity', 'blob', () => Promise.resolve(randomBytes(290_000))],
  ])('%s → %s', async (_name, where, make) => {
    const raw = await make();
    const s = await store(raw);
    expect(s.where).toBe(where);
    for (const reader of [lean, sdk]) expect(Buffer.compare((await readRawUpload(reader, C, s.t, s.h)) ?? Buffer.alloc(1), Buffer.from(raw))).toBe(0);
    const entity = await lean.getEntity(C, rowKey.raw(s.t, s.h));
    const blob = await lean.getBlob(rawBlobName(C, s.t, s.h));
    expect([entity !== null, blob !== null]).toEqual(where === 'entity' ? [true, false] : [false, true]);
  });

  it('written by the Azure SDKs, read by the lean client', async () => {
    const raw = await filledWorkbook({ n: 10 });
    const s = await store(raw, sdk);
    expect((await readRawUpload(lean, C, s.t, s.h))?.equals(Buffer.from(raw))).toBe(true);
  });

  it('a version stored before the entity existed (a blob only) still reads', async () => {
    const raw = await filledWorkbook({ n: 5 });
    const h = hashOf(raw);
    await lean.putBlobIfAbsent(rawBlobName(C, 'old', h), raw, 'application/octet-stream');
    expect((await readRawUpload(lean, C, 'old', h))?.equals(Buffer.from(raw))).toBe(true);
  });

  it('a version never stored reads as null', async () => {
    expect(await readRawUpload(lean, C, 'nobody', 'nohash')).toBeNull();
  });
});

describe('a copy that is not the file of its hash is a fault naming it', () => {
  const file = Buffer.from('PK\u0003\u0004 a workbook');
  const h = hashOf(file);
  it.each<[string, Record<string, string | number>]>([
    ['no pieces', { format: 1, bytes: file.length, pieces: 0 }],
    ['a piece missing', { format: 1, bytes: file.length, pieces: 2, p0: file.toString('base64') }],
    ['another format', { format: 2, bytes: file.length, pieces: 1, p0: file.toString('base64') }],
    ['cut short', { format: 1, bytes: file.length, pieces: 1, p0: file.subarray(0, 8).toString('base64') }],
    ['other bytes of the same length', { format: 1, bytes: file.length, pieces: 1, p0: Buffer.from(file.map((b) => b ^ 1)).toString('base64') }],
  ])('an entity with %s', async (_name, props) => {
    n += 1;
    const t = `bad${n}`;
    await lean.transact(C, [{ op: 'create', pk: C, rk: rowKey.raw(t, h), props }]);
    const e = await readRawUpload(lean, C, t, h).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(MalformedEntityError);
    expect(String((e as Error).message)).toContain(rowKey.raw(t, h));
  });

  it('a blob of other bytes', async () => {
    await lean.putBlobIfAbsent(rawBlobName(C, 'swapped', h), Buffer.from('something else'), 'application/octet-stream');
    await expect(readRawUpload(lean, C, 'swapped', h)).rejects.toThrow(MalformedBlobError);
  });
});
