// Hostile JSON bodies on every route that takes one, and hostile 名册 text pasted to roster/parse,
// against the dev host in its own process (its peak RSS measured honestly): nesting millions deep,
// half a million keys, lists far past their schema's bound, a key twice, __proto__, 1e400, broken
// UTF-8, a lone surrogate, a 名册 of 20,000 bad lines, 15 MB of tabs. Each is answered 4xx in
// Chinese naming the field or cell, nothing stored changes (every blob and every table row, with
// its ETag), and the host stays alive under the ceiling.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TableClient } from '@azure/data-tables';
import { BlobServiceClient } from '@azure/storage-blob';
import { errorBodySchema } from '../../../shared/api/contract';
import { startAzurite } from '../../helpers/azurite';
import { credentialBook, type CredentialBook } from '../../helpers/credentials';
import { campaignBody, COUNTY } from '../stack';
import { startChildHost, type ChildHost } from './child-host';

const SECRET = 'hostile-json-0123456789abcdef';
const MB = 1024 * 1024;
/** The host's peak resident memory over the whole suite (before bounds: 650 MB for one body of half a million keys). */
const RSS_CEILING = 250 * MB;

let azurite: { connectionString: string; stop(): Promise<void> };
let host: ChildHost;
let book: CredentialBook;
const figures: Array<{ case: string; status: number; peakRssMB: number }> = [];

beforeAll(async () => {
  azurite = await startAzurite();
  host = await startChildHost(azurite.connectionString, SECRET);
  book = await credentialBook(azurite.connectionString, SECRET, COUNTY);
  book.county();
  book.township('c2026', 'dongshan');
  await book.ready();
  expect((await send('POST', '/campaigns', book.county(), JSON.stringify(campaignBody()))).status).toBe(201);
}, 120_000);

afterAll(async () => {
  await host?.stop();
  await azurite?.stop();
  if (figures.length) {
    fs.mkdirSync(path.resolve(__dirname, '../../../test-artifacts'), { recursive: true });
    fs.writeFileSync(path.resolve(__dirname, '../../../test-artifacts/hostile-json-rss.json'), JSON.stringify(figures, null, 2));
  }
});

