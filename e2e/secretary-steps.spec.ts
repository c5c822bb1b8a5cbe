import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { api, DESKTOP, login, newPage, screenshot } from './browser';
import { setTime } from './forms';

/** Every click and every typed field the secretary makes, so the count cannot silently grow. */
function counted(page: Page) {
  let n = 0;
  return {
    click: async (target: Locator) => {
      n += 1;
      await target.click();
    },
    fill: async (target: Locator, text: string) => {
      n += 1;
      await target.fill(text);
    },
    get count() {
      return n;
    },
    page,
  };
}

describe('the secretary’s steps', () => {
  it('adopts the county’s recommended theme and schedules it from the month card: two steps', async () => {
    const county = await newPage(DESKTOP);
    await login(county, 'county');
    const countyMe = (await api(county, '/api/v1/me')).json;
    const root = countyMe.roles.find((r: { role: string }) => r.role === 'supervisor').orgId;
    const year = new Date().getFullYear() + 1;
    const month = 3;
    const title = `推荐主题：春耕志愿服务（${year}年${month}月）`;
    const published = await api(county, `/api/v1/orgs/${root}/recommendations`, {
      method: 'POST',
      csrf: countyMe.csrfToken,
      body: { year, month, theme: 'volunteer_service', title, kinds: ['volunteer_service'] },
    });
    expect(published.status, JSON.stringify(published.json)).toBe(201);

    const page = await newPage(DESKTOP);
    const steps = counted(page);
    await page.goto('/login');
    await steps.fill(page.getByTestId('login-username'), 'secretary1');
    await steps.fill(page.getByTestId('login-password'), 'vanguard-demo');
    await steps.click(page.getByTestId('login-submit'));
    await expect.poll(() => page.url()).toContain('/calendar');
    const branch = new URL(page.url()).pathname.split('/')[2];
    // Next year's calendar: the one navigation the counted steps leave out is typing its address.
    await page.goto(`/orgs/${branch}/calendar?year=${year}`);
    const adopt = page.getByTestId(`adopt-schedule-${month}`);
    await expect.poll(() => adopt.textContent(), { timeout: 10_000 }).toContain('春耕志愿服务');
    await screenshot(page, 'calendar-adopt-and-schedule');

    await steps.click(adopt);
    await page.getByTestId('activity-form').waitFor();
    expect(await page.locator('#activity_title').inputValue()).toBe(title);
    await steps.click(page.getByTestId('activity-submit'));
    await page.getByTestId('activity-page').waitFor();
    expect(await page.getByTestId('activity-page').textContent()).toContain(title);
    // Login (3) + adopt-and-schedule (1) + confirm the prefilled form (1).
    expect(steps.count).toBe(5);

    // The plan of that month is the recommendation, adopted.
    const plan = (await api(page, `/api/v1/orgs/${branch}/calendar?year=${year}`)).json.months.find(
      (m: { month: number }) => m.month === month,
    ).plan;
    expect(plan).toMatchObject({ title, theme: 'volunteer_service' });

    // Moved off the fixed day, the form says how it will count before it is saved (never refuses).
    await page.getByTestId('activity-edit').click();
    await page.getByTestId('activity-form').waitFor();
    expect(await page.getByTestId('off-fixed-day').count()).toBe(0);
    const starts = new Date(`${await page.locator('#activity_startsAt').inputValue()}:00+08:00`);
    await setTime(page, 'activity_startsAt', new Date(starts.getTime() - 86_400_000));
    await expect.poll(() => page.getByTestId('off-fixed-day').textContent()).toContain('未按固定日开展');
    await screenshot(page, 'activity-off-fixed-day');
  });
});
