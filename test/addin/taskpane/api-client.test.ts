import { ApiClient, ApiError, apiBase } from '../../../addin/taskpane/api/client';

function fakeFetch(status: number, body: unknown, headers: Record<string, string> = {}) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fn = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return new Response(body instanceof Uint8Array ? (body as BlobPart) : text, { status, headers });
  }) as unknown as typeof fetch;
  return { fn, calls };
}

describe('apiBase', () => {
  it.each([
    ['http://localhost:7071', 'http://localhost:7071/api'],
    ['http://localhost:7071/', 'http://localhost:7071/api'],
    [' https://x.example/api/ ', 'https://x.example/api'],
  ])('%s → %s', (input, out) => expect(apiBase(input)).toBe(out));

  it('refuses text that is not a web address, in Chinese', () => {
    expect(() => apiBase('localhost')).toThrow('http://');
  });
});

describe('ApiClient', () => {
  const me = { role: 'township', credentialId: 'k1', countyId: 'qingshan', countyName: '青山县', campaignId: 'c2026', townshipId: 't01', townshipName: '城关镇', expiresAt: '2026-12-31T00:00:00Z' };

  it('sends the token and parses /me with the contract', async () => {
    const f = fakeFetch(200, me);
    const c = new ApiClient('http://h:1', 'tok', f.fn);
    await expect(c.me()).resolves.toEqual(me);
    expect(f.calls[0]?.url).toBe('http://h:1/api/me');
    expect((f.calls[0]?.init.headers as Record<string, string>).Authorization).toBe('Bearer tok');
  });

  it.each([
    [401, { error: { code: 'TOKEN_EXPIRED', message: '令牌已过期' } }, '令牌已过期'],
    [500, 'Internal Server Error', 'HTTP 500'],
    [403, '', '无权'],
  ])('turns HTTP %i into a Chinese ApiError', async (status, body, text) => {
    const c = new ApiClient('http://h:1', 'tok', fakeFetch(status, body).fn);
    const err = await c.me().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(status);
    expect((err as Error).message).toContain(text);
  });

  it('rejects an answer that does not match the contract', async () => {
    const c = new ApiClient('http://h:1', 'tok', fakeFetch(200, { role: 'mayor' }).fn);
    await expect(c.me()).rejects.toThrow('格式不正确');
  });

  it('reports an unreachable server in Chinese', async () => {
    const c = new ApiClient('http://h:1', 'tok', (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch);
    await expect(c.me()).rejects.toThrow('无法连接服务器');
  });

  it('downloads bytes with the file name from Content-Disposition', async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4]);
    const f = fakeFetch(200, bytes, { 'Content-Disposition': `attachment; filename="x.xlsx"; filename*=UTF-8''${encodeURIComponent('某县汇总表.xlsx')}` });
    const got = await new ApiClient('http://h:1', 'tok', f.fn).consolidated('c2026');
    expect([...got.bytes]).toEqual([...bytes]);
    expect(got.fileName).toBe('某县汇总表.xlsx');
    expect(f.calls[0]?.url).toBe('http://h:1/api/campaigns/c2026/consolidated');
  });

  it('posts a review as JSON', async () => {
    const f = fakeFetch(200, {});
    await new ApiClient('http://h:1', 'tok', f.fn).review('c2026', 't01', { action: 'return', comment: '请补充说明', version: 2 });
    expect(f.calls[0]?.init.method).toBe('POST');
    expect(JSON.parse(String(f.calls[0]?.init.body))).toEqual({ action: 'return', comment: '请补充说明', version: 2 });
  });

  it.each([
    ['text pasted from Excel', '城关镇\t城关社区党支部', 'text/plain; charset=utf-8', { schemeId: 'yichun5' }, '/api/roster/parse?schemeId=yichun5'],
    ['an .xlsx', new Uint8Array([0x50, 0x4b]), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', { campaign: 'c2026' }, '/api/roster/parse?campaign=c2026'],
  ] as const)('sends a 名册 as %s, checked against a standard or a campaign', async (_what, content, type, against, path) => {
    const f = fakeFetch(200, { entries: [], townships: [], issues: [], ok: true });
    await new ApiClient('http://h:1', 'tok', f.fn).rosterParse(content, against);
    expect(f.calls[0]?.url).toBe(`http://h:1${path}`);
    expect((f.calls[0]?.init.headers as Record<string, string>)['Content-Type']).toBe(type);
  });

  it('asks for links and the 派发表 for the page they should open', async () => {
    const page = 'https://addin.example/taskpane.html';
    const f = fakeFetch(200, { campaignId: 'c2026', page, townships: [] });
    const c = new ApiClient('http://h:1', 'tok', f.fn);
    await c.access('c2026', page);
    expect(f.calls[0]?.url).toBe(`http://h:1/api/campaigns/c2026/access?page=${encodeURIComponent(page)}`);
    await c.revokeAccess('c2026', ['t01'], page);
    expect(f.calls[1]?.init.method).toBe('POST');
    expect(JSON.parse(String(f.calls[1]?.init.body))).toEqual({ townships: ['t01'], page });
  });

  it('edits a campaign with PUT and parses the answer with the contract', async () => {
    const f = fakeFetch(200, { id: 'x' });
    const c = new ApiClient('http://h:1', 'tok', f.fn);
    await expect(c.updateCampaign('c2026', { year: 2026, county: '示范县', deadline: '2026-04-25', townships: [{ name: '城关镇' }], revision: 2 })).rejects.toThrow('格式不正确');
    expect(f.calls[0]?.init.method).toBe('PUT');
  });
});

describe('ApiClient: the year after', () => {
  const empty = { campaignId: 'c2026', townshipId: null, items: [], counts: { open: 0, requested: 0, closed: 0, reopened: 0, void: 0, overdue: 0 }, issues: [] };

  it.each<[string, Parameters<ApiClient['ledger']>[1], string]>([
    ['no filter', {}, 'http://h:1/api/campaigns/c2026/ledger'],
    ['township, statuses and overdue', { township: 't01', status: ['open', 'reopened'], overdue: true }, 'http://h:1/api/campaigns/c2026/ledger?township=t01&status=open%2Creopened&overdue=1'],
  ])('the county’s ledger with %s', async (_what, q, url) => {
    const f = fakeFetch(200, empty);
    await new ApiClient('http://h:1', 'tok', f.fn).ledger('c2026', q);
    expect(f.calls[0]?.url).toBe(url);
  });

  it('posts one step of an item as JSON', async () => {
    const f = fakeFetch(200, { error: { code: 'LEDGER_BAD_TRANSITION', message: '“东山村党支部”的整改事项当前为“整改中”，不能销号' } });
    const c = new ApiClient('http://h:1', 'tok', fakeFetch(409, { error: { code: 'LEDGER_BAD_TRANSITION', message: '“东山村党支部”的整改事项当前为“整改中”，不能销号' } }).fn);
    await expect(c.ledgerAction('c2026', 'l-1', { action: 'confirm' })).rejects.toThrow('不能销号');
    await new ApiClient('http://h:1', 'tok', f.fn).ledgerAction('c2026', 'l-1', { action: 'request', completedOn: '2026-05-01' }).catch(() => undefined);
    expect(f.calls[0]?.url).toBe('http://h:1/api/campaigns/c2026/ledger/l-1');
    expect([f.calls[0]?.init.method, f.calls[0]?.init.body]).toEqual(['POST', JSON.stringify({ action: 'request', completedOn: '2026-05-01' })]);
  });
});
