// The standalone page in Debian Chromium as a township clerk uses it, against the real dev host
// and Azurite: the verdict at the button and the issues in view (340 px and desktop), each issue
// naming its organization; another township's file refused before sending; the deadline; an
// upload; an identical re-upload after a return; a locked township; bad credentials.
// Each test sets up its own township's state, so any one passes alone (-t).
import * as fs from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import { issueText } from '../../shared/issues/catalogue';
import { CHROMIUM, closeAll, DESKTOP, inViewport, launch, PANE, shot } from './browser';
import { connect, openPage, text, waitText, type Opened } from './page';
import { A, B, C, CAMPAIGN, D, startStack, type Stack } from './stack';

const haveChromium = fs.existsSync(CHROMIUM);
const describeBrowser = haveChromium ? describe : describe.skip;
if (!haveChromium) console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium; .ci/run does it)`);

const COMMENT = '第3行情况说明不全，请补充后重新上报。';

describeBrowser('township clerk in a browser (standalone page)', () => {
  let stack: Stack;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const files = { bad: '', good: '', other: '' };
  /** The organizations of the two rows with errors in the bad file. */
  let badOrgs: string[] = [];

  beforeAll(async () => {
    stack = await startStack();
    // Row 5: a score over its maximum; row 7: a grade that does not exist.
    const broken = await stack.main.workbook(A, 7, (orgs) => {
      badOrgs = [String(orgs[0]?.name), String(orgs[2]?.name)];
      return orgs.map((o, i) => (i === 0 ? { ...o, scores: [120, ...o.scores.slice(1)] } : i === 2 ? { ...o, grade: '优秀' } : o));
    });
    files.bad = stack.file('城关镇-有错误.xlsx', broken);
    files.good = stack.file('城关镇-已改正.xlsx', await stack.main.workbook(A, 7));
    files.other = stack.file('东山乡的模板.xlsx', await stack.main.workbook(B, 9));
    browser = await launch();
  }, 300_000);

  afterAll(() => closeAll(contexts, browser, stack));

  const open = async (width = PANE, before?: Parameters<typeof openPage>[3]): Promise<Opened> => {
    const o = await openPage(browser, stack.url, width, before);
    contexts.push(o.context);
    return o;
  };

  it.each([
    ['the task pane', PANE],
    ['a desktop browser', DESKTOP],
  ])('上报 on a file with errors, in %s: the refusal is at the button and in view, each issue names its organization', async (_where, width) => {
    const { page, errors } = await open(width);
    await connect(page, stack.token.a);
    await page.setInputFiles('#file', files.bad);
    await waitText(page, '#work-status', '检查完成');
    // The clerk is back at the top of the page when pressing 上报.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole('button', { name: '上报', exact: true }).click();
    await waitText(page, '#work-status', '未上报');

    // The count follows the validator (one cause may still give several errors until it reports one).
    await expect(text(page, '#work-status')).resolves.toMatch(/^未上报：工作簿有 \d+ 个错误，请按下面的问题改正后再上报。$/);
    await expect(page.getAttribute('#work-status', 'class')).resolves.toContain('error');
    for (const sel of ['#upload', '#work-status', '#issue-summary', '#issues .issue.error']) {
      await expect(inViewport(page, sel)).resolves.toMatchObject({ inside: true });
    }
    const items = await page.$$eval('#issues .issue.error', (els) => els.map((e) => ({ org: e.getAttribute('data-org') ?? '', text: e.textContent ?? '' })));
    expect([...new Set(items.map((i) => i.org))].sort()).toEqual([...badOrgs].sort());
    for (const i of items) expect(i.text).toContain(i.org);
    await shot(page, `01-township-refused-${width}px`);
    expect(errors).toEqual([]);
  });

  it("another township's template is refused by the page with the server's sentence, and nothing is sent", async () => {
    const { page, errors } = await open();
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST') posts.push(r.url());
    });
    await connect(page, stack.token.a);
    await page.setInputFiles('#file', files.other);
    const sentence = issueText('UPLOAD_OTHER_TOWNSHIP', { found: B.name, expected: A.name });
    await waitText(page, '#work-status', sentence);
    await page.getByRole('button', { name: '上报', exact: true }).click();
    await waitText(page, '#work-status', `未上报：${sentence}`);
    await expect(text(page, '#issues')).resolves.toContain(sentence);
    await expect(page.$$('#issues .issue')).resolves.toHaveLength(1);
    expect(posts).toEqual([]);
    await shot(page, '02-township-other-template');
    expect(errors).toEqual([]);
  });

  it('shows the deadline and days left before upload; the fixed workbook uploads with a receipt at the button', async () => {
    const { page, errors } = await open();
    await connect(page, stack.token.a);
    await expect(text(page, '#deadline')).resolves.toMatch(/^截止日期：2099-04-25（北京时间当天 24 时前），还有 \d+ 天$/);
    await expect(page.getAttribute('#deadline', 'class')).resolves.toBe('deadline');

    await page.setInputFiles('#file', files.good);
    await waitText(page, '#work-status', '检查通过');
    await page.getByRole('button', { name: '上报', exact: true }).click();
    await waitText(page, '#work-status', '上报成功');
    await expect(text(page, '#work-status')).resolves.toMatch(/^上报成功：第 1 版已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 收到。$/);
    await expect(inViewport(page, '#work-status')).resolves.toMatchObject({ inside: true });
    await expect(text(page, '#receipt-hash')).resolves.toMatch(/^[0-9a-f]{64}$/);
    await expect(text(page, '#receipt')).resolves.toMatch(/收到时间\s*\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await waitText(page, '#review-state', '已上报');
    await expect(text(page, '#versions')).resolves.toContain('第 1 版');
    await shot(page, '03-township-uploaded');
    expect(errors).toEqual([]);
  });

  it('an identical re-upload after a return says nothing changed and the state is still 已退回', async () => {
    const bytes = await stack.main.workbook(C, 21);
    await stack.main.upload(C, bytes);
    await stack.main.review(C, { action: 'return', comment: COMMENT, version: 1 });
    const { page, errors } = await open();
    await connect(page, stack.main.token(C));
    await waitText(page, '#review-state', '已退回');
    await expect(text(page, '#review-comment')).resolves.toContain(COMMENT);

    await page.setInputFiles('#file', stack.file('西山镇-未修改.xlsx', bytes));
    await waitText(page, '#work-status', '检查通过');
    await page.getByRole('button', { name: '上报', exact: true }).click();
    await waitText(page, '#work-status', '没有上报新版本');
    const verdict = await text(page, '#work-status');
    expect(verdict).toBe('没有上报新版本：内容与第 1 版完全相同，没有任何变化。县委组织部已退回该版本，状态仍为“已退回”；请按退回意见修改后再上报。');
    await expect(page.getAttribute('#work-status', 'class')).resolves.toContain('warning');
    await expect(text(page, 'main')).resolves.not.toContain('上报成功');
    await expect(text(page, '#review-state')).resolves.toContain('已退回');
    await shot(page, '04-township-duplicate-after-return');
    expect(errors).toEqual([]);
  });

  it('a locked township (已通过) cannot press 上报 and is told why', async () => {
    await stack.main.upload(D, await stack.main.workbook(D, 31));
    await stack.main.review(D, { action: 'accept', version: 1 });
    const { page, errors } = await open();
    await connect(page, stack.main.token(D));
    await waitText(page, '#review-state', '已审核通过');
    await expect(page.getByRole('button', { name: '上报', exact: true }).isDisabled()).resolves.toBe(true);
    await expect(text(page, '#upload-why')).resolves.toBe('第 1 版已由县委组织部审核通过并锁定，不能再上报；如需修改，请联系县委组织部重新开放。');
    await shot(page, '05-township-locked');
    expect(errors).toEqual([]);
  });

  const day = 86_400_000;
  const issued = async (campaignId: string, townshipId: string, opts: { expiresAt?: string; revoked?: boolean } = {}) => {
    const t = stack.credentials.township(campaignId, townshipId, opts);
    await stack.credentials.ready();
    return t;
  };
  it.each([
    ['a token that is not one', async () => 'eyJub3QiOiJhIHRva2VuIn0.c2lnbmF0dXJl', '访问令牌无效'],
    ['a token for a campaign that does not exist', () => issued('no-such-2026', A.id), '工作批次“no-such-2026”不存在'],
    ['a token for a township the campaign does not have', () => issued(CAMPAIGN, 'nowhere'), '本批次中没有编号为“nowhere”的乡镇（街道）'],
    ['an expired token', () => issued(CAMPAIGN, A.id, { expiresAt: new Date(Date.now() - 10 * day).toISOString() }), '过期'],
    ['a revoked link', () => issued(CAMPAIGN, B.id, { revoked: true }), '收回'],
  ])('%s never leaves a half-connected page: one Chinese message, buttons disabled, the form back', async (_what, token, says) => {
    const { page, errors } = await open();
    await connect(page, await token());
    await expect(text(page, '#connect-status')).resolves.toContain(says);
    await expect(text(page, '#connect-status')).resolves.toMatch(/^未能连接：.*县委组织部/);
    await expect(page.isVisible('#token')).resolves.toBe(true);
    await expect(page.isVisible('#connect')).resolves.toBe(true);
    await expect(page.isVisible('#disconnect')).resolves.toBe(false);
    await expect(page.$('#role')).resolves.toBeNull();
    await expect(page.isVisible('#status-section')).resolves.toBe(false);
    await expect(page.isVisible('#county-section')).resolves.toBe(false);
    for (const name of ['上报', '下载模板']) await expect(page.getByRole('button', { name, exact: true }).isDisabled()).resolves.toBe(true);
    // One message: no other error line anywhere on the page.
    await expect(page.locator('.status-line.error:visible, .notice.error:visible').count()).resolves.toBe(1);
    if (says === '过期') await shot(page, '06-township-bad-credential');
    expect(errors).toEqual([]);
  });

  it('a remembered token that has expired brings the form back on opening, and is forgotten', async () => {
    const expired = await issued(CAMPAIGN, A.id, { expiresAt: new Date(Date.now() - 3 * day).toISOString() });
    const remembered = JSON.stringify({ serverUrl: stack.url, token: expired });
    const { page, errors } = await open(PANE, { script: (v: string) => localStorage.setItem('gradingDesk.connection', v), arg: remembered });
    // The init script plants the entry on every navigation; the page ran once with it.
    await waitText(page, '#connect-status', '过期');
    await expect(page.isVisible('#token')).resolves.toBe(true);
    await expect(page.$('#role')).resolves.toBeNull();
    await expect(page.evaluate(() => localStorage.getItem('gradingDesk.connection'))).resolves.toBeNull();
    expect(errors).toEqual([]);
  });
});
