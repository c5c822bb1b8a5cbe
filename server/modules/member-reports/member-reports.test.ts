import { beforeAll, describe, expect, it } from 'vitest';
import { tinyCounty } from '../../test/fixtures';
import { type Client, testApp } from '../../test/harness';

const { as, db, clock, secretaryOf } = await testApp();
const fx = await tinyCounty(db);
const DAY = 86_400_000;
let branchId: number;
const clients: Record<string, Client> = {};
const c = (who: string) => clients[who]!;

/**
 * A branch of its own: group A (甲 leads; 乙 writes; 丙 is in it too), group B (丁 leads; 戊, 己);
 * each of them signs in.
 */
beforeAll(async () => {
  clock.set('2031-03-02T02:00:00Z');
  const county = await as('county');
  branchId = (
    await county.post('/api/v1/orgs', {
      parentId: fx.t1.id,
      name: '汇报党支部',
      level: 'branch',
      kind: 'village',
    })
  ).json().id;
  const ids: Record<string, number> = {};
  for (const [i, name] of ['甲', '乙', '丙', '丁', '戊', '己'].entries()) {
    ids[name] = (
      await county.post('/api/v1/members', {
        orgId: branchId,
        name,
        gender: 'female',
        status: 'full',
        statusDate: '2020-01-01',
      })
    ).json().id;
    await county.post(`/api/v1/members/${ids[name]}/account`, {
      username: `reporter-${i}`,
      password: 'a-long-secret',
    });
    clients[name] = await as(`reporter-${i}`, 'a-long-secret');
  }
  const group = (name: string, members: string[]) =>
    county.post(`/api/v1/orgs/${branchId}/groups`, {
      name,
      kind: 'residence',
      memberIds: members.map((m) => ids[m]),
      leaderId: ids[members[0]!],
    });
  await group('第一党小组', ['甲', '乙', '丙']);
  await group('第二党小组', ['丁', '戊', '己']);
  clients.secretary = await secretaryOf(branchId);
  clients.county = county;
  clients.otherSecretary = await as('secretary1');
});

const write = (body: Record<string, unknown> = {}) =>
  c('乙').post('/api/v1/me/reports', {
    kind: 'thought',
    title: '三月思想汇报',
    body: '这个月学习了党章，体会是……',
    ...body,
  });

describe('a member reports to the group', () => {
  it('is read by the writer, the group’s leader, the secretary and the county, and by no other member', async () => {
    const res = await write();
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    for (const who of ['乙', '甲', 'secretary', 'county'])
      expect((await c(who).get(`/api/v1/member-reports/${id}`)).statusCode, who).toBe(200);
    // A fellow member of the group, another group's leader, another branch's secretary: no such report.
    for (const who of ['丙', '丁', 'otherSecretary']) {
      const seen = await c(who).get(`/api/v1/member-reports/${id}`);
      expect(seen.statusCode, who).toBe(404);
      expect(seen.body).not.toContain('三月思想汇报');
    }
    const lists = async (who: string, url: string) => (await c(who).get(url)).json().items ?? [];
    expect(await lists('甲', `/api/v1/me/reports`)).toHaveLength(0);
    expect((await c('丁').get(`/api/v1/groups/${res.json().groupId}/member-reports`)).statusCode).toBe(404);
    expect(await lists('甲', `/api/v1/groups/${res.json().groupId}/member-reports`)).toHaveLength(1);
    expect(await lists('secretary', `/api/v1/orgs/${branchId}/member-reports?status=waiting`)).toHaveLength(
      1,
    );
  });

  it('is answered by the group’s leader, once, and the member reads the reply', async () => {
    const id = (await write({ kind: 'work', title: '三月工作汇报' })).json().id;
    expect((await c('乙').post(`/api/v1/member-reports/${id}/reply`, { reply: '自己回复' })).statusCode).toBe(
      403,
    );
    expect(
      (await c('county').post(`/api/v1/member-reports/${id}/reply`, { reply: '县里回复' })).statusCode,
    ).toBe(403);
    expect((await c('丙').post(`/api/v1/member-reports/${id}/reply`, { reply: '组员回复' })).statusCode).toBe(
      404,
    );
    const empty = await c('甲').post(`/api/v1/member-reports/${id}/reply`, { reply: '  ' });
    expect(empty.json().error.field).toBe('reply');
    const answered = await c('甲').post(`/api/v1/member-reports/${id}/reply`, {
      reply: '很好，继续保持',
    });
    expect(answered.json()).toMatchObject({ reply: '很好，继续保持', overdue: false });
    const again = await c('secretary').post(`/api/v1/member-reports/${id}/reply`, { reply: '再回复' });
    expect(again.json().error).toMatchObject({ code: 'report_replied', field: 'reply' });
    const mine = (await c('乙').get('/api/v1/me/reports')).json().items;
    expect(mine.find((r: { id: number }) => r.id === id)).toMatchObject({ reply: '很好，继续保持' });
  });

  it('is flagged once it has waited more than fourteen days for a reply', async () => {
    const waiting = async () =>
      (await c('secretary').get(`/api/v1/orgs/${branchId}/member-reports?status=waiting`)).json();
    expect((await waiting()).overdue).toBe(0);
    clock.set(new Date(clock.now().getTime() + 14 * DAY - 60_000));
    expect((await waiting()).overdue).toBe(0);
    clock.set(new Date(clock.now().getTime() + 2 * 60_000));
    expect((await waiting()).overdue).toBe(1);
  });

  it('refuses an empty report and a kind outside the two, naming the field', async () => {
    expect((await write({ body: '' })).json().error.field).toBe('body');
    expect((await write({ kind: 'diary' })).json().error.field).toBe('kind');
  });
});
