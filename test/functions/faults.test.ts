// Storage failing in the middle of an upload: nothing partial may become visible. The store is
// wrapped so the Nth write from now throws (before or after reaching Azurite).
import { randomBytes } from 'node:crypto';
import { unzipSync, zipSync } from 'fflate';
import { errorBodySchema, receiptSchema, townshipStatusSchema } from '../../shared/api/contract';
import { rowKey } from '../../functions/src/storage/entities';
import { listAudit } from '../../functions/src/storage/queries';
import { rawBlobName } from '../../functions/src/storage/raw-upload';
import { createAzureStore, type Store } from '../../functions/src/storage/store';
import { filled } from './filled';
import { campaignBody, startStack, TOWNSHIPS, type Stack } from './stack';
import { passThrough } from './storage/recording';

let st: Stack;
let audit: Store;
/** Writes left before the failing one; null = no failure. */
let failIn: number | null = null;
let failAfterWrite = false;

function failing(inner: Store): Store {
  const write = async <T>(op: () => Promise<T>): Promise<T> => {
    if (failIn !== null && --failIn === 0) {
      failIn = null;
      if (failAfterWrite) {
        await op();
        throw new Error('connection reset after the write reached storage');
      }
      throw new Error('storage unavailable (injected)');
    }
    return op();
  };
  return {
    ...passThrough(inner),
    putBlobIfAbsent: (n, b, t) => write(() => inner.putBlobIfAbsent(n, b, t)),
    transact: (pk, ops) => write(() => inner.transact(pk, ops)),
  };
}

beforeAll(async () => {
  st = await startStack({ wrapStore: failing });
  audit = createAzureStore(st.connectionString, 'grading', 'grading');
  expect((await st.call('POST', '/campaigns', { token: st.county(), json: campaignBody() })).status).toBe(201);
});
afterAll(() => st.stop());

const t = TOWNSHIPS[0] as { id: string; name: string };
const upload = (body: Uint8Array) => st.call('POST', `/campaigns/c2026/townships/${t.id}/submissions`, { token: st.township(t.id), body });
const status = async () => townshipStatusSchema.parse(await (await st.call('GET', `/campaigns/c2026/townships/${t.id}/submissions`, { token: st.county() })).json());
const uploads = async () => (await listAudit(audit, 'c2026')).filter((a) => a.action === 'upload').length;

/** The file with a 300 KB picture in it (a scanned stamp, say): too big to be kept in the version's entity, so its raw blob is written first. */
function withPicture(bytes: Uint8Array): Uint8Array {
  return zipSync({ ...unzipSync(bytes), 'xl/media/image1.png': [randomBytes(300_000), { level: 0 }] });
}

