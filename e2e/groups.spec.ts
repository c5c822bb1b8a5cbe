import { describe, expect, it } from 'vitest';
import { api, DESKTOP, login, newPage, screenshot } from './browser';

describe('party group rules in the interface', () => {
  it('a group with two members is refused with the reason, and the modal stays open', async () => {
    const page = await newPage(DESKTOP);
    await login(page, 'secretary1');
    const me = (await api(page, '/api/v1/me')).json;
    const branchId = me.roles.find((r: { role: string }) => r.role === 'secretary').orgId;
    await page.goto(`/orgs/${branchId}`);
    await page.getByTestId('group-create').click();
    const modal = page.getByTestId('group-modal');
    await modal.waitFor();
    await page.locator('#group_name').fill('太小的党小组');
    await page.locator('#group_memberIds').click();
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await options.nth(0).click();
    await options.nth(1).click();
    await page.keyboard.press('Escape');
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    const error = page.getByTestId('group-error');
    await expect.poll(() => error.textContent()).toContain('党小组至少需要 3 名成员，当前只有 2 名');
    expect(await modal.isVisible()).toBe(true);
    await screenshot(page, 'group-refused');
  });
});
