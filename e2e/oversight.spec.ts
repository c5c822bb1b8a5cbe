import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { api, DESKTOP, login, newPage, PHONE, screenshot } from './browser';

// Fixed assessment and oversight, as the county sees it and a branch answers it: the dashboard
// from the county down to one branch's activities, an inspection with an item to put right, the
// branch's answer, the supervisor closing it; the ranking with its reasons, the report, the alerts.

type TreeNode = { id: number; parentId: number | null; name: string; level: string };

async function noHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** The dashboard shows the figures of `orgId` (and not the previous org's, kept while loading). */
async function dashboardOf(page: Page, orgId: number) {
  const dashboard = page.getByTestId('dashboard');
  await expect.poll(() => dashboard.getAttribute('data-org'), { timeout: 20_000 }).toBe(String(orgId));
  await expect.poll(() => page.locator('.ant-spin-blur').count()).toBe(0);
}

describe('oversight: from the county dashboard to a closed rectification', () => {
  let county: Page;
  let secretary: Page;
  let countyId: number;
  let townshipId: number;
  let branchId: number;
  let branchName: string;
  let inspectionId: number;
  let rectificationId: number;
  const item = '补齐本月主题党日会议记录和签到照片';

  it('the county supervisor opens the dashboard', async () => {
    secretary = await newPage(DESKTOP);
    await login(secretary, 'secretary1');
    const me = (await api(secretary, '/api/v1/me')).json;
    branchId = me.roles.find((r: { role: string }) => r.role === 'secretary').orgId;

    county = await newPage(DESKTOP);
    await login(county, 'county');
    const { nodes } = (await api(county, '/api/v1/orgs/tree')).json as { nodes: TreeNode[] };
    countyId = nodes.find((n) => n.parentId === null)!.id;
    // The demo's secretary runs the first branch of the first township.
    townshipId = nodes
      .filter((n) => n.parentId === countyId)
      .map((n) => n.id)
      .sort((a, b) => a - b)[0]!;
    expect(nodes.find((n) => n.id === branchId)!.parentId).toBe(townshipId);
    branchName = nodes.find((n) => n.id === branchId)!.name;

    // Supervisors land on their dashboard.
    await expect.poll(() => new URL(county.url()).pathname, { timeout: 15_000 }).toBe('/dashboard');
    await dashboardOf(county, countyId);
    const kpis = county.getByTestId('dashboard-kpis');
    expect(Number(await kpis.getByTestId('kpi-activities-value').textContent())).toBeGreaterThan(0);
    expect(await kpis.textContent()).toContain('出勤率');
    await county.getByTestId('chart-trend').locator('canvas').waitFor();
    await county.getByTestId('chart-compliance').locator('canvas').waitFor();
    expect(await county.getByTestId('dashboard-xlsx').getAttribute('href')).toContain('stats.xlsx');
    await screenshot(county, 'oversight-dashboard-desktop');

    // At a county department's common 1366 px the children's table is whole: every column can be
    // reached inside the page (the table scrolls itself, the page does not).
    await county.setViewportSize({ width: 1366, height: 768 });
    await noHorizontalOverflow(county);
    const lastColumnRight = await county.getByTestId('dashboard-children').evaluate((table) => {
      const scroller = table.querySelector<HTMLElement>('.ant-table-content, .ant-table-body') ?? table;
      scroller.scrollLeft = scroller.scrollWidth;
      const headers = table.querySelectorAll('thead th');
      return headers[headers.length - 1]!.getBoundingClientRect().right;
    });
    expect(lastColumnRight).toBeLessThanOrEqual(1366);
    await screenshot(county, 'oversight-dashboard-1366');
    await county.setViewportSize(DESKTOP);
  });

  it('drills down county → township → branch and sees the branch’s activities', async () => {
    await county.getByTestId(`drill-${townshipId}`).click();
    await dashboardOf(county, townshipId);
    expect(await county.getByTestId('dashboard-path').locator('a').count()).toBe(1);
    await county.getByTestId(`drill-${branchId}`).click();
    await dashboardOf(county, branchId);
    expect(await county.getByTestId('dashboard-path').locator('a').count()).toBe(2);
    const activities = county.getByTestId('dashboard-activities');
    await expect
      .poll(() => activities.locator('[data-testid^="stats-activity-"]').count())
      .toBeGreaterThan(0);
    await screenshot(county, 'oversight-dashboard-branch-desktop');
  });

  it('the dashboard is readable on a phone', async () => {
    const phone = await newPage(PHONE);
    await login(phone, 'county');
    await phone.goto('/dashboard');
    await dashboardOf(phone, countyId);
    await phone.getByTestId('chart-trend').locator('canvas').waitFor();
    await noHorizontalOverflow(phone);
    await screenshot(phone, 'oversight-dashboard-phone');
    await phone.context().close();
  });

  it('records an inspection of the branch with one item to put right', async () => {
    await county.getByTestId('dashboard-inspect').click();
    const form = county.getByTestId('inspection-form');
    await form.waitFor();
    // The org comes from the dashboard; on-site is the default method.
    await expect.poll(() => form.textContent()).toContain(branchName);
    await county
      .locator('#inspection_findings')
      .fill('现场参加本月主题党日，会议记录未及时整理，签到照片缺失。');
    await county.locator('#inspection_score').fill('82');
    await county.getByTestId('rectification-add').click();
    await county.locator('#inspection_rectifications_0_item').fill(item);
    await county.locator('#inspection_rectifications_0_responsible').fill('支部书记');
    await screenshot(county, 'oversight-inspection-form-desktop');
    await county.getByTestId('inspection-submit').click();
    await county.getByTestId('inspection-page').waitFor();
    inspectionId = Number(new URL(county.url()).pathname.split('/').pop());
    const inspection = (await api(county, `/api/v1/inspections/${inspectionId}`)).json;
    expect(inspection.orgId).toBe(branchId);
    expect(inspection.method).toBe('on_site');
    rectificationId = inspection.rectifications[0].id;
    const row = county.getByTestId(`rectification-${rectificationId}`);
    await expect.poll(() => row.getAttribute('data-status')).toBe('open');
    expect(await row.textContent()).toContain(item);
  });

  it('the branch secretary answers it', async () => {
    await secretary.goto('/rectifications');
    const row = secretary.getByTestId(`rectification-${rectificationId}`);
    await expect.poll(() => row.getAttribute('data-status')).toBe('open');
    await secretary.getByTestId(`rectification-answer-${rectificationId}`).click();
    await secretary.getByTestId('rectification-answer-text').fill('已补齐会议记录，补传签到照片 12 张。');
    await secretary.getByTestId('rectification-answer-submit').click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('answered');
    expect(await row.textContent()).toContain('已补齐会议记录');
    await screenshot(secretary, 'oversight-rectification-answered-desktop');
  });

  it('the supervisor closes it, and it no longer shows as open', async () => {
    await county.goto(`/inspections/${inspectionId}`);
    const row = county.getByTestId(`rectification-${rectificationId}`);
    await expect.poll(() => row.getAttribute('data-status')).toBe('answered');
    await county.getByTestId(`rectification-close-${rectificationId}`).click();
    await county.locator('.ant-modal-confirm .ant-btn-primary').click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('closed');

    await county.goto('/rectifications?status=open');
    await county.getByTestId('rectification-list').waitFor();
    await expect.poll(() => county.locator('.ant-spin-spinning').count()).toBe(0);
    expect(await county.getByTestId(`rectification-${rectificationId}`).count()).toBe(0);
    const open = (await api(county, `/api/v1/orgs/${branchId}/rectifications?status=open`)).json;
    expect(open.map((r: { id: number }) => r.id)).not.toContain(rectificationId);

    await secretary.goto('/rectifications?status=closed');
    await expect
      .poll(() => secretary.getByTestId(`rectification-${rectificationId}`).getAttribute('data-status'))
      .toBe('closed');
  });

  it('a telephone spot check opens the inspection form prefilled', async () => {
    await county.goto(`/dashboard/${branchId}`);
    await dashboardOf(county, branchId);
    await county.locator('[data-testid^="stats-activity-"]').first().click();
    await county.getByTestId('activity-page').waitFor();
    // The branch's records are the branch's: the supervisor reads the list and changes nothing.
    await county.getByTestId('attendance-list').waitFor();
    expect(await county.locator('[data-testid^="mark-"]').count()).toBe(0);
    expect(await county.getByTestId('activity-edit').count()).toBe(0);
    expect(await county.getByTestId('guest-add').count()).toBe(0);
    await screenshot(county, 'oversight-activity-read-only');
    await county.getByTestId('spot-check-open').click();
    const picks = county.getByTestId('spot-check-picks');
    await picks.waitFor();
    await expect.poll(() => picks.locator('a[href^="tel:"]').count()).toBeGreaterThan(0);
    await county.getByTestId('spot-check-record').click();
    await county.getByTestId('inspection-form').waitFor();
    expect(await county.locator('#inspection_contacted').inputValue()).not.toBe('');
    expect(await county.locator('#inspection_method input[value="phone_check"]').isChecked()).toBe(true);
  });

  it('the ranking says why: each branch opens to its items', async () => {
    await county.goto('/rankings');
    const table = county.getByTestId('ranking-table');
    await table.waitFor();
    const first = table.locator('[data-testid^="ranking-row-"]').first();
    await first.waitFor();
    await first.locator('.ant-table-row-expand-icon').click();
    const breakdown = county.locator('[data-testid^="ranking-breakdown-"]').first();
    await breakdown.waitFor();
    expect(await breakdown.textContent()).toContain('权重');
    expect(await breakdown.locator('tbody tr').count()).toBeGreaterThanOrEqual(8);
    await screenshot(county, 'oversight-ranking-desktop');
  });

  it('the secretary’s annual report comes drafted, one box per section', async () => {
    await secretary.goto(`/orgs/${branchId}/report`);
    const editor = secretary.getByTestId('report-editor');
    await editor.waitFor();
    await expect.poll(() => secretary.getByTestId('report-section-activities').inputValue()).toMatch(/\d/);
    await secretary.getByTestId('report-save').click();
    await expect.poll(() => secretary.getByTestId('report-status').getAttribute('data-status')).toBe('draft');
    expect(await secretary.getByTestId('report-pdf').getAttribute('href')).toContain('report.pdf');
    await screenshot(secretary, 'oversight-report-desktop');
  });

  it('the alerts inbox lists what needs attention, counted in the menu', async () => {
    await secretary.goto('/alerts');
    const list = secretary.getByTestId('alert-list');
    await list.waitFor();
    const open = Number(await secretary.getByTestId('alerts-menu').getAttribute('data-open'));
    const cards = list.locator('[data-testid^="alert-"][data-open="true"]');
    expect(await cards.count()).toBe(open);
    await screenshot(secretary, 'oversight-alerts-desktop');
    if (open > 0) {
      await cards.first().locator('[data-testid^="alert-ack-"]').click();
      await expect
        .poll(async () => Number(await secretary.getByTestId('alerts-menu').getAttribute('data-open')))
        .toBe(open - 1);
    }
  });
});
