// Invitation links over HTTP: issued for every township, opened as that township, reissued (the
// old one stops at once), revoked with a Chinese 401 that says whom to ask, listed, and printed as
// a 派发表. Links only point at allowed pages.
import { accessListSchema, errorBodySchema, meSchema, type AccessList } from '../../shared/api/contract';
import { readSignInFragment } from '../../shared/api/link';
import { startStack, type Stack } from './stack';
import { loadWorkbookBytes, rowValues } from './xlsx';

let st: Stack;
let c = '';
beforeAll(async () => {
  st = await startStack();
  const r = await st.call('POST', '/campaigns', { token: st.county(), json: { year: 2027, county: '青山县', deadline: '2099-04-25', townships: [{ id: 'dongshan', name: '东山镇' }, { id: 'xihe', name: '西河乡' }, { id: 'nanling', name: '南岭街道' }] } });
  c = ((await r.json()) as { id: string }).id;
});
afterAll(() => st.stop());

const county = () => st.county();
const page = () => `${st.url}/taskpane.html`;
const tokenIn = (link: string | null) => readSignInFragment(new URL(link ?? 'http://x/').hash)?.token ?? '';
async function list(r: Response): Promise<AccessList> {
  expect(r.status).toBe(200);
  return accessListSchema.parse(await r.json());
}
async function error(r: Response) {
  return errorBodySchema.parse(await r.json()).error;
}

describe('invitation links', () => {
  it('issues one link per township that opens the page connected as that township', async () => {
    const a = await list(await st.call('POST', `/campaigns/${c}/access`, { token: county(), json: { page: page() } }));
    expect(a.townships.map((t) => [t.townshipName, t.status])).toEqual([['东山镇', 'active'], ['西河乡', 'active'], ['南岭街道', 'active']]);
    const ds = a.townships[0];
    expect(ds?.link?.startsWith(`${page()}#server=${encodeURIComponent(st.url)}&token=`)).toBe(true);
    const me = meSchema.parse(await (await st.call('GET', '/me', { token: tokenIn(ds?.link ?? null) })).json());
    expect(me).toMatchObject({ role: 'township', campaignId: c, townshipId: 'dongshan', townshipName: '东山镇', countyName: '青山县' });
  });

  it('shows the same link again (re-derived from its record) and does not issue twice', async () => {
    const first = await list(await st.call('POST', `/campaigns/${c}/access`, { token: county(), json: {} }));
    const again = await list(await st.call('POST', `/campaigns/${c}/access`, { token: county(), json: {} }));
    const shown = await list(await st.call('GET', `/campaigns/${c}/access`, { token: county() }));
    expect(again.townships.map((t) => t.link)).toEqual(first.townships.map((t) => t.link));
    expect(shown.townships.map((t) => t.credentialId)).toEqual(first.townships.map((t) => t.credentialId));
  });

  it('reissues a link: the old one is refused at once with whom to ask, the new one works', async () => {
    const before = await list(await st.call('POST', `/campaigns/${c}/access`, { token: county(), json: { townships: ['xihe'] } }));
    const old = tokenIn(before.townships.find((t) => t.townshipId === 'xihe')?.link ?? null);
    const after = await list(await st.call('POST', `/campaigns/${c}/access`, { token: county(), json: { townships: ['xihe'], reissue: true } }));
    const fresh = after.townships.find((t) => t.townshipId === 'xihe');
    expect(tokenIn(fresh?.link ?? null)).not.toBe(old);
    const refused = await st.call('GET', `/campaigns/${c}/townships/xihe/template`, { token: old });
    expect(refused.status).toBe(401);
    expect((await error(refused)).message).toMatch(/^此访问链接已于 .+（北京时间）被收回，不能再使用；如需继续上报或查看，请向青山县委组织部索取新的链接$/);
    expect((await st.call('GET', `/campaigns/${c}/townships/xihe/template`, { token: tokenIn(fresh?.link ?? null) })).status).toBe(200);
  });

  it('revokes a link; the list says so and shows no link', async () => {
    const before = await list(await st.call('POST', `/campaigns/${c}/access`, { token: county(), json: { townships: ['nanling'] } }));
    const tok = tokenIn(before.townships.find((t) => t.townshipId === 'nanling')?.link ?? null);
    const after = await list(await st.call('POST', `/campaigns/${c}/access/revoke`, { token: county(), json: { townships: ['nanling'] } }));
    expect(after.townships.find((t) => t.townshipId === 'nanling')).toMatchObject({ status: 'revoked', link: null });
    expect(after.townships.find((t) => t.townshipId === 'nanling')?.revokedAt).not.toBeNull();
    const r = await st.call('GET', '/me', { token: tok });
    expect(r.status).toBe(401);
    expect((await error(r)).code).toBe('AUTH_REVOKED');
  });

  it('gives a link the expiry asked for, else 30 days after the deadline', async () => {
    const a = await list(await st.call('POST', `/campaigns/${c}/access`, { token: county(), json: { townships: ['dongshan'], reissue: true, days: 10 } }));
    const exp = Date.parse(a.townships[0]?.expiresAt ?? '');
    expect(Math.abs(exp - (Date.now() + 10 * 86_400_000))).toBeLessThan(60_000);
    const b = await list(await st.call('POST', `/campaigns/${c}/access`, { token: county(), json: { townships: ['dongshan'], reissue: true } }));
    expect(b.townships[0]?.expiresAt).toBe(new Date(Date.parse('2099-04-25T23:59:59.999+08:00') + 30 * 86_400_000).toISOString());
  });

  it.each([
    ['another site', 'https://evil.example/taskpane.html'],
    ['not a web address', 'javascript:alert(1)'],
  ])('refuses a page on %s (400, the allowed origins named)', async (_n, bad) => {
    const r = await st.call('POST', `/campaigns/${c}/access`, { token: county(), json: { page: bad } });
    expect(r.status).toBe(400);
    const e = await error(r);
    expect(e.code).toBe('PAGE_URL_NOT_ALLOWED');
    expect(e.message).toContain('localhost:3000');
  });

  it('accepts the add-in’s own host as the page', async () => {
    // A link to show: issued here (or kept, when an earlier test issued it) so the test stands alone.
    await list(await st.call('POST', `/campaigns/${c}/access`, { token: county(), json: { townships: ['dongshan'] } }));
    const a = await list(await st.call('GET', `/campaigns/${c}/access?page=${encodeURIComponent('https://localhost:3000/taskpane.html')}`, { token: county() }));
    expect(a.townships[0]?.link?.startsWith('https://localhost:3000/taskpane.html#server=')).toBe(true);
  });

  it('refuses a township id the campaign does not have', async () => {
    const r = await st.call('POST', `/campaigns/${c}/access`, { token: county(), json: { townships: ['nowhere'] } });
    expect(r.status).toBe(404);
    expect((await error(r)).message).toContain('nowhere');
  });
});

