import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { OrgStats } from '../../../common/schemas/stats';
import { tinyCounty } from '../../test/fixtures';
import { testApp } from '../../test/harness';
import { daysFromToday } from '../../test/test-clock';

const { as, db, clock } = await testApp();
const fx = await tinyCounty(db);
const county = await as('county');
const township = await as('township1');
const secretary = await as('secretary1');

const count = async (table: string) =>
  (
    (await db.execute<{ n: number }>(sql.raw(`SELECT count(*)::int AS n FROM ${table}`))).rows[0] as {
      n: number;
    }
  ).n;

const day = (n: number) => daysFromToday(clock, n);
const thisYear = `from=${day(0).slice(0, 4)}-01-01&to=${day(0).slice(0, 4)}-12-31`;

const inspection = (extra: Record<string, unknown> = {}) => ({
  orgId: fx.b1.id,
  method: 'records_review',
  date: day(-40),
  contacted: '支部书记',
  findings: '九月会议记录缺少签到表',
  score: 85,
  rectifications: [
    { item: '补齐九月签到表', responsible: '支部书记', dueDate: day(30) },
    { item: '完善照片存档', responsible: '组织委员', dueDate: day(-10) },
  ],
  ...extra,
});

describe('inspections and rectifications', () => {
  it('records an inspection with items; the branch answers, the supervisor closes', async () => {
    const openBefore = (await secretary.get(`/api/v1/orgs/${fx.b1.id}/rectifications`)).json();
    const before = (await county.get(`/api/v1/orgs/${fx.b1.id}/stats?${thisYear}`)).json<OrgStats>();
    const res = await township.post('/api/v1/inspections', inspection());
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      orgId: fx.b1.id,
      method: 'records_review',
      score: 85,
      inspectorName: expect.any(String),
    });
    const [late, early] = [created.rectifications[0], created.rectifications[1]];
    // The item due ten days ago is past due today and not closed; the other is due in a month.
    expect(early).toMatchObject({ status: 'open', overdue: true });
    expect(late).toMatchObject({ status: 'open', overdue: false });

    const overdue = (await county.get(`/api/v1/orgs/${fx.county.id}/rectifications?status=overdue`)).json();
    expect(overdue.map((r: { id: number }) => r.id)).toContain(early.id);
    const stats = (await county.get(`/api/v1/orgs/${fx.b1.id}/stats?${thisYear}`)).json<OrgStats>();
    expect(stats.figures.openRectifications).toBe(before.figures.openRectifications + 2);
    expect(stats.figures.overdueRectifications).toBe(before.figures.overdueRectifications + 1);

    // Closing before the branch answered is refused.
    expect((await township.post(`/api/v1/rectifications/${early.id}/close`)).statusCode).toBe(422);
    const answered = await secretary.post(`/api/v1/rectifications/${early.id}/answer`, {
      answer: '已补拍并归档',
    });
    expect(answered.json()).toMatchObject({ status: 'answered', answer: '已补拍并归档' });
    // A secretary cannot close their own item.
    expect((await secretary.post(`/api/v1/rectifications/${early.id}/close`)).statusCode).toBe(403);
    const closed = await township.post(`/api/v1/rectifications/${early.id}/close`);
    expect(closed.json()).toMatchObject({ status: 'closed', overdue: false });
    expect(
      (await secretary.post(`/api/v1/rectifications/${early.id}/answer`, { answer: '再答' })).statusCode,
    ).toBe(422);

    const open = (await secretary.get(`/api/v1/orgs/${fx.b1.id}/rectifications`)).json();
    expect(open.map((r: { id: number }) => r.id).sort()).toEqual(
      [...openBefore.map((r: { id: number }) => r.id), late.id].sort(),
    );
    expect((await secretary.get(`/api/v1/inspections/${created.id}`)).json().findings).toBe(
      '九月会议记录缺少签到表',
    );
  });

  it('refuses an org outside the scope, a score out of range and a due date before the inspection; nothing written', async () => {
    const before = [await count('inspections'), await count('rectifications')];
    const outside = await township.post('/api/v1/inspections', inspection({ orgId: fx.b2.id }));
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error).toMatchObject({ field: 'orgId', message: '所选组织不在您的管辖范围内' });
    const score = await county.post('/api/v1/inspections', inspection({ score: 120 }));
    expect(score.statusCode).toBe(400);
    expect(score.json().error).toMatchObject({ field: 'score', message: '评分须在 0 到 100 之间' });
    const due = await county.post(
      '/api/v1/inspections',
      inspection({ rectifications: [{ item: '整改', responsible: '书记', dueDate: day(-60) }] }),
    );
    expect(due.statusCode).toBe(400);
    expect(due.json().error.field).toBe('rectifications.0.dueDate');
    expect((await secretary.post('/api/v1/inspections', inspection())).statusCode).toBe(403);
    expect([await count('inspections'), await count('rectifications')]).toEqual(before);
  });

  it('a township supervisor lists only its own inspections', async () => {
    await county.post('/api/v1/inspections', inspection({ orgId: fx.b2.id }));
    const own = (await township.get(`/api/v1/orgs/${fx.t1.id}/inspections`)).json();
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((i: { orgId: number }) => i.orgId !== fx.b2.id)).toBe(true);
    expect((await township.get(`/api/v1/orgs/${fx.t2.id}/inspections`)).statusCode).toBe(404);
  });

  it('picks members of an activity at random for a telephone spot check', async () => {
    const [a] = (
      await db.execute<{ id: number }>(
        sql`SELECT id FROM activities WHERE org_id = ${fx.b1.id} AND starts_at < ${clock.now().toISOString()} ORDER BY starts_at DESC LIMIT 1`,
      )
    ).rows as [{ id: number }];
    const res = await township.get(`/api/v1/activities/${a.id}/spot-check?count=3`);
    expect(res.statusCode, res.body).toBe(200);
    const picks = res.json().picks;
    expect(picks.length).toBe(3);
    expect(new Set(picks.map((p: { memberId: number }) => p.memberId)).size).toBe(3);
    for (const p of picks)
      expect(p).toMatchObject({ status: 'present', phone: expect.stringMatching(/^1\d{10}$/) });
    expect((await secretary.get(`/api/v1/activities/${a.id}/spot-check`)).statusCode).toBe(403);
  });
});
