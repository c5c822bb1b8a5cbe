import { describe, expect, it } from 'vitest';
import { tinyCounty } from '../../test/fixtures';
import { testApp } from '../../test/harness';

const { as, db } = await testApp();
const fx = await tinyCounty(db);
const county = await as('county');

describe('organization tree', () => {
  it('creates a general branch with branches under a township, with fixed days', async () => {
    const general = await county.post('/api/v1/orgs', {
      parentId: fx.t1.id,
      name: '测试村党总支',
      level: 'general_branch',
      kind: 'village',
    });
    expect(general.statusCode).toBe(201);
    expect(general.json()).toMatchObject({
      parentId: fx.t1.id,
      level: 'general_branch',
      childCount: 0,
      memberCount: 0,
    });
    // A branch gets the default fixed day (the 15th) unless another is given.
    expect(general.json().fixedDay).toEqual({
      rule: { kind: 'day_of_month', day: 15 },
      holidayRule: 'next_working_day',
    });
    const fixedDay = { rule: { kind: 'nth_weekday', nth: 2, weekday: 5 }, holidayRule: 'stay' };
    const branch = await county.post('/api/v1/orgs', {
      parentId: general.json().id,
      name: '测试村第一党支部',
      level: 'branch',
      kind: 'village',
      fixedDay,
    });
    expect(branch.statusCode).toBe(201);
    expect(branch.json().fixedDay).toEqual(fixedDay);
    const tree = (await county.get('/api/v1/orgs/tree')).json().nodes;
    expect(tree).toContainEqual({
      id: branch.json().id,
      parentId: general.json().id,
      name: '测试村第一党支部',
      level: 'branch',
      kind: 'village',
    });
  });

  it('refuses an organization under a branch, and a committee fixed day', async () => {
    const under = await county.post('/api/v1/orgs', {
      parentId: fx.b1.id,
      name: 'x',
      level: 'branch',
      kind: 'village',
    });
    expect(under.statusCode).toBe(422);
    expect(under.json().error).toMatchObject({
      code: 'org_level',
      field: 'level',
      message: '党支部之下不能设立党支部',
    });
    const committeeDay = await county.post('/api/v1/orgs', {
      parentId: fx.county.id,
      name: 'x',
      level: 'committee',
      kind: 'organ',
      fixedDay: { rule: { kind: 'day_of_month', day: 1 }, holidayRule: 'stay' },
    });
    expect(committeeDay.statusCode).toBe(422);
    expect(committeeDay.json().error.field).toBe('fixedDay');
  });

  it('validates the fixed-day rule, naming the field', async () => {
    const res = await county.patch(`/api/v1/orgs/${fx.b1.id}`, {
      fixedDay: { rule: { kind: 'day_of_month', day: 32 }, holidayRule: 'stay' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('fixedDay.rule.day');
    expect(res.json().error.message).toContain('31');
  });

  it('lets the branch secretary set the fixed day but not rename the branch', async () => {
    const secretary = await as('secretary1');
    const fixedDay = { rule: { kind: 'nth_weekday', nth: -1, weekday: 3 }, holidayRule: 'next_working_day' };
    const set = await secretary.patch(`/api/v1/orgs/${fx.b1.id}`, { fixedDay });
    expect(set.statusCode).toBe(200);
    expect(set.json().fixedDay).toEqual(fixedDay);
    expect((await secretary.patch(`/api/v1/orgs/${fx.b1.id}`, { name: '改名' })).statusCode).toBe(403);
  });

  it('renames', async () => {
    const org = await county.post('/api/v1/orgs', {
      parentId: fx.t2.id,
      name: '旧名党支部',
      level: 'branch',
      kind: 'community',
    });
    const renamed = await county.patch(`/api/v1/orgs/${org.json().id}`, { name: '新名党支部' });
    expect(renamed.json().name).toBe('新名党支部');
  });

  it('moves a subtree, carrying its descendants, and never under itself', async () => {
    const general = (
      await county.post('/api/v1/orgs', {
        parentId: fx.t1.id,
        name: '搬迁总支',
        level: 'general_branch',
        kind: 'village',
      })
    ).json();
    const child = (
      await county.post('/api/v1/orgs', {
        parentId: general.id,
        name: '搬迁支部',
        level: 'branch',
        kind: 'village',
      })
    ).json();
    const intoSelf = await county.post(`/api/v1/orgs/${general.id}/move`, { parentId: child.id });
    expect(intoSelf.statusCode).toBe(422);
    const intoItself = await county.post(`/api/v1/orgs/${general.id}/move`, { parentId: general.id });
    expect(intoItself.json().error).toMatchObject({ code: 'org_move_into_self', field: 'parentId' });

    const moved = await county.post(`/api/v1/orgs/${general.id}/move`, { parentId: fx.t2.id });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().parentId).toBe(fx.t2.id);
    // The township it left no longer sees the child; the one it joined does.
    const township1 = await as('township1');
    expect((await township1.get(`/api/v1/orgs/${child.id}`)).statusCode).toBe(404);
    const [row] = (await db.execute(`SELECT path FROM orgs WHERE id = ${child.id}`)).rows as {
      path: string;
    }[];
    expect(row!.path).toBe(`${fx.t2.path}${general.id}/${child.id}/`);
  });

  it('dissolves only an empty organization', async () => {
    expect((await county.delete(`/api/v1/orgs/${fx.b1.id}`)).json().error.code).toBe('org_not_empty');
    const empty = (
      await county.post('/api/v1/orgs', {
        parentId: fx.t2.id,
        name: '空支部',
        level: 'branch',
        kind: 'village',
      })
    ).json();
    expect((await county.delete(`/api/v1/orgs/${empty.id}`)).statusCode).toBe(200);
    expect((await county.get(`/api/v1/orgs/${empty.id}`)).statusCode).toBe(404);
    expect((await county.delete(`/api/v1/orgs/${fx.county.id}`)).json().error.code).toBe('org_root');
  });

  it('a township supervisor may not move or dissolve the township itself', async () => {
    const township1 = await as('township1');
    expect((await township1.delete(`/api/v1/orgs/${fx.t1.id}`)).statusCode).toBe(403);
    expect((await township1.post(`/api/v1/orgs/${fx.t1.id}/move`, { parentId: fx.t1.id })).statusCode).toBe(
      403,
    );
  });
});