describe('派发表', () => {
  it('lists township, link and expiry on a printable A4 sheet with title and stamp block', async () => {
    const links = await list(await st.call('POST', `/campaigns/${c}/access`, { token: county(), json: {} }));
    const r = await st.call('GET', `/campaigns/${c}/access/sheet?page=${encodeURIComponent(page())}`, { token: county() });
    expect(r.status).toBe(200);
    expect(decodeURIComponent((r.headers.get('content-disposition') ?? '').split("UTF-8''")[1] ?? '')).toBe('青山县2027年度上报链接派发表.xlsx');
    const wb = await loadWorkbookBytes(new Uint8Array(await r.arrayBuffer()));
    const ws = wb.getWorksheet('上报链接派发表');
    if (!ws) throw new Error('no sheet');
    expect(String(ws.getCell('A1').value)).toBe('青山县2027年度基层党组织分类定级上报链接派发表');
    expect(rowValues(ws, 3)).toEqual(['序号', '乡镇（街道）', '上报链接', '有效期至\n（北京时间）', '状态', '签收人']);
    const rows = [4, 5, 6].map((n) => rowValues(ws, n));
    expect(rows.map((x) => x[1])).toEqual(['东山镇', '西河乡', '南岭街道']);
    expect(rows.map((x) => x[2])).toEqual(links.townships.map((t) => t.link ?? undefined));
    expect(rows.map((x) => x[4])).toEqual(links.townships.map((t) => (t.status === 'active' ? '有效' : '已收回')));
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, printTitlesRow: '3:3' });
    expect(ws.headerFooter.oddFooter).toContain('发放单位（盖章）：青山县委组织部');
  });
});