function send(method: string, p: string, token: string, body: string | Uint8Array): Promise<Response> {
  const type = p.startsWith('/roster/parse') ? 'text/plain; charset=utf-8' : 'application/json';
  return fetch(`${host.url}/api${p}`, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': type }, body: body as unknown as BodyInit });
}

/** Every blob and every table row of the deployment, with its ETag. */
async function storage(): Promise<string[]> {
  const out: string[] = [];
  const blobs = BlobServiceClient.fromConnectionString(azurite.connectionString);
  for await (const c of blobs.listContainers()) for await (const b of blobs.getContainerClient(c.name).listBlobsFlat()) out.push(`blob ${c.name}/${b.name} ${b.properties.etag ?? ''}`);
  const table = TableClient.fromConnectionString(azurite.connectionString, 'grading', { allowInsecureConnection: true });
  for await (const e of table.listEntities()) out.push(`row ${e.partitionKey}/${e.rowKey} ${e.etag}`);
  return out.sort();
}

const list = (n: number, item: string) => `[${Array.from({ length: n }, () => item).join(',')}]`;
const campaign = (patch: string) => `{"year":2027,"county":"青山县","deadline":"2099-04-25","townships":[{"name":"东山镇"}]${patch}}`;
const LEDGER = '/campaigns/c2026/ledger/l-1';
/** Ten townships' lists of 2,000 organizations, each with a category the standard does not have. */
const bad = Array.from({ length: 10 }, (_, t) => `"${t}镇":[${Array.from({ length: 2000 }, (_, i) => `{"name":"第${i}支部","category":"农场"}`).join(',')}]`).join(',');
const tenTownships = `[${Array.from({ length: 10 }, (_, t) => `{"name":"${t}镇"}`).join(',')}]`;

/** name, method, path, body, caller, status, message, and for a refused 名册 its one issue. */
const cases: Array<[string, string, string, () => string | Uint8Array, 'county' | 'township', number, string, string?]> = [
  ['five million nested lists (10 MB)', 'POST', LEDGER, () => '['.repeat(5_000_000) + ']'.repeat(5_000_000), 'township', 413, '请求内容超过上限 8.0 MB，未予处理'],
  ['a million nested objects', 'POST', LEDGER, () => '{"a":'.repeat(1_000_000) + '1' + '}'.repeat(1_000_000), 'township', 400, '请求内容不正确：“a”的“a”的“a”：层次太深'],
  ['half a million keys', 'POST', LEDGER, () => `{${Array.from({ length: 500_000 }, (_, i) => `"k${i}":1`).join(',')}}`, 'township', 400, '请求内容不正确：请求内容：字段太多（最多 37 个）'],
  ['__proto__', 'POST', LEDGER, () => '{"__proto__":{"polluted":1},"action":"request","completedOn":"2026-01-01"}', 'township', 400, '请求内容不正确：“__proto__”：不能使用“__proto__”作字段名'],
  ['a hundred thousand townships', 'POST', '/campaigns', () => `{"townships":${list(100_000, '{"name":"镇"}')}}`, 'county', 400, '请求内容不正确：乡镇（街道）名单：不能超过 500 项'],
  ['150,000 empty roster lines', 'POST', '/campaigns', () => campaign(`,"roster":{${Array.from({ length: 30 }, (_, t) => `"t${t}":${list(5000, '{}')}`).join(',')}}`), 'county', 400, '请求内容不正确：请求内容：内容太多（超过 100000 个对象或列表）'],
  ['the year twice', 'POST', '/roster/reconcile', () => campaign(',"year":2031'), 'county', 400, '请求内容不正确：年度：同一字段出现了两次'],
  ['a year of 1e400', 'PUT', '/campaigns/c2026', () => campaign(',"revision":1e400').replace('2027', '2026'), 'county', 400, '请求内容不正确：批次设置版本号：数值超出范围'],
  ['a million review items', 'POST', '/campaigns/c2026/review', () => `{"action":"accept","items":${list(1_000_000, '{}')}}`, 'county', 400, '请求内容不正确：审核清单：不能超过 2000 项'],
  ['a review version of -1e400', 'POST', '/campaigns/c2026/townships/dongshan/review', () => '{"action":"accept","version":-1e400}', 'county', 400, '请求内容不正确：版本号：数值超出范围'],
  ['a million townships to link', 'POST', '/campaigns/c2026/access', () => `{"townships":${list(1_000_000, '"x"')}}`, 'county', 400, '请求内容不正确：乡镇（街道）名单：不能超过 2000 项'],
  ['a million townships to revoke', 'POST', '/campaigns/c2026/access/revoke', () => `{"townships":${list(1_000_000, '"x"')}}`, 'county', 400, '请求内容不正确：乡镇（街道）名单：不能超过 2000 项'],
  ['broken UTF-8 in a name', 'POST', '/campaigns', () => Buffer.concat([Buffer.from(campaign('').replace('青山县', 'X')), Buffer.from([0xff])]), 'county', 400, '请求内容不正确：不是有效的 UTF-8 文字'],
  ['half a surrogate pair in a name', 'POST', '/campaigns', () => campaign('').replace('青山县', '\\ud800'), 'county', 400, '请求内容不正确：县（市、区）名称：含有无法识别的字符（不成对的代理项）'],
  ['a 名册 of 20,000 bad lines', 'POST', '/campaigns', () => campaign('').replace(/"townships":.*$/, `"townships":${tenTownships},"roster":{${bad}}}`), 'county', 422, '党组织名册中有 20000 处错误，工作批次未保存；请按提示逐项修改后重试'],
  ['the same, for a proposal', 'POST', '/roster/reconcile', () => campaign('').replace(/"townships":.*$/, `"townships":${tenTownships},"roster":{${bad}}}`), 'county', 422, '党组织名册中有 20000 处错误，工作批次未保存；请按提示逐项修改后重试'],
  // A 名册 pasted as text: 15 MB of tabs was 15 million cells (1.2 GB on the host), one cell of 15 MB built a character at a time 600 MB.
  ['15 MB of tabs pasted as a 名册', 'POST', '/roster/parse', () => '\t'.repeat(15 * MB), 'county', 422, '无法读取党组织名册（1 处错误），请按提示修改后重新上传', '工作表“粘贴的名册”AY1 单元格：粘贴的第 1 行有 15728641 列，超过上限 50 列；请只复制名册中的各列后重新粘贴'],
  ['one pasted cell of 15 MB', 'POST', '/roster/parse', () => `东山镇\t${'x'.repeat(15 * MB)}`, 'county', 422, '无法读取党组织名册（1 处错误），请按提示修改后重新上传', '工作表“粘贴的名册”B1 单元格：第 1 行的党组织名称有 15728640 个字，超过上限 200 个字'],
  ['200,000 pasted lines', 'POST', '/roster/parse', () => '东山镇\t东山村党支部\t村\n'.repeat(200_000), 'county', 422, '无法读取党组织名册（1 处错误），请按提示修改后重新上传', '工作表“粘贴的名册”：名册有 200000 行，超过上限 20000 行，请按乡镇（街道）拆分'],
  ['a pasted 名册 that is not UTF-8', 'POST', '/roster/parse', () => Buffer.from([0xff, 0xfe, 0x09, 0xc3, 0x28]), 'county', 400, '请求内容不正确：粘贴的名册不是 UTF-8 文字，请从 Excel 或 WPS 中重新复制粘贴'],
];

it.each(cases)('%s: %s %s is refused in Chinese, nothing stored changes, the host stays up', async (...[name, method, p, body, who, status, message, issue]) => {
  // (Rest parameters: with 8 named ones and rows of 7, jest would take the last for `done`.)
  const before = await storage();
  const token = who === 'county' ? book.county() : book.township('c2026', 'dongshan');
  const r = await send(method, p, token, body());
  const e = errorBodySchema.parse(await r.json()).error;
  expect([r.status, e.message]).toEqual([status, message]);
  // The list an answer shows is bounded as an upload's: 200 and one with the count of the rest.
  expect((e.issues ?? []).length).toBeLessThanOrEqual(201);
  if (issue) expect(e.issues?.map((i) => i.message)).toEqual([issue]);
  else if (status === 422) expect(e.issues?.slice(0, 200).every((i) => i.severity === 'error' && i.message.includes('的类别“农场”不在本批次的评定标准中'))).toBe(true);
  if (status === 422 && !issue) expect(e.issues?.at(-1)?.message).toBe('问题太多，只列出了前 200 个（按工作表和行的顺序），另有 37800 个未列出，其中错误 19800 个；请先改正列出的错误，再重新检查，其余问题会接着列出');
  expect(await storage()).toEqual(before);
  expect(host.process.exitCode).toBeNull();
  expect((await fetch(`${host.url}/api/me`, { headers: { Authorization: `Bearer ${book.county()}` } })).status).toBe(200);
  const { peakRss } = await host.stats();
  figures.push({ case: name, status: r.status, peakRssMB: Math.round(peakRss / MB) });
  expect(peakRss).toBeLessThan(RSS_CEILING);
}, 120_000);
