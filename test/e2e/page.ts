// Opening the built page in Chromium and the steps every browser test takes.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { paneContext, PANE } from './browser';

export interface Opened {
  page: Page;
  context: BrowserContext;
  /** Uncaught errors in the page; a test ends by expecting none. */
  errors: string[];
}

/** The standalone page at `width`; `before` runs in the page before its scripts (e.g. to plant a remembered token). */
export async function openPage(browser: Browser, url: string, width = PANE, before?: { script: (arg: string) => void; arg: string }): Promise<Opened> {
  const { context } = await paneContext(browser, width);
  if (before) await context.addInitScript(before.script, before.arg);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${url}/taskpane.html`);
  await page.waitForSelector('body[data-ready="browser"]');
  return { page, context, errors };
}

/** The page opened by a link (a sign-in or invitation link with its #server=…&token=… fragment). */
export async function openLink(browser: Browser, link: string, width = PANE): Promise<Opened> {
  const { context } = await paneContext(browser, width);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(link);
  await page.waitForSelector('body[data-ready="browser"]');
  return { page, context, errors };
}

/** Pastes a token and connects; resolves when the page is connected or has said why not. */
export async function connect(page: Page, token: string): Promise<void> {
  await page.fill('#token', token);
  await page.getByRole('button', { name: '连接', exact: true }).click();
  await page.waitForSelector('#role, #connect-status.error');
}

export async function text(page: Page, selector: string): Promise<string> {
  return ((await page.textContent(selector)) ?? '').trim();
}

/** Waits until the element's text contains `part`. */
export async function waitText(page: Page, selector: string, part: string): Promise<void> {
  await page.waitForFunction(([s, p]) => (document.querySelector(s as string)?.textContent ?? '').includes(p as string), [selector, part]);
}
