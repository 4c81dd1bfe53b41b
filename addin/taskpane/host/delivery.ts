// A workbook from the server (派发表, 名册 template, a township's file, a past 汇总表): inside
// Excel it opens in a new window when the host can (ExcelApi 1.8), else it is downloaded.
import type { Delivery, ExcelPort, FilePort } from '../ports';

export function delivery(excel: ExcelPort | null, files: FilePort, canOpen: boolean): Delivery {
  return {
    async deliver(bytes, fileName) {
      if (excel && canOpen) {
        await excel.openWorkbook(bytes);
        return 'opened';
      }
      files.save(bytes, fileName);
      return 'saved';
    },
  };
}
