import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, expect, inject } from 'vitest';
import type { Clock } from '../server/core/clock';
import type { TestClock } from '../server/test/test-clock';
import { APP_HOST, CHROMIUM } from './chromium';

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 375, height: 740 };
const SHOTS = path.resolve('test-results/screenshots');

let browser: Browser | undefined;

/** The browser's environment: under `faketime` (npm run test:clock) the browser keeps real time. */
function browserEnv(): Record<string, string> {
  const { LD_PRELOAD: _, FAKETIME: __, ...env } = process.env;
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}

/**
 * A new page in a fresh context (its own cookies), on the app under test: at a LAN-like host name
 * over plain HTTP, or with `at: 'localhost'` at the one plain-HTTP address browsers treat as a
 * secure context (service workers run only in one). On a spec's own app (`app`), the page's clock
 * starts at the app's and moves with `moveClock`.
 */
export async function newPage(
  viewport = DESKTOP,
  locale = 'zh-CN',
  { at = 'lan', app }: { at?: 'lan' | 'localhost'; app?: { baseURL: string; clock: Clock } } = {},
): Promise<Page> {
  browser ??= await chromium.launch({
    executablePath: CHROMIUM,
    env: browserEnv(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      // Plain HTTP at a name that is not localhost, which Chromium does not treat as a secure context.
      `--host-resolver-rules=MAP ${APP_HOST} 127.0.0.1`,
    ],
  });
  const lan = app?.baseURL ?? inject('baseURL');
  const baseURL = at === 'lan' ? lan : lan.replace(`//${APP_HOST}:`, '//localhost:');
  const context = await browser.newContext({ viewport, locale, baseURL });
  // A moved clock moves the pages' clock too (this process's Date is the moved one), ticking on.
  if (app) await context.clock.install({ time: app.clock.now() });
  else if (process.env.FAKETIME) await context.clock.install({ time: Date.now() });
  return context.newPage();
}

/** Moves a spec's own app and its open pages to another instant; time runs on from there. */
export async function moveClock(app: { clock: TestClock }, pages: Page[], to: Date) {
  app.clock.set(to);
  for (const page of pages) await page.clock.setSystemTime(to);
}

afterAll(async () => {
  await browser?.close();
  browser = undefined;
});

export async function login(page: Page, username: string, password = 'vanguard-demo') {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await expect.poll(() => page.url()).not.toContain('/login');
}

/** Kept under test-results/ for a person to look at after a run. */
export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  // A dialog is fixed to the window: a full-page shot leaves it out, and the window resized for
  // that shot and back can leave the dialog's buttons out of reach of the next click.
  const dialog = (await page.locator('.ant-modal-wrap:visible, .ant-drawer-open').count()) > 0;
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: !dialog });
}

/**
 * The API as the page itself calls it, with its cookies. From the browser, not from Playwright's
 * request context: Node cannot resolve the host name the browser opens the app at.
 */
export async function api<T = any>(
  page: Page,
  path: string,
  init: { method?: string; body?: unknown; csrf?: string } = {},
): Promise<{ status: number; json: T }> {
  return page.evaluate(
    async ({ path, init }) => {
      const res = await fetch(path, {
        method: init.method ?? 'GET',
        headers: {
          accept: 'application/json',
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(init.csrf ? { 'x-csrf-token': init.csrf } : {}),
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
      return { status: res.status, json: await res.json().catch(() => null) };
    },
    { path, init },
  );
}
