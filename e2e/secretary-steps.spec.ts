import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Download, Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { tinyCounty } from '../server/test/fixtures';
import { api, DESKTOP, login, moveClock, newPage, PHONE, screenshot } from './browser';
import { setTime } from './forms';
import { ownApp } from './own-app';
import { decodeQr } from './qr';

/** Every click, typed field and chosen file the secretary makes, so the count cannot silently grow. */
function counted() {
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
    /** Clicking a download link, and the file it gives (from a new tab, for the PDF). */
    download: async (page: Page, target: Locator): Promise<Download> => {
      n += 1;
      const inNewTab = page
        .context()
        .waitForEvent('page')
        .then((tab) => tab.waitForEvent('download'));
      const [file] = await Promise.all([
        Promise.race([page.waitForEvent('download'), inNewTab]),
        target.click(),
      ]);
      return file;
    },
    files: async (target: Locator, files: Parameters<Locator['setInputFiles']>[0]) => {
      n += 1;
      await target.setInputFiles(files);
    },
    get count() {
      return n;
    },
  };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** An instant given as a China wall-clock date and time. */
const china = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);

/**
 * The secretary's day of seed 004, from signing in to a complete ledger with both exports, on an
 * app whose clock the test moves: a week before March's fixed day (the plan), the fixed day
 * itself (the QR code in the room), and the hour after (minutes, photo, ledger). Opening the app
 * at its address on each day is not counted; everything done inside it is.
 */
