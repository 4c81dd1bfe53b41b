import { issueText } from '../../../../shared/issues/catalogue';
import { ApiError } from '../../../../addin/taskpane/api/client';
import { ConnectionController, refusedText } from '../../../../addin/taskpane/controllers/connection';
import type { Session } from '../../../../addin/taskpane/ports';
import { createStore, initialState } from '../../../../addin/taskpane/state';
import { COUNTY_ME, FakeServer, MemoryCredentials, status, TOWNSHIP_ME } from './fakes';

function setup(saved: { serverUrl: string; token: string } | null = null) {
  const server = new FakeServer();
  const store = createStore(initialState());
  const session: Session = { api: null };
  const credentials = new MemoryCredentials(saved);
  const loaded: string[] = [];
  const made: Array<[string, string]> = [];
  const ctl = new ConnectionController(
    store,
    {
      api: (url, token) => {
        if (!/^https?:/.test(url)) throw new ApiError('服务器地址应以 http:// 或 https:// 开头，例如 http://localhost:7071', 0, 'BAD_URL');
        made.push([url, token]);
        return server;
      },
      credentials,
    },
    session,
    async (me) => {
      loaded.push(me.role);
      if (me.role === 'township') store.set((s) => ({ township: { ...s.township, status: status('submitted') } }));
      await server.status('c2026', me.townshipId ?? '');
    },
  );
  return { server, store, session, credentials, loaded, made, ctl };
}

const refusal = (code: 'AUTH_INVALID' | 'AUTH_MISSING', status = 401) => new ApiError(issueText(code), status, code);

