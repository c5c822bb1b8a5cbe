import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { tinyCounty } from '../test/fixtures';
import { testApp } from '../test/harness';

const { app, as, db } = await testApp();
const fx = await tinyCounty(db);
const county = await as('county');
const member = await as('member1');

const orgNames = async () =>
  (await db.execute<{ name: string }>(sql`SELECT name FROM orgs ORDER BY id`)).rows.map((r) => r.name);

describe('input PostgreSQL would refuse answers 400 naming the field, never 500', () => {
  it('an id beyond the database’s integers, in a path or a body', async () => {
    const path = await county.get('/api/v1/members/2147483648');
    expect(path.statusCode).toBe(400);
    expect(path.json().error.field).toBe('id');
    const body = await county.post('/api/v1/inspections', {
      orgId: 2 ** 31,
      method: 'records_review',
      date: '2026-01-01',
      findings: 'x',
      score: 80,
    });
    expect(body.statusCode).toBe(400);
    expect(body.json().error.field).toBe('orgId');
  });

  it('a NUL byte or half an emoji in any text, the login name included', async () => {
    const before = await orgNames();
    const nul = await county.patch(`/api/v1/orgs/${fx.b1.id}`, { name: '村党支部\u0000' });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().error).toMatchObject({ field: 'name', message: expect.stringContaining('无法保存') });
    const surrogate = await county.patch(`/api/v1/orgs/${fx.b1.id}`, { name: '村党支部\ud83d' });
    expect(surrogate.json().error.field).toBe('name');
    expect(await orgNames()).toEqual(before);
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'county\u0000', password: 'x' },
    });
    expect(login.statusCode).toBe(400);
    expect(login.json().error.field).toBe('username');
    // A whole emoji is text like any other.
    const secretary = await as('secretary1');
    const [venue] = (await secretary.get(`/api/v1/orgs/${fx.b1.id}/venues`)).json().items;
    const renamed = await secretary.patch(`/api/v1/venues/${venue.id}`, { name: '党群服务中心🏠' });
    expect(renamed.json()).toMatchObject({ name: '党群服务中心🏠' });
  });

  it('a PATCH that changes nothing is named as such; a member still meets 403 with a real change', async () => {
    const empty = await county.patch(`/api/v1/orgs/${fx.b1.id}`, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toBe('没有要修改的内容');
    expect((await member.patch(`/api/v1/orgs/${fx.b1.id}`, { name: '改名' })).statusCode).toBe(403);
  });
});
