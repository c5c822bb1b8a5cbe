import { describe, expect, it } from 'vitest';
import { accessibilityProblems } from './accessibility';
import { api, DESKTOP, login, newPage, PHONE, screenshot } from './browser';

/** axe-core over the main pages of each kind of user: no critical and no serious violation. */
describe('accessibility', () => {
  it('the login page', async () => {
    const page = await newPage(PHONE);
    await page.goto('/login');
    await page.getByTestId('login-submit').waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('the secretary’s calendar and an activity', async () => {
    const page = await newPage(DESKTOP);
    await login(page, 'secretary1');
    await page.getByTestId('calendar-year').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await accessibilityProblems(page)).toEqual([]);
    const me = (await api(page, '/api/v1/me')).json;
    const orgId = me.roles.find((r: { role: string }) => r.role === 'secretary').orgId;
    const year = new Date().getFullYear();
    const { rows } = (await api(page, `/api/v1/orgs/${orgId}/ledger?year=${year}`)).json;
    const last =
      rows.at(-1) ?? (await api(page, `/api/v1/orgs/${orgId}/ledger?year=${year - 1}`)).json.rows.at(-1);
    await page.goto(`/activities/${last.activityId}`);
    await page.waitForLoadState('networkidle');
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('the county dashboard', async () => {
    const page = await newPage(DESKTOP);
    await login(page, 'county');
    await page.getByTestId('dashboard-org').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await accessibilityProblems(page)).toEqual([]);
  });

  it('the county’s audit log, after a change it records', async () => {
    const page = await newPage(DESKTOP);
    await login(page, 'county');
    const me = (await api(page, '/api/v1/me')).json;
    const countyId = me.roles.find((r: { role: string }) => r.role === 'supervisor').orgId;
    const org = (await api(page, `/api/v1/orgs/${countyId}`)).json;
    const renamed = await api(page, `/api/v1/orgs/${countyId}`, {
      method: 'PATCH',
      csrf: me.csrfToken,
      body: { name: `${org.name}（审计）` },
    });
    expect(renamed.status).toBe(200);
    try {
      await page.getByRole('menuitem', { name: '操作日志' }).click();
      const table = page.getByTestId('audit-table');
      await expect.poll(() => table.textContent()).toContain(`${org.name}（审计）`);
      expect(await table.textContent()).toContain('county');
      await page.waitForLoadState('networkidle');
      await screenshot(page, 'audit-log-desktop');
      expect(await accessibilityProblems(page)).toEqual([]);
    } finally {
      // The other journeys know the county by its name.
      await api(page, `/api/v1/orgs/${countyId}`, {
        method: 'PATCH',
        csrf: me.csrfToken,
        body: { name: org.name },
      });
    }
  });

  it('the member’s phone page', async () => {
    const page = await newPage(PHONE);
    await login(page, 'member1');
    await page.goto('/me');
    await page.getByTestId('my-next-activity').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await accessibilityProblems(page)).toEqual([]);
  });
});
