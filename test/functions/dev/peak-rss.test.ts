// The benches and the hostile tests report a child process's own peak memory. A child forked by a
// big parent must not report the parent's high-water mark (getrusage's maxRSS does, on Linux).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ts from 'typescript';
import { ownPeakRssBytes } from '../../../functions/dev/peak-rss';

const MB = 1048576;

test('a child started by a process holding 300 MB reports its own peak, not the parent’s', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peak-rss-'));
  try {
    const src = path.resolve(__dirname, '../../../functions/dev/peak-rss.ts');
    const js = ts.transpileModule(fs.readFileSync(src, 'utf8'), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
    fs.writeFileSync(path.join(dir, 'peak-rss.js'), js);
    // Resident, not just reserved: every page written.
    const held = Buffer.alloc(300 * MB, 1);
    expect(ownPeakRssBytes()).toBeGreaterThan(300 * MB);
    const out = execFileSync(process.execPath, ['-e', `const p=require(${JSON.stringify(path.join(dir, 'peak-rss.js'))});console.log(JSON.stringify({own:p.ownPeakRssBytes(),rusage:process.resourceUsage().maxRSS*1024}))`], { encoding: 'utf8' });
    const r = JSON.parse(out) as { own: number; rusage: number };
    expect(held.length).toBe(300 * MB);
    expect(r.own).toBeGreaterThan(10 * MB);
    expect(r.own).toBeLessThan(150 * MB);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
