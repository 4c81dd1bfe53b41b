// The standalone page in Debian Chromium at task-pane width, against the real dev host and
// Azurite: a township checks a workbook with errors, fixes it, uploads; the county reviews,
// returns another township's upload with a comment that township then reads; the county downloads
// the consolidated workbook, which is opened with exceljs. Screenshots go to test-artifacts/e2e/.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { defaultScheme } from '../../shared/scheme/default';
import { detailColumns } from '../../shared/template/definition';
import { columnIndex } from '../../shared/template/formulas';
import { colLetter } from '../../shared/workbook/a1';
import { CHROMIUM, launch, paneContext, shot } from './browser';
import { A, B, startStack, type Stack } from './stack';

const COMMENT = '第3行情况说明不全，请补充后重新上报。';

const haveChromium = fs.existsSync(CHROMIUM);
const describeBrowser = haveChromium ? describe : describe.skip;
if (!haveChromium) console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium; .ci/run does it)`);

describeBrowser('task pane in a browser (standalone page)', () => {
  let stack: Stack;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  const files = { bad: '', good: '', other: '' };
  const scoreCol = colLetter(columnIndex(detailColumns(defaultScheme), 'score'));
  const gradeCol = colLetter(columnIndex(detailColumns(defaultScheme), 'grade'));

  beforeAll(async () => {
    stack = await startStack();
    files.bad = path.join(stack.dir, '城关镇-有错误.xlsx');
    files.good = path.join(stack.dir, '城关镇-已改正.xlsx');
    // Row 5: a score over its maximum; row 7: a grade that does not exist.
    const broken = await stack.workbook(A, 7, (orgs) => orgs.map((o, i) => (i === 0 ? { ...o, scores: [120, ...o.scores.slice(1)] } : i === 2 ? { ...o, grade: '优秀' } : o)));
    fs.writeFileSync(files.bad, broken);
    fs.writeFileSync(files.good, await stack.workbook(A, 7));
    files.other = path.join(stack.dir, '东山乡的模板.xlsx');
    fs.writeFileSync(files.other, await stack.workbook(B, 9));
    browser = await launch();
  }, 300_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await stack?.stop();
  });

  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  const openPane = async (): Promise<Page> => {
    const { context, errors } = await paneContext(browser);
    contexts.push(context);
    const page = await context.newPage();
    errors.length = 0;
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${stack.url}/taskpane.html`);
    await page.waitForSelector('body[data-ready="browser"]');
    return page;
  };

  const connect = async (page: Page, tok: string) => {
    await expect(page.inputValue('#server-url')).resolves.toBe(stack.url);
    await page.fill('#token', tok);
    await page.getByRole('button', { name: '连接', exact: true }).click();
    await page.waitForSelector('#role');
  };

  let townshipA: Page;
  let county: Page;

  it('township: picking a workbook with errors lists them by sheet with cell addresses', async () => {
    townshipA = await openPane();
    await expect(page(townshipA).text('#mode')).resolves.toContain('独立网页');
    await connect(townshipA, stack.token.a);
    await expect(page(townshipA).text('#unit')).resolves.toBe(A.name);
    await expect(page(townshipA).text('#role')).resolves.toContain('乡镇');
    await shot(townshipA, '01-township-connected');

    await townshipA.setInputFiles('#file', files.bad);
    await townshipA.waitForSelector('#issue-summary');
    await expect(page(townshipA).text('#issue-summary')).resolves.toMatch(/发现 \d+ 个错误/);
    const cells = await townshipA.$$eval('#issues .issue.error', (els) => els.map((e) => e.getAttribute('data-cell')));
    expect(cells).toEqual(expect.arrayContaining([`${scoreCol}5`, `${gradeCol}7`]));
    const groupText = await page(townshipA).text('#issues');
    expect(groupText).toContain('工作表“分类定级情况一览表”');
    expect(groupText).toContain('错误');
    await shot(townshipA, '02-township-errors');
  });

  it("township: the server's refusal (422: another township's template) lands in the same issue list", async () => {
    await townshipA.setInputFiles('#file', files.other);
    await townshipA.waitForFunction(() => document.querySelector('#issue-summary')?.textContent?.includes('未发现问题'));
    await townshipA.getByRole('button', { name: '上报', exact: true }).click();
    await townshipA.waitForSelector('#notice.error');
    await expect(page(townshipA).text('#notice')).resolves.toContain('服务器未接收');
    await expect(page(townshipA).text('#issues')).resolves.toContain('服务器检查结果');
    await expect(page(townshipA).text('#issues')).resolves.toContain(B.name);
    await expect(townshipA.$('#receipt-title')).resolves.toBeNull();
    await shot(townshipA, '03a-township-refused');
  });

  it('township: the fixed workbook checks clean and uploads; the receipt shows version, time and hash', async () => {
    await townshipA.setInputFiles('#file', files.good);
    await townshipA.waitForFunction(() => !document.querySelector('#issue-summary')?.textContent?.includes('错误'));
    await expect(townshipA.$$('#issues .issue.error')).resolves.toHaveLength(0);

    await townshipA.getByRole('button', { name: '上报', exact: true }).click();
    await townshipA.waitForSelector('#receipt-title, #notice.error');
    await expect(page(townshipA).text('#notice')).resolves.toContain('上报成功');
    await expect(page(townshipA).text('#receipt-title')).resolves.toContain('第 1 版');
    await expect(page(townshipA).text('#receipt-hash')).resolves.toMatch(/^[0-9a-f]{64}$/);
    await expect(page(townshipA).text('#receipt')).resolves.toMatch(/收到时间\s*\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await townshipA.waitForSelector('#review-state');
    await expect(page(townshipA).text('#review-state')).resolves.toContain('已上报');
    await expect(page(townshipA).text('#versions')).resolves.toContain('第 1 版');
    await shot(townshipA, '03b-township-receipt');
  });

  it('county: sees completeness, accepts one township and returns the other with a comment', async () => {
    // The second township uploads through the API; only the county's view is under test here.
    await stack.upload(B, await stack.workbook(B, 8));

    county = await openPane();
    await connect(county, stack.token.county);
    await expect(page(county).text('#role')).resolves.toContain('县委组织部');
    const card = (t: { id: string }) => county.locator(`#townships li[data-township="${t.id}"]`);
    await expect(card(A).textContent()).resolves.toContain('已上报待审核');
    await expect(card(B).textContent()).resolves.toContain('第 1 版');
    await expect(page(county).text('#totals')).resolves.toContain('待审核 2');
    await shot(county, '04-county-completeness');

    await county.getByRole('button', { name: `通过：${A.name}` }).click();
    await county.waitForFunction((id) => document.querySelector(`#townships li[data-township="${id}"]`)?.textContent?.includes('已审核通过'), A.id);

    await county.getByRole('button', { name: `退回：${B.name}` }).click();
    await county.getByLabel(`退回意见（${B.name}）`).fill(COMMENT);
    await shot(county, '05-county-return-comment');
    await county.getByRole('button', { name: '确认退回' }).click();
    await county.waitForFunction((id) => document.querySelector(`#townships li[data-township="${id}"]`)?.textContent?.includes('已退回'), B.id);
    await expect(card(B).textContent()).resolves.toContain(COMMENT);
    await expect(page(county).text('#totals')).resolves.toMatch(/已通过 1.*已退回 1/);
    await shot(county, '06-county-reviewed');
  });

  it('township: the returned township sees the county comment (connection remembered on reopening)', async () => {
    const townshipB = await openPane();
    await connect(townshipB, stack.token.b);
    await townshipB.waitForSelector('#review-comment');
    await expect(page(townshipB).text('#review-state')).resolves.toContain('已退回');
    await expect(page(townshipB).text('#review-comment')).resolves.toContain(COMMENT);
    await shot(townshipB, '07-township-returned');

    // Reopening the page connects with the remembered server and token.
    await townshipB.reload();
    await townshipB.waitForSelector('body[data-ready="browser"]');
    await townshipB.waitForSelector('#review-comment');
    await expect(page(townshipB).text('#unit')).resolves.toBe(B.name);
  });

  it('township: 刷新 shows the county decision in a page that stayed open', async () => {
    await expect(page(townshipA).text('#review-state')).resolves.toContain('已上报');
    await townshipA.getByRole('button', { name: '刷新' }).click();
    await townshipA.waitForFunction(() => document.querySelector('#review-state')?.textContent?.includes('已审核通过'));
    await expect(page(townshipA).text('#status')).resolves.toContain('已通过并锁定');
  });

  it('county: downloads the consolidated workbook, which holds the accepted township rows', async () => {
    const [download] = await Promise.all([county.waitForEvent('download'), county.getByRole('button', { name: '下载汇总表' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const saved = path.join(stack.dir, 'consolidated.xlsx');
    await download.saveAs(saved);
    await shot(county, '08-county-downloaded');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['汇总表', '明细表']));
    const text = (name: string) => {
      const out: string[] = [];
      wb.getWorksheet(name)?.eachRow((row) => row.eachCell((c) => out.push(String(c.text ?? ''))));
      return out.join('\n');
    };
    expect(text('明细表')).toContain(A.name);
    expect(text('汇总表')).toContain(A.name);
  });
});

/** Small readers for page text. */
function page(p: Page) {
  return { text: async (sel: string) => ((await p.textContent(sel)) ?? '').trim() };
}
