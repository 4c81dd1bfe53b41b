// The county's console in Debian Chromium, screen by screen, against the real dev host and
// Azurite: invitation links revoked and expired (as the township meets them), past campaigns in
// the switcher, a roster pasted from Excel, and an edit that lost a race (409 → reloaded). Each
// test makes its own campaign, so any one passes alone.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { signInLink } from '../../shared/api/link';
import { beijingDay } from '../../shared/consolidate/deadline';
import { CHROMIUM, closeAll, DESKTOP, launch, PANE, shot } from './browser';
import { connect, openLink, openPage, text, waitText, type Opened } from './page';
import { startStack, type Stack, type Township } from './stack';

const haveChromium = fs.existsSync(CHROMIUM);
const describeBrowser = haveChromium ? describe : describe.skip;

const day = 86_400_000;

describeBrowser('county console in a browser', () => {
  let stack: Stack;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    stack = await startStack();
    browser = await launch();
  }, 300_000);

  afterAll(() => closeAll(contexts, browser, stack));

  const keep = (o: Opened): Opened => {
    contexts.push(o.context);
    return o;
  };
  const open = async (width: number) => keep(await openPage(browser, stack.url, width));
  const page = () => `${stack.url}/taskpane.html`;

  /** Opens campaign `id` from the switcher, unless it is the one open already. */
  const openCampaign = async (p: Page, id: string) => {
    const item = p.locator(`#campaign-list [data-campaign="${id}"]`);
    await item.waitFor();
    if ((await item.getAttribute('class'))?.includes('open')) return;
    await item.getByRole('button', { name: /^打开/ }).click();
    await waitText(p, '#campaigns-status', '已打开工作批次');
  };

  it('a revoked link: the county revokes it in the page (after its own confirmation); the township gets the Chinese refusal naming whom to ask', async () => {
    const townships: Township[] = [{ id: 'hexi', name: '河西镇' }, { id: 'hedong', name: '河东乡' }];
    await stack.createCampaign('e2e-revoke', townships, '2099-04-25');
    const { page: c, errors, context } = await open(PANE);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await connect(c, stack.token.county);
    await openCampaign(c, 'e2e-revoke');
    // The stack issued both townships' links when it made the campaign.
    await waitText(c, '#access-summary', '上报链接（有效 2 / 共 2）');
    await c.click('#access-summary');
    await c.getByRole('button', { name: '复制链接：河西镇' }).click();
    await waitText(c, '#access-status', '已复制河西镇的上报链接');
    const link = await c.evaluate(() => navigator.clipboard.readText());
    expect(link.startsWith(`${page()}#server=`)).toBe(true);

    await c.getByRole('button', { name: '收回：河西镇' }).click();
    await waitText(c, '#dialog-text', '收回后，河西镇的链接立即失效');
    await shot(c, '40-county-revoke-confirm-340px');
    await c.getByRole('button', { name: '收回', exact: true }).last().click();
    await waitText(c, '#access-status', '河西镇：链接已收回。');
    await expect(text(c, '#access-cards li[data-township="hexi"]')).resolves.toContain('已收回');
    await shot(c, '41-county-links-340px');

    const tw = keep(await openLink(browser, link, PANE));
    await waitText(tw.page, '#connect-status', '收回');
    await expect(text(tw.page, '#connect-status')).resolves.toMatch(/^未能连接：此访问链接已于 .+（北京时间）被收回，不能再使用；如需继续上报或查看，请向示范县委组织部索取新的链接。$/);
    expect(tw.page.url()).toBe(page());
    await expect(tw.page.$('#role')).resolves.toBeNull();
    await expect(tw.page.locator('.status-line.error:visible, .notice.error:visible').count()).resolves.toBe(1);
    await shot(tw.page, '42-township-revoked-link');
    expect([...errors, ...tw.errors]).toEqual([]);
  });

  it('an expired link: refused in Chinese with the date and whom to ask, the token out of the address, nothing half-connected', async () => {
    await stack.createCampaign('e2e-expired', [{ id: 'shanxia', name: '山下镇' }], '2099-04-25');
    const token = stack.credentials.township('e2e-expired', 'shanxia', { expiresAt: new Date(Date.now() - 2 * day).toISOString() });
    await stack.credentials.ready();
    const { page: t, errors } = keep(await openLink(browser, signInLink(page(), { server: stack.url, token }), PANE));
    await waitText(t, '#connect-status', '过期');
    await expect(text(t, '#connect-status')).resolves.toMatch(/^未能连接：此访问链接已于 .+（北京时间）过期；如需继续上报或查看，请向示范县委组织部索取新的链接。$/);
    expect(t.url()).toBe(page());
    await expect(t.isVisible('#token')).resolves.toBe(true);
    await expect(t.evaluate(() => localStorage.getItem('gradingDesk.connection'))).resolves.toBeNull();
    await expect(t.getByRole('button', { name: '上报', exact: true }).isDisabled()).resolves.toBe(true);
    await shot(t, '43-township-expired-link');
    expect(errors).toEqual([]);
  });

  it('past campaigns: listed with deadline and counts, openable, each 汇总表 downloadable from the list', async () => {
    const old = await stack.createCampaign('e2e-past', [{ id: 'gucheng', name: '古城镇' }, { id: 'xincun', name: '新村乡' }], '2025-04-25', '示范县', 2025);
    const gucheng = old.townships[0] as Township;
    await old.upload(gucheng, await old.workbook(gucheng, 77));
    await old.review(gucheng, { action: 'accept', version: 1 });
    const { page: c, errors } = await open(DESKTOP);
    await connect(c, stack.token.county);
    // On a desktop the switcher is a table: 年度, 县, 截止日期, 乡镇, 已上报, 已通过, 未上报, 逾期.
    const item = c.locator('#campaign-table tr[data-campaign="e2e-past"]');
    await waitText(c, '#campaign-table tr[data-campaign="e2e-past"] td:nth-of-type(5)', '1');
    await expect(item.locator('th, td').allTextContents()).resolves.toEqual(['2025 年度 ', '示范县', '2025-04-25', '2', '1', '1', '1', '2', '打开下载汇总表']);
    await openCampaign(c, 'e2e-past');
    await waitText(c, '#current-campaign', '当前：示范县 2025 年度 · 截止 2025-04-25');
    await c.waitForSelector('#county-table tbody tr[data-township="gucheng"]');
    await expect(c.$$eval('#county-table tbody tr[data-township] th', (els) => els.map((e) => (e.textContent ?? '').trim()))).resolves.toEqual(['古城镇', '新村乡']);
    await shot(c, '44-county-past-campaign-desktop');
    // A reload (F5) stays on the campaign the county was working on, not the newest one.
    await c.reload();
    await c.waitForSelector('body[data-ready="browser"]');
    await waitText(c, '#current-campaign', '当前：示范县 2025 年度 · 截止 2025-04-25');
    await c.waitForSelector('#county-table tbody tr[data-township="gucheng"]');

    const [d] = await Promise.all([c.waitForEvent('download'), item.getByRole('button', { name: /^下载汇总表/ }).click()]);
    await waitText(c, '#campaigns-status', '2025 年度汇总表已下载');
    const file = path.join(stack.dir, 'past.xlsx');
    await d.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const cells: string[] = [];
    wb.getWorksheet('明细表')?.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text ?? ''))));
    expect(cells.join('\n')).toContain(`${gucheng.name}`);

    // Back to this year's campaign, in the task pane's width.
    const narrow = await open(PANE);
    await connect(narrow.page, stack.token.county);
    await openCampaign(narrow.page, 'e2e-past');
    await narrow.page.waitForSelector('#townships li[data-township="gucheng"]');
    await expect(text(narrow.page, '#campaign-list li[data-campaign="e2e-past"]')).resolves.toContain('截止 2025-04-25 · 2 个乡镇（街道）：已上报 1，已通过 1，未上报 1，逾期 2');
    await shot(narrow.page, '45-county-past-campaign-340px');
    expect([...errors, ...narrow.errors]).toEqual([]);
  });

  it('a roster pasted from Excel is read in the page with cell-level messages; the campaign is created from it', async () => {
    const { page: c, errors } = await open(PANE);
    await connect(c, stack.token.county);
    await c.getByRole('button', { name: '新建工作批次' }).click();
    await waitText(c, '#admin-h', '新建工作批次');
    await c.fill('#cf-year', '２０２７');
    await c.fill('#cf-deadline', '2027年4月25日');
    await c.click('#cf-paste-box summary');
    const pasted = ['乡镇（街道）\t党组织名称\t类别', '石门镇\t石门村党支部\t村', '石门镇\t石门社区党支部\t社区', '云溪乡\t云溪村党支部\t农场'].join('\n');
    await c.fill('#cf-paste', pasted);
    await c.getByRole('button', { name: '读取粘贴的名册' }).click();
    await waitText(c, '#cf-roster-note', '1 处错误');
    await expect(c.locator('#cf-roster-issues .issue.error').getAttribute('data-cell')).resolves.toBe('C4');
    await shot(c, '46-county-pasted-roster-340px');
    await c.fill('#cf-paste', pasted.replace('农场', '村'));
    await c.getByRole('button', { name: '读取粘贴的名册' }).click();
    await waitText(c, '#admin-status', '已读取名册：3 个党组织、2 个乡镇（街道）。');
    await c.getByRole('button', { name: '创建工作批次' }).click();
    await waitText(c, '#campaigns-status', '已创建工作批次：示范县 2027 年度，2 个乡镇（街道），截止 2027-04-25。');
    await waitText(c, '#townships', '石门镇');
    await shot(c, '47-county-created-from-paste-340px');
    expect(errors).toEqual([]);
  });

  it('the deadline moved later than the links last: the page says which townships would be locked out and reissues them in one step', async () => {
    const townships: Township[] = [{ id: 'shangyuan', name: '上园镇' }, { id: 'xiayuan', name: '下园乡' }];
    // The stack's links last 30 days: past this deadline, not past the later one.
    await stack.createCampaign('e2e-extend', townships, beijingDay(Date.now() + 10 * day), '示范县', 2024);
    const later = beijingDay(Date.now() + 90 * day);
    const { page: c, errors } = await open(DESKTOP);
    await connect(c, stack.token.county);
    await openCampaign(c, 'e2e-extend');
    await waitText(c, '#access-summary', '上报链接（有效 2 / 共 2）');
    await expect(c.isVisible('#access-early')).resolves.toBe(false);

    await c.getByRole('button', { name: '修改本批次' }).click();
    await c.fill('#cf-deadline', later);
    await c.getByRole('button', { name: '保存修改' }).click();
    await waitText(c, '#campaigns-status', '已保存批次设置');
    await waitText(c, '#access-early', `上园镇、下园乡的上报链接在截止日期（${later}）前就会失效`);
    await expect(text(c, '#access-table tr[data-township="shangyuan"]')).resolves.toContain('早于截止日期，请重新发放');
    await shot(c, '49-county-links-end-before-deadline');

    await c.getByRole('button', { name: '重新发放这 2 个链接' }).click();
    await waitText(c, '#dialog-text', '上园镇、下园乡的链接在截止日期前就会失效');
    await c.click('#dialog-ok');
    await waitText(c, '#access-status', '已为 2 个乡镇（街道）重新发放上报链接');
    await expect(c.isVisible('#access-early')).resolves.toBe(false);
    await expect(text(c, '#access-table')).resolves.not.toContain('早于截止日期');
    expect(errors).toEqual([]);
  });

  it('an edit that another change overtook (409): the latest is loaded with the clerk\'s own change kept, and the county is told; saved again it goes through', async () => {
    const c0 = await stack.createCampaign('e2e-edit', [{ id: 'qiaotou', name: '桥头镇' }], '2099-04-25', '示范县', 2028);
    const { page: c, errors } = await open(DESKTOP);
    await connect(c, stack.token.county);
    await waitText(c, '#current-campaign', '2028 年度');
    await c.getByRole('button', { name: '修改本批次' }).click();
    await waitText(c, '#admin-h', '修改工作批次');
    await expect(c.inputValue('#cf-townships')).resolves.toBe('桥头镇');
    // Meanwhile someone else saves the campaign (revision 2).
    await stack.api(`/campaigns/${c0.id}`, c0.token(), { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ year: 2028, county: '示范县', deadline: '2099-05-01', townships: [{ id: 'qiaotou', name: '桥头镇' }], revision: 1 }) });
    await c.fill('#cf-townships', '桥头镇\n河口乡');
    await c.getByRole('button', { name: '保存修改' }).click();
    await waitText(c, '#admin-status', '页面已载入最新的批次设置，并保留了您未保存的修改（乡镇（街道）名单）。请核对后再保存。');
    await expect(text(c, '#admin-status')).resolves.toMatch(/^您修改的是第 1 版批次设置，但它已被改为第 2 版/);
    // The other's deadline and the clerk's township, both in the form: nothing to type again.
    await expect(c.inputValue('#cf-deadline')).resolves.toBe('2099-05-01');
    await expect(c.inputValue('#cf-townships')).resolves.toBe('桥头镇\n河口乡');
    // The heading and the list show the other's deadline too, not the one the page first read.
    await waitText(c, '#current-campaign', '截止 2099-05-01');
    await expect(text(c, '#campaign-list [data-campaign="e2e-edit"]')).resolves.toContain('2099-05-01');
    await shot(c, '48-county-edit-conflict');
    await c.getByRole('button', { name: '保存修改' }).click();
    await waitText(c, '#campaigns-status', '已保存批次设置（第 3 版）。');
    await waitText(c, '#current-campaign', '2 个乡镇（街道）');
    expect(errors).toEqual([]);
  });
});
