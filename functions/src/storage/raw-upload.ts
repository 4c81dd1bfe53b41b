// The workbook exactly as uploaded (what "download this version" gives back), named by its SHA-256:
//   table PK={campaign} RK=raw|{township}|{sha256}  base64 pieces, created in the version's own transaction
//   blob  {campaign}/{township}/{sha256}.xlsx       a file too big for one entity (about 280 KB),
//                                                   and every version stored before the entity
// Why an entity: a blob PUT was one of an upload's five storage calls, and measured on Azurite the
// dearest for both sides (1,000 uploads: 3.7–4.1 s of Azurite CPU with the blob, 2.3 s with the
// entity in the transaction; issue 13). Either way the bytes are checked against their hash on the
// way back, so a damaged copy is a fault in the log, never a wrong file handed to the county.
import { z } from 'zod';
import { XLSX_MIME } from '../../../shared/api/contract';
import { contentHash } from './content-hash';
import { MalformedEntityError, parse, rowKey } from './entities';
import { MalformedBlobError } from './submission-blobs';
import { joinPieces, MAX_PIECES_CHARS, withPieces } from './pieces';
import type { Store, TxOp } from './store';

export const rawBlobName = (c: string, t: string, hash: string) => `${c}/${t}/${hash}.xlsx`;

/** Where the raw file goes: an op for the version's transaction, or (too big) the bytes for its blob. */
export type RawUploadWrite = { op: TxOp } | { blob: Uint8Array };

export function rawUploadWrite(c: string, t: string, hash: string, raw: Uint8Array): RawUploadWrite {
  // Sized before encoding: a file of up to 20 MB is not turned into 27 MB of base64 to learn that.
  if (4 * Math.ceil(raw.byteLength / 3) > MAX_PIECES_CHARS) return { blob: raw };
  const props = withPieces({ format: 1, bytes: raw.byteLength }, Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64'));
  return props ? { op: { op: 'create', pk: c, rk: rowKey.raw(t, hash), props } } : { blob: raw };
}

/** The blob, when the file does not go in the transaction: invisible to anyone until the transaction names it. */
export async function putRawBlob(store: Store, c: string, t: string, hash: string, w: RawUploadWrite): Promise<void> {
  if ('blob' in w) await store.putBlobIfAbsent(rawBlobName(c, t, hash), w.blob, XLSX_MIME);
}

const rawHead = z.looseObject({ format: z.literal(1), bytes: z.number().int().min(0) });

/** The version's raw file: its entity, or its blob; null when neither is there. */
export async function readRawUpload(store: Store, c: string, t: string, hash: string): Promise<Buffer | null> {
  const e = await store.getEntity(c, rowKey.raw(t, hash));
  if (e) {
    const { bytes } = parse(rawHead, e);
    const raw = Buffer.from(joinPieces(e), 'base64');
    if (raw.byteLength !== bytes || contentHash(raw) !== hash) throw new MalformedEntityError(e.partitionKey, e.rowKey, `not the file of hash ${hash}`);
    return raw;
  }
  const name = rawBlobName(c, t, hash);
  const raw = await store.getBlob(name);
  if (raw && contentHash(raw) !== hash) throw new MalformedBlobError(name, `not the file of hash ${hash}`);
  return raw;
}
