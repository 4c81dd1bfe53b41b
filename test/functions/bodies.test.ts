// Every endpoint that takes a JSON body refuses a bad one in Chinese, naming the field in Chinese
// (截止日期, not deadline), and changes nothing.
import * as http from 'node:http';
import { loadRegistrations } from '../../functions/dev/host';
import { errorBodySchema } from '../../shared/api/contract';
import { campaignBody, startStack, type Stack } from './stack';

let st: Stack;
beforeAll(async () => {
  st = await startStack();
  expect((await st.call('POST', '/campaigns', { token: st.county(), json: campaignBody() })).status).toBe(201);
});
afterAll(() => st.stop());

/** Routes whose body is not JSON (an .xlsx, or a roster as .xlsx or text). */
const RAW_BODIES = new Set(['campaigns/{campaignId}/townships/{townshipId}/submissions', 'roster/parse']);

const cases: Array<[string, string, string, unknown, string]> = [
  ['POST', 'campaigns', '/campaigns', { ...campaignBody({ id: 'c2027' }), deadline: '2026-02-30' }, '截止日期'],
  ['POST', 'campaigns', '/campaigns', { ...campaignBody({ id: 'c2027' }), year: '二〇二六' }, '年度'],
  ['POST', 'campaigns', '/campaigns', { ...campaignBody({ id: 'c2027' }), townships: [{ id: 'Dong Shan', name: '东山镇' }] }, '乡镇（街道）名单第 1 项的编号'],
  ['POST', 'campaigns', '/campaigns', { ...campaignBody({ id: 'c2027' }), roster: { dongshan: [{ category: '村' }] } }, '党组织名册'],
  ['PUT', 'campaigns/{campaignId}', '/campaigns/c2026', { ...campaignBody({ id: undefined }) }, '批次设置版本号'],
  ['PUT', 'campaigns/{campaignId}', '/campaigns/c2026', { ...campaignBody({ id: undefined }), revision: 1, schemeId: 'six' }, '评定标准'],
  ['POST', 'campaigns/{campaignId}/townships/{townshipId}/review', '/campaigns/c2026/townships/dongshan/review', { action: 'approve' }, '审核操作'],
  ['POST', 'campaigns/{campaignId}/townships/{townshipId}/review', '/campaigns/c2026/townships/dongshan/review', { action: 'accept', version: -1 }, '版本号'],
  ['POST', 'campaigns/{campaignId}/review', '/campaigns/c2026/review', { action: 'accept', items: [] }, '审核清单'],
  ['POST', 'campaigns/{campaignId}/review', '/campaigns/c2026/review', { action: 'accept', items: [{ townshipId: 'dongshan', version: '2' }] }, '审核清单第 1 项的版本号'],
  ['POST', 'campaigns/{campaignId}/access', '/campaigns/c2026/access', { days: 400 }, '有效天数'],
  ['POST', 'campaigns/{campaignId}/access', '/campaigns/c2026/access', { reissue: 'yes' }, '重新发放'],
  ['POST', 'campaigns/{campaignId}/access/revoke', '/campaigns/c2026/access/revoke', {}, '乡镇（街道）名单'],
  ['POST', 'campaigns/{campaignId}/access/revoke', '/campaigns/c2026/access/revoke', { townships: ['Dong Shan'] }, '乡镇（街道）名单第 1 项'],
  // The year after.
  ['POST', 'campaigns', '/campaigns', { ...campaignBody({ id: 'c2027' }), decisions: [{ kind: 'rename', fromId: 'o-1' }] }, '名册确认事项第 1 项的今年名册中的党组织'],
  ['POST', 'campaigns', '/campaigns', { ...campaignBody({ id: 'c2027' }), kind: 'review' }, '类型'],
  ['POST', 'roster/reconcile', '/roster/reconcile', { ...campaignBody({ id: 'c2027' }), previousId: 'Last Year' }, '上一年度批次'],
  // The ledger's own words: its action is not a review's, its comment not a 审核意见, its deadline the item's 完成时限.
  ['POST', 'campaigns/{campaignId}/ledger/{itemId}', '/campaigns/c2026/ledger/l-1', { action: 'close' }, '整改台账操作：取值不正确'],
  ['POST', 'campaigns/{campaignId}/ledger/{itemId}', '/campaigns/c2026/ledger/l-1', { action: 'reject', comment: 3 }, '请求内容不正确：意见或原因：'],
  ['POST', 'campaigns/{campaignId}/ledger/{itemId}', '/campaigns/c2026/ledger/l-1', { action: 'edit', fields: { deadline: 3 } }, '整改事项内容的完成时限'],
  ['POST', 'campaigns/{campaignId}/ledger/{itemId}', '/campaigns/c2026/ledger/l-1', { action: 'request' }, '完成日期'],
  ['POST', 'campaigns/{campaignId}/ledger/{itemId}', '/campaigns/c2026/ledger/l-1', { action: 'edit', fields: { leader: 3 } }, '整改事项内容的挂点领导'],
];

