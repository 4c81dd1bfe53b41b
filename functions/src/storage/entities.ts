// The table's entities and how they map to and from stored properties. Every entity read passes a
// zod schema: a row that does not match (edited by hand, written by an older build, cut short) is
// a MalformedEntityError — a fault that is logged with its keys — never a TypeError later on.
//   PK={campaign} RK=state|{township}        current-version pointer + review state + tally (ETag-guarded)
//   PK={campaign} RK=ver|{township}|{hash}   one committed version (receipt data)
//   PK={campaign} RK=audit|{time}|{rand}     append-only audit log
//   PK={campaign} RK=sub|{township}|{hash}   the version's normalized submission (submission-blobs.ts)
//   PK={campaign} RK=raw|{township}|{hash}   the workbook as uploaded (raw-upload.ts)
import { z } from 'zod';
import type { Tally } from '../../../shared/consolidate/tally';
import type { Entity, StoredEntity } from './store';

export const rowKey = {
  state: (t: string) => `state|${t}`,
  statePrefix: 'state|',
  versionPrefix: (t: string) => `ver|${t}|`,
  version: (t: string, hash: string) => `ver|${t}|${hash}`,
  /** Written in the version's own transaction; listed by nobody (no prefix of it is ever listed). */
  submission: (t: string, hash: string) => `sub|${t}|${hash}`,
  /** Like submission: written in the version's transaction, never listed. */
  raw: (t: string, hash: string) => `raw|${t}|${hash}`,
  auditPrefix: 'audit|',
  /** Time first so the log lists in order; the random tail lets two entries of one millisecond coexist. */
  audit: (at: string, rand: string) => `audit|${at}|${rand}`,
} as const;

/** A stored entity that does not match its schema. */
export class MalformedEntityError extends Error {
  constructor(
    readonly partitionKey: string,
    readonly rowKey: string,
    detail: string,
  ) {
    super(`malformed entity ${partitionKey}/${rowKey}: ${detail}`);
    this.name = 'MalformedEntityError';
  }
}

/** A JSON document kept in a string property (the table has no nested values). */
export function jsonText<T extends z.ZodType>(inner: T) {
  return z
    .string()
    .transform((s, ctx) => {
      try {
        const v: unknown = JSON.parse(s);
        return v;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'not JSON' });
        return z.NEVER;
      }
    })
    .pipe(inner);
}

const count = z.number().int().nonnegative();
const tallySchema: z.ZodType<Tally> = z.object({
  orgs: count,
  rectifications: count,
  byCategory: z.record(z.string(), z.record(z.string(), count)),
  // Absent on tallies stored before 党员 were counted (their townships show no 党员 figure).
  members: z.record(z.string(), count).optional(),
});

const pointerProps = z.object({
  state: z.enum(['submitted', 'returned', 'accepted']),
  currentVersion: z.number().int().positive(),
  currentHash: z.string().min(1),
  submissionId: z.string(),
  receivedAt: z.string(),
  // Stored as '' when there is none (tables cannot hold null).
  comment: z.string().nullish().transform((s) => (s ? s : null)),
  quotaOk: z.boolean(),
  quotaSummary: z.string().default(''),
  orgs: count.default(0),
  rectifications: count.default(0),
  tally: jsonText(tallySchema),
  // The current version's 填报人 and 联系电话, kept so the county's completeness list is one query;
  // absent on pointers written before they were kept (completeness reads those from the submission).
  filledBy: z.string().optional(),
  phone: z.string().optional(),
});

/** The per-township pointer: current version, review state, and what the summaries need. */
export type TownshipState = z.infer<typeof pointerProps> & { etag: string };

const versionProps = z.object({
  version: z.number().int().positive(),
  submissionId: z.string(),
  contentHash: z.string().min(1),
  receivedAt: z.string(),
  orgs: count,
  rectifications: count,
  quotaOk: z.boolean(),
  quotaSummary: z.string().default(''),
  counts: jsonText(z.record(z.string(), count)),
  uploadedBy: z.string().default(''),
});
export type VersionRecord = z.infer<typeof versionProps>;

const auditProps = z.object({
  at: z.string(),
  actor: z.string(),
  // restore: an older version's bytes sent again made that version current (ingest.ts).
  action: z.enum(['upload', 'restore', 'accept', 'return', 'reopen']),
  townshipId: z.string(),
  version: z.number().int().positive(),
  contentHash: z.string(),
  comment: z.string().default(''),
});
export type AuditRecord = z.infer<typeof auditProps>;

/** A zod failure as one line for the log: where, and what. */
export function failureText(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}

/** An entity through its schema, or a MalformedEntityError naming its keys and what did not match. */
export function parse<T extends z.ZodType>(schema: T, e: StoredEntity): z.infer<T> {
  const r = schema.safeParse(e);
  if (!r.success) throw new MalformedEntityError(e.partitionKey, e.rowKey, failureText(r.error));
  return r.data;
}

export function toState(e: StoredEntity): TownshipState {
  return { ...parse(pointerProps, e), etag: e.etag };
}

export function fromState(s: Omit<TownshipState, 'etag'>): Entity {
  return {
    state: s.state,
    currentVersion: s.currentVersion,
    currentHash: s.currentHash,
    submissionId: s.submissionId,
    receivedAt: s.receivedAt,
    comment: s.comment ?? '',
    quotaOk: s.quotaOk,
    quotaSummary: s.quotaSummary,
    orgs: s.orgs,
    rectifications: s.rectifications,
    tally: JSON.stringify(s.tally),
    ...(s.filledBy !== undefined ? { filledBy: s.filledBy } : {}),
    ...(s.phone !== undefined ? { phone: s.phone } : {}),
  };
}

export function toVersion(e: StoredEntity): VersionRecord {
  return parse(versionProps, e);
}

export function fromVersion(v: VersionRecord): Entity {
  return { ...v, counts: JSON.stringify(v.counts) };
}

export function toAudit(e: StoredEntity): AuditRecord {
  return parse(auditProps, e);
}

export function fromAudit(a: AuditRecord): Entity {
  return { ...a };
}
