import { describe, expect, it } from 'vitest';
import { api, DESKTOP, login, newPage, PHONE, screenshot } from './browser';

describe('signing in', () => {
  it('the login page is in Chinese and a supervisor lands on the county dashboard', async () => {
    const page = await newPage(DESKTOP);
    await page.goto('/login');
    await expect.poll(() => page.getByTestId('login-submit').textContent()).toMatch(/登\s*录/);
    await screenshot(page, 'login-desktop-zh');
    await login(page, 'county');
    await expect.poll(() => page.getByTestId('dashboard-org').textContent()).toContain('中共云岭县委员会');
    await screenshot(page, 'dashboard-landing-desktop-zh');
  });

  it('a branch secretary lands on the calendar of the branch', async () => {
    const page = await newPage(PHONE);
    await login(page, 'secretary1');
    await page.getByTestId('calendar-year').waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/orgs\/\d+\/calendar$/);
  });

  it('a member who signs in at the login page lands on their page and stays there', async () => {
    // The page preloads the member's activities while no one is signed in: that 401 must not
    // answer the signed-in page (it once sent the member straight back to the login screen).
    const page = await newPage(PHONE);
    await login(page, 'member1');
    await page.getByTestId('my-history').waitFor();
    await page.waitForTimeout(500);
    expect(new URL(page.url()).pathname).toBe('/me');
  });

  it('shows a wrong password as a readable message', async () => {
    const page = await newPage(PHONE);
    await page.goto('/login');
    await page.getByTestId('login-username').fill('county');
    await page.getByTestId('login-password').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.textContent('body')).toContain('用户名或密码错误');
    await screenshot(page, 'login-phone-error');
  });

  it('switches to English, and the choice is remembered for the user', async () => {
    const page = await newPage(DESKTOP);
    await login(page, 'admin');
    // From Chinese, whatever an earlier attempt of this test left saved.
    const { csrfToken } = (await api(page, '/api/v1/me')).json;
    await api(page, '/api/v1/me/locale', { method: 'PUT', csrf: csrfToken, body: { locale: 'zh-CN' } });
    await page.evaluate(() => localStorage.setItem('vanguard.locale', 'zh-CN'));
    await page.reload();
    await expect.poll(() => page.textContent('body')).toContain('组织架构');
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.textContent('body')).toContain('Members');
    await expect.poll(() => page.getByTestId('org-tree').textContent()).toContain('中共云岭县委员会');
    await screenshot(page, 'orgs-desktop-en');
    // A new browser (no local storage) shows English after login: the server kept the choice.
    const other = await newPage(PHONE);
    await login(other, 'admin');
    await expect.poll(() => other.textContent('body')).toContain('Organizations');
    await screenshot(other, 'orgs-phone-en');
    await other.getByTestId('lang-switch').click();
    await expect.poll(() => other.textContent('body')).toContain('组织');
  });

  it('notices written by the server follow a language switch at once, without a reload', async () => {
    // The secretary schedules a lecture: every member of the branch is told.
    const secretary = await newPage(DESKTOP);
    await login(secretary, 'secretary1');
    const me = (await api(secretary, '/api/v1/me')).json;
    const start = Math.floor((Date.now() + 3 * 86_400_000) / 300_000) * 300_000;
    const created = await api(secretary, '/api/v1/activities', {
      method: 'POST',
      csrf: me.csrfToken,
      body: {
        orgId: me.roles.find((r: { role: string }) => r.role === 'secretary').orgId,
        type: 'party_lecture',
        title: '党课：语言切换',
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(start + 4 * 3_600_000).toISOString(),
      },
    });
    expect(created.status).toBe(201);
    const page = await newPage(PHONE);
    await login(page, 'member1');
    await page.goto('/me');
    const inbox = page.getByTestId('my-inbox');
    await expect.poll(() => inbox.textContent()).toMatch(/【活动(通知|变更|取消)】/);
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => inbox.textContent()).toMatch(/\[(Activity|Changed|Cancelled)\]/);
    expect(await inbox.textContent()).not.toMatch(/【活动/);
    await page.getByTestId('lang-switch').click();
  });
});
