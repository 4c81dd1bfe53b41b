// The same built page on its "inside Excel" path: office.js is replaced by a recording fake
// (fake-office.ts), the server and storage are real. Checks that the page reads the open workbook,
// selects and paints the cells issues name, inserts the template, opens the consolidated workbook
// in Excel, and disables what an older Excel cannot do, saying why.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { defaultScheme } from '../../shared/scheme/default';
import { DETAIL_SHEET, META_SHEET, RECT_SHEET, detailColumns } from '../../shared/template/definition';
import { columnIndex } from '../../shared/template/formulas';
import { colLetter } from '../../shared/workbook/a1';
import { FILL } from '../../addin/taskpane/excel/highlight';
import { CHROMIUM, closeAll, launch, paneContext, shot } from './browser';
import { installFakeOffice, type ExcelCall, type FakeExcelConfig } from './fake-office';
import { A, startStack, type Stack } from './stack';

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

const describeBrowser = fs.existsSync(CHROMIUM) ? describe : describe.skip;

describeBrowser('task pane inside Excel (office.js replaced by a recording fake)', () => {
  let stack: Stack;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  const wb = { bad: '', good: '' };
  const scoreCell = `${colLetter(columnIndex(detailColumns(defaultScheme), 'score'))}5`;

  beforeAll(async () => {
    stack = await startStack();
    // Two independent mistakes (one message each: a bad score is not reported again at 总分/等次).
    wb.bad = b64(await stack.main.workbook(A, 11, (orgs) => orgs.map((o, i) => (i < 2 ? { ...o, scores: [99, ...o.scores.slice(1)] } : o))));
    wb.good = b64(await stack.main.workbook(A, 11));
    browser = await launch();
  }, 300_000);

  afterAll(() => closeAll(contexts, browser, stack));

  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  const openInExcel = async (cfg: Partial<FakeExcelConfig>): Promise<Page> => {
    const { context } = await paneContext(browser);
    contexts.push(context);
    const full: FakeExcelConfig = { workbook: wb.bad, sheets: ['Sheet1'], excelApi: 13, templateSheets: [DETAIL_SHEET, RECT_SHEET, META_SHEET], hiddenSheets: [META_SHEET], ...cfg };
    await context.addInitScript(installFakeOffice, full);
    // The real office.js would load here; the fake is already in place.
    await context.route(OFFICE_JS, (r) => r.fulfill({ status: 200, contentType: 'text/javascript', body: '/* office.js stand-in */' }));
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${stack.url}/taskpane.html`);
    await page.waitForSelector('body[data-ready="excel"]');
    return page;
  };

  const connect = async (page: Page, token: string) => {
    await page.fill('#token', token);
    await page.getByRole('button', { name: '连接', exact: true }).click();
    await page.waitForSelector('#role');
  };

  const calls = (page: Page) => page.evaluate(() => (window as unknown as { __excelCalls: ExcelCall[] }).__excelCalls);
  const notice = async (page: Page) => ((await page.textContent('#work-status')) ?? '').trim();

  it('township: inserts the template, checks the open workbook, goes to and paints the bad cells, uploads', async () => {
    const page = await openInExcel({});
    await expect(page.textContent('#mode')).resolves.toContain('在 Excel 中运行');
    await expect(page.isVisible('#pick')).resolves.toBe(false);
    await connect(page, stack.token.a);

    await page.getByRole('button', { name: '插入模板' }).click();
    await page.waitForFunction(() => document.querySelector('#work-status')?.textContent?.includes('已插入模板工作表'));
    const inserted = (await calls(page)).find((c) => c[0] === 'insert');
    expect(Buffer.from(String(inserted?.[1]), 'base64').subarray(0, 2).toString()).toBe('PK');
    await expect(notice(page)).resolves.toContain(`${DETAIL_SHEET}、${RECT_SHEET}`);
    // Inserting twice would make "一览表 (2)": refused, naming the sheets.
    await page.getByRole('button', { name: '插入模板' }).click();
    await page.waitForFunction(() => document.querySelector('#work-status')?.textContent?.includes('已有同名工作表'));

    await page.getByRole('button', { name: '检查', exact: true }).click();
    await page.waitForSelector('#issue-summary');
    await expect(page.textContent('#issue-summary')).resolves.toContain('错误');
    expect((await calls(page)).filter((c) => c[0] === 'getFileAsync' || c[0] === 'closeFile').map((c) => c[0])).toEqual(['getFileAsync', 'closeFile']);

    await page.locator(`button.issue[data-cell="${scoreCell}"]`).first().click();
    await page.waitForFunction((cell) => (window as unknown as { __excelCalls: ExcelCall[] }).__excelCalls.some((c) => c[0] === 'select' && c[2] === cell), scoreCell);
    expect(await calls(page)).toEqual(expect.arrayContaining([['activate', DETAIL_SHEET], ['select', DETAIL_SHEET, scoreCell]]));
    // Keyboard: the issues are real buttons; Enter on one goes to its cell.
    const second = page.locator('button.issue').nth(1);
    const secondCell = await second.getAttribute('data-cell');
    await second.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((cell) => (window as unknown as { __excelCalls: ExcelCall[] }).__excelCalls.some((c) => c[0] === 'select' && c[2] === cell), secondCell);
    await shot(page, '11-excel-issues');

    await page.getByRole('button', { name: '标出问题单元格' }).click();
    await page.waitForFunction(() => document.querySelector('#work-status')?.textContent?.includes('已标出'));
    expect(await calls(page)).toEqual(expect.arrayContaining([['fill', DETAIL_SHEET, scoreCell, FILL.error]]));
    await page.getByRole('button', { name: '清除标记' }).click();
    await page.waitForFunction(() => document.querySelector('#work-status')?.textContent?.includes('已清除'));
    expect(await calls(page)).toEqual(expect.arrayContaining([['clear', DETAIL_SHEET, scoreCell]]));

    // The clerk fixes the sheet in Excel; the upload sends the open workbook as it is now.
    await page.evaluate((good) => {
      (window as unknown as { __fakeExcel: { workbook: string } }).__fakeExcel.workbook = good;
    }, wb.good);
    await page.getByRole('button', { name: '上报', exact: true }).click();
    await page.waitForSelector('#receipt-title, #work-status.error');
    expect(await notice(page)).toContain('上报成功');
    await expect(page.textContent('#receipt-title')).resolves.toContain('第 1 版');
    await expect(page.textContent('#receipt-hash')).resolves.toBe(createHash('sha256').update(Buffer.from(wb.good, 'base64')).digest('hex'));
    await shot(page, '12-excel-uploaded');
  });

  it('county: 打开汇总表 opens the consolidated workbook in a new Excel window', async () => {
    const page = await openInExcel({ sheets: [] });
    await connect(page, stack.token.county);
    await page.getByRole('button', { name: '打开汇总表', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('#county-status')?.textContent?.includes('新的 Excel 窗口'));
    const created = (await calls(page)).find((c) => c[0] === 'createWorkbook');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(String(created?.[1]), 'base64') as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['汇总表', '明细表']));
  });

  it.each([
    ['township', 12, '插入模板', 'ExcelApi 1.13'],
    ['county', 7, '打开汇总表', 'ExcelApi 1.8'],
  ] as const)('an older Excel (%s, ExcelApi 1.%i) disables %s and says which version it needs', async (who, api, button, needs) => {
    const page = await openInExcel({ excelApi: api });
    await connect(page, who === 'county' ? stack.token.county : stack.token.a);
    await expect(page.getByRole('button', { name: button }).isDisabled()).resolves.toBe(true);
    await expect(page.textContent('main')).resolves.toContain(`此版本的 Excel 不支持`);
    await expect(page.textContent('main')).resolves.toContain(needs);
    if (who === 'county') await shot(page, '13-excel-too-old');
  });
});

