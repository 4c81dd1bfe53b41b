// The add-in's webpack config, run once programmatically (slow: ~30 s): the config `npm run
// build:addin` uses (both entries, metadata plugin, zh-CN step, manifest rewrite, assets), without
// source maps. Checks what each bundle holds, and that the task pane starts without the reader.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';
import webpack from 'webpack';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the config is CommonJS
const makeConfig = require('../../addin/webpack.config.js') as ((env: Record<string, string>, argv: Record<string, string>) => webpack.Configuration) & {
  baseUrl: (env: Record<string, string>) => string;
  rewriteManifest: (xml: string, base: string) => string;
};

const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dj-addin-'));
const read = (f: string) => fs.readFileSync(path.join(outDir, f), 'utf8');

interface Fn {
  id: string;
  name: string;
  description: string;
  parameters: Array<{ name: string; dimensionality?: string; optional?: boolean }>;
  result: { dimensionality?: string };
}

beforeAll(async () => {
  const config = makeConfig({ outDir, ADDIN_BASE_URL: 'https://contoso.example/addin/' }, { mode: 'production' });
  config.devtool = false;
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    webpack(config, (err, s) => (err || !s ? reject(err ?? new Error('no stats')) : resolve(s))),
  );
  expect(stats.hasErrors() ? stats.toString('errors-only') : '').toBe('');
}, 180_000);

afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

test('dist has the page, both bundles, both metadata files, the manifest and the icons', () => {
  const files = fs.readdirSync(outDir).sort();
  expect(files).toEqual(expect.arrayContaining(['assets', 'functions.js', 'functions.json', 'functions.zh-CN.json', 'manifest.xml', 'taskpane.html', 'taskpane.js']));
  expect(fs.readdirSync(path.join(outDir, 'assets')).sort()).toEqual(['icon-128.png', 'icon-16.png', 'icon-32.png', 'icon-64.png', 'icon-80.png']);
});

test('functions.json lists the functions with their parameter shapes', () => {
  const fns = (JSON.parse(read('functions.json')) as { functions: Fn[] }).functions;
  const grade = fns.find((f) => f.id === 'GRADE');
  expect(fns.map((f) => f.id)).toEqual(['GRADE', 'QUOTA_CHECK', 'QUOTA_TABLE']);
  expect(grade?.parameters.map((p) => [p.name, p.dimensionality ?? 'scalar', p.optional ?? false])).toEqual([
    ['scores', 'matrix', false],
    ['forcedBottom', 'matrix', true],
    ['newlyEstablished', 'matrix', true],
    ['scheme', 'scalar', true],
  ]);
  expect(grade?.result.dimensionality).toBe('matrix');
  const zh = (JSON.parse(read('functions.zh-CN.json')) as { functions: Fn[] }).functions;
  expect(zh.map((f) => f.id)).toEqual(['GRADE', 'QUOTA_CHECK', 'QUOTA_TABLE']);
  expect(zh[0]?.description).toMatch(/^按县里的评定标准/);
});

test('the bundle registers every function id with CustomFunctions.associate', () => {
  const js = read('functions.js');
  for (const id of ['GRADE', 'QUOTA_CHECK', 'QUOTA_TABLE']) expect(js).toContain(`CustomFunctions.associate("${id}"`);
});

test('loaded as Excel loads it, the bundle registers working functions', () => {
  const registered = new Map<string, (...args: unknown[]) => unknown>();
  class StubError {
    constructor(
      public code: string,
      public message?: string,
    ) {}
  }
  const CustomFunctions = {
    Error: StubError,
    ErrorCode: { invalidValue: '#VALUE!' },
    associate: (id: string, fn: (...args: unknown[]) => unknown) => registered.set(id, fn),
  };
  vm.runInNewContext(read('functions.js'), { CustomFunctions, console, self: {}, window: {} });
  expect([...registered.keys()].sort()).toEqual(['GRADE', 'QUOTA_CHECK', 'QUOTA_TABLE']);
  const grade = registered.get('GRADE');
  // A blank row keeps its place; the spill ends at the last filled row.
  expect(grade?.([[92], [null], ['８５分'], [null]], null, null, null, { parameterAddresses: ['S!H5:H8'] })).toEqual([['好'], [''], ['较好']]);
  expect(registered.get('QUOTA_CHECK')?.([['好'], ['較好']], null, null)).toMatch(/^共 2 个：好 1（50\.0%）/);
});

test('without the custom functions runtime (standalone page) nothing is registered and nothing throws', () => {
  expect(() => vm.runInNewContext(read('functions.js'), { console, self: {}, window: {} })).not.toThrow();
});

test('functions.js stays small: the workbook reader and exceljs are not in it', () => {
  const js = read('functions.js');
  expect(js).not.toContain('xl/workbook.xml');
  expect(js.length).toBeLessThan(400_000);
});

// exceljs's minified build carries this link; the reader's code (zip guard, workbook parts) this path.
const EXCELJS = 'exceljs/exceljs';
const READER = 'xl/workbook.xml';
const chunks = () => fs.readdirSync(outDir).filter((f) => f.endsWith('.js') && f !== 'taskpane.js' && f !== 'functions.js');

test('the task pane starts without exceljs and without the workbook reader, and stays small', () => {
  const js = read('taskpane.js');
  expect(js).not.toContain(EXCELJS);
  expect(js).not.toContain(READER);
  // 190 KB at the time of writing (zod is most of it, its JSON-schema code included); 296 KB with
  // the year-after screens, 302 KB with the 回头看 form, 325 KB with the 填报 block's layout (the
  // template's column widths depend on it) and the link-expiry and name rules. exceljs alone is ~940 KB.
  expect(js.length).toBeLessThan(340_000);
});

test('the reader is a chunk of its own that taskpane.js fetches on demand; the page loads only the two entry bundles', () => {
  const reader = chunks().filter((f) => /^workbook-reader\.[0-9a-f]{8}\.js$/.test(f));
  expect(reader).toHaveLength(1);
  expect(chunks().some((f) => read(f).includes(READER))).toBe(true);
  // The page loads the two entry bundles only; chunks are requested by taskpane.js when needed.
  const scripts = [...read('taskpane.html').matchAll(/<script[^>]*src="?([^"\s>]+)/g)].map((m) => m[1]);
  expect(scripts).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js', 'functions.js', 'taskpane.js']);
  expect(read('taskpane.js')).toContain('workbook-reader');
});

test('ADDIN_BASE_URL replaces the dev server in the copied manifest', () => {
  const xml = read('manifest.xml');
  expect(xml).not.toContain('https://localhost');
  expect(xml).toContain('<AppDomain>https://contoso.example</AppDomain>');
  expect(xml).toContain('DefaultValue="https://contoso.example/addin/taskpane.html"');
  expect(xml).toContain('Value="https://contoso.example/addin/functions.zh-CN.json"');
});

test.each([['http://contoso.example'], ['contoso.example'], ['ftp://x']])('a base URL that is not https (%s) is refused', (url) => {
  expect(() => makeConfig.baseUrl({ ADDIN_BASE_URL: url })).toThrow('ADDIN_BASE_URL must be an https:// URL');
});
