// What stored things are named by: the SHA-256 of their bytes, in hex. An upload's versions and
// files, campaign revisions and organizations blobs are content-addressed, so the same bytes get
// the same name (a retry finds what it wrote) and a copy read back can be checked against it.
import { createHash } from 'node:crypto';

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
