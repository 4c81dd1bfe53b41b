// The province bench's input: one distinct filled template per township (its own campaign
// metadata, organization names, scores and 整改台账 lines from a seed), generated with the
// product's own template writer the way a township's clerk would produce it. Generating 2,000 of
// them takes minutes, so they are cached under .bench-cache/ (git-ignored), in a folder named by
// the generator's version and what the files depend on: a rerun skips every file already there.
// Generation is split over child processes (one per core), each writing its files atomically, so
// an interrupted run resumes where it stopped.
import { fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { townships, workbook } from './county';

/** Bump when the files' content changes (template, filling, seeds): a new folder is generated. */
export const GENERATOR_VERSION = 1;

const CACHE_ROOT = path.join(__dirname, '..', '..', '..', '.bench-cache');

export function cacheDir(campaignId: string, orgs: number): string {
  return path.join(CACHE_ROOT, `province-v${GENERATOR_VERSION}-${campaignId}-${orgs}orgs`);
}

export function fileOf(dir: string, townshipId: string): string {
  return path.join(dir, `${townshipId}.xlsx`);
}

async function generate(campaignId: string, orgs: number, ids: readonly number[]): Promise<void> {
  const dir = cacheDir(campaignId, orgs);
  const all = townships(Math.max(...ids) + 1);
  for (const i of ids) {
    const t = all[i];
    if (!t) continue;
    const bytes = await workbook(campaignId, t, orgs, i + 1);
    const tmp = `${fileOf(dir, t.id)}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, fileOf(dir, t.id));
  }
}

/** The cached files of townships 1..n (generated where missing); returns their paths in township order, and how many were made now. */
export async function ensureFiles(campaignId: string, n: number, orgs: number): Promise<{ files: string[]; generated: number; ms: number }> {
  const dir = cacheDir(campaignId, orgs);
  fs.mkdirSync(dir, { recursive: true });
  const ts = townships(n);
  const missing = ts.flatMap((t, i) => (fs.existsSync(fileOf(dir, t.id)) ? [] : [i]));
  const t0 = performance.now();
  if (missing.length > 0) {
    const width = Math.max(1, Math.min(os.availableParallelism(), Math.ceil(missing.length / 20)));
    await Promise.all(
      Array.from({ length: width }, (_, k) => {
        const mine = missing.filter((_i, j) => j % width === k);
        return new Promise<void>((resolve, reject) => {
          const p = fork(__filename, ['--province-files-child', campaignId, String(orgs), mine.join(',')], { stdio: 'inherit' });
          p.on('error', reject);
          p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`province file generator exited with ${String(code)}`))));
        });
      }),
    );
  }
  return { files: ts.map((t) => fileOf(dir, t.id)), generated: missing.length, ms: performance.now() - t0 };
}

if (process.argv[2] === '--province-files-child') {
  const [, , , campaignId = '', orgs = '50', ids = ''] = process.argv;
  generate(campaignId, Number(orgs), ids.split(',').filter(Boolean).map(Number)).catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
