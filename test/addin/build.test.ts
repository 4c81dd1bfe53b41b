// The add-in's webpack config, run once programmatically (slow: ~10 s). Only the custom functions
// entry is built here so this suite does not depend on the task pane's code; everything else
// (metadata plugin, zh-CN step, manifest rewrite, assets) is the config `npm run build:addin` uses.
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
  const entry = config.entry as Record<string, string>;
  config.entry = { functions: entry.functions as string };
  config.plugins = (config.plugins ?? []).filter((p) => p?.constructor.name !== 'HtmlWebpackPlugin');
  config.devtool = false;
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    webpack(config, (err, s) => (err || !s ? reject(err ?? new Error('no stats')) : resolve(s))),
  );
  expect(stats.hasErrors() ? stats.toString('errors-only') : '').toBe('');
}, 180_000);

afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

test('dist has the bundle, both metadata files, the manifest and the icons', () => {
  const files = fs.readdirSync(outDir).sort();
  expect(files).toEqual(expect.arrayContaining(['assets', 'functions.js', 'functions.json', 'functions.zh-CN.json', 'manifest.xml']));
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
  expect(grade?.([[92], ['８５分'], [null]], null, null, null, { parameterAddresses: ['S!H5:H7'] })).toEqual([['好'], ['较好'], ['']]);
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
