import { describe, expect, it } from 'vitest';
import { signingKey } from '../../core/signing-key';
import { tinyCounty } from '../../test/fixtures';
import { testApp } from '../../test/harness';
import { issue } from './check-in-token';

const { as, db, clock } = await testApp();
const fx = await tinyCounty(db);
const secretary = await as('secretary1');
const member = await as('member1');

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** An activity that started `hoursAgo` hours ago and lasted four. */
async function activityStarted(hoursAgo: number) {
  const start = clock.now().getTime() - hoursAgo * HOUR;
  const res = await secretary.post('/api/v1/activities', {
    orgId: fx.b1.id,
    type: 'themed_party_day',
    title: `离线签到 ${Math.random().toString(36).slice(2, 6)}`,
    startsAt: iso(start),
    endsAt: iso(start + 4 * HOUR),
  });
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json().id as number, start };
}

const attendance = async (id: number) => (await secretary.get(`/api/v1/activities/${id}/attendance`)).json();
const mine = (list: { members: { memberId: number }[] }) =>
  list.members.find((m) => m.memberId === fx.member1Id) as
    | { status: string; checkedInAt: string | null; sentAt: string | null }
    | undefined;

describe('a check-in kept on the phone without a network', () => {
  it('is judged at the instant it was scanned, kept once, and marked as sent late', async () => {
    const a = await activityStarted(10);
    const scanned = a.start + HOUR;
    // The window closed five hours ago; the phone saw the screen an hour into the activity.
    const { token } = issue(await signingKey(db), a.id, scanned);
    const late = await member.post('/api/v1/check-in', { token, scannedAt: iso(scanned) });
    expect(late.statusCode, late.body).toBe(200);
    expect(late.json()).toMatchObject({ status: 'checked_in', checkedInAt: iso(scanned) });

    const again = await member.post('/api/v1/check-in', { token, scannedAt: iso(scanned) });
    expect(again.json()).toMatchObject({ status: 'already_checked_in', checkedInAt: iso(scanned) });
    const list = await attendance(a.id);
    expect(list.counts.present).toBe(1);
    const row = mine(list)!;
    expect(row).toMatchObject({ status: 'present', checkedInAt: iso(scanned) });
    expect(Date.parse(row.sentAt!)).toBeGreaterThan(scanned + 8 * HOUR);
  });

  it('cannot claim an instant the token was not on the screen at', async () => {
    const a = await activityStarted(10);
    // A token shown after the window closed, claimed as scanned during the activity.
    const afterClose = clock.now().getTime() - HOUR;
    const { token } = issue(await signingKey(db), a.id, afterClose);
    const res = await member.post('/api/v1/check-in', { token, scannedAt: iso(a.start + HOUR) });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('checkin_outside_window');
    expect(mine(await attendance(a.id))?.status).not.toBe('present');
  });

  it('by the six-digit code: the code current at the claimed instant', async () => {
    const a = await activityStarted(8);
    const scanned = a.start + 2 * HOUR;
    const { code } = issue(await signingKey(db), a.id, scanned);
    const res = await member.post('/api/v1/check-in', { activityId: a.id, code, scannedAt: iso(scanned) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().checkedInAt).toBe(iso(scanned));
    // The same code at another claimed instant is a wrong code.
    const b = await activityStarted(8);
    const other = await member.post('/api/v1/check-in', {
      activityId: b.id,
      code,
      scannedAt: iso(scanned + 10 * 60_000),
    });
    expect(other.json().error?.field).toBe('code');
  });

  it('is refused, naming the field, once it waited longer than OFFLINE_CHECKIN_HOURS (24)', async () => {
    const a = await activityStarted(30);
    const scanned = a.start + HOUR;
    const { token } = issue(await signingKey(db), a.id, scanned);
    const res = await member.post('/api/v1/check-in', { token, scannedAt: iso(scanned) });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'checkin_late_too_long', field: 'scannedAt' });
    expect(res.json().error.message).toContain('24 小时');
    expect((await attendance(a.id)).counts.present).toBe(0);
  });

  it('an ordinary check-in sends the instant too: it is kept at the server’s time, not marked', async () => {
    const a = await activityStarted(1);
    const code = (await secretary.get(`/api/v1/activities/${a.id}/check-in-code`)).json();
    const res = await member.post('/api/v1/check-in', {
      token: code.token,
      scannedAt: iso(clock.now().getTime() + 5 * 60_000),
    });
    expect(res.json().status).toBe('checked_in');
    expect(Math.abs(Date.parse(res.json().checkedInAt) - clock.now().getTime())).toBeLessThan(5_000);
    expect(mine(await attendance(a.id))?.sentAt).toBeNull();
  });
});
