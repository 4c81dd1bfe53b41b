// The lint rule that keeps shared/ pure must actually fire: lint a probe file placed in shared/.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');

// The CLI, because ESLint loads its flat config with a dynamic import that jest's VM refuses.
async function lintShared(code: string): Promise<string[]> {
  const bin = path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');
  const r = spawnSync(process.execPath, [bin, '--format', 'json', '--stdin', '--stdin-filename', 'shared/__probe__.ts'], { cwd: root, input: code, encoding: 'utf8' });
  const out = JSON.parse(r.stdout) as Array<{ messages: Array<{ ruleId: string | null; message: string }> }>;
  return (out[0]?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

test.each([
  ["import * as fs from 'node:fs'; export const x = fs;", 'no node: imports'],
  ["import { BlobServiceClient } from '@azure/storage-blob'; export const x = BlobServiceClient;", 'no Azure SDK imports'],
  ["import * as path from 'path'; export const x = path;", 'no Node built-ins'],
  ['export const x = Excel.run;', 'no Office.js'],
  ['export const x = Buffer.from("a");', 'use Uint8Array'],
])('%s is refused in shared/', async (code, fragment) => {
  const msgs = await lintShared(code);
  expect(msgs.join('\n')).toContain(fragment);
});

test('pure code passes', async () => {
  expect(await lintShared("import { z } from 'zod'; export const s = z.string();")).toEqual([]);
});

test('the probe file is not left behind', () => {
  expect(fs.existsSync(path.join(root, 'shared', '__probe__.ts'))).toBe(false);
});
