// A lean workbook (shared/print/lean) in a zip held in memory: add printed sheets to `book`, then
// `finish()` gives the file. The whole file is collected before anyone answers with it, so a
// fault half-way is a clean error, never a truncated download.
import { LeanBook, type BookMeta } from '../../../shared';
import { ZipPackage } from './zip';

export interface LeanWorkbook {
  book: LeanBook;
  finish(): Buffer;
}

/**
 * `level`: zlib's compression level. 3 is a third faster than zlib's default 6 on this XML, for
 * a file about a fifth larger.
 */
export function leanWorkbook(meta: BookMeta, level = 3): LeanWorkbook {
  const zip = new ZipPackage(meta.created, level);
  const book = new LeanBook(zip, meta);
  return {
    book,
    finish() {
      book.finish();
      return zip.finish();
    },
  };
}
