import { describe, expect, it } from 'vitest';
import type { OrgStats } from '../../../common/schemas/stats';
import { addDays } from '../../core/fixed-day/holidays';
import { tinyCounty } from '../../test/fixtures';
import { testApp } from '../../test/harness';
import { daysFromToday } from '../../test/test-clock';

const { as, db, clock } = await testApp();
const fx = await tinyCounty(db);

// A New Year's Eve still to come, so nothing of the demo's history stands in that year.
const Y = Number(daysFromToday(clock, 0).slice(0, 4)) + 1;
const yearOf = (y: number) => `from=${y}-01-01&to=${y}-12-31`;

describe('the year boundary', () => {
  it('an evening meeting across midnight on 31 December counts in the year it started', async () => {
    clock.set(`${Y}-12-31T18:00:00+08:00`);
    // Signed in on that evening: a session from today would have expired by then.
    const secretary = await as('secretary1');
    const member = await as('member1');
    const created = await secretary.post('/api/v1/activities', {
      orgId: fx.b1.id,
      type: 'party_lecture',
      title: '跨年夜党课',
      startsAt: `${Y}-12-31T21:00:00+08:00`,
      endsAt: `${Y + 1}-01-01T01:00:00+08:00`,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;

    // Half past midnight: the new year has begun and the meeting is still on.
    clock.set(`${Y + 1}-01-01T00:30:00+08:00`);
    const { token } = (await secretary.get(`/api/v1/activities/${id}/check-in-code`)).json();
    const checkIn = await member.post('/api/v1/check-in', { token });
    expect(checkIn.json()).toMatchObject({ status: 'checked_in', activityId: id });
    expect((await member.get('/api/v1/me/activities')).json().next).toMatchObject({ id });

    const ledger = async (y: number) =>
      (await secretary.get(`/api/v1/orgs/${fx.b1.id}/ledger?year=${y}`))
        .json()
        .rows.map((r: { activityId: number }) => r.activityId);
    expect(await ledger(Y)).toContain(id);
    expect(await ledger(Y + 1)).not.toContain(id);

    const stats = async (y: number) =>
      (await secretary.get(`/api/v1/orgs/${fx.b1.id}/stats?${yearOf(y)}`)).json<OrgStats>();
    const old = await stats(Y);
    expect(old.activities.map((a) => a.id)).toEqual([id]);
    expect(old.activities[0]).toMatchObject({ date: `${Y}-12-31`, present: 1 });
    expect(old.figures.byType.party_lecture).toBe(1);
    expect((await stats(Y + 1)).figures.activities).toBe(0);

    const december = (await secretary.get(`/api/v1/orgs/${fx.b1.id}/calendar?year=${Y}&month=12`)).json();
    expect(december.months[0].activities.map((a: { id: number }) => a.id)).toContain(id);
    const january = (await secretary.get(`/api/v1/orgs/${fx.b1.id}/calendar?year=${Y + 1}&month=1`)).json();
    expect(january.months[0].activities.map((a: { id: number }) => a.id)).not.toContain(id);
  });

  it('on 1 January the new year has its own fixed days, and the old year stays readable', async () => {
    clock.set(`${Y + 1}-01-01T09:00:00+08:00`);
    const secretary = await as('secretary1');
    const now = (await secretary.get(`/api/v1/orgs/${fx.b1.id}/calendar?year=${Y + 1}`)).json();
    // Nothing of the new year is missed on its first morning; the old December is what it was.
    expect(now.months.filter((m: { state: string }) => m.state === 'missed')).toEqual([]);
    const before = (await secretary.get(`/api/v1/orgs/${fx.b1.id}/calendar?year=${Y}&month=12`)).json();
    expect(before.months[0].state).toBe('missed');
  });

  it('a themed party day held off its fixed day shows so on the calendar, as on the dashboard', async () => {
    clock.set(`${Y}-06-01T08:00:00+08:00`);
    const secretary = await as('secretary1');
    const june = async () =>
      (await secretary.get(`/api/v1/orgs/${fx.b1.id}/calendar?year=${Y}&month=6`)).json().months[0];
    const { fixedDate } = await june();
    const day = addDays(fixedDate, fixedDate.endsWith('-01') ? 1 : -1);
    const created = await secretary.post('/api/v1/activities', {
      orgId: fx.b1.id,
      type: 'themed_party_day',
      title: '提前开展的主题党日',
      startsAt: `${day}T09:00:00+08:00`,
      endsAt: `${day}T13:00:00+08:00`,
    });
    expect(created.statusCode, created.body).toBe(201);
    clock.set(`${Y}-06-29T12:00:00+08:00`);
    const later = await as('secretary1');
    const state = (await later.get(`/api/v1/orgs/${fx.b1.id}/calendar?year=${Y}&month=6`)).json().months[0]
      .state;
    expect(state).toBe('held_off_day');
    const stats = (
      await later.get(`/api/v1/orgs/${fx.b1.id}/stats?from=${Y}-06-01&to=${Y}-06-30`)
    ).json<OrgStats>();
    expect(stats.activities.find((a) => a.id === created.json().id)?.onFixedDay).toBe(false);
  });
});
