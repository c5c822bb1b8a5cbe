import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { api, DESKTOP, login, newPage, PHONE, screenshot } from './browser';

let secretary: Page | undefined;
let me: { csrfToken: string; roles: { role: string; orgId: number }[] };
let branchId: number;

/** The branch's secretary, signed in once (login waits with expect.poll, so inside a test). */
async function signInSecretary() {
  if (secretary) return;
  secretary = await newPage(DESKTOP);
  await login(secretary, 'secretary1');
  me = (await api(secretary!, '/api/v1/me')).json;
  branchId = me.roles.find((r) => r.role === 'secretary')!.orgId;
}

/** An activity of member1's branch whose check-in window is open now. */
async function openActivity(title: string): Promise<number> {
  await signInSecretary();
  const start = Date.now() - 5 * 60_000;
  const created = await api(secretary!, '/api/v1/activities', {
    method: 'POST',
    csrf: me.csrfToken,
    body: {
      orgId: branchId,
      type: 'party_lecture',
      title,
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 4 * 3_600_000).toISOString(),
    },
  });
  expect(created.status).toBe(201);
  return created.json.id;
}

const checkInCode = async (id: number) =>
  (await api(secretary!, `/api/v1/activities/${id}/check-in-code`)).json;

/** How many times the member counts as present (the list has a row per member). */
async function timesPresent(id: number, memberId: number): Promise<number> {
  const list = (await api(secretary!, `/api/v1/activities/${id}/attendance`)).json;
  const present = list.members.filter((m: { memberId: number; status: string }) => m.status === 'present');
  expect(list.counts.present).toBe(present.length);
  return present.filter((m: { memberId: number }) => m.memberId === memberId).length;
}

const memberIdOf = async (page: Page) => (await api(page, '/api/v1/me')).json.user.memberId as number;

const result = (page: Page) => page.getByTestId('checkin-result');

/** Back online, the waiting check-in goes out by itself, is answered on screen and counted once. */
async function reconnectAndSeeItCountedOnce(member: Page, id: number, memberId: number) {
  await member.context().setOffline(false);
  await expect.poll(() => result(member).getAttribute('data-status')).toBe('checked_in');
  expect(await timesPresent(id, memberId)).toBe(1);
}

describe('a member without a network', () => {
  it('over plain HTTP: a code typed offline waits on the phone, goes out on reconnect, counted once', async () => {
    const id = await openActivity('离线签到：输入签到码');
    const member = await newPage(PHONE);
    await login(member, 'member1');
    const memberId = await memberIdOf(member);
    await member.goto(`/check-in/code?activity=${id}`);
    await member.getByTestId('code-input').waitFor();
    const { code } = await checkInCode(id);

    await member.context().setOffline(true);
    await member.getByTestId('code-input').fill(code);
    await member.getByTestId('code-submit').click();
    await expect.poll(() => result(member).getAttribute('data-status')).toBe('queued');
    const waiting = await result(member).textContent();
    expect(waiting).toContain('已保存在本机，网络恢复后自动提交');
    expect(waiting).toMatch(/\d{2}:\d{2} 签到/);
    await screenshot(member, 'offline-check-in-queued');
    expect(await timesPresent(id, memberId)).toBe(0);

    await reconnectAndSeeItCountedOnce(member, id, memberId);
    // Nothing waits any more: a reload sends nothing twice.
    await member.reload();
    await member.getByTestId('code-input').waitFor();
    expect(await member.evaluate(() => localStorage.getItem('vanguard.checkInQueue'))).toBe('[]');
    expect(await timesPresent(id, memberId)).toBe(1);
  });

  it('installed: the phone page opens offline as last seen, and a QR scanned offline is sent on reconnect', async () => {
    const id = await openActivity('离线签到：扫码');
    const member = await newPage(PHONE, 'zh-CN', { at: 'localhost' });
    await login(member, 'member1');
    const memberId = await memberIdOf(member);
    await member.goto('/me');
    await member.getByTestId('my-next-activity').waitFor();
    // Installed after the page's own downloads, it takes the page over (clients.claim).
    await expect
      .poll(() => member.evaluate(() => Boolean(navigator.serviceWorker.controller)), { timeout: 15_000 })
      .toBe(true);
    // Through the service worker from this load on, which keeps what the page reads.
    await member.reload();
    await member.getByTestId('my-next-activity').waitFor();
    await member.waitForLoadState('networkidle');
    const seen = await member.getByTestId('my-next-activity').textContent();
    const { token } = await checkInCode(id);

    await member.context().setOffline(true);
    await member.reload();
    await member.getByTestId('offline-note').waitFor();
    expect(await member.getByTestId('my-next-activity').textContent()).toBe(seen);
    await screenshot(member, 'offline-my-page');

    await member.goto(`/check-in?t=${encodeURIComponent(token)}`);
    await expect.poll(() => result(member).getAttribute('data-status')).toBe('queued');
    expect(await result(member).textContent()).toContain('离线签到：扫码');
    expect(await timesPresent(id, memberId)).toBe(0);

    await reconnectAndSeeItCountedOnce(member, id, memberId);
  });
});
