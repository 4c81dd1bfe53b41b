// Runs every test of the given files on its own (`jest <file> -t '^<full name>$'`), the way a
// developer reruns one failing test, and lists those that fail alone: a test that passes only
// after its neighbours depends on state they leave behind.
//   node test/helpers/run-alone.js test/functions/upload.test.ts [more files…]
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const jest = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const out = path.join(os.tmpdir(), `run-alone-${process.pid}.json`);

function run(file, pattern) {
  const args = [jest, file, '--json', '--outputFile', out, '--silent'];
  if (pattern) args.push('-t', pattern);
  spawnSync(process.execPath, args, { cwd: root, stdio: 'ignore' });
  try {
    return JSON.parse(fs.readFileSync(out, 'utf8'));
  } catch {
    return null;
  }
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const failures = [];
for (const file of process.argv.slice(2)) {
  const all = run(file);
  const names = [...new Set((all?.testResults ?? []).flatMap((r) => r.assertionResults.filter((a) => a.status !== 'pending').map((a) => a.fullName)))];
  console.log(`${file}: ${names.length} tests`);
  for (const name of names) {
    const r = run(file, `^${escape(name)}$`);
    const ok = r && r.numFailedTests === 0 && r.numPassedTests >= 1 && r.numRuntimeErrorTestSuites === 0;
    if (!ok) {
      failures.push(`${file} › ${name}`);
      console.log(`  ✕ alone: ${name}`);
    }
  }
}
fs.rmSync(out, { force: true });
console.log(failures.length ? `\n${failures.length} fail when run alone:\n${failures.join('\n')}` : '\nevery test passes alone');
process.exitCode = failures.length ? 1 : 0;
