import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { members } from '../../db/schema/index';
import { lectureAhead } from '../../test/activities';
import { tinyCounty } from '../../test/fixtures';
import { testApp } from '../../test/harness';

const { app, as, db, secretaryOf, clock } = await testApp();
const fx = await tinyCounty(db);

describe('a member downloads everything Vanguard holds about them', () => {
  it('the account, the record in full, attendance, leave, notices and their own changes, nobody else’s', async () => {
    const lecture = await lectureAhead(await secretaryOf(fx.b1.id), clock, fx.b1.id, 5, '党课：我的数据');
    const member = await as('member1');
    expect(
      (await member.post(`/api/v1/activities/${lecture.id}/leave`, { reason: '在外务工' })).statusCode,
    ).toBe(200);

    expect(
      (await member.post('/api/v1/me/reports', { kind: 'thought', title: '我的思想汇报', body: '学习体会' }))
        .statusCode,
    ).toBe(201);

    await db.execute(sql`INSERT INTO talks (org_id, member_id, held_on, topics)
      VALUES (${fx.b1.id}, ${fx.member1Id}, '2026-01-05', '谈心：外出务工打算')`);

    const res = await member.get('/api/v1/me/data');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    const data = res.json();
    const [record] = await db
      .select({ name: members.name, phone: members.phone, id_number: members.idNumber })
      .from(members)
      .where(eq(members.id, fx.member1Id));
    expect(data.account).toMatchObject({ username: 'member1', roles: [{ role: 'member', org: fx.b1.name }] });
    // Their own phone and ID number, in full.
    expect(data.member).toMatchObject({
      name: record!.name,
      phone: record!.phone,
      id_number: record!.id_number,
    });
    const [{ n }] = (
      await db.execute<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM attendance WHERE member_id = ${fx.member1Id}`,
      )
    ).rows as [{ n: number }];
    expect(data.attendance).toHaveLength(n);
    expect(n).toBeGreaterThan(0);
    expect(data.leave).toContainEqual(
      expect.objectContaining({ title: '党课：我的数据', reason: '在外务工' }),
    );
    expect(data.notices.map((x: { title: string }) => x.title).join()).toContain('党课：我的数据');
    expect(data.talks).toContainEqual(expect.objectContaining({ topics: '谈心：外出务工打算' }));
    expect(data.reports).toContainEqual(expect.objectContaining({ title: '我的思想汇报', body: '学习体会' }));
    expect(data.changesMade).toContainEqual(
      expect.objectContaining({ object: 'leave_requests', op: 'insert' }),
    );

    // Nobody else's name is in it.
    const { rows: others } = await db.execute<{ name: string }>(
      sql`SELECT name FROM members WHERE org_id = ${fx.b1.id} AND id <> ${fx.member1Id}`,
    );
    expect(others.filter((o) => res.body.includes(o.name))).toEqual([]);
  });

  it('needs a session', async () => {
    expect((await app.inject({ url: '/api/v1/me/data' })).statusCode).toBe(401);
  });
});
