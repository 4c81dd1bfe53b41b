// The county's view in Debian Chromium against the real dev host and Azurite: cards in the
// 340-px task pane (accept, return with a required comment, the consolidated workbook), and on a
// desktop a sortable table with filters and a totals row — with real submissions, and with 40
// townships whose completeness answer is scripted (lateness depends on the clock, which a test
// cannot move on the server). Each test makes its own campaign or townships, so any one passes alone.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { completenessSchema, type Completeness } from '../../shared/api/contract';
import type { FillOrg } from '../../shared/template/fill';
import { CHROMIUM, closeAll, DESKTOP, launch, PANE, shot } from './browser';
import { connect, openPage, text, waitText, type Opened } from './page';
import { E, F, startStack, type CampaignHandle, type Stack, type Township } from './stack';

const haveChromium = fs.existsSync(CHROMIUM);
const describeBrowser = haveChromium ? describe : describe.skip;

const COMMENT = '第3行情况说明不全，请补充后重新上报。';

/** Names with a known pinyin order: an, bei, cheng, dong, feng, gao. */
const SIX: Township[] = [
  { id: 'anhe', name: '安和镇' },
  { id: 'beiling', name: '北岭乡' },
  { id: 'chengguan', name: '城关镇' },
  { id: 'dongshan', name: '东山乡' },
  { id: 'fenghuang', name: '凤凰镇' },
  { id: 'gaoqiao', name: '高桥乡' },
];

