// The lint rule that keeps shared/ pure must actually fire: code is linted as if it were a file in
// shared/ (through stdin; nothing is written), in any folder of it, and not outside it.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');

// The CLI, because ESLint loads its flat config with a dynamic import that jest's VM refuses.
function lint(code: string, filename: string): Array<{ ruleId: string | null; message: string }> {
  const bin = path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');
  const r = spawnSync(process.execPath, [bin, '--format', 'json', '--stdin', '--stdin-filename', filename], { cwd: root, input: code, encoding: 'utf8' });
  const out = JSON.parse(r.stdout) as Array<{ messages: Array<{ ruleId: string | null; message: string }> }>;
  return out[0]?.messages ?? [];
}
const lintShared = (code: string, file = 'shared/__probe__.ts') => lint(code, file).map((m) => `${m.ruleId}: ${m.message}`);

test.each([
  ["import * as fs from 'node:fs'; export const x = fs;", 'no node: imports'],
  ["import { BlobServiceClient } from '@azure/storage-blob'; export const x = BlobServiceClient;", 'no Azure SDK imports'],
  ["import * as path from 'path'; export const x = path;", 'no Node built-ins'],
  ['export const x = Excel.run;', 'no Office.js'],
  ['export const x = Buffer.from("a");', 'use Uint8Array'],
  ["import { app } from '../functions/src/config'; export const x = app;", 'must not depend on the edges'],
])('%s is refused in shared/', (code, fragment) => {
  expect(lintShared(code).join('\n')).toContain(fragment);
});

test('pure code passes', () => {
  expect(lintShared("import { z } from 'zod'; export const s = z.string();")).toEqual([]);
});

test.each(['shared/review/machine.ts', 'shared/grade/deep/new-folder/rule.ts'])('the rule covers every folder of shared/: %s', (file) => {
  const msgs = lint("import * as fs from 'node:fs'; export const x = fs;", file);
  expect(msgs.map((m) => [m.ruleId, m.message.endsWith('shared/ must stay pure: no node: imports.')])).toEqual([['no-restricted-imports', true]]);
});

test.each(['functions/src/storage/probe.ts', 'addin/taskpane/probe.ts', 'test/shared/probe.test.ts'])('the same import outside shared/ is not refused by it: %s', (file) => {
  // So the refusals above come from the shared/ rule, not from a general one that would hide it.
  expect(lint("import * as fs from 'node:fs'; export const x = fs;", file).filter((m) => m.ruleId === 'no-restricted-imports')).toEqual([]);
});

test('every file in shared/ passes the rule today', () => {
  const bin = path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');
  const r = spawnSync(process.execPath, [bin, '--format', 'json', 'shared'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const files = JSON.parse(r.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string | null }> }>;
  expect(files.length).toBeGreaterThan(20);
  const bad = files.flatMap((f) => f.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals').map((m) => `${path.relative(root, f.filePath)}: ${m.ruleId}`));
  expect(bad).toEqual([]);
});
