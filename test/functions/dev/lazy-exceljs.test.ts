// The server must not load exceljs at start-up: uploads, reviews and consolidation never use it, and
// it costs ~160 modules and ~17 MB per host. It is loaded on first use (shared/template/excel.ts)
// by the requests that write a workbook with it (template, 名册 template, 派发表). A static
// `import ExcelJS from 'exceljs'` anywhere on the path from a function's module brings it back;
// this fails then. Runs in a fresh process (jest's own require cache and mocks would blur it), on
// the TypeScript sources as `npm start` would run them.
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(__dirname, '../../..');

// Registers every function as the dev host (and the Azure Functions app) does, lists the exceljs
// modules loaded, then writes a template, which must load exceljs, and lists them again: the second
// count shows the check does see exceljs when it is there.
const SCRIPT = `
const exceljsModules = () => Object.keys(require.cache).filter((k) => /[\\\\/]node_modules[\\\\/]exceljs[\\\\/]/.test(k));
require(${JSON.stringify(path.join(ROOT, 'functions/dev/host.ts'))}).loadRegistrations();
const atStart = exceljsModules();
const { defaultScheme, generateTemplate } = require(${JSON.stringify(path.join(ROOT, 'shared/index.ts'))});
generateTemplate({ scheme: defaultScheme, year: 2026, county: '某某县', campaignId: 'c2026', township: { id: 't1', name: '城关镇' } }).then((bytes) => {
  process.stdout.write(JSON.stringify({ atStart, afterTemplate: exceljsModules().length, bytes: bytes.length }));
});
`;

test('registering the functions loads no exceljs module; writing a template loads it', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, ['-r', path.join(ROOT, 'test/helpers/ts-register.js'), '-e', SCRIPT], { cwd: ROOT, maxBuffer: 1 << 20 });
  const seen = JSON.parse(stdout) as { atStart: string[]; afterTemplate: number; bytes: number };
  expect(seen.atStart).toEqual([]);
  expect(seen.afterTemplate).toBeGreaterThan(0);
  expect(seen.bytes).toBeGreaterThan(0);
}, 120_000);
