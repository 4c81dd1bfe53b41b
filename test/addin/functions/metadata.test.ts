// functions.json is generated from the JSDoc in addin/functions/functions.ts by the same
// generator custom-functions-metadata-plugin runs during the build; zh-CN comes from the table.
import * as path from 'node:path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import zhCN from '../../../addin/functions/locale/zh-CN.json';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS build helper
const { localizeMetadata } = require('../../../addin/build/localize-functions') as {
  localizeMetadata: (json: string, table: unknown, locale: string) => string;
};

interface Param {
  name: string;
  description?: string;
  dimensionality?: string;
  optional?: boolean;
  type?: string;
}
interface Fn {
  id: string;
  name: string;
  description?: string;
  options?: Record<string, boolean>;
  parameters: Param[];
  result: { dimensionality?: string; type?: string };
}

const source = path.resolve(__dirname, '../../../addin/functions/functions.ts');
let json = '';
let fns: Fn[] = [];

beforeAll(async () => {
  const r = await generateCustomFunctionsMetadata([source]);
  expect(r.errors).toEqual([]);
  json = r.metadataJson;
  fns = (JSON.parse(json) as { functions: Fn[] }).functions;
});

const shape = (p: Param) => `${p.name}:${p.dimensionality ?? 'scalar'}:${p.type ?? 'any'}${p.optional ? '?' : ''}`;

test.each<[string, string, string[], string, Record<string, boolean> | undefined]>([
  ['GRADE', 'grade', ['scores:matrix:any', 'forcedBottom:matrix:any?', 'newlyEstablished:matrix:any?', 'scheme:scalar:string?'], 'matrix', { requiresParameterAddresses: true }],
  ['QUOTA_CHECK', 'quotaCheck', ['grades:matrix:any', 'categories:matrix:any?', 'scheme:scalar:string?'], 'scalar', undefined],
  ['QUOTA_TABLE', 'quotaTable', ['grades:matrix:any', 'categories:matrix:any?', 'scheme:scalar:string?'], 'matrix', undefined],
])('%s: parameters and result', (id, _fn, params, resultDim, options) => {
  const f = fns.find((x) => x.id === id);
  expect(f).toBeDefined();
  expect(f?.name).toBe(id);
  expect(f?.parameters.map(shape)).toEqual(params);
  expect(f?.result.dimensionality ?? 'scalar').toBe(resultDim);
  expect(f?.options).toEqual(options);
  // The invocation argument is Excel's, not the clerk's.
  expect(f?.parameters.some((p) => p.name === 'invocation')).toBe(false);
});

test('exactly the three functions, each described', () => {
  expect(fns.map((f) => f.id).sort()).toEqual(['GRADE', 'QUOTA_CHECK', 'QUOTA_TABLE']);
  for (const f of fns) {
    expect(f.description).toBeTruthy();
    for (const p of f.parameters) expect(p.description).toBeTruthy();
  }
});

describe('zh-CN metadata', () => {
  let zh: Fn[] = [];
  beforeAll(() => {
    zh = (JSON.parse(localizeMetadata(json, zhCN, 'zh-CN')) as { functions: Fn[] }).functions;
  });

  test('same ids, names and parameter shapes; Chinese text', () => {
    expect(zh.map((f) => [f.id, f.name])).toEqual(fns.map((f) => [f.id, f.name]));
    zh.forEach((f, i) => {
      const en = fns[i] as Fn;
      expect(f.parameters.map((p) => [p.dimensionality, p.optional, p.type])).toEqual(en.parameters.map((p) => [p.dimensionality, p.optional, p.type]));
      expect(f.result).toEqual(en.result);
      expect(f.options).toEqual(en.options);
      for (const text of [f.description ?? '', ...f.parameters.flatMap((p) => [p.name, p.description ?? ''])]) {
        expect([f.id, text, /[\u4e00-\u9fff]/.test(text)]).toEqual([f.id, text, true]);
      }
      for (const p of f.parameters) {
        expect(p.name.length).toBeLessThanOrEqual(64);
        expect((p.description ?? '').length).toBeLessThanOrEqual(512);
      }
    });
    expect(zh.find((f) => f.id === 'GRADE')?.parameters.map((p) => p.name)).toEqual(['分数', '涉及三打两建', '新组建', '评定标准']);
  });

  test('a function or parameter missing from the table fails the build', () => {
    const partial = JSON.parse(JSON.stringify(zhCN)) as Record<string, { parameters: Record<string, unknown> }>;
    delete partial.QUOTA_TABLE;
    delete partial.GRADE?.parameters.scheme;
    expect(() => localizeMetadata(json, partial, 'zh-CN')).toThrow('zh-CN: no translation for GRADE.scheme, QUOTA_TABLE');
  });
});
