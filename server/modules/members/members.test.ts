import { describe, expect, it } from 'vitest';
import { idCheckDigit } from '../../../common/validators';
import { tinyCounty } from '../../test/fixtures';
import { testApp } from '../../test/harness';

const { as, db } = await testApp();
const fx = await tinyCounty(db);
const secretary = await as('secretary1');

const validId = (birth: string, seq: string) => {
  const first17 = `110101${birth}${seq}`;
  return `${first17}${idCheckDigit(first17)}`;
};

describe('member records', () => {
  it('creates a member with the first step of their history', async () => {
    const idNumber = validId('19900512', '123');
    const res = await secretary.post('/api/v1/members', {
      orgId: fx.b1.id,
      name: '测试党员',
      gender: 'female',
      birthDate: '1990-05-12',
      ethnicity: '藏族',
      education: 'bachelor',
      phone: '13912345678',
      idNumber,
      status: 'activist',
      statusDate: '2025-03-01',
      posts: ['propaganda_member'],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      name: '测试党员',
      phone: '139****5678',
      sensitiveVisible: false,
      canReveal: true,
      canEdit: true,
      history: [{ status: 'activist', date: '2025-03-01', note: null }],
    });
  });

  it('names the field of bad input and writes nothing', async () => {
    const before = (await secretary.get(`/api/v1/members?orgId=${fx.b1.id}`)).json().total;
    const badId = await secretary.post('/api/v1/members', {
      orgId: fx.b1.id,
      name: '甲',
      gender: 'male',
      status: 'full',
      idNumber: '110101199001011234',
    });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error).toEqual({
      code: 'invalid_input',
      field: 'idNumber',
      message: '身份证号：身份证号不正确（应为 18 位且校验位正确）',
    });
    const badPhone = await secretary.post('/api/v1/members', {
      orgId: fx.b1.id,
      name: '甲',
      gender: 'male',
      status: 'full',
      phone: '12345',
    });
    expect(badPhone.json().error).toMatchObject({ field: 'phone', message: '手机号：应为 11 位手机号' });
    const badStatus = await secretary.post('/api/v1/members', {
      orgId: fx.b1.id,
      name: '甲',
      gender: 'male',
      status: 'boss',
    });
    expect(badStatus.json().error).toMatchObject({
      field: 'status',
      message: '发展阶段：取值不在允许范围内',
    });
    const noName = await secretary.post('/api/v1/members', {
      orgId: fx.b1.id,
      name: ' ',
      gender: 'male',
      status: 'full',
    });
    expect(noName.json().error).toMatchObject({ field: 'name', message: '姓名：必填' });
    const intoCommittee = await secretary.post('/api/v1/members', {
      orgId: fx.t1.id,
      name: '甲',
      gender: 'male',
      status: 'full',
    });
    expect(intoCommittee.statusCode).toBe(404);
    expect((await secretary.get(`/api/v1/members?orgId=${fx.b1.id}`)).json().total).toBe(before);
  });

  it('refuses a second member with the same ID number', async () => {
    const idNumber = validId('19800101', '456');
    const first = await secretary.post('/api/v1/members', {
      orgId: fx.b1.id,
      name: '甲',
      gender: 'male',
      status: 'full',
      idNumber,
    });
    expect(first.statusCode).toBe(201);
    const second = await secretary.post('/api/v1/members', {
      orgId: fx.b1.id,
      name: '乙',
      gender: 'male',
      status: 'full',
      idNumber,
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({ code: 'member_duplicate_id_number', field: 'idNumber' });
  });

  it('moves along the development path one step at a time, keeping each date', async () => {
    const m = (
      await secretary.post('/api/v1/members', {
        orgId: fx.b1.id,
        name: '发展对象甲',
        gender: 'male',
        status: 'applicant',
        statusDate: '2023-01-10',
      })
    ).json();
    const skip = await secretary.post(`/api/v1/members/${m.id}/status`, {
      status: 'probationary',
      date: '2024-01-01',
    });
    expect(skip.statusCode).toBe(422);
    expect(skip.json().error.message).toBe('发展阶段只能逐级向前，下一阶段为“入党积极分子”');
    const early = await secretary.post(`/api/v1/members/${m.id}/status`, {
      status: 'activist',
      date: '2022-12-31',
    });
    expect(early.json().error).toMatchObject({ code: 'member_status_date', field: 'date' });
    const steps = [
      ['activist', '2023-07-01'],
      ['development_target', '2024-07-15'],
      ['probationary', '2024-12-01'],
      ['full', '2025-12-01'],
    ] as const;
    let last: { status: string; history: unknown[] } | undefined;
    for (const [status, date] of steps) {
      const res = await secretary.post(`/api/v1/members/${m.id}/status`, {
        status,
        date,
        note: '支部大会通过',
      });
      expect(res.statusCode).toBe(200);
      last = res.json();
    }
    expect(last!.status).toBe('full');
    expect(last!.history.map((h) => (h as { status: string; date: string }).date)).toEqual([
      '2023-01-10',
      '2023-07-01',
      '2024-07-15',
      '2024-12-01',
      '2025-12-01',
    ]);
    const final = await secretary.post(`/api/v1/members/${m.id}/status`, {
      status: 'full',
      date: '2026-01-01',
    });
    expect(final.json().error.code).toBe('member_status_final');
  });

  it('marks a mobile member with where they are now, and edits the profile', async () => {
    const m = await fx.memberIn(fx.b1.id);
    const res = await secretary.patch(`/api/v1/members/${m.id}`, {
      isMobile: true,
      currentLocation: '昆明市官渡区',
    });
    expect(res.json()).toMatchObject({ isMobile: true, currentLocation: '昆明市官渡区' });
    const mobile = (await secretary.get(`/api/v1/members?orgId=${fx.b1.id}&mobile=true`)).json();
    expect(mobile.items.map((i: { id: number }) => i.id)).toContain(m.id);
    expect(mobile.items.every((i: { isMobile: boolean }) => i.isMobile)).toBe(true);
  });
});

describe('masking', () => {
  it('lists mask phone and ID number, even for the secretary', async () => {
    const list = (await secretary.get(`/api/v1/members?orgId=${fx.b1.id}`)).json();
    for (const m of list.items) {
      if (m.phone) expect(m.phone).toMatch(/^1\d{2}\*{4}\d{4}$/);
      if (m.idNumber) expect(m.idNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    }
  });

  it('shows them masked; the secretary sees them in full by giving a reason, which is audited', async () => {
    const m = await fx.memberIn(fx.b1.id);
    const seenBySecretary = (await secretary.get(`/api/v1/members/${m.id}`)).json();
    expect(seenBySecretary).toMatchObject({ sensitiveVisible: false, canReveal: true });
    expect(seenBySecretary.phone).toMatch(/\*{4}/);
    const noReason = await secretary.post(`/api/v1/members/${m.id}/reveal`, { reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.field).toBe('reason');
    const revealed = await secretary.post(`/api/v1/members/${m.id}/reveal`, { reason: '电话通知开会' });
    expect(revealed.json()).toEqual({ phone: m.phone, idNumber: m.idNumber });
    const [logged] = (await (await as('county')).get(`/api/v1/audit?object=members&objectId=${m.id}`)).json()
      .items;
    expect(logged).toMatchObject({
      username: 'secretary1',
      op: 'read',
      route: 'POST /api/v1/members/:id/reveal',
      after: { fields: ['phone', 'id_number'], reason: '电话通知开会' },
    });

    await secretary.post('/api/v1/accounts', {
      username: 'leader1',
      name: '小组长',
      password: 'a-long-secret',
      role: { role: 'group_leader', orgId: fx.b1.id },
    });
    const leader = await as('leader1', 'a-long-secret');
    const seen = (await leader.get(`/api/v1/members/${m.id}`)).json();
    expect(seen).toMatchObject({ sensitiveVisible: false, canReveal: false, canEdit: false });
    expect(seen.phone).toMatch(/\*{4}/);
    expect((await leader.post(`/api/v1/members/${m.id}/reveal`, { reason: '想看' })).statusCode).toBe(403);
    expect((await leader.patch(`/api/v1/members/${m.id}`, { ethnicity: '汉族' })).statusCode).toBe(403);
  });
});

describe('search, filter and paging', () => {
  it('filters by name, status, org subtree and post, and pages', async () => {
    const county = await as('county');
    const all = (await county.get('/api/v1/members?pageSize=200')).json();
    const expectedFull = all.items.filter((m: { status: string }) => m.status === 'full').length;
    expect(all.total).toBe(all.items.length);
    const full = (await county.get('/api/v1/members?status=full&pageSize=200')).json();
    expect(full.total).toBe(expectedFull);

    const page1 = (await county.get('/api/v1/members?pageSize=5&page=1')).json();
    const page2 = (await county.get('/api/v1/members?pageSize=5&page=2')).json();
    expect(page1.items).toHaveLength(5);
    expect(page2.items[0].id).toBeGreaterThan(page1.items[4].id);
    expect(page1.total).toBe(all.total);

    const someone = all.items[7];
    const byName = (await county.get(`/api/v1/members?q=${encodeURIComponent(someone.name)}`)).json();
    expect(byName.items.map((m: { id: number }) => m.id)).toContain(someone.id);
    expect(byName.items.every((m: { name: string }) => m.name.includes(someone.name))).toBe(true);

    const t2 = (await county.get(`/api/v1/members?orgId=${fx.t2.id}&pageSize=200`)).json();
    expect(t2.total).toBeGreaterThan(0);
    expect(t2.total).toBeLessThan(all.total);

    const secretaries = (await county.get('/api/v1/members?post=secretary&pageSize=200')).json();
    expect(secretaries.items.every((m: { posts: string[] }) => m.posts.includes('secretary'))).toBe(true);
    expect(secretaries.total).toBeGreaterThan(1);
  });

  it('rejects a page size above 200, naming the field', async () => {
    const res = await secretary.get('/api/v1/members?pageSize=500');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ field: 'pageSize', message: '每页条数：不能大于 200' });
  });
});

describe('member accounts', () => {
  it('makes an account from the member record that signs in as that member', async () => {
    const m = await fx.memberIn(fx.b1.id);
    const res = await secretary.post(`/api/v1/members/${m.id}/account`, {
      username: 'newmember',
      password: 'a-long-secret',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      name: m.name,
      phone: m.phone,
      memberId: m.id,
      roles: [{ role: 'member', orgId: fx.b1.id }],
    });
    const again = await secretary.post(`/api/v1/members/${m.id}/account`, {
      username: 'other',
      password: 'a-long-secret',
    });
    expect(again.statusCode).toBe(409);
    const member = await as('newmember', 'a-long-secret');
    expect(member.me.user.memberId).toBe(m.id);
    const taken = await secretary.post('/api/v1/accounts', {
      username: 'newmember',
      name: 'x',
      password: 'a-long-secret',
      role: { role: 'member', orgId: fx.b1.id },
    });
    expect(taken.json().error).toMatchObject({ code: 'username_taken', field: 'username' });
  });

  it('a secretary cannot make a supervisor', async () => {
    const res = await secretary.post('/api/v1/accounts', {
      username: 'boss1',
      name: 'x',
      password: 'a-long-secret',
      role: { role: 'supervisor', orgId: fx.b1.id },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('role_not_allowed');
  });
});