describe('request bodies', () => {
  it('covers every endpoint that takes a JSON body', () => {
    const withBody = loadRegistrations()
      .flatMap((r) => r.methods.filter((m) => m === 'POST' || m === 'PUT').map((m) => `${m} ${r.route}`))
      .filter((k) => !RAW_BODIES.has(k.split(' ')[1] ?? ''));
    expect([...new Set(cases.map(([m, route]) => `${m} ${route}`))].sort()).toEqual(withBody.sort());
  });

  it.each(cases)('%s /%s refuses a bad body in Chinese naming the field', async (method, _route, path, json, field) => {
    const r = await st.call(method, path, { token: st.county(), json });
    expect(r.status).toBe(400);
    const e = errorBodySchema.parse(await r.json()).error;
    expect(e.message).toMatch(/^请求内容不正确：/);
    expect(e.message).toContain(`${field}`);
    // Values are quoted as sent; everything else is Chinese.
    expect(e.message.replace(/“[^”]*”/g, '')).not.toMatch(/[A-Za-z]{3,}/);
    for (const i of e.issues ?? []) expect(i.message.replace(/“[^”]*”/g, '')).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('lists every field’s problem when there are several', async () => {
    const r = await st.call('POST', '/campaigns', { token: st.county(), json: { year: 1999, county: '', deadline: '2026-02-30', townships: [] } });
    const e = errorBodySchema.parse(await r.json()).error;
    expect(e.message).toBe('请求内容不正确：年度：不能小于 2000（另有 3 处问题）');
    expect(e.issues?.map((i) => i.message)).toEqual([
      '请求内容不正确：年度：不能小于 2000',
      '请求内容不正确：县（市、区）名称：不能为空',
      '请求内容不正确：截止日期：“2026-02-30”不是有效的日期，请写成 2026-04-25 的形式',
      '请求内容不正确：乡镇（街道）名单：至少要有 1 项',
    ]);
  });
});

describe('raw bodies (a workbook, a 名册)', () => {
  /** Declares 64 MB and sends 16 bytes: the answer must come from the declared length alone. */
  const declaredOnly = (path: string, token: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const u = new URL(st.api + path);
      const req = http.request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Length': String(64 * 1024 * 1024) } }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body });
          req.destroy();
        });
      });
      req.on('error', reject);
      req.write(Buffer.alloc(16));
    });

  it.each([
    ['a 名册', '/roster/parse'],
    ['a workbook', '/campaigns/c2026/townships/dongshan/submissions'],
  ])('%s over the cap is refused by its declared length, in Chinese, before it is read', async (_what, path) => {
    const token = path.startsWith('/roster') ? st.county() : st.township('dongshan');
    await st.ready();
    const r = await declaredOnly(path, token);
    expect(r.status).toBe(413);
    expect(errorBodySchema.parse(JSON.parse(r.body)).error.message).toMatch(/^文件大小 .* 超过上限 20\.0 MB/);
  });
});
