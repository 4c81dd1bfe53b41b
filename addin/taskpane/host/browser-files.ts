// The browser side: the workbook is the file picked in the page's file input; workbooks the
// server sends are saved as downloads.
import type { FilePort } from '../ports';
import { downloadBytes } from '../util/download';

export function browserFiles(input: HTMLInputElement): FilePort {
  return {
    async picked() {
      const file = input.files?.[0];
      return file ? new Uint8Array(await file.arrayBuffer()) : null;
    },
    save: (bytes, fileName) => downloadBytes(bytes, fileName),
  };
}
