import { beforeAll, describe, expect, it } from 'vitest';
import { tinyCounty } from '../test/fixtures';
import { type Client, testApp } from '../test/harness';

/**
 * Every route of the foundation, for every role, against an object inside the role's subtree
 * and one outside it. Outside answers 404 (its existence is not revealed); inside, a role that
 * may not act answers 403; a role that may act gets past the access check (2xx, or a 4xx from
 * the rules that come after it, never 401/403/404).
 */
const { app, as, db } = await testApp();
const fx = await tinyCounty(db);

type Role = 'admin' | 'county' | 'township1' | 'secretary1' | 'member1';
const ROLES: Role[] = ['admin', 'county', 'township1', 'secretary1', 'member1'];
const inside: Record<Role, typeof fx.b1> = {
  admin: fx.b2,
  county: fx.b2,
  township1: fx.b1Sibling,
  secretary1: fx.b1,
  member1: fx.b1,
};
const outside: Partial<Record<Role, typeof fx.b1>> = {
  township1: fx.b2,
  secretary1: fx.b1Sibling,
  member1: fx.b1Sibling,
};

const SUPERVISORS: Role[] = ['admin', 'county', 'township1'];
const WRITERS: Role[] = [...SUPERVISORS, 'secretary1'];
const EVERYONE: Role[] = ROLES;

type Target = {
  branch: typeof fx.b1;
  member: { id: number; ethnicity: string | null };
  groupId: number;
  group: { name: string };
  account: { id: number };
};
type Case = {
  name: string;
  allowed: Role[];
  call: (c: Client, t: Target, role: Role) => Promise<{ statusCode: number; body: string }>;
};

