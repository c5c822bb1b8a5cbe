import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { accessibilityProblems } from './accessibility';
import { api, DESKTOP, login, newPage, PHONE, screenshot } from './browser';

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

describe('a group leader records a meeting from a phone', () => {
  it('in four taps: the kind, the notes, a photo, save; the group is ticked already', async () => {
    const page = await newPage(PHONE);
    await login(page, 'groupleader1');
    await expect.poll(() => page.url()).toContain('/me');
    const record = page.getByTestId('group-record');
    await record.click();
    const form = page.getByTestId('group-record-form');
    await form.waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    const ticked = await form.locator('input[type=checkbox]:checked').count();
    expect(ticked).toBeGreaterThanOrEqual(3);

    await form.getByLabel('集中学习').check();
    await page.locator('#group_notes').fill('学习党章第三章，商定下周帮王大爷收玉米');
    const photo = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#c8161d' } })
      .jpeg()
      .toBuffer();
    await page
      .locator('#group_photo')
      .setInputFiles({ name: 'xiaozu.jpg', mimeType: 'image/jpeg', buffer: photo });
    await screenshot(page, 'group-record-phone');
    await page.getByTestId('group-record-save').click();
    const done = page.getByTestId('group-recorded');
    await expect.poll(() => done.textContent()).toContain(`${ticked} 名党员参加`);
    await screenshot(page, 'group-recorded-phone');

    // One activity of the branch, with its photo, its attendance, its notes as the record.
    const mine = (await api(page, '/api/v1/me/groups')).json.items[0];
    const latest = mine.recent[0];
    expect(latest).toMatchObject({ kind: 'collective_study', present: ticked, photos: 1 });
    const activity = (await api(page, `/api/v1/activities/${latest.id}`)).json;
    expect(activity.type).toBe('party_group_meeting');
    await page.goto('/me');
    await expect.poll(() => page.getByTestId(`my-group-${mine.id}`).textContent()).toContain('集中学习');
    await screenshot(page, 'group-card-phone');
  });
});

describe('the working systems of a branch’s groups', () => {
  it('the table judges each group, and the branch sets its systems in a dialog', async () => {
    const leader = await newPage(PHONE);
    await login(leader, 'groupleader1');
    const branchId = (await api(leader, '/api/v1/me')).json.roles.find(
      (r: { role: string }) => r.role === 'group_leader',
    ).orgId;
    const page = await newPage(DESKTOP);
    await login(page, 'county');
    await page.goto(`/orgs/${branchId}`);
    const card = page.getByTestId('group-systems');
    await expect.poll(() => card.textContent()).toContain('学习制度');
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByTestId('group-systems-edit').click();
    const modal = page.getByTestId('group-systems-modal');
    await modal.waitFor();
    await screenshot(page, 'group-systems-dialog');
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect.poll(() => modal.isVisible()).toBe(false);
    expect((await api(page, `/api/v1/orgs/${branchId}/group-systems`)).json.isDefault).toBe(false);
    await screenshot(page, 'group-systems-table');
  });
});

describe('a member reports to the group from a phone and reads the reply', () => {
  it('writes the report, the leader answers it on the group card, the member reads the answer', async () => {
    const leader = await newPage(PHONE);
    await login(leader, 'groupleader1');
    const group = (await api(leader, '/api/v1/me/groups')).json.items[0];
    const writer = group.members.find(
      (m: { id: number; second: boolean }) => m.id !== group.leaderId && !m.second,
    );
    const admin = await newPage(DESKTOP);
    await login(admin, 'admin');
    const me = (await api(admin, '/api/v1/me')).json;
    const made = await api(admin, `/api/v1/members/${writer.id}/account`, {
      method: 'POST',
      body: { username: 'reporter1', password: 'a-long-secret' },
      csrf: me.csrfToken,
    });
    expect(made.status).toBe(201);

    const member = await newPage(PHONE);
    await login(member, 'reporter1', 'a-long-secret');
    await member.getByTestId('report-write').click();
    await member.locator('#report_title').fill('十二月思想汇报');
    await member.locator('#report_body').fill('本月参加了小组集中学习，体会到要多为群众办实事。');
    expect(await accessibilityProblems(member)).toEqual([]);
    await member.getByTestId('report-send').click();
    await expect.poll(() => member.getByTestId('my-reports').textContent()).toContain('待回复');

    await leader.goto('/me');
    const waiting = leader.getByTestId(`group-reports-${group.id}`);
    await waiting.locator('summary', { hasText: '十二月思想汇报' }).click();
    const form = waiting.locator('details[open]');
    await form.locator('textarea').fill('汇报收到，写得很实在，继续保持。');
    await form.getByRole('button', { name: '回复' }).click();
    await expect.poll(() => waiting.count()).toBe(0);

    await member.reload();
    const mine = member.getByTestId('my-reports');
    await mine.locator('summary', { hasText: '十二月思想汇报' }).click();
    await expect.poll(() => mine.textContent()).toContain('汇报收到，写得很实在，继续保持。');
    await screenshot(member, 'member-report-answered-phone');
  });
});
