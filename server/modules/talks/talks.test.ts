import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { tinyCounty } from '../../test/fixtures';
import { type Client, testApp } from '../../test/harness';
import { daysFromToday } from '../../test/test-clock';

const { as, db, clock, secretaryOf } = await testApp();
const fx = await tinyCounty(db);
let secretary: Client;
let branchId: number;
const ids: Record<string, number> = {};
const clients: Record<string, Client> = {};
const c = (who: string) => clients[who]!;
const idOf = (name: string) => ids[name]!;

/** A branch of its own with three members who sign in: 甲 is talked with, 乙 and 丙 are not. */
beforeAll(async () => {
  const county = await as('county');
  branchId = (
    await county.post('/api/v1/orgs', {
      parentId: fx.t1.id,
      name: '谈心党支部',
      level: 'branch',
      kind: 'village',
    })
  ).json().id;
  for (const [i, name] of ['甲', '乙', '丙'].entries()) {
    ids[name] = (
      await county.post('/api/v1/members', {
        orgId: branchId,
        name,
        gender: 'male',
        status: 'full',
        statusDate: '2020-01-01',
      })
    ).json().id;
    await county.post(`/api/v1/members/${ids[name]}/account`, {
      username: `talked-${i}`,
      password: 'a-long-secret',
    });
    clients[name] = await as(`talked-${i}`, 'a-long-secret');
  }
  secretary = await secretaryOf(branchId);
  clients.county = county;
  clients.otherSecretary = await as('secretary1');
});

const talk = (body: Record<string, unknown> = {}) =>
  secretary.post(`/api/v1/orgs/${branchId}/talks`, {
    memberId: idOf('甲'),
    heldOn: daysFromToday(clock, -2),
    topics: '近期思想动态、外出务工打算',
    agreed: '每月参加一次线上学习',
    followUpOn: daysFromToday(clock, 28),
    ...body,
  });

describe('heart-to-heart talks', () => {
  it('are read by the member talked with, the secretary and the county, and by no other member', async () => {
    const res = await talk();
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    for (const who of ['甲', 'county'])
      expect((await c(who).get(`/api/v1/talks/${id}`)).statusCode, who).toBe(200);
    expect((await secretary.get(`/api/v1/talks/${id}`)).statusCode).toBe(200);
    for (const who of ['乙', 'otherSecretary']) {
      const seen = await c(who).get(`/api/v1/talks/${id}`);
      expect(seen.statusCode, who).toBe(404);
      expect(seen.body).not.toContain('外出务工');
    }
    expect((await c('甲').get('/api/v1/me/talks')).json().items).toHaveLength(1);
    expect((await c('乙').get('/api/v1/me/talks')).json().items).toHaveLength(0);
    expect((await c('乙').get(`/api/v1/orgs/${branchId}/talks`)).statusCode).toBe(403);
  });

  it('answer an "absent three times" alert about the member, acknowledging it in the same transaction', async () => {
    const alert = async (memberId: number) =>
      (
        await db.execute<{
          id: number;
        }>(sql`INSERT INTO alerts (key, kind, audience, org_id, member_id, params)
          VALUES (${`member_absent:test:${memberId}`}, 'member_absent', 'branch', ${branchId}, ${memberId}, '{}')
          RETURNING id`)
      ).rows[0]!.id;
    const about乙 = await alert(idOf('乙'));
    const wrong = await talk({ alertId: about乙 });
    expect(wrong.json().error).toMatchObject({ code: 'talk_alert_mismatch', field: 'alertId' });
    const about甲 = await alert(idOf('甲'));
    expect((await talk({ alertId: about甲 })).statusCode).toBe(201);
    const open = (await secretary.get('/api/v1/alerts?status=open'))
      .json()
      .items.map((a: { id: number }) => a.id);
    expect(open).not.toContain(about甲);
    expect(open).toContain(about乙);
  });

  it('refuse a talk not yet held, a follow-up before it, a member of another branch, naming the field', async () => {
    const count = async () =>
      (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM talks`)).rows[0]!.n;
    const before = await count();
    expect((await talk({ heldOn: daysFromToday(clock, 1) })).json().error.field).toBe('heldOn');
    expect((await talk({ followUpOn: daysFromToday(clock, -3) })).json().error.field).toBe('followUpOn');
    const other = await fx.memberIn(fx.b1.id);
    const elsewhere = await talk({ memberId: other.id });
    expect(elsewhere.json().error).toMatchObject({ code: 'talk_other_branch', field: 'memberId' });
    expect(elsewhere.body).not.toContain(other.name);
    expect((await talk({ topics: '' })).json().error.field).toBe('topics');
    expect(await count()).toBe(before);
  });
});