let unique = 0;
const XLSX = { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
const CASES: Case[] = [
  { name: 'GET /orgs/:id', allowed: EVERYONE, call: (c, t) => c.get(`/api/v1/orgs/${t.branch.id}`) },
  {
    name: 'POST /orgs (under the org)',
    allowed: SUPERVISORS,
    call: (c, t) =>
      c.post('/api/v1/orgs', { parentId: t.branch.id, name: '新支部', level: 'branch', kind: 'village' }),
  },
  {
    name: 'PATCH /orgs/:id name',
    allowed: SUPERVISORS,
    call: (c, t) => c.patch(`/api/v1/orgs/${t.branch.id}`, { name: t.branch.name }),
  },
  {
    name: 'PATCH /orgs/:id fixedDay',
    allowed: WRITERS,
    call: (c, t) => c.patch(`/api/v1/orgs/${t.branch.id}`, { fixedDay: t.branch.fixedDay }),
  },
  {
    name: 'POST /orgs/:id/move',
    allowed: SUPERVISORS,
    call: (c, t) => c.post(`/api/v1/orgs/${t.branch.id}/move`, { parentId: t.branch.parentId }),
  },
  { name: 'DELETE /orgs/:id', allowed: SUPERVISORS, call: (c, t) => c.delete(`/api/v1/orgs/${t.branch.id}`) },
  {
    name: 'GET /orgs/:id/groups',
    allowed: WRITERS,
    call: (c, t) => c.get(`/api/v1/orgs/${t.branch.id}/groups`),
  },
  {
    name: 'POST /orgs/:id/groups',
    allowed: WRITERS,
    call: (c, t) =>
      c.post(`/api/v1/orgs/${t.branch.id}/groups`, {
        name: '新小组',
        kind: 'work',
        memberIds: [],
        leaderId: null,
      }),
  },
  {
    name: 'PATCH /groups/:id',
    allowed: WRITERS,
    call: (c, t) => c.patch(`/api/v1/groups/${t.groupId}`, { name: t.group.name }),
  },
  {
    name: 'GET /members?orgId',
    allowed: WRITERS,
    call: (c, t) => c.get(`/api/v1/members?orgId=${t.branch.id}`),
  },
  { name: 'GET /members/:id', allowed: WRITERS, call: (c, t) => c.get(`/api/v1/members/${t.member.id}`) },
  {
    name: 'POST /members',
    allowed: WRITERS,
    call: (c, t) =>
      c.post('/api/v1/members', {
        orgId: t.branch.id,
        name: '新党员',
        gender: 'female',
        status: 'applicant',
      }),
  },
  {
    name: 'PATCH /members/:id',
    allowed: WRITERS,
    call: (c, t) => c.patch(`/api/v1/members/${t.member.id}`, { ethnicity: t.member.ethnicity }),
  },
  {
    name: 'POST /members/:id/reveal',
    allowed: WRITERS,
    call: (c, t) => c.post(`/api/v1/members/${t.member.id}/reveal`, { reason: '核对' }),
  },
  {
    name: 'POST /members/:id/status',
    allowed: WRITERS,
    call: (c, t) =>
      c.post(`/api/v1/members/${t.member.id}/status`, { status: 'applicant', date: '2026-01-01' }),
  },
  {
    name: 'POST /members/:id/transfer',
    allowed: WRITERS,
    call: (c, t) => c.post(`/api/v1/members/${t.member.id}/transfer`, { orgId: t.branch.id }),
  },
  {
    name: 'POST /members/:id/account',
    allowed: WRITERS,
    call: (c, t) =>
      c.post(`/api/v1/members/${t.member.id}/account`, {
        username: `m${++unique}x`,
        password: 'a-long-secret',
      }),
  },
  {
    name: 'GET /accounts?orgId',
    allowed: WRITERS,
    call: (c, t) => c.get(`/api/v1/accounts?orgId=${t.branch.id}`),
  },
  {
    name: 'POST /accounts',
    allowed: WRITERS,
    call: (c, t) =>
      c.post('/api/v1/accounts', {
        username: `u${++unique}x`,
        name: '新账号',
        password: 'a-long-secret',
        role: { role: 'member', orgId: t.branch.id },
      }),
  },
  {
    name: 'POST /accounts/:id/roles',
    allowed: WRITERS,
    call: (c, t) => c.post(`/api/v1/accounts/${t.account.id}/roles`, { role: 'member', orgId: t.branch.id }),
  },
  {
    name: 'DELETE /accounts/:id/roles/:bindingId',
    allowed: WRITERS,
    call: async (c, t) => {
      // A fresh binding each time, so one role's revoke does not leave the next nothing to revoke.
      const granted = await clients.admin.post(`/api/v1/accounts/${t.account.id}/roles`, {
        role: 'group_leader',
        orgId: t.branch.id,
      });
      const bindingId = granted.json().roles.at(-1).id;
      return c.delete(`/api/v1/accounts/${t.account.id}/roles/${bindingId}`);
    },
  },
  {
    name: 'GET /audit?orgId',
    allowed: SUPERVISORS,
    call: (c, t) => c.get(`/api/v1/audit?orgId=${t.branch.id}`),
  },
  {
    name: 'GET /audit.xlsx?orgId',
    allowed: SUPERVISORS,
    call: (c, t) => c.get(`/api/v1/audit.xlsx?orgId=${t.branch.id}`),
  },
  {
    name: 'GET /orgs/:id/members.xlsx',
    allowed: WRITERS,
    call: (c, t) => c.get(`/api/v1/orgs/${t.branch.id}/members.xlsx`),
  },
  {
    name: 'POST /orgs/:id/members/import',
    allowed: WRITERS,
    call: (c, t) => c.post(`/api/v1/orgs/${t.branch.id}/members/import`, Buffer.from('not a workbook'), XLSX),
  },
];

const clients = {} as Record<Role, Client>;
const targets = new Map<number, Target>();

beforeAll(async () => {
  for (const r of ROLES) clients[r] = await as(r);
  const admin = clients.admin;
  for (const branch of [fx.b1, fx.b1Sibling, fx.b2]) {
    const member = await fx.memberIn(branch.id);
    let groups = (await admin.get(`/api/v1/orgs/${branch.id}/groups`)).json().items;
    if (!groups.length) {
      const free = (await admin.get(`/api/v1/members?orgId=${branch.id}&status=full&pageSize=100`))
        .json()
        .items.filter((m: { groupId: number | null }) => m.groupId === null);
      const created = await admin.post(`/api/v1/orgs/${branch.id}/groups`, {
        name: '测试小组',
        kind: 'residence',
        memberIds: free.slice(0, 3).map((m: { id: number }) => m.id),
        leaderId: free[0].id,
      });
      expect(created.statusCode).toBe(201);
      groups = [created.json()];
    }
    const account = await admin.post('/api/v1/accounts', {
      username: `acc${branch.id}`,
      name: '测试账号',
      password: 'a-long-secret',
      role: { role: 'group_leader', orgId: branch.id },
    });
    expect(account.statusCode).toBe(201);
    targets.set(branch.id, {
      branch,
      member,
      groupId: groups[0].id,
      group: groups[0],
      account: { id: account.json().id },
    });
  }
});

describe.each(ROLES)('%s', (role) => {
  it.each(CASES)('$name inside the subtree', async ({ allowed, call }) => {
    const res = await call(clients[role], targets.get(inside[role].id)!, role);
    if (allowed.includes(role)) {
      expect([401, 403, 404], res.body).not.toContain(res.statusCode);
      expect(res.statusCode).toBeLessThan(500);
    } else {
      expect(res.statusCode, res.body).toBe(403);
    }
  });

  if (outside[role]) {
    it.each(CASES)('$name outside the subtree answers 404', async ({ call }) => {
      const res = await call(clients[role], targets.get(outside[role]!.id)!, role);
      expect(res.statusCode, res.body).toBe(404);
    });
  }
});

describe('what each role sees', () => {
  it('the tree holds exactly the role’s subtree', async () => {
    const ids = async (role: Role) =>
      (await clients[role].get('/api/v1/orgs/tree')).json().nodes.map((n: { id: number }) => n.id);
    const township = await ids('township1');
    expect(township).toContain(fx.t1.id);
    expect(township).toContain(fx.b1Sibling.id);
    expect(township).not.toContain(fx.t2.id);
    expect(township).not.toContain(fx.b2.id);
    expect(township).not.toContain(fx.county.id);
    expect(await ids('secretary1')).toEqual([fx.b1.id]);
    expect(await ids('member1')).toEqual([fx.b1.id]);
    expect(await ids('county')).toEqual(expect.arrayContaining([fx.county.id, fx.t1.id, fx.t2.id, fx.b2.id]));
  });

  it('a member reads their own record in full and no one else’s', async () => {
    const own = await clients.member1.get(`/api/v1/members/${fx.member1Id}`);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ sensitiveVisible: true, canEdit: false });
    expect((await clients.member1.get('/api/v1/members')).statusCode).toBe(403);
  });

  it('a member list without orgId holds only the role’s subtree', async () => {
    const list = (await clients.township1.get('/api/v1/members?pageSize=200')).json();
    const branchIds = new Set(list.items.map((m: { orgId: number }) => m.orgId));
    expect(branchIds.has(fx.b2.id)).toBe(false);
    expect(branchIds.has(fx.b1.id)).toBe(true);
  });

  it('no route answers without a session', async () => {
    for (const url of [
      '/api/v1/orgs/tree',
      `/api/v1/orgs/${fx.b1.id}`,
      '/api/v1/members',
      '/api/v1/accounts',
      '/api/v1/roster/template.xlsx',
    ]) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(401);
    }
  });
});
