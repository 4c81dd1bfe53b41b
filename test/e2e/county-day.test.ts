// Acceptance: a county runs a whole round from the page alone, on a fresh server with empty
// storage. The county signs in by the link `npm start` prints, lands on 新建工作批次, fills the
// 名册 template it downloaded (a mistake first: the page shows it at its cell), creates the
// campaign from it, issues the links and downloads the 派发表; a township opens its link from the
// 派发表, downloads its template, uploads with an error, fixes it, uploads; the county opens its rows,
// returns it with a comment; the township re-uploads; the county reads the diff, accepts every
// township at once and downloads the consolidated workbook. Only the test's "clerk in Excel"
// steps (filling a downloaded workbook) happen outside the page. Screenshots: test-artifacts/e2e/2x-*.png.
import * as fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { fillRoster, townshipSample } from '../../functions/dev/demo-data';
import { readSignInFragment } from '../../shared/api/link';
import { defaultScheme } from '../../shared/scheme/default';
import { fillTemplate, type FillOrg } from '../../shared/template/fill';
import { CHROMIUM, closeAll, DESKTOP, launch, PANE, shot } from './browser';
import { startEmptyStack, type EmptyStack } from './empty-stack';
import { openLink, text, waitText, type Opened } from './page';

const haveChromium = fs.existsSync(CHROMIUM);
const describeBrowser = haveChromium ? describe : describe.skip;

const TOWNSHIPS = ['城关镇', '东山镇', '西河乡'];
const COMMENT = '“好”等次的情况说明过于简单，请补充后重新上报。';
const INFO = { filledBy: '王秀英', phone: '0790-1234567', filledOn: '2026-04-20' };

/** Each township's organizations, the same rows in the 名册 and in its filled workbook. */
const sample = (i: number) => townshipSample(i, { name: TOWNSHIPS[i] as string });

async function saved(stack: EmptyStack, d: Download, name: string): Promise<Uint8Array> {
  const p = `${stack.dir}/${name}`;
  await d.saveAs(p);
  return new Uint8Array(fs.readFileSync(p));
}

async function download(stack: EmptyStack, page: Page, click: () => Promise<void>, name: string): Promise<{ bytes: Uint8Array; suggested: string }> {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  return { bytes: await saved(stack, d, name), suggested: d.suggestedFilename() };
}

async function sheetRows(bytes: Uint8Array, sheet: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.getWorksheet(sheet)?.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (c) => cells.push(String(c.text ?? '')));
    rows.push(cells);
  });
  return rows;
}