describe('ConnectionController.connect', () => {
  it('connects a township: checks the token, loads the campaign and the first view, remembers the credential', async () => {
    const t = setup();
    await t.ctl.connect(' http://h:1 ', ' tok ');
    const c = t.store.get().connection;
    expect(c.phase).toBe('connected');
    expect(c.me).toEqual(TOWNSHIP_ME);
    expect(c.campaign?.county).toBe('示范县');
    expect(c.scheme.caveat).toBeNull();
    expect(c.verdict).toEqual({ tone: 'ok', text: '已连接：乡镇（街道）党(工)委 城关镇' });
    expect(t.session.api).toBe(t.server);
    expect(t.made).toEqual([['http://h:1', 'tok']]);
    expect(t.loaded).toEqual(['township']);
    expect(t.credentials.saved).toEqual({ serverUrl: 'http://h:1', token: 'tok' });
    expect(t.store.get().busy.connect).toBe(false);
  });

  it('connects the county to its campaign', async () => {
    const t = setup();
    t.server.me_ = COUNTY_ME;
    await t.ctl.connect('http://h:1', 'tok');
    expect(t.store.get().connection.verdict?.text).toBe('已连接：县委组织部 示范县');
    expect(t.loaded).toEqual(['county']);
  });

  it.each([
    ['a bad token (401)', (s: FakeServer) => (s.me_ = refusal('AUTH_INVALID')), '访问令牌无效'],
    ['an expired token (401)', (s: FakeServer) => (s.me_ = new ApiError(issueText('AUTH_EXPIRED', { at: '2026-01-01 08:00' }), 401, 'AUTH_EXPIRED')), '已于 2026-01-01 08:00 过期'],
    ['a campaign that does not exist (404)', (s: FakeServer) => (s.campaign_ = new ApiError(issueText('CAMPAIGN_NOT_FOUND', { id: 'c2026' }), 404, 'CAMPAIGN_NOT_FOUND')), '工作批次“c2026”不存在'],
    ['a township the campaign does not have', (s: FakeServer) => (s.me_ = { ...TOWNSHIP_ME, townshipId: 'nowhere', townshipName: null }), '本批次中没有编号为“nowhere”的乡镇（街道）'],
    ['a first view the server refuses (403)', (s: FakeServer) => (s.status_ = new ApiError(issueText('AUTH_OTHER_CAMPAIGN', { own: 'c2025', other: 'c2026' }), 403, 'AUTH_OTHER_CAMPAIGN')), '不能访问批次“c2026”'],
  ])('%s leaves the page disconnected with one Chinese message and forgets the credential', async (_what, script, text) => {
    const t = setup({ serverUrl: 'http://h:1', token: 'old' });
    script(t.server);
    await t.ctl.connect('http://h:1', 'tok');
    const s = t.store.get();
    expect(s.connection.phase).toBe('idle');
    expect(s.connection.me).toBeNull();
    expect(s.connection.campaign).toBeNull();
    expect(s.connection.serverUrl).toBe('http://h:1');
    expect(s.connection.verdict?.tone).toBe('error');
    expect(s.connection.verdict?.text).toContain(text);
    expect(s.connection.verdict?.text).toMatch(/^未能连接：.*县委组织部/);
    expect(s.township.status).toBeNull();
    expect(t.session.api).toBeNull();
    expect(t.credentials.saved).toBeNull();
  });

  it('an unreachable server leaves the page disconnected but keeps the remembered credential', async () => {
    const t = setup({ serverUrl: 'http://h:1', token: 'tok' });
    t.server.me_ = new ApiError('无法连接服务器，请检查服务器地址和网络', 0, 'NETWORK');
    await t.ctl.connect('http://h:1', 'tok');
    expect(t.store.get().connection.phase).toBe('idle');
    expect(t.store.get().connection.verdict?.text).toBe('未能连接：无法连接服务器，请检查服务器地址和网络');
    expect(t.credentials.saved).toEqual({ serverUrl: 'http://h:1', token: 'tok' });
  });

  it.each([
    ['', 'tok', '请填写服务器地址。'],
    ['http://h:1', '  ', '请粘贴县委组织部发放的令牌。'],
  ])('empty fields (%j, %j) are refused without asking the server', async (url, token, text) => {
    const t = setup();
    await t.ctl.connect(url, token);
    expect(t.store.get().connection.verdict).toEqual({ tone: 'error', text });
    expect(t.server.calls).toEqual([]);
  });

  it('an address that is not a web address is refused in Chinese', async () => {
    const t = setup();
    await t.ctl.connect('localhost:7071', 'tok');
    expect(t.store.get().connection.verdict?.text).toBe('未能连接：服务器地址应以 http:// 或 https:// 开头，例如 http://localhost:7071');
  });

  it('a failed attempt after a good one leaves nothing of the old connection', async () => {
    const t = setup();
    await t.ctl.connect('http://h:1', 'tok');
    expect(t.store.get().township.status?.state).toBe('submitted');
    t.server.me_ = refusal('AUTH_INVALID');
    await t.ctl.connect('http://h:1', 'other');
    expect(t.store.get().township.status).toBeNull();
    expect(t.store.get().connection.me).toBeNull();
    expect(t.session.api).toBeNull();
  });
});

describe('ConnectionController.restore / disconnect / lost', () => {
  it('without a remembered credential suggests the page’s own server and asks nothing', async () => {
    const t = setup();
    await t.ctl.restore('http://localhost:7071');
    expect(t.store.get().connection).toMatchObject({ phase: 'idle', serverUrl: 'http://localhost:7071', verdict: null });
    expect(t.server.calls).toEqual([]);
  });

  it('with a remembered credential connects with it', async () => {
    const t = setup({ serverUrl: 'http://h:1', token: 'tok' });
    await t.ctl.restore('http://other');
    expect(t.store.get().connection.phase).toBe('connected');
    expect(t.made).toEqual([['http://h:1', 'tok']]);
  });

  it('a remembered credential that was revoked brings the form back and is forgotten', async () => {
    const t = setup({ serverUrl: 'http://h:1', token: 'revoked' });
    t.server.me_ = refusal('AUTH_INVALID');
    await t.ctl.restore('http://other');
    expect(t.store.get().connection).toMatchObject({ phase: 'idle', serverUrl: 'http://h:1' });
    expect(t.credentials.saved).toBeNull();
  });

  it('disconnect forgets the credential and clears the page', async () => {
    const t = setup();
    await t.ctl.connect('http://h:1', 'tok');
    await t.ctl.disconnect();
    expect(t.credentials.saved).toBeNull();
    expect(t.store.get().connection).toMatchObject({ phase: 'idle', me: null, verdict: { tone: 'info', text: '已断开，令牌已从本机删除。' } });
    expect(t.store.get().township.status).toBeNull();
    expect(t.session.api).toBeNull();
  });

  it('a token that stops working while the page is open ends the session with the server’s sentence', async () => {
    const t = setup();
    await t.ctl.connect('http://h:1', 'tok');
    await t.ctl.lost(issueText('AUTH_EXPIRED', { at: '2026-05-01 08:00' }));
    expect(t.store.get().connection.phase).toBe('idle');
    expect(t.store.get().connection.verdict?.text).toBe('未能连接：访问令牌已于 2026-05-01 08:00 过期，请向县委组织部重新领取。');
    expect(t.credentials.saved).toBeNull();
  });
});