describe('the secretary’s day, counted', () => {
  const STEPS = counted();
  let app: Awaited<ReturnType<typeof ownApp>>;
  let secretary: Page;
  let branchId: number;
  let activity: { id: number; title: string; startsAt: string; endsAt: string };
  const year = new Date().getFullYear() + 1;
  const month = 3;
  const title = `推荐主题：春耕志愿服务（${year}年${month}月）`;

  it('a week before the fixed day: signs in, adopts the county’s theme and schedules it', async () => {
    app = await ownApp();
    branchId = (await tinyCounty(app.db)).b1.id;
    app.clock.set(china(`${year}-02-01`, '10:00'));
    const county = await newPage(DESKTOP, 'zh-CN', { app });
    await login(county, 'county');
    const countyMe = (await api(county, '/api/v1/me')).json;
    const root = countyMe.roles.find((r: { role: string }) => r.role === 'supervisor').orgId;
    const published = await api(county, `/api/v1/orgs/${root}/recommendations`, {
      method: 'POST',
      csrf: countyMe.csrfToken,
      body: { year, month, theme: 'volunteer_service', title, kinds: ['volunteer_service'] },
    });
    expect(published.status, JSON.stringify(published.json)).toBe(201);
    const calendar = (await api(county, `/api/v1/orgs/${branchId}/calendar?year=${year}`)).json;
    const fixedDate: string = calendar.months[month - 1].fixedDate;
    app.clock.set(new Date(china(fixedDate, '10:00').getTime() - 7 * DAY));

    secretary = await newPage(DESKTOP, 'zh-CN', { app });
    await secretary.goto('/login');
    await STEPS.fill(secretary.getByTestId('login-username'), 'secretary1');
    await STEPS.fill(secretary.getByTestId('login-password'), 'vanguard-demo');
    await STEPS.click(secretary.getByTestId('login-submit'));
    // Home is the branch's calendar of the year it now is: next year's, by the moved clock.
    await expect.poll(() => new URL(secretary.url()).pathname).toBe(`/orgs/${branchId}/calendar`);
    const adopt = secretary.getByTestId(`adopt-schedule-${month}`);
    await expect.poll(() => adopt.textContent(), { timeout: 10_000 }).toContain('春耕志愿服务');
    await screenshot(secretary, 'calendar-adopt-and-schedule');
    await STEPS.click(adopt);
    await secretary.getByTestId('activity-form').waitFor();
    expect(await secretary.locator('#activity_title').inputValue()).toBe(title);
    await STEPS.click(secretary.getByTestId('activity-submit'));
    await secretary.getByTestId('activity-page').waitFor();
    const id = Number(new URL(secretary.url()).pathname.split('/').pop());
    activity = (await api(secretary, `/api/v1/activities/${id}`)).json;
    expect(activity.title).toBe(title);
    expect(activity.startsAt.slice(0, 10) <= fixedDate && fixedDate <= activity.endsAt.slice(0, 10)).toBe(
      true,
    );
    // The plan of that month is the recommendation, adopted.
    const plan = (await api(secretary, `/api/v1/orgs/${branchId}/calendar?year=${year}`)).json.months[
      month - 1
    ].plan;
    expect(plan).toMatchObject({ title, theme: 'volunteer_service' });
    expect(STEPS.count).toBe(5);
  });

  it('(aside, not counted) moved off the fixed day, the form warns before saving', async () => {
    await secretary.getByTestId('activity-edit').click();
    await secretary.getByTestId('activity-form').waitFor();
    expect(await secretary.getByTestId('off-fixed-day').count()).toBe(0);
    await setTime(secretary, 'activity_startsAt', new Date(Date.parse(activity.startsAt) - DAY));
    await expect.poll(() => secretary.getByTestId('off-fixed-day').textContent()).toContain('未按固定日开展');
    await screenshot(secretary, 'activity-off-fixed-day');
    await secretary.keyboard.press('Escape');
    await secretary.getByTestId('activity-form').waitFor({ state: 'hidden' });
    expect((await api(secretary, `/api/v1/activities/${activity.id}`)).json.startsAt).toBe(activity.startsAt);
  });

  it('on the fixed day: the QR code from the calendar, and a member checks in with it', async () => {
    const tenPast = new Date(Date.parse(activity.startsAt) + 10 * 60_000);
    const member = await newPage(PHONE, 'zh-CN', { app });
    await moveClock(app, [secretary, member], tenPast);
    await secretary.goto('/');
    await STEPS.click(secretary.getByTestId(`month-qr-${activity.id}`));
    await secretary.getByTestId('checkin-qr').waitFor();
    await screenshot(secretary, 'secretary-day-qr-from-calendar');

    await login(member, 'member1');
    const scanned = new URL(await decodeQr(secretary));
    await member.goto(`${scanned.pathname}${scanned.search}`);
    await expect
      .poll(() => member.getByTestId('checkin-result').getAttribute('data-status'))
      .toBe('checked_in');
    expect(STEPS.count).toBe(6);
  });

  it('after it: minutes drafted and saved, a photo, then the ledger and its two exports', async () => {
    await moveClock(app, [secretary], new Date(Date.parse(activity.endsAt) + 30 * 60_000));
    await secretary.goto('/');
    await STEPS.click(secretary.getByTestId(`month-card-${month}`).getByRole('link', { name: title }));
    // Over, with minutes and photos still owed: the page opens where they go.
    const editor = secretary.getByTestId('minutes-editor');
    await expect
      .poll(() => editor.textContent(), { timeout: 10_000 })
      .toMatch(/会议名称：.+时间：.+应到党员 \d+ 人，实到 [1-9]\d* 人/);
    await STEPS.click(secretary.getByTestId('minutes-save'));
    await expect.poll(() => secretary.textContent('body')).toContain('会议记录已保存');
    const photo = await sharp({
      create: { width: 320, height: 240, channels: 3, background: { r: 200, g: 30, b: 30 } },
    })
      .jpeg()
      .toBuffer();
    await STEPS.files(secretary.getByTestId('photo-upload').locator('input[type=file]'), {
      name: 'chungeng.jpg',
      mimeType: 'image/jpeg',
      buffer: photo,
    });
    const completeness = secretary.getByTestId('activity-page').getByTestId('completeness').first();
    await expect.poll(() => completeness.locator('[data-complete="true"]').count()).toBe(3);
    await screenshot(secretary, 'secretary-day-records');

    await STEPS.click(secretary.getByRole('menuitem', { name: '活动台账' }));
    await expect
      .poll(() => secretary.getByTestId(`ledger-month-${month}`).getAttribute('data-complete'), {
        timeout: 10_000,
      })
      .toBe('true');
    await screenshot(secretary, 'secretary-day-ledger');

    // Both exports, read back: the activity is in the workbook and in the PDF.
    const xlsx = await STEPS.download(secretary, secretary.getByTestId('ledger-xlsx'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await xlsx.path());
    const cells = book.worksheets.flatMap((sheet) =>
      sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.map(String) : [])),
    );
    expect(cells).toContain(title);
    const pdf = await STEPS.download(secretary, secretary.getByTestId('ledger-pdf'));
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], {
      input: fs.readFileSync(await pdf.path()),
    }).toString();
    expect(text.replace(/\s+/g, '')).toContain('春耕志愿服务');

    // Sign in (3), adopt and schedule (1), confirm (1); the QR code (1); the activity (1), save the
    // drafted minutes (1), a photo (1); the ledger (1) and its two exports (2).
    expect(STEPS.count).toBe(12);
  });
});