describe('a storage fault during an upload', () => {
  let v2: Uint8Array;
  let big: Uint8Array;
  beforeAll(async () => {
    expect((await upload((await filled(t, { seed: 1 })).bytes)).status).toBe(201);
    v2 = (await filled(t, { seed: 2 })).bytes;
    big = withPicture((await filled(t, { seed: 4 })).bytes);
  });

  // Writes of an upload: the table transaction (version entity + pointer under ETag + audit entry
  // + the normalized submission's and the raw file's entities); before it, a file too big for one
  // entity has its raw blob written.
  let errors: jest.SpyInstance;
  beforeEach(() => {
    errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => errors.mockRestore());

  it.each([
    ['an ordinary file', 1, 'the index transaction'],
    ['a file with a picture', 1, 'its raw blob'],
    ['a file with a picture', 2, 'the index transaction'],
  ])('%s, failing at write %i (%s), leaves status, versions and audit unchanged', async (kind, n) => {
    const before = await status();
    const auditBefore = await uploads();
    failIn = n;
    failAfterWrite = false;
    const r = await upload(kind === 'an ordinary file' ? v2 : big);
    expect(r.status).toBe(500);
    const text = await r.text();
    const e = errorBodySchema.parse(JSON.parse(text)).error;
    expect(e.code).toBe('SERVER_FAULT');
    expect(e.message).toContain('未生效');
    expect(text).not.toMatch(/injected|at .*\.ts|Error:/);
    expect(await status()).toEqual(before);
    expect(await uploads()).toBe(auditBefore);
    // The fault reached the log through context.error, not the caller.
    expect(errors.mock.calls.flat().join(' ')).toContain('injected');
  });

  it('the file with a picture is then stored, and given back byte for byte', async () => {
    const r = await upload(big);
    expect(r.status).toBe(201);
    const { version, contentHash } = receiptSchema.parse(await r.json());
    // Kept as a blob, not an entity: the write that failed above as write 1 was this blob's.
    expect(await audit.getBlob(rawBlobName('c2026', t.id, contentHash))).not.toBeNull();
    expect(await audit.getEntity('c2026', rowKey.raw(t.id, contentHash))).toBeNull();
    const file = await st.call('GET', `/campaigns/c2026/townships/${t.id}/versions/${version}/file`, { token: st.county() });
    expect(Buffer.from(await file.arrayBuffer()).equals(Buffer.from(big))).toBe(true);
  });

  it('a retry after the faults stores the upload once, as the next version', async () => {
    failIn = 1;
    failAfterWrite = false;
    const before = await status();
    expect((await upload(v2)).status).toBe(500);
    const r = await upload(v2);
    expect(r.status).toBe(201);
    const next = (before.currentVersion ?? 0) + 1;
    expect(receiptSchema.parse(await r.json())).toMatchObject({ version: next, duplicate: false });
    expect((await status()).versions.map((v) => v.version)).toEqual([...before.versions.map((v) => v.version), next]);
  });

  it('a reply lost after the transaction committed: the retry gets the same version back as a duplicate', async () => {
    const v3 = (await filled(t, { seed: 3 })).bytes;
    const before = await status();
    const next = (before.currentVersion ?? 0) + 1;
    failIn = 1; // the transaction, the one write of an ordinary file
    failAfterWrite = true;
    expect((await upload(v3)).status).toBe(500);
    expect((await status()).currentVersion).toBe(next);
    const r = await upload(v3);
    expect(r.status).toBe(200);
    expect(receiptSchema.parse(await r.json())).toMatchObject({ version: next, duplicate: true });
    expect((await status()).versions).toHaveLength(before.versions.length + 1);
  });
});

describe('a malformed entity in the table', () => {
  let errors: jest.SpyInstance;
  beforeEach(() => {
    errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => errors.mockRestore());

  it('is a logged fault: 500 naming the invocation id, the log naming the entity; nothing else breaks', async () => {
    const other = TOWNSHIPS[2] as { id: string; name: string };
    // Written past the application, as a hand edit or an older build might have left it.
    await audit.transact('c2026', [{ op: 'upsert', pk: 'c2026', rk: `state|${other.id}`, props: { state: 'approved', currentVersion: 'two' } }]);
    const r = await st.call('GET', `/campaigns/c2026/townships/${other.id}/submissions`, { token: st.county() });
    expect(r.status).toBe(500);
    const e = errorBodySchema.parse(await r.json()).error;
    expect(e.code).toBe('SERVER_FAULT');
    const ref = /错误编号 ([0-9a-f-]{36}) /.exec(e.message)?.[1];
    expect(ref).toBeDefined();
    const logged = errors.mock.calls.map((c) => c.map((x: unknown) => (x instanceof Error ? x.message : String(x))).join(' ')).join('\n');
    expect(logged).toContain(`invocation ${ref}`);
    expect(logged).toContain(`malformed entity c2026/state|${other.id}`);
    // The other townships are still served.
    expect((await st.call('GET', `/campaigns/c2026/townships/${t.id}/submissions`, { token: st.county() })).status).toBe(200);
  });
});