describe('ConnectionController.openLink (sign-in and invitation links)', () => {
  const fragment = `#server=${encodeURIComponent('http://h:1')}&token=${encodeURIComponent('tok.sig')}`;

  it('clears the fragment first, then connects with the link’s server and token and remembers them', async () => {
    const t = setup();
    const order: string[] = [];
    t.server.me_ = () => {
      order.push('me');
      return TOWNSHIP_ME;
    };
    await expect(t.ctl.openLink(fragment, () => void order.push('cleared'))).resolves.toBe(true);
    expect(order).toEqual(['cleared', 'me']);
    expect(t.made).toEqual([['http://h:1', 'tok.sig']]);
    expect(t.store.get().connection.phase).toBe('connected');
    expect(t.credentials.saved).toEqual({ serverUrl: 'http://h:1', token: 'tok.sig' });
  });

  it.each([[''], ['#'], ['#server=http%3A%2F%2Fh%3A1'], ['#token=abc'], ['#server=%E0%A4%A&token=x']])('an address without a whole link (%j) is not a link: nothing happens', async (hash) => {
    const t = setup();
    let cleared = false;
    await expect(t.ctl.openLink(hash, () => (cleared = true))).resolves.toBe(false);
    expect(cleared).toBe(false);
    expect(t.server.calls).toEqual([]);
  });

  it('a revoked link: one Chinese sentence (the server’s, naming whom to ask), nothing half-connected', async () => {
    const t = setup();
    const text = issueText('AUTH_REVOKED', { at: '2026-04-01 09:00', ask: '示范县委组织部' });
    t.server.me_ = new ApiError(text, 401, 'AUTH_REVOKED');
    await t.ctl.openLink(fragment, () => undefined);
    expect(t.store.get().connection).toMatchObject({ phase: 'idle', me: null, verdict: { tone: 'error', text: `未能连接：${text}。` } });
    expect(t.session.api).toBeNull();
    expect(t.credentials.saved).toBeNull();
  });

  it('a county without any campaign is signed in and its first view loads (新建工作批次)', async () => {
    const t = setup();
    t.server.me_ = { ...COUNTY_ME, campaignId: null };
    await t.ctl.openLink(fragment, () => undefined);
    expect(t.store.get().connection).toMatchObject({ phase: 'connected', campaign: null, verdict: { tone: 'info', text: '已连接：县委组织部 示范县。本县还没有工作批次，请先新建工作批次。' } });
    expect(t.loaded).toEqual(['county']);
    expect(t.server.calls).not.toContain('campaign c2026');
  });
});

describe('refusedText', () => {
  it.each([
    ['访问令牌无效（可能复制不完整或已被更换），请向县委组织部重新领取', '未能连接：访问令牌无效（可能复制不完整或已被更换），请向县委组织部重新领取。'],
    ['本批次中没有编号为“x”的乡镇（街道）', '未能连接：本批次中没有编号为“x”的乡镇（街道）。请核对令牌，或向县委组织部重新领取。'],
    ['当前令牌无权进行此操作（HTTP 403）。', '未能连接：当前令牌无权进行此操作（HTTP 403）。请核对令牌，或向县委组织部重新领取。'],
  ])('%s', (message, text) => expect(refusedText(message)).toBe(text));
});
