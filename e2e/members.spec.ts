import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, login, newPage, PHONE, screenshot } from './browser';

async function pickOption(page: Page, fieldId: string, label: string) {
  await page.locator(`#${fieldId}`).click();
  await page.locator(`.ant-select-dropdown:visible [title="${label}"]`).first().click();
}

describe('a secretary adds a member', () => {
  it('fills the form on the member list and finds the new member', async () => {
    const page = await newPage(DESKTOP);
    await login(page, 'secretary1');
    await page.goto('/members');
    await page.getByTestId('member-create').click();
    const modal = page.getByTestId('member-modal');
    await modal.waitFor();
    await page.locator('#member_orgId').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper').first().click();
    await page.locator('#member_name').fill('新来的党员');
    await pickOption(page, 'member_gender', '女');
    await page.locator('#member_phone').fill('123');
    await page.getByTestId('member-form-submit').click();
    // The phone is checked before anything is sent, with the field named.
    await expect.poll(() => modal.textContent()).toContain('应为 11 位手机号');
    await page.locator('#member_phone').fill('13766667777');
    await screenshot(page, 'member-create-desktop');
    await page.getByTestId('member-form-submit').click();
    await expect.poll(() => page.textContent('body')).toContain('新来的党员');
    await page.goto('/members');
    await page.getByTestId('member-search').locator('input').fill('新来的党员');
    await page.getByTestId('member-search').locator('input').press('Enter');
    await expect.poll(() => page.getByTestId('member-table').textContent()).toContain('新来的党员');
    await expect.poll(() => page.getByTestId('member-table').textContent()).toContain('137****7777');
    await screenshot(page, 'members-desktop');
  });

  it('the member list fits a phone screen', async () => {
    const page = await newPage(PHONE);
    await login(page, 'secretary1');
    await page.goto('/members');
    await page.getByTestId('member-table').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'members-phone');
  });

  it('the secretary sees a member’s numbers in full only by giving a reason', async () => {
    const page = await newPage(DESKTOP);
    await login(page, 'secretary1');
    await page.goto('/members');
    await page.getByTestId('member-search').locator('input').fill('新来的党员');
    await page.getByTestId('member-search').locator('input').press('Enter');
    await page.getByTestId('member-table').getByRole('link', { name: '新来的党员' }).first().click();
    const phone = page.getByTestId('member-phone');
    await expect.poll(() => phone.textContent()).toBe('137****7777');
    await page.getByTestId('member-reveal').click();
    await page.getByTestId('reveal-submit').click();
    await expect.poll(() => page.textContent('body')).toContain('原因：必填');
    await page.getByTestId('reveal-reason').fill('电话通知参加主题党日');
    await screenshot(page, 'member-reveal-desktop');
    await page.getByTestId('reveal-submit').click();
    await expect.poll(() => phone.textContent()).toBe('13766667777');
  });

  it('a member downloads everything held about them from the phone page', async () => {
    const page = await newPage(PHONE);
    await login(page, 'member1');
    await page.goto('/me');
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('home-my-data').click(),
    ]);
    const data = JSON.parse(fs.readFileSync(await file.path(), 'utf8'));
    expect(data.account.username).toBe('member1');
    expect(data.member.phone).toMatch(/^1\d{10}$/);
    expect(data.attendance.length).toBeGreaterThan(0);
    await screenshot(page, 'my-page-download-phone');
  });
});
