import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { tinyCounty } from '../test/fixtures';
import { testApp } from '../test/harness';
import { multipart, photo } from '../test/uploads';
import { aggregateDrift, foldPending } from './aggregates';

const { as, db } = await testApp();
const fx = await tinyCounty(db);
const secretary = await as('secretary1');
const member = await as('member1');
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

async function activity(startOffsetMs: number) {
  const res = await secretary.post('/api/v1/activities', {
    orgId: fx.b1.id,
    type: 'themed_party_day',
    title: '聚合测试',
    startsAt: iso(Date.now() + startOffsetMs),
    endsAt: iso(Date.now() + startOffsetMs + 4 * HOUR),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as number;
}

const stats = async (id: number) => {
  // Check-ins wait in activity_stats_pending until folded in.
  await foldPending(db);
  return (
    await db.execute<Record<string, unknown>>(sql`SELECT * FROM activity_stats WHERE activity_id = ${id}`)
  ).rows[0]!;
};

describe('aggregates kept in the same transactions', () => {
  it('the demo history loaded in bulk was recounted', async () => {
    const [{ n }] = (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM activity_stats`))
      .rows as [{ n: number }];
    expect(n).toBeGreaterThan(100);
    expect(await aggregateDrift(db)).toEqual([]);
  });

  it('every write path keeps them equal to a recount from scratch', async () => {
    const a = await activity(-HOUR);
    const others = (await secretary.get(`/api/v1/members?orgId=${fx.b1.id}&status=full&pageSize=50`))
      .json()
      .items.map((m: { id: number }) => m.id)
      .filter((id: number) => id !== fx.member1Id);

    const { code } = (await secretary.get(`/api/v1/activities/${a}/check-in-code`)).json();
    expect((await member.post('/api/v1/check-in', { activityId: a, code })).statusCode).toBe(200);
    // Twenty hand-marked at once: concurrent transactions must not lose a count.
    // A recount (a guest added) racing the counted-up check-ins must not overwrite them either.
    await Promise.all([
      ...others
        .slice(0, 20)
        .map((id: number) =>
          secretary.put(`/api/v1/activities/${a}/attendance/${id}`, { status: 'present', reason: '无手机' }),
        ),
      secretary.post(`/api/v1/activities/${a}/guests`, { name: '同时到的群众' }),
    ]);
    expect(await stats(a)).toMatchObject({ present: 1 + Math.min(20, others.length) });
    await secretary.put(`/api/v1/activities/${a}/attendance/${others[0]}`, {
      status: 'absent',
      reason: '误点',
    });

    const later = await activity(2 * 24 * HOUR);
    const leave = await member.post(`/api/v1/activities/${later}/leave`, { reason: '外出' });
    await secretary.post(`/api/v1/leave/${leave.json().id}/decision`, { approve: true });
    expect(await stats(later)).toMatchObject({ leave: 1 });

    const guest = await secretary.post(`/api/v1/activities/${a}/guests`, {
      name: '村民老王',
      phone: '13900000000',
    });
    await secretary.post(`/api/v1/activities/${a}/guests`, { name: '村民老李' });
    await secretary.delete(`/api/v1/guests/${guest.json().id}`);
    expect(await stats(a)).toMatchObject({ masses: 2 });

    await secretary.put(`/api/v1/activities/${a}/minutes`, { minutesHtml: '<p>学习了文件</p>' });
    const upload = multipart([{ name: 'a.jpg', data: await photo(new Date()), type: 'image/jpeg' }]);
    const files = await secretary.post(`/api/v1/activities/${a}/files`, upload.body, {
      'content-type': upload.type,
    });
    expect(files.statusCode, files.body).toBe(200);
    expect(await stats(a)).toMatchObject({ has_minutes: true, photos: 1 });

    // Moved to last year: the members' days move with it.
    const moved = await secretary.patch(`/api/v1/activities/${a}`, {
      startsAt: iso(Date.now() - 400 * 24 * HOUR),
      endsAt: iso(Date.now() - 400 * 24 * HOUR + 4 * HOUR),
      reason: '补录时间',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const b = await activity(-HOUR);
    await secretary.put(`/api/v1/activities/${b}/attendance/${others[1]}`, {
      status: 'present',
      reason: '无手机',
    });
    await secretary.post(`/api/v1/activities/${b}/cancel`, { reason: '暴雨' });
    expect(await stats(b)).toMatchObject({ cancelled: true });

    expect(await aggregateDrift(db)).toEqual([]);
  });

  it('check-ins written together in one statement count each person once, leave included', async () => {
    const a = await activity(20 * 60_000);
    const ids = (await secretary.get(`/api/v1/members?orgId=${fx.b1.id}&status=full&pageSize=50`))
      .json()
      .items.map((m: { id: number }) => m.id)
      .filter((id: number) => id !== fx.member1Id && id !== fx.secretary1Id)
      .slice(0, 5) as number[];
    const phones = await Promise.all(
      ids.map(async (id) => {
        await secretary.post(`/api/v1/members/${id}/account`, {
          username: `agg${id}`,
          password: 'a-long-secret',
        });
        return as(`agg${id}`, 'a-long-secret');
      }),
    );
    // One of them asked for leave, was approved, and came after all.
    const leave = await phones[0]!.post(`/api/v1/activities/${a}/leave`, { reason: '可能赶不回来' });
    await secretary.post(`/api/v1/leave/${leave.json().id}/decision`, { approve: true });
    expect(await stats(a)).toMatchObject({ present: 0, leave: 1 });

    const { token } = (await secretary.get(`/api/v1/activities/${a}/check-in-code`)).json();
    const answers = await Promise.all(
      [member, ...phones, member].map((p) => p.post('/api/v1/check-in', { token })),
    );
    expect(answers.map((r) => r.json().status).filter((s) => s === 'checked_in')).toHaveLength(6);
    const pending = await db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM activity_stats_pending WHERE activity_id = ${a}`,
    );
    expect(pending.rows[0]!.n).toBeLessThan(6);
    expect(await stats(a)).toMatchObject({ present: 6, leave: 0 });
    expect(await aggregateDrift(db)).toEqual([]);
  });

  it('a figure changed behind the triggers is caught by the recount', async () => {
    const a = await activity(-HOUR);
    await db.execute(sql`UPDATE activity_stats SET present = present + 1 WHERE activity_id = ${a}`);
    expect(await aggregateDrift(db)).toEqual([{ source: 'activity_stats', key: String(a) }]);
    await db.execute(sql`SELECT refresh_activity_stats(${a})`);
    expect(await aggregateDrift(db)).toEqual([]);
    // And a rollup changed behind its deltas.
    await db.execute(sql`UPDATE subtree_stats SET activities = activities + 1
      WHERE (org_id, year, part) = (SELECT org_id, year, part FROM subtree_stats ORDER BY 1, 2, 3 LIMIT 1)`);
    expect((await aggregateDrift(db)).map((d) => d.source)).toContain('subtree_stats');
  });
});
