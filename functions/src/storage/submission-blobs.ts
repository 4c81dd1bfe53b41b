// The upload's normalized submission, named by the content's SHA-256 (the raw file: raw-upload.ts):
//   table PK={campaign} RK=sub|{township}|{sha256}  normalized submission + warnings (what
//                                                   consolidation reads): deflated JSON in base64
//                                                   pieces, created in the version's own transaction
//   blob  {campaign}/{township}/{sha256}.json      the same, for a submission too big for one entity
//                                                   (and for every version stored before the entity)
// The entity (pieces.ts) costs an upload no storage call of its own (the JSON blob was one) and
// commits with the version. The document is checked on the way back in, like any entity: one that
// is not what we wrote is a fault with its name in the log, not a TypeError in the middle of a
// workbook.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { z } from 'zod';
import type { Issue, Submission } from '../../../shared';
import { failureText, MalformedEntityError, parse, rowKey } from './entities';
import { joinPieces, withPieces } from './pieces';
import type { StoredEntity, Store, TxOp } from './store';

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

/** Inflating a stored entity back is bounded too: no document we write comes near this. */
const MAX_JSON_BYTES = 64 * 1024 * 1024;

/**
 * Where the submission goes: an entity op for the version's transaction, or (too big for one
 * entity) the JSON for its blob. Serialized once either way.
 */
export type StoredSubmissionWrite = { op: TxOp } | { blob: Uint8Array };

export function storedSubmissionWrite(stored: StoredSubmission): StoredSubmissionWrite {
  const json = encoder.encode(JSON.stringify(stored));
  // Deflated, the pieces (at most 12 × 32,000 base64 characters) hold about 2 MB of JSON:
  // thousands of organizations. Beyond that the submission goes to its JSON blob.
  const props = withPieces({ format: 1 }, deflateRawSync(json, { level: 1 }).toString('base64'));
  if (!props) return { blob: json };
  const { campaignId: c, townshipId: t, contentHash: h } = stored;
  return { op: { op: 'create', pk: c, rk: rowKey.submission(t, h), props } };
}

/** The JSON blob when the submission is not kept as an entity: invisible to anyone until the index transaction names it. */
export async function putSubmissionBlob(store: Store, stored: StoredSubmission, write: StoredSubmissionWrite): Promise<void> {
  const { campaignId: c, townshipId: t, contentHash: h } = stored;
  if ('blob' in write) await store.putBlobIfAbsent(jsonBlobName(c, t, h), write.blob, 'application/json');
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
  if (!r.success) throw new MalformedBlobError(name, failureText(r.error));
  return r.data;
}

const entityShape = z.looseObject({ format: z.literal(1) });

function parseEntity(e: StoredEntity): StoredSubmission {
  const bad = (detail: string) => new MalformedEntityError(e.partitionKey, e.rowKey, detail);
  parse(entityShape, e);
  const text = joinPieces(e);
  let json: unknown;
  try {
    json = JSON.parse(inflateRawSync(Buffer.from(text, 'base64'), { maxOutputLength: MAX_JSON_BYTES }).toString('utf8'));
  } catch {
    throw bad('not deflated JSON');
  }
  const r = storedSchema.safeParse(json);
  if (!r.success) throw bad(failureText(r.error));
  return r.data;
}

/** The version's stored submission: its entity, or (too big for one, or stored before entities) its JSON blob. */
export async function readStoredSubmission(store: Store, c: string, t: string, hash: string): Promise<StoredSubmission | null> {
  const e = await store.getEntity(c, rowKey.submission(t, hash));
  if (e) return parseEntity(e);
  const name = jsonBlobName(c, t, hash);
  const b = await store.getBlob(name);
  return b ? parseBlob(name, b, storedSchema) : null;
}
