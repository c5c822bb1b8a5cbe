import { describe, expect, it } from 'vitest';
import { tinyCounty } from '../../test/fixtures';
import { testApp } from '../../test/harness';

const { as, db } = await testApp();
const fx = await tinyCounty(db);
const secretary = await as('secretary1');
const member = await as('member1');
const HOUR = 3_600_000;

async function activityIn(hours: number, title: string) {
  const start = Date.now() + hours * HOUR;
  const res = await secretary.post('/api/v1/activities', {
    orgId: fx.b1.id,
    type: 'party_lecture',
    title,
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 4 * HOUR).toISOString(),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as number;
}

describe("the member's phone page", () => {
  it('lists the next activity and the ones after it, each with where the member stands', async () => {
    const first = await activityIn(24, '党课：第一讲');
    const second = await activityIn(48, '党课：第二讲');
    const third = await activityIn(72, '党课：第三讲');
    const cancelled = await activityIn(60, '党课：取消的一讲');
    await secretary.post(`/api/v1/activities/${cancelled}/cancel`, { reason: '改期' });
    await member.post(`/api/v1/activities/${second}/leave`, { reason: '外出务工' });

    const mine = (await member.get('/api/v1/me/activities')).json();
    const coming = [mine.next, ...mine.later];
    expect(coming.length).toBeLessThanOrEqual(6);
    const starts = coming.map((a: { startsAt: string }) => Date.parse(a.startsAt));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    const ids = coming.map((a: { id: number }) => a.id);
    expect(ids).not.toContain(cancelled);
    const mineOnly = coming.filter((a: { id: number }) => [first, second, third].includes(a.id));
    expect(mineOnly.map((a: { id: number; myStatus: string }) => [a.id, a.myStatus])).toEqual([
      [first, 'none'],
      [second, 'leave_pending'],
      [third, 'none'],
    ]);
    expect(mineOnly[0]).toMatchObject({ title: '党课：第一讲', venueName: null });
    // The past year, latest first, and the rate over those the member was expected at.
    const history = mine.history as { startsAt: string; status: string }[];
    expect(history.length).toBeGreaterThan(0);
    expect(Date.parse(history[0]!.startsAt)).toBeGreaterThanOrEqual(Date.parse(history.at(-1)!.startsAt));
    const expected = history.filter((h) => h.status !== 'leave');
    expect(mine.rate).toBeCloseTo(expected.filter((h) => h.status === 'present').length / expected.length, 5);
  });

  it('a person without a member record has an empty page, not an error', async () => {
    const county = await as('county');
    expect((await county.get('/api/v1/me/activities')).json()).toEqual({
      next: null,
      later: [],
      history: [],
      rate: null,
    });
  });
});
