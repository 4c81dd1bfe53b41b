// The workbook reader is loaded when a workbook is first checked, not with the page: it is a
// separate chunk (exceljs today, the streaming reader later), so the pane starts fast. Nothing
// else in the pane may import shared/workbook/read statically, or the chunk folds back into the
// start bundle (test/addin/build.test.ts checks).
import type { WorkbookReader } from '../ports';

export const lazyReader: WorkbookReader = {
  async read(bytes, scheme) {
    const { readSubmission } = await import(/* webpackChunkName: "workbook-reader" */ '../../../shared/workbook/read');
    return readSubmission(bytes, scheme);
  },
};