describeBrowser('county in a browser', () => {
  let stack: Stack;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    stack = await startStack();
    browser = await launch();
  }, 300_000);

  afterAll(() => closeAll(contexts, browser, stack));

  const open = async (width: number): Promise<Opened> => {
    const o = await openPage(browser, stack.url, width);
    contexts.push(o.context);
    return o;
  };

  const bodyNames = (page: Page) => page.$$eval('#county-table tbody tr[data-township] th', (els) => els.map((e) => (e.textContent ?? '').trim()));
  const totalsCells = (page: Page) => page.$$eval('#county-totals > *', (els) => els.map((e) => (e.textContent ?? '').trim()));

  it('task pane (cards): accepts one township, returns another with a required comment, downloads the consolidated workbook', async () => {
    await stack.main.upload(E, await stack.main.workbook(E, 41));
    await stack.main.upload(F, await stack.main.workbook(F, 42));
    const { page, errors } = await open(PANE);
    await connect(page, stack.token.county);
    await expect(text(page, '#role')).resolves.toContain('县委组织部');
    await expect(page.$('#county-table')).resolves.toBeNull();
    const card = (t: Township) => page.locator(`#townships li[data-township="${t.id}"]`);
    await expect(card(E).textContent()).resolves.toContain('已上报待审核');
    await expect(card(F).textContent()).resolves.toContain('第 1 版');
    await shot(page, '10-county-cards');

    await page.getByRole('button', { name: `通过：${E.name}` }).click();
    // The page's own confirmation (never window.confirm), naming the township and the version.
    await waitText(page, '#dialog-text', `通过${E.name}第 1 版？`);
    await shot(page, '10b-county-accept-confirm');
    await page.click('#dialog-ok');
    await page.waitForFunction((id) => document.querySelector(`#townships li[data-township="${id}"]`)?.textContent?.includes('已审核通过'), E.id);
    await expect(text(page, '#county-status')).resolves.toBe(`${E.name}：已通过。`);

    // 查看 in the task pane: the version's rows scroll sideways in their own box.
    await page.getByRole('button', { name: `查看：${F.name}` }).click();
    await waitText(page, '#detail-h', `${F.name} · 第 1 版`);
    await page.waitForSelector('#detail-rows');
    await expect(page.$eval('#detail-section .table-wrap', (w) => w.clientWidth <= 340 && w.scrollWidth > w.clientWidth)).resolves.toBe(true);
    await expect(page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
    await shot(page, '10c-county-detail-340px');
    await page.click('#detail-close');
    await page.getByRole('button', { name: `退回：${F.name}` }).click();
    // An empty comment: the page's own Chinese sentence, not the browser's bubble.
    await page.getByRole('button', { name: '确认退回' }).click();
    await waitText(page, `#why-${F.id}`, '请填写退回意见，乡镇据此修改。');
    await page.getByLabel(`退回意见（${F.name}）`).fill(COMMENT);
    await shot(page, '11-county-return-comment');
    await page.getByRole('button', { name: '确认退回' }).click();
    await page.waitForFunction((id) => document.querySelector(`#townships li[data-township="${id}"]`)?.textContent?.includes('已退回'), F.id);
    await expect(card(F).textContent()).resolves.toContain(COMMENT);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载汇总表', exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const saved = path.join(stack.dir, 'consolidated.xlsx');
    await download.saveAs(saved);
    await shot(page, '12-county-downloaded');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const cells: string[] = [];
    wb.getWorksheet('明细表')?.eachRow((row) => row.eachCell((c) => cells.push(String(c.text ?? ''))));
    expect(cells.join('\n')).toContain(E.name);
    expect(errors).toEqual([]);
  });

  it('desktop: accepting a township whose 比例 is 不符合 — the confirmation (one, and 全部通过) says so before anything is locked', async () => {
    const [gaoqiao, fenghuang] = [SIX[5], SIX[4]] as [Township, Township];
    const c: CampaignHandle = await stack.createCampaign('e2e-quota', [fenghuang, gaoqiao], '2099-04-25');
    // Every village 好 (with the explanation 好 needs): far over the 20 % cap.
    const allGood = (orgs: FillOrg[]) => orgs.map((o) => ({ ...o, category: '村', scores: [15, 15, 10, 10, 10, 20, 20], grade: undefined, explanation: '党建工作扎实' }));
    await c.upload(gaoqiao, await c.workbook(gaoqiao, 60, allGood));
    await c.upload(fenghuang, await c.workbook(fenghuang, 61));
    const { page, errors } = await open(DESKTOP);
    await connect(page, c.token());
    const row = page.locator('#county-table tbody tr[data-township="gaoqiao"]');
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('不符合');

    await page.getByRole('button', { name: '通过：高桥乡' }).click();
    await waitText(page, '#dialog-text', '注意：高桥乡的比例不符合要求（');
    await expect(text(page, '#dialog-text')).resolves.toMatch(/^注意：高桥乡的比例不符合要求（.*定为“好”的有 \d+ 个.*）。通过高桥乡第 1 版？/);
    await shot(page, '13b-county-accept-quota-breach');
    await page.click('#dialog-cancel');
    await page.getByRole('button', { name: /^全部通过（2 个待审核）/ }).click();
    await waitText(page, '#dialog-text', '注意：其中高桥乡的比例不符合要求');
    await page.click('#dialog-cancel');
    await expect(text(page, '#county-status')).resolves.toBe('');
    await expect(row.textContent()).resolves.toContain('已上报待审核');
    expect(errors).toEqual([]);
  });

  it('desktop: a table of real submissions — sort by 状态, filter 待审核, totals row, return and accept from the table', async () => {
    const c: CampaignHandle = await stack.createCampaign('e2e-table', SIX, '2099-04-25');
    const [anhe, beiling, chengguan, dongshan] = SIX as [Township, Township, Township, Township];
    for (const [i, t] of [anhe, beiling, chengguan, dongshan].entries()) await c.upload(t, await c.workbook(t, 50 + i));
    await c.review(anhe, { action: 'accept', version: 1 });
    await c.review(beiling, { action: 'return', comment: COMMENT, version: 1 });

    const { page, errors } = await open(DESKTOP);
    await connect(page, c.token());
    await page.waitForSelector('#county-table');
    await expect(page.$('#townships')).resolves.toBeNull();
    await expect(text(page, '#county-table caption')).resolves.toMatch(/^共 6 个乡镇（街道）/);
    await expect(bodyNames(page)).resolves.toEqual(['安和镇', '北岭乡', '城关镇', '东山乡', '凤凰镇', '高桥乡']);
    await expect(totalsCells(page)).resolves.toEqual(expect.arrayContaining(['合计（6 个）', '已通过 1 · 待审核 2 · 已退回 1 · 未上报 2', '逾期 0']));
    // 填报人 and 电话 come from the township's current version; a township that has not reported shows —.
    const row = page.locator('#county-table tbody tr[data-township="chengguan"]');
    await expect(row.locator('td').nth(4).textContent()).resolves.toBe('王秀英');
    await expect(row.locator('td').nth(5).textContent()).resolves.toBe('0793-1234567');
    const missing = page.locator('#county-table tbody tr[data-township="fenghuang"]');
    await expect(missing.locator('td').nth(4).textContent()).resolves.toBe('—');

    // Sort by 状态: 未上报, 已退回, 待审核, 已通过; again: the other way round.
    await page.click('#county-table thead button[data-sort="state"]');
    await expect(bodyNames(page)).resolves.toEqual(['凤凰镇', '高桥乡', '北岭乡', '城关镇', '东山乡', '安和镇']);
    await expect(page.getAttribute('#county-table thead th:has(button[data-sort="state"])', 'aria-sort')).resolves.toBe('ascending');
    await page.click('#county-table thead button[data-sort="state"]');
    await expect(bodyNames(page)).resolves.toEqual(['安和镇', '城关镇', '东山乡', '北岭乡', '凤凰镇', '高桥乡']);

    await page.getByRole('button', { name: '待审核 2' }).click();
    await expect(bodyNames(page)).resolves.toEqual(['城关镇', '东山乡']);
    await expect(totalsCells(page)).resolves.toEqual(expect.arrayContaining(['合计（2 个）', '已通过 0 · 待审核 2 · 已退回 0 · 未上报 0']));
    await shot(page, '13-county-table-filtered');

    await page.getByRole('button', { name: '退回：城关镇' }).click();
    await page.getByRole('button', { name: '确认退回' }).click();
    await waitText(page, '#why-chengguan', '请填写退回意见');
    await page.getByLabel('退回意见（城关镇）').fill(COMMENT);
    await shot(page, '14-county-table-return');
    await page.getByRole('button', { name: '确认退回' }).click();
    await waitText(page, '#county-status', '城关镇：已退回。');
    await expect(bodyNames(page)).resolves.toEqual(['东山乡']);

    await page.getByRole('button', { name: '通过：东山乡' }).click();
    await page.getByRole('button', { name: '确认通过' }).click();
    await waitText(page, '#county-status', '东山乡：已通过。');
    await expect(text(page, '#county-table tbody')).resolves.toBe('没有符合筛选条件的乡镇。');
    await page.getByRole('button', { name: '全部 6' }).click();
    await expect(totalsCells(page)).resolves.toEqual(expect.arrayContaining(['已通过 2 · 待审核 0 · 已退回 2 · 未上报 2']));
    expect(errors).toEqual([]);
  });

  it('desktop: 40 townships — sort by 上报时间, filter 逾期, the totals row adds up what is shown', async () => {
    const forty = Array.from({ length: 40 }, (_, i) => ({ id: `t${String(i + 1).padStart(2, '0')}`, name: `${'东西南北中上下新老大'[i % 10]}${'山河湖岭'[Math.floor(i / 10)]}${i % 2 ? '乡' : '镇'}` }));
    const c = await stack.createCampaign('e2e-forty', forty, '2026-04-25');
    const grades = ['好', '较好', '一般', '较差'];
    const townships = forty.map((t, i) => {
      const state = (['missing', 'returned', 'submitted', 'submitted', 'accepted'] as const)[i % 5];
      const inn = state !== 'missing';
      return {
        ...t,
        state,
        late: state === 'missing' ? i % 10 === 0 : i % 4 === 0,
        currentVersion: inn ? 1 + (i % 3) : null,
        receivedAt: inn ? new Date(Date.UTC(2026, 3, 10, i)).toISOString() : null,
        quota: inn ? { ok: i % 7 !== 0, summary: i % 7 ? '比例符合要求' : '不符合比例要求：好 超过上限 20%' } : null,
        comment: state === 'returned' ? '请补充情况说明' : null,
        // Fields the county API will send; shown when present.
        ...(inn && i % 2 === 0 ? { filledBy: `填报人${i}`, phone: `0793-${1000 + i}`, counts: { 好: i % 3, 较好: 5, 一般: 2, 较差: 1 } } : {}),
      };
    });
    const answer: Completeness = completenessSchema.parse({
      campaign: (await (await stack.api(`/campaigns/${c.id}`, c.token())).json()) as unknown,
      townships,
      totals: { missing: 8, submitted: 16, returned: 8, accepted: 8, late: townships.filter((t) => t.late).length },
    });
    const { page, errors } = await open(DESKTOP);
    await page.route(`**/api/campaigns/${c.id}/completeness`, (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ...answer, townships }) }));
    await connect(page, c.token());
    await page.waitForSelector('#county-table');
    await expect(page.$$('#county-table tbody tr[data-township]')).resolves.toHaveLength(40);
    // Comfortable: one line per township, and the whole table as wide as the page allows.
    await shot(page, '15-county-table-40');
    const heights = await page.$$eval('#county-table tbody tr[data-township]', (rows) => rows.map((r) => r.getBoundingClientRect().height));
    expect(Math.max(...heights)).toBeLessThanOrEqual(40);
    await expect(page.$eval('.table-wrap', (w) => w.scrollWidth <= w.clientWidth)).resolves.toBe(true);

    await page.click('#county-table thead button[data-sort="receivedAt"]');
    const byTime = [...townships].filter((t) => t.receivedAt).sort((a, b) => Date.parse(a.receivedAt ?? '') - Date.parse(b.receivedAt ?? ''));
    const names = await bodyNames(page);
    expect(names.slice(0, byTime.length)).toEqual(byTime.map((t) => t.name));
    expect(names.slice(byTime.length).sort()).toEqual(townships.filter((t) => !t.receivedAt).map((t) => t.name).sort());

    const late = townships.filter((t) => t.late);
    await page.getByRole('button', { name: `逾期 ${late.length}` }).click();
    await expect(bodyNames(page)).resolves.toEqual(byTime.filter((t) => t.late).map((t) => t.name).concat(late.filter((t) => !t.receivedAt).map((t) => t.name).sort((a, b) => a.localeCompare(b, 'zh-Hans-CN'))));
    await expect(page.$$eval('#county-table tbody tr[data-township]', (rows) => rows.every((r) => r.textContent?.includes('逾期')))).resolves.toBe(true);
    // As the 汇总表: a returned township's figures are not added.
    const sum = (g: string) => String(late.filter((t) => t.state === 'submitted' || t.state === 'accepted').reduce((n, t) => n + (('counts' in t ? (t.counts as Record<string, number>)[g] : 0) ?? 0), 0));
    const by = (s: string) => late.filter((t) => t.state === s).length;
    await expect(totalsCells(page)).resolves.toEqual([
      `合计（${late.length} 个）`,
      `已通过 ${by('accepted')} · 待审核 ${by('submitted')} · 已退回 ${by('returned')} · 未上报 ${by('missing')}`,
      '',
      '',
      `逾期 ${late.length}`,
      '',
      '',
      ...grades.map(sum),
      `不符合 ${late.filter((t) => (t.state === 'submitted' || t.state === 'accepted') && t.quota && !t.quota.ok).length}`,
      '',
    ]);
    await shot(page, '16-county-table-late');
    expect(errors).toEqual([]);
  });
});
