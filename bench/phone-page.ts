// The member's phone pages over an emulated village link: bytes on the wire and time to the
// first useful content, cold (empty cache) and warm (second visit), at a LAN host name over
// plain HTTP, as a phone following the QR code to the branch's server would open them.
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { BROWSER_TOOLS, CHROMIUM, ensureDebianTools } from '../scripts/debian-tools';

const HOST = 'vanguard.bench';
/** 400 kbit/s each way and 400 ms round trip: a weak 3G/4G signal in a village. */
const SLOW = { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 };
const PHONE = { width: 375, height: 740 };

type Visit = { ms: number; bytes: number; requests: number };

/** Opens `path` and waits for `ready`; bytes are what crossed the wire, headers included. */
async function visit(context: BrowserContext, path: string, ready: string): Promise<Visit> {
  const page: Page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW);
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', (event) => {
    bytes += event.encodedDataLength;
    requests += 1;
  });
  const t0 = performance.now();
  await page.goto(path, { waitUntil: 'commit' });
  await page.locator(ready).first().waitFor({ timeout: 120_000 });
  const ms = performance.now() - t0;
  // What the page goes on to fetch (notices, the record) counts in its weight too.
  await page.waitForLoadState('networkidle');
  await page.close();
  return { ms, bytes, requests };
}

async function signIn(port: number, username: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'vanguard-demo' }),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('vg_session='));
  if (!cookie) throw new Error(`${username} could not sign in: ${res.status}`);
  return cookie.split(';')[0]!.slice('vg_session='.length);
}

const line = (name: string, v: Visit) =>
  `  ${name.padEnd(36)} ${(v.ms / 1000).toFixed(2).padStart(6)} s  ${(v.bytes / 1024).toFixed(1).padStart(7)} kB  ${String(v.requests).padStart(3)} requests`;

export async function phonePages(port: number, activityId: number): Promise<void> {
  ensureDebianTools(BROWSER_TOOLS);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', `--host-resolver-rules=MAP ${HOST} 127.0.0.1`],
  });
  const base = `http://${HOST}:${port}`;
  const session = await signIn(port, 'member1');
  const fresh = async (signedIn: boolean) => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', baseURL: base });
    if (signedIn) await context.addCookies([{ name: 'vg_session', value: session, url: base }]);
    return context;
  };
  try {
    console.log(
      `\nthe member's phone pages at ${base} over plain HTTP, 400 kbit/s and 400 ms round trip (Chromium's emulation):`,
    );
    const me = await fresh(true);
    const next = '[data-testid="my-next-activity"] .p-title, [data-testid="my-next-activity"] .p-empty';
    console.log(line('my page (下一次活动), cold', await visit(me, '/me', next)));
    console.log(line('my page, warm (second visit)', await visit(me, '/me', next)));
    await me.close();
    const code = await fresh(true);
    const input = '[data-testid="code-input"]';
    console.log(
      line('check-in by code, cold', await visit(code, `/check-in/code?activity=${activityId}`, input)),
    );
    console.log(
      line('check-in by code, warm', await visit(code, `/check-in/code?activity=${activityId}`, input)),
    );
    await code.close();
    const login = await fresh(false);
    console.log(line('login page, cold', await visit(login, '/login', '[data-testid="login-submit"]')));
    await login.close();
    // For scale: a management screen brings antd with it.
    const secretary = await browser.newContext({ viewport: { width: 1366, height: 800 }, baseURL: base });
    await secretary.addCookies([{ name: 'vg_session', value: await signIn(port, 'secretary1'), url: base }]);
    console.log(
      line(
        '(secretary’s calendar, cold)',
        await visit(secretary, '/', '[data-testid="calendar-year"], [data-testid="calendar-month"]'),
      ),
    );
    await secretary.close();
  } finally {
    await browser.close();
  }
}
