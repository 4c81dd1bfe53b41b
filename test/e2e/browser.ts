// Debian's Chromium driven by playwright-core. No internet in tests: office.js's CDN is blocked,
// which is exactly the "no Office host" case the standalone page must handle.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from '../../functions/dev/addin-dist';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'e2e');

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** The task pane's width in Excel. */
export const PANE = 340;
/** A desktop browser window. */
export const DESKTOP = 1280;

/** A task-pane-sized window (340 px) whose page errors are collected for the test to check. */
export async function paneContext(browser: Browser, width = PANE): Promise<{ context: BrowserContext; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true, locale: 'zh-CN', deviceScaleFactor: 1 });
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    // Only the local host is reachable; anything else (the office.js CDN) fails like it would offline.
    if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return route.continue();
    return route.abort('internetdisconnected');
  });
  context.on('page', (p) => {
    p.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  });
  return { context, errors };
}

export async function shot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Where an element is against the viewport: wholly inside it, or not. */
export async function inViewport(page: Page, selector: string): Promise<{ inside: boolean; top: number; bottom: number; height: number }> {
  const box = await page.locator(selector).first().boundingBox();
  const height = page.viewportSize()?.height ?? 0;
  if (!box) return { inside: false, top: -1, bottom: -1, height };
  return { inside: box.y >= 0 && box.y + box.height <= height, top: Math.round(box.y), bottom: Math.round(box.y + box.height), height };
}

/** A suite's end: the contexts its tests opened, Chromium, then the stack (each may be missing if its start failed). */
export async function closeAll(contexts: readonly BrowserContext[], browser: Browser | undefined, stack: { stop(): unknown } | undefined): Promise<void> {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close().catch(() => undefined);
  await stack?.stop();
}
