import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { api, DESKTOP, login, newPage, PHONE, screenshot } from './browser';
import { chinaWallClock, pickOption, setTime } from './forms';
import { decodeQr } from './qr';

// The story of seed 004 in one branch's month: plan, schedule, notice, QR check-in, the code
// answering "already", minutes and a photo, and a complete, untampered ledger.

async function noHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

describe('the fixed activity day, from the plan to the ledger', () => {
  // Check-in is open from half an hour before the start: the activity began 30 minutes ago and
  // lasts the half day the rules ask for. Its month (and year) is the one planned and checked.
  // On the pickers' five-minute grid, and begun at least 30 minutes ago.
  const startsAt = new Date(Math.floor((Date.now() - 30 * 60_000) / 300_000) * 300_000);
  const endsAt = new Date(startsAt.getTime() + 4 * 3_600_000);
  const year = Number(chinaWallClock(startsAt).slice(0, 4));
  const month = Number(chinaWallClock(startsAt).slice(5, 7));
  const title = `入户走访困难群众（${month}月）`;
  let secretary: Page;
  let member: Page;
  let branchId: number;
  let activityId: number;

  it('the secretary opens the year and writes this month’s plan', async () => {
    secretary = await newPage(DESKTOP);
    await login(secretary, 'secretary1');
    const me = (await api(secretary, '/api/v1/me')).json;
    branchId = me.roles.find((r: { role: string }) => r.role === 'secretary').orgId;
    await secretary.goto(`/orgs/${branchId}/calendar?year=${year}`);
    await secretary.getByTestId('calendar-year').waitFor();
    expect(await secretary.getByTestId('calendar-year').locator('[data-testid^="month-card-"]').count()).toBe(
      12,
    );
    await screenshot(secretary, 'fixed-day-year-desktop');

    await secretary.getByTestId(`plan-edit-${month}`).click();
    const modal = secretary.getByTestId('plan-modal');
    await modal.waitFor();
    await pickOption(secretary, 'plan_theme', '志愿服务');
    await secretary.locator('#plan_title').fill(title);
    await modal.getByRole('checkbox', { name: '志愿服务' }).check();
    await modal.getByRole('checkbox', { name: '结对帮扶' }).check();
    await screenshot(secretary, 'fixed-day-plan-desktop');
    await secretary.getByTestId('plan-save').click();
    const card = secretary.getByTestId(`month-card-${month}`);
    await expect.poll(() => card.textContent()).toContain(title);
  });

  it('schedules the activity from the plan, for a window that contains now', async () => {
    await secretary.getByTestId(`schedule-from-plan-${month}`).click();
    await secretary.getByTestId('activity-form').waitFor();
    // Prefilled from the plan: the themed party day with the plan's title.
    expect(await secretary.locator('#activity_title').inputValue()).toBe(title);
    await setTime(secretary, 'activity_startsAt', startsAt);
    await setTime(secretary, 'activity_endsAt', endsAt);
    await screenshot(secretary, 'fixed-day-schedule-desktop');
    await secretary.getByTestId('activity-submit').click();
    await secretary.getByTestId('activity-page').waitFor();
    activityId = Number(new URL(secretary.url()).pathname.split('/').pop());
    expect(activityId).toBeGreaterThan(0);
    await expect.poll(() => secretary.getByTestId('activity-notices').textContent()).toMatch(/已通知 [1-9]/);
    // The secretary was put in charge without being asked.
    const name = await secretary.getByTestId('user-name').textContent();
    expect(await secretary.getByTestId('activity-page').textContent()).toMatch(
      new RegExp(`负责人[:：]?\\s*${name}`),
    );
  });

  it('the member sees the notice on the phone and checks in through the QR code', async () => {
    member = await newPage(PHONE);
    await login(member, 'member1');
    await member.goto('/me');
    await expect.poll(() => member.getByTestId('inbox-badge').getAttribute('data-unread')).not.toBe('0');
    await expect.poll(() => member.getByTestId('my-next-activity').textContent()).toContain(title);
    await noHorizontalOverflow(member);
    await screenshot(member, 'fixed-day-my-page-phone');
    await member.getByTestId('inbox-badge').click();
    await expect.poll(() => member.getByTestId('inbox-list').textContent()).toContain(title);
    await screenshot(member, 'fixed-day-inbox-phone');

    await secretary.getByTestId('checkin-open').click();
    await secretary.getByTestId('checkin-qr').waitFor();
    await expect.poll(() => secretary.getByTestId('checkin-code').textContent()).toMatch(/^\d{6}$/);
    await screenshot(secretary, 'fixed-day-qr-desktop');
    const scanned = new URL(await decodeQr(secretary));
    expect(scanned.pathname).toBe('/check-in');
    await member.goto(`${scanned.pathname}${scanned.search}`);
    const result = member.getByTestId('checkin-result');
    await expect.poll(() => result.getAttribute('data-status')).toBe('checked_in');
    await noHorizontalOverflow(member);
    await screenshot(member, 'fixed-day-checked-in-phone');
  });

  it('the six-digit code answers that the member is already checked in', async () => {
    const code = (await secretary.getByTestId('checkin-code').textContent())!;
    await member.goto(`/check-in/code?activity=${activityId}`);
    await member.getByTestId('code-input').fill(code);
    await member.getByTestId('code-submit').click();
    const result = member.getByTestId('checkin-result');
    await expect.poll(() => result.getAttribute('data-status')).toBe('already_checked_in');
    expect(await result.textContent()).toContain('无需重复签到');
    await screenshot(member, 'fixed-day-already-phone');
  });

  it('the secretary sees the count go up', async () => {
    // The secretary's screen refreshes the count every few seconds.
    await expect
      .poll(() => secretary.getByTestId('checkin-present').textContent(), { timeout: 15_000 })
      .toMatch(/已签到 [1-9]/);
    await secretary.getByTestId('checkin-close').click();
    const counts = secretary.getByTestId('attendance-counts');
    await expect.poll(() => counts.getAttribute('data-present')).not.toBe('0');
    await screenshot(secretary, 'fixed-day-attendance-desktop');
  });

  it('a member away next week asks for leave from the phone; the secretary approves it', async () => {
    // A party lecture next week, scheduled through the API: the form was exercised above.
    const { csrfToken } = (await api(secretary, '/api/v1/me')).json;
    const start = Math.floor((Date.now() + 7 * 86_400_000) / 300_000) * 300_000;
    const lecture = (
      await api(secretary, '/api/v1/activities', {
        method: 'POST',
        csrf: csrfToken,
        body: {
          orgId: branchId,
          type: 'party_lecture',
          title: '党课：学习贯彻全会精神',
          startsAt: new Date(start).toISOString(),
          endsAt: new Date(start + 4 * 3_600_000).toISOString(),
        },
      })
    ).json;
    await member.goto('/me');
    const later = member.getByTestId(`my-later-${lecture.id}`);
    await expect.poll(() => later.textContent()).toContain('党课：学习贯彻全会精神');
    await member.getByTestId(`leave-request-${lecture.id}`).click();
    const form = member.getByTestId('leave-form');
    await form.getByRole('textbox', { name: '原因' }).fill('外出务工，下月初回村');
    await form.getByRole('button', { name: '提交请假' }).click();
    await expect.poll(() => later.textContent()).toContain('请假待批准');
    await noHorizontalOverflow(member);
    await screenshot(member, 'fixed-day-leave-phone');

    await secretary.goto(`/activities/${lecture.id}`);
    const requests = secretary.getByTestId('leave-requests');
    await expect.poll(() => requests.textContent()).toContain('外出务工，下月初回村');
    // By test id: antd spaces out a two-character label ("批 准"), which "不批准" would match by name.
    await requests.locator('[data-testid^="leave-approve-"]').click();
    await expect.poll(() => requests.textContent()).toContain('已批准');
    await member.reload();
    await expect.poll(() => member.getByTestId(`my-later-${lecture.id}`).textContent()).toContain('已请假');
    await secretary.goto(`/activities/${activityId}`);
    await secretary.getByTestId('activity-page').waitFor();
  });

  it('adds the minutes and a photo', async () => {
    await secretary.getByTestId('records-tab').click();
    // The minutes come drafted from what Vanguard holds: the title, time, and who came.
    const editor = secretary.getByTestId('minutes-editor');
    await expect
      .poll(() => editor.textContent())
      .toMatch(/会议名称：.+时间：.+应到党员 \d+ 人，实到 [1-9]\d* 人/);
    await editor.fill('书记主持，学习帮扶政策，分组入户走访困难群众 5 户。');
    await secretary.getByTestId('minutes-save').click();
    await expect.poll(() => secretary.textContent('body')).toContain('会议记录已保存');
    const photo = await sharp({
      create: { width: 320, height: 240, channels: 3, background: { r: 200, g: 30, b: 30 } },
    })
      .jpeg()
      .toBuffer();
    await secretary
      .getByTestId('photo-upload')
      .locator('input[type=file]')
      .setInputFiles({ name: 'zoufang.jpg', mimeType: 'image/jpeg', buffer: photo });
    await secretary.getByTestId('photo-list').waitFor();
    const completeness = secretary.getByTestId('activity-page').getByTestId('completeness').first();
    await expect.poll(() => completeness.locator('[data-complete="true"]').count()).toBe(3);
    await screenshot(secretary, 'fixed-day-records-desktop');
  });

  it('the ledger shows the month complete and the chain intact', async () => {
    await secretary.goto(`/orgs/${branchId}/ledger?year=${year}`);
    await secretary.getByTestId('ledger-table').waitFor();
    await expect.poll(() => secretary.getByTestId('ledger-table').textContent()).toContain(title);
    await expect
      .poll(() => secretary.getByTestId(`ledger-month-${month}`).getAttribute('data-complete'))
      .toBe('true');
    const chain = secretary.getByTestId('ledger-chain');
    await expect.poll(() => chain.getAttribute('data-intact')).toBe('true');
    expect(await chain.textContent()).toContain('台账未被篡改');
    expect(await secretary.getByTestId('ledger-xlsx').getAttribute('href')).toContain('ledger.xlsx');
    expect(await secretary.getByTestId('ledger-pdf').getAttribute('href')).toContain('ledger.pdf');
    await screenshot(secretary, 'fixed-day-ledger-desktop');
  });

  it('the calendar and the ledger fit a phone', async () => {
    const phone = await newPage(PHONE);
    await login(phone, 'secretary1');
    await phone.goto(`/orgs/${branchId}/calendar`);
    await phone.getByTestId('calendar-year').waitFor();
    await noHorizontalOverflow(phone);
    await screenshot(phone, 'fixed-day-year-phone');
    await phone.goto(`/activities/${activityId}`);
    await phone.getByTestId('activity-page').waitFor();
    await noHorizontalOverflow(phone);
    await screenshot(phone, 'fixed-day-activity-phone');
    await phone.goto(`/orgs/${branchId}/ledger`);
    await phone.getByTestId('ledger-table').waitFor();
    await noHorizontalOverflow(phone);
    await screenshot(phone, 'fixed-day-ledger-phone');
  });
});
