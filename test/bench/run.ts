// `npm run bench -- <name> [--json]`: runs test/bench/<name>.ts and prints its figures.
// Each bench module exports `run(args): Promise<Record<string, number | string>>`.
import * as path from 'node:path';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const names = args.filter((a) => !a.startsWith('--'));
  if (names.length === 0) {
    console.error('用法：npm run bench -- <functions|reader|county|province|consolidate> [--json]');
    process.exit(2);
  }
  const all: Record<string, Record<string, number | string>> = {};
  for (const name of names) {
    if (!/^[a-z-]+$/.test(name)) throw new Error(`unknown bench ${name}`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bench is chosen at run time
    const mod = require(path.join(__dirname, name)) as { run: (a: string[]) => Promise<Record<string, number | string>> };
    const figures = await mod.run(args);
    all[name] = figures;
    if (!json) {
      console.log(`== ${name}`);
      for (const [k, v] of Object.entries(figures)) console.log(`  ${k.padEnd(40)} ${typeof v === 'number' ? formatNumber(v) : v}`);
    }
  }
  if (json) console.log(JSON.stringify(names.length === 1 ? all[names[0] ?? ''] : all));
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
