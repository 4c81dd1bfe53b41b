// Every workbook code (200–299) is triggered by some test (a workbook, or a sheet model for the
// validator's own tests); this keeps it so.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { workbookIssues } from '../../../shared/issues/codes/workbook';

const files = [
  'test/shared/validate/issues.test.ts',
  'test/shared/validate/sheets.test.ts',
  'test/shared/validate/identity.test.ts',
  'test/shared/validate/table.test.ts',
  'test/shared/validate/one-cause.test.ts',
  'test/shared/validate/fields/date.test.ts',
  'test/shared/validate/fields/text.test.ts',
  'test/shared/zip/guard.test.ts',
  'test/shared/workbook/read.test.ts',
].map((f) =>
  fs.readFileSync(path.resolve(__dirname, '../../..', f), 'utf8'),
);

test.each(Object.keys(workbookIssues))('%s has a triggering test', (code) => {
  expect(files.some((text) => text.includes(`'${code}'`))).toBe(true);
});
