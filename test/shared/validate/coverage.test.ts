// Every workbook code (200–299) is produced by the reader or validator when the tests that trigger
// them run: those suites run here with a recorder of the codes that were actually emitted, so a
// code counts only if real input made the real code say it (not because its name appears in a file).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { workbookIssues } from '../../../shared/issues/codes/workbook';

const root = path.resolve(__dirname, '../../..');
const TRIGGERING = [
  'test/shared/validate/issues.test.ts',
  'test/shared/validate/sheets.test.ts',
  'test/shared/validate/identity.test.ts',
  'test/shared/validate/table.test.ts',
  'test/shared/validate/validate.test.ts',
  'test/shared/xlsx/xml.test.ts',
  'test/shared/validate/one-cause.test.ts',
  'test/shared/validate/fields/date.test.ts',
  'test/shared/validate/fields/text.test.ts',
  'test/shared/zip/guard.test.ts',
  'test/shared/zip/directory.test.ts',
  'test/shared/xlsx/package.test.ts',
  'test/shared/workbook/read.test.ts',
];

let emitted = new Set<string>();
let run = { status: -1 as number | null, tail: '' };
beforeAll(() => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'codes-')), 'emitted.txt');
  fs.writeFileSync(file, '');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/jest/bin/jest.js'), ...TRIGGERING, '--setupFilesAfterEnv', path.join(root, 'test/helpers/record-issue-codes.ts'), '--silent'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, RECORD_ISSUE_CODES: file },
  });
  run = { status: r.status, tail: `${r.stdout}${r.stderr}`.slice(-3000) };
  emitted = new Set(fs.readFileSync(file, 'utf8').split('\n').filter(Boolean));
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
}, 300_000);

test('the triggering suites pass', () => {
  expect([run.status, run.status === 0 ? '' : run.tail]).toEqual([0, '']);
});

test.each(Object.keys(workbookIssues))('%s is emitted when its triggering tests run', (code) => {
  expect(emitted.has(code)).toBe(true);
});
