// The province bench's input: one distinct filled template per township (its own county's
// campaign metadata, organization names, scores and 整改台账 lines from a seed), generated with the
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
export const GENERATOR_VERSION = 3;

/** A county's campaign takes at most 500 townships (shared/api/campaign.ts): a province is several counties. */
export const TOWNSHIPS_PER_COUNTY = 500;

const CACHE_ROOT = path.join(__dirname, '..', '..', '..', '.bench-cache');

export interface ProvinceTownship {
  id: string;
  name: string;
  /** Its county's campaign: townships 1–500 are county 1's, 501–1000 county 2's, … */
  campaignId: string;
  county: number;
}

/** Township i (0-based) of the province: ids and names unique across counties, so files never collide. */
export function provinceTownships(n: number, perCounty = TOWNSHIPS_PER_COUNTY): ProvinceTownship[] {
  return townships(n).map((t, i) => {
    const county = Math.floor(i / perCounty) + 1;
    return { ...t, county, campaignId: `bench-province-c${county}` };
  });
}

export function cacheDir(orgs: number): string {
  return path.join(CACHE_ROOT, `province-v${GENERATOR_VERSION}-${orgs}orgs`);
}

export function fileOf(dir: string, t: ProvinceTownship): string {
  return path.join(dir, `${t.campaignId}-${t.id}.xlsx`);
}

async function generate(orgs: number, perCounty: number, ids: readonly number[]): Promise<void> {
  const dir = cacheDir(orgs);
  const all = provinceTownships(Math.max(...ids) + 1, perCounty);
  for (const i of ids) {
    const t = all[i];
    if (!t) continue;
    const bytes = await workbook(t.campaignId, t, orgs, i + 1);
    const tmp = `${fileOf(dir, t)}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, fileOf(dir, t));
  }
}

/** The cached files of townships 1..n (generated where missing); returns their paths in township order, and how many were made now. */
export async function ensureFiles(n: number, orgs: number, perCounty = TOWNSHIPS_PER_COUNTY): Promise<{ files: string[]; generated: number; ms: number }> {
  const dir = cacheDir(orgs);
  fs.mkdirSync(dir, { recursive: true });
  const ts = provinceTownships(n, perCounty);
  const missing = ts.flatMap((t, i) => (fs.existsSync(fileOf(dir, t)) ? [] : [i]));
  const t0 = performance.now();
  if (missing.length > 0) {
    const width = Math.max(1, Math.min(os.availableParallelism(), Math.ceil(missing.length / 20)));
    await Promise.all(
      Array.from({ length: width }, (_, k) => {
        const mine = missing.filter((_i, j) => j % width === k);
        return new Promise<void>((resolve, reject) => {
          const p = fork(__filename, ['--province-files-child', String(orgs), String(perCounty), mine.join(',')], { stdio: 'inherit' });
          p.on('error', reject);
          p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`province file generator exited with ${String(code)}`))));
        });
      }),
    );
  }
  return { files: ts.map((t) => fileOf(dir, t)), generated: missing.length, ms: performance.now() - t0 };
}

if (process.argv[2] === '--province-files-child') {
  const [, , , orgs = '50', perCounty = '500', ids = ''] = process.argv;
  generate(Number(orgs), Number(perCounty), ids.split(',').filter(Boolean).map(Number)).catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
