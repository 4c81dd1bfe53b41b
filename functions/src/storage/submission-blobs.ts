// The immutable blobs of one upload, named by the content's SHA-256:
//   {campaign}/{township}/{sha256}.xlsx   raw upload
//   {campaign}/{township}/{sha256}.json   normalized submission + warnings (what consolidation reads)
// The JSON is checked on the way back in, like a table entity: a blob that is not what we wrote is
// a fault with its name in the log, not a TypeError in the middle of a workbook.
import { z } from 'zod';
import type { Issue, Submission } from '../../../shared';
import { XLSX_MIME } from '../../../shared/api/contract';
import type { Store } from './store';

export const rawBlobName = (c: string, t: string, hash: string) => `${c}/${t}/${hash}.xlsx`;
export const jsonBlobName = (c: string, t: string, hash: string) => `${c}/${t}/${hash}.json`;

export interface StoredSubmission {
  format: 1;
  campaignId: string;
  townshipId: string;
  contentHash: string;
  submission: Submission;
  warnings: Issue[];
}

// The fields consolidation relies on; the rest of a Submission is passed through untouched, so a
// field added to the type later is never dropped by this check.
const orgShape = z.looseObject({ name: z.string(), category: z.string(), grade: z.string(), scores: z.array(z.number()), total: z.number() });
const submissionShape = z.looseObject({ orgs: z.array(orgShape), rectifications: z.array(z.looseObject({ orgName: z.string() })) });
const issueShape = z.looseObject({ code: z.string(), severity: z.enum(['error', 'warning', 'info']), message: z.string() });

const storedSchema = z.object({
  format: z.literal(1),
  campaignId: z.string(),
  townshipId: z.string(),
  contentHash: z.string(),
  submission: z.custom<Submission>((v) => submissionShape.safeParse(v).success, { message: 'not a submission' }),
  warnings: z.array(z.custom<Issue>((v) => issueShape.safeParse(v).success, { message: 'not an issue' })),
});

/** A stored blob that is not the document we wrote. */
export class MalformedBlobError extends Error {
  constructor(
    readonly blob: string,
    detail: string,
  ) {
    super(`malformed blob ${blob}: ${detail}`);
    this.name = 'MalformedBlobError';
  }
}

const encoder = new TextEncoder();

/** Both blobs, in parallel: neither is visible to anyone until the index transaction names it. */
export async function putSubmissionBlobs(store: Store, raw: Uint8Array, stored: StoredSubmission): Promise<void> {
  const { campaignId: c, townshipId: t, contentHash: h } = stored;
  await Promise.all([store.putBlobIfAbsent(rawBlobName(c, t, h), raw, XLSX_MIME), store.putBlobIfAbsent(jsonBlobName(c, t, h), encoder.encode(JSON.stringify(stored)), 'application/json')]);
}

/** A JSON blob we wrote, read back through its schema: anything else is a MalformedBlobError naming it. */
export function parseBlob<T extends z.ZodType>(name: string, bytes: Buffer, schema: T): z.infer<T> {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new MalformedBlobError(name, 'not JSON');
  }
  const r = schema.safeParse(json);
  if (!r.success) throw new MalformedBlobError(name, r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '));
  return r.data;
}

export async function readStoredSubmission(store: Store, c: string, t: string, hash: string): Promise<StoredSubmission | null> {
  const name = jsonBlobName(c, t, hash);
  const b = await store.getBlob(name);
  return b ? parseBlob(name, b, storedSchema) : null;
}