describeBrowser('a county’s day, from the page only (empty storage)', () => {
  let stack: EmptyStack;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    stack = await startEmptyStack();
    browser = await launch();
  }, 300_000);

  afterAll(() => closeAll(contexts, browser, stack));

  const open = async (link: string, width: number): Promise<Opened> => {
    const o = await openLink(browser, link, width);
    contexts.push(o.context);
    return o;
  };

  /** A township opens its link, downloads its template and uploads `orgs` filled into it. */
  const upload = async (page: Page, name: string, file: string, orgs: FillOrg[], i: number, says: string) => {
    const tpl = await download(stack, page, () => page.getByRole('button', { name: '下载模板', exact: true }).click(), `${name}-模板.xlsx`);
    const bytes = await fillTemplate(tpl.bytes, { scheme: defaultScheme, info: { township: name, ...INFO }, orgs, rectifications: sample(i).rectifications });
    await page.setInputFiles('#file', stack.file(file, bytes));
    await waitText(page, '#work-status', '检查');
    await page.getByRole('button', { name: '上报', exact: true }).click();
    await waitText(page, '#work-status', says);
  };

  it('sign in → 名册 → campaign → links → township uploads → review, return, diff → 全部通过 → 汇总表', async () => {
    // 1. The county opens the link `npm start` printed: signed in, the token gone from the address, on 新建工作批次.
    const county = await open(stack.signIn.link, DESKTOP);
    const c = county.page;
    await waitText(c, '#admin-h', '新建工作批次');
    expect(c.url()).toBe(`${stack.url}/taskpane.html`);
    await expect(text(c, '#unit')).resolves.toBe('青山县');
    await expect(c.inputValue('#cf-county')).resolves.toBe('青山县');
    await expect(text(c, '#current-campaign')).resolves.toBe('本县还没有工作批次。');
    await shot(c, '20-county-first-sign-in');

    // 2. The blank 名册 from the page, filled "in Excel" — with a category that does not exist.
    const blank = await download(stack, c, () => c.getByRole('button', { name: '下载名册模板' }).click(), '名册模板.xlsx');
    const rows = TOWNSHIPS.flatMap((t, i) => sample(i).orgs.map((org) => ({ township: t, org })));
    const wrong = rows.map((r, k) => (k === 1 ? { ...r, org: { ...r.org, category: '农场' } } : r));
    await c.setInputFiles('#cf-roster-file', stack.file('党组织名册-有错.xlsx', await fillRoster(blank.bytes, wrong)));
    await waitText(c, '#cf-roster-note', '1 处错误');
    await expect(c.locator('#cf-roster-issues .issue.error').first().getAttribute('data-cell')).resolves.toBe('C7'); // title, note, the unit/date block (2 rows), header; the second organization
    await expect(text(c, '#cf-roster-issues')).resolves.toContain('“农场”不在本批次的评定标准中');
    await shot(c, '21-county-roster-with-error');
    await c.setInputFiles('#cf-roster-file', stack.file('党组织名册.xlsx', await fillRoster(blank.bytes, rows)));
    await waitText(c, '#cf-roster-summary', `已读取“党组织名册.xlsx”：${rows.length} 个党组织、3 个乡镇（街道）`);

    // 3. A deadline that does not exist is said beside the field before anything is sent; then a real one.
    await c.fill('#cf-deadline', '2026-02-30');
    await c.locator('#cf-deadline').blur();
    await waitText(c, '#cf-deadline-note', '“2026-02-30”不是有效的日期');
    await c.fill('#cf-deadline', '2099-04-25');
    await c.locator('#cf-deadline').blur();
    await expect(text(c, '#cf-deadline-note')).resolves.toBe('');
    await c.getByRole('button', { name: '创建工作批次' }).click();
    await waitText(c, '#campaigns-status', '已创建工作批次');
    await expect(text(c, '#campaigns-status')).resolves.toMatch(/^已创建工作批次：青山县 20\d\d 年度，3 个乡镇（街道），截止 2099-04-25。下一步：在“上报链接”中发放各乡镇（街道）的链接。$/);
    await expect(c.isVisible('#admin-section')).resolves.toBe(false);
    await shot(c, '22-county-campaign-created');

    // 4. Links for every township, and the 派发表; the test takes 城关镇's link from the sheet.
    await c.getByRole('button', { name: '发放全部未发放的链接' }).click();
    await waitText(c, '#access-status', '已为 3 个乡镇（街道）发放上报链接');
    await shot(c, '23-county-links-issued');
    const sheet = await download(stack, c, () => c.getByRole('button', { name: '下载派发表' }).click(), '派发表.xlsx');
    const sheetText = (await sheetRows(sheet.bytes, '上报链接派发表')).map((r) => r.join('\t'));
    const linkOf = (name: string) => {
      const line = sheetText.find((l) => l.includes(name) && l.includes('#server='));
      const link = line?.split('\t').find((x) => x.includes('#server='));
      if (!link) throw new Error(`no link for ${name} in the 派发表:\n${sheetText.join('\n')}`);
      return link;
    };
    const chengguan = linkOf('城关镇');
    expect(readSignInFragment(new URL(chengguan).hash)?.server).toBe(stack.url);

    // 5. 城关镇 opens its link in the task pane: its own work, its template (roster pre-filled).
    const tw = await open(chengguan, PANE);
    const t = tw.page;
    await waitText(t, '#unit', '城关镇');
    await shot(t, '24-township-signed-in');
    const orgs = sample(0).orgs;
    const broken = orgs.map((o, k) => (k === 2 ? { ...o, scores: [120, ...o.scores.slice(1)] } : o));
    await upload(t, '城关镇', '城关镇-有错.xlsx', broken, 0, '未上报');
    await expect(t.locator('#issues .issue.error').count()).resolves.toBeGreaterThan(0);
    await shot(t, '25-township-upload-refused');
    await upload(t, '城关镇', '城关镇.xlsx', orgs, 0, '上报成功');
    await shot(t, '26-township-uploaded');

    // 东山镇 reports too (so 全部通过 has more than one).
    const ds = await open(linkOf('东山镇'), PANE);
    await waitText(ds.page, '#unit', '东山镇');
    await upload(ds.page, '东山镇', '东山镇.xlsx', sample(1).orgs, 1, '上报成功');

    // 6. The county opens 城关镇's rows: 填报人, 电话, quota, every organization; first version, no diff. Returns it.
    await c.click('#county-section #refresh');
    await c.getByRole('button', { name: '查看：城关镇' }).click();
    await waitText(c, '#detail-h', '城关镇 · 第 1 版');
    await c.waitForSelector('#detail-rows');
    await expect(text(c, '#detail-info')).resolves.toContain('王秀英');
    await expect(text(c, '#detail-info')).resolves.toContain('0790-1234567');
    await expect(c.locator('#detail-rows tbody tr').count()).resolves.toBe(orgs.length);
    await expect(text(c, '#detail-diff')).resolves.toContain('这是第 1 版');
    await shot(c, '27-county-township-rows');
    await c.click('#detail-return');
    await c.getByRole('button', { name: '确认退回' }).click();
    await waitText(c, '#detail-section .why', '请填写退回意见，乡镇据此修改。');
    await c.getByLabel('退回意见（城关镇）').fill(COMMENT);
    await c.getByRole('button', { name: '确认退回' }).click();
    await waitText(c, '#detail-status', '城关镇第 1 版：已退回。');

    // 7. 城关镇 sees the comment, changes one score and an explanation, uploads version 2.
    await t.getByRole('button', { name: '刷新', exact: true }).click();
    await waitText(t, '#review-comment', COMMENT);
    await shot(t, '28-township-returned');
    const k = orgs.findIndex((o) => typeof o.scores[6] === 'number' && (o.scores[6] as number) > 1 && o.explanation);
    const changed = orgs.map((o, j) => (j === k ? { ...o, scores: o.scores.map((s, x) => (x === 6 ? (s as number) - 1 : s)), explanation: `${String(o.explanation)}（已补充）` } : o));
    await upload(t, '城关镇', '城关镇-第2版.xlsx', changed, 0, '上报成功：第 2 版');

    // 8. The county reads what changed, accepts every township waiting, downloads the 汇总表.
    await c.click('#county-section #refresh');
    await waitText(c, '#county-content', '第 2 版');
    await c.getByRole('button', { name: '查看：城关镇' }).click();
    await waitText(c, '#detail-h', '城关镇 · 第 2 版');
    await waitText(c, '#diff-summary', '修改 1 个党组织');
    const name = String(orgs[k]?.name);
    await expect(text(c, '#detail-diff')).resolves.toContain(name);
    await expect(c.locator(`#detail-rows tr.row-changed[data-org="${name}"] td.cell-changed`).count()).resolves.toBeGreaterThanOrEqual(2);
    await shot(c, '29-county-version-diff');
    await c.getByRole('button', { name: '全部通过（2 个待审核）' }).click();
    await waitText(c, '#dialog-text', '通过 2 个待审核的乡镇（街道）');
    await shot(c, '30-county-bulk-confirm');
    await c.click('#dialog-ok');
    await waitText(c, '#county-status', '已通过 2 个乡镇（街道）。');
    await expect(text(c, '#bulk-list')).resolves.toContain('城关镇 第 2 版：已通过');
    // The open version follows the decision.
    await waitText(c, '#detail-state', '已审核通过');
    await expect(c.isVisible('#detail-reopen')).resolves.toBe(true);
    await shot(c, '31-county-bulk-accepted');
    const wb = await download(stack, c, () => c.getByRole('button', { name: '下载汇总表', exact: true }).click(), '县汇总表.xlsx');
    const detail = (await sheetRows(wb.bytes, '明细表')).map((r) => r.join('\t')).join('\n');
    for (const o of changed) expect(detail).toContain(String(o.name));
    expect(county.errors).toEqual([]);
    expect(tw.errors).toEqual([]);
  }, 600_000);
});
