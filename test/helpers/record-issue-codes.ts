// A jest setup file (setupFilesAfterEnv) that records which catalogue codes the code under test
// actually produced a message for, and appends them to $RECORD_ISSUE_CODES when the file's tests
// end. Used by test/shared/validate/coverage.test.ts; inert without the variable.
import * as fs from 'node:fs';
import { ISSUES } from '../../shared/issues/catalogue';

const out = process.env.RECORD_ISSUE_CODES;
if (out) {
  const seen = new Set<string>();
  for (const [code, def] of Object.entries(ISSUES)) {
    const zh = def.zh.bind(def);
    // Every message — makeIssue and issueText alike — goes through the definition's zh().
    Object.defineProperty(def, 'zh', { value: (p: never) => (seen.add(code), zh(p)), configurable: true, writable: true });
  }
  afterAll(() => fs.appendFileSync(out, [...seen].map((c) => `${c}\n`).join('')));
}
