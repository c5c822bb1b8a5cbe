import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS, REPORT_SECTIONS } from '../../common/enums';
import { lectureAhead } from '../test/activities';
import { tinyCounty } from '../test/fixtures';
import { type Client, testApp } from '../test/harness';
import { apiRoutes } from '../test/openapi-routes';
import { made, type Place, places } from '../test/places';
import { bodiesFor, type Objects, routeKey, send, urlFor } from '../test/route-calls';
import { daysFromToday } from '../test/test-clock';
import { multipart, photo } from '../test/uploads';
import { ALLOWED, ROLES, type TestRole } from './route-matrix.table';

/**
 * Every route of the API, for every role, on an object inside the role's own subtree: a role the
 * table allows gets past the access check to the rules (a success, or a rule's 409 or 422), any
 * other role is refused with 403, or 404 where the table says the object is hidden from it.
 * every-route.test.ts asks the same routes about objects outside the subtree.
 */
const { app, db, as, secretaryOf, clock } = await testApp();
const fx = await tinyCounty(db);
const year = Number(daysFromToday(clock, 0).slice(0, 4));
const admin = await as('admin');
const county = await as('county');
const secretary1 = await as('secretary1');
const { place, recommendation, one } = places({ db, clock, fx, admin, county, year });

/** A group leader of the branch, who is one of its members too. */
async function leaderOf(branch: { id: number }) {
  const memberId = await one(sql`SELECT m.id FROM members m WHERE m.org_id = ${branch.id}
    AND NOT EXISTS (SELECT 1 FROM users u WHERE u.member_id = m.id)
    AND m.id <> ${(await fx.memberIn(branch.id)).id} ORDER BY m.id LIMIT 1`);
  const account = made(
    await admin.post(`/api/v1/members/${memberId}/account`, {
      username: 'leader1',
      password: 'a-long-secret',
    }),
  );
  made(await admin.post(`/api/v1/accounts/${account.id}/roles`, { role: 'group_leader', orgId: branch.id }));
  return as('leader1', 'a-long-secret');
}

const b1 = await place(fx.b1, fx.t1, secretary1);
const b1Sibling = await place(fx.b1Sibling, fx.t1, await secretaryOf(fx.b1Sibling.id));
const b2 = await place(fx.b2, fx.t2, await secretaryOf(fx.b2.id));
const clients: Record<TestRole, Client> = {
  admin,
  county,
  township1: await as('township1'),
  secretary1,
  member1: await as('member1'),
  leader1: await leaderOf(fx.b1),
};
/**
 * Where each role acts: a branch of its subtree other than its own, unless its own is all it has;
 * for the routes about a committee and the branches below it, the highest org it has.
 */
const inside: Record<TestRole, Place & { top: number }> = {
  admin: { ...b2, top: fx.t2.id },
  county: { ...b2, top: fx.t2.id },
  township1: { ...b1Sibling, top: fx.t1.id },
  secretary1: { ...b1, top: fx.b1.id },
  member1: { ...b1, top: fx.b1.id },
  leader1: { ...b1, top: fx.b1.id },
};
const ABOUT_A_COMMITTEE = new Set([
  'POST /api/v1/orgs',
  'POST /api/v1/orgs/{id}/recommendations',
  'PUT /api/v1/orgs/{id}/checklist/{year}',
  'GET /api/v1/orgs/{id}/ranking',
  'GET /api/v1/orgs/{id}/ranking.xlsx',
  'POST /api/v1/orgs/{id}/rankings',
]);

const emptyGroup = (orgId: number) =>
  one(
    sql`INSERT INTO party_groups (org_id, name, kind) VALUES (${orgId}, '空小组', 'residence') RETURNING id`,
  );
const report = (o: Objects) =>
  one(sql`INSERT INTO member_reports (member_id, org_id, kind, title, body)
    VALUES (${o.members}, ${o.orgs}, 'thought', '思想汇报', '近期学习体会') RETURNING id`);
async function unsubmitted({ objects: o }: Place) {
  await db.execute(sql`DELETE FROM annual_reports WHERE org_id = ${o.orgs} AND year = ${year}`);
  return {};
}
/** Calls that use their object up get a fresh one each time, so no case depends on another's order. */
const FRESH: Record<string, (p: Place) => Promise<Partial<Objects>>> = {
  'DELETE /api/v1/groups/{id}': async ({ objects: o }) => ({ groups: await emptyGroup(o.orgs!) }),
  // A report by a member of the branch (not the role's own), waiting for its reply.
  'POST /api/v1/member-reports/{id}/reply': async ({ objects: o }) => ({ 'member-reports': await report(o) }),
  'DELETE /api/v1/venues/{id}': async ({ objects: o }) => ({
    venues: await one(
      sql`INSERT INTO venues (org_id, name, type) VALUES (${o.orgs}, '空会场', 'activity_room') RETURNING id`,
    ),
  }),
  'DELETE /api/v1/guests/{id}': async ({ objects: o }) => ({
    guests: await one(
      sql`INSERT INTO guests (activity_id, name) VALUES (${o.activities}, '来宾') RETURNING id`,
    ),
  }),
  'DELETE /api/v1/files/{id}': async ({ objects: o }) => ({
    files:
      await one(sql`INSERT INTO activity_files (activity_id, kind, name, mime, size, path, thumb_path, sha256)
      SELECT activity_id, kind, name, mime, size, path, thumb_path, sha256 FROM activity_files
      WHERE id = ${o.files} RETURNING id`),
  }),
  'DELETE /api/v1/accounts/{id}/roles/{bindingId}': async ({ objects: o }) => ({
    bindings: made(
      await admin.post(`/api/v1/accounts/${o.accounts}/roles`, { role: 'member', orgId: o.orgs }),
    ).roles.at(-1).id,
  }),
  'DELETE /api/v1/recommendations/{id}': async ({ above }) => ({
    recommendations: await recommendation(above),
  }),
  'POST /api/v1/leave/{id}/decision': async ({ objects: o }) => ({
    leave: await one(sql`UPDATE leave_requests SET status = 'pending', decided_by = NULL, decided_at = NULL
      WHERE id = ${o.leave} RETURNING id`),
  }),
  'POST /api/v1/rectifications/{id}/close': async ({ objects: o }) => ({
    rectifications: await one(sql`INSERT INTO rectifications
      (inspection_id, org_id, item, responsible, due_date, status, answer) VALUES (${o.inspections}, ${o.orgs},
      '补齐签到表', '支部书记', ${daysFromToday(clock, 30)}, 'answered', '已补齐') RETURNING id`),
  }),
  'POST /api/v1/activities/{id}/cancel': async ({ secretary, objects: o }) => ({
    activities: (await lectureAhead(secretary, clock, o.orgs!, 4, '待取消的党课')).id,
  }),
  'DELETE /api/v1/orgs/{id}/plans/{year}/{month}': async ({ objects: o }) => {
    await db.execute(sql`INSERT INTO plan_entries (org_id, year, month, theme, title, kinds)
      VALUES (${o.orgs}, ${year}, 5, 'volunteer_service', '志愿服务', '{}') ON CONFLICT DO NOTHING`);
    return {};
  },
  'PUT /api/v1/orgs/{id}/reports/{year}': unsubmitted,
  'POST /api/v1/orgs/{id}/reports/{year}/submit': unsubmitted,
};

let unique = 0;
const hoursAhead = (days: number) => {
  const start = clock.now().getTime() + days * 86_400_000;
  return { startsAt: new Date(start).toISOString(), endsAt: new Date(start + 4 * 3_600_000).toISOString() };
};
/** A sound body where a sampled one would not get past parsing, or not past the rules after access. */
const SOUND: Record<string, (sampled: any, o: Objects, p: Place) => unknown> = {
  // The rename the table's row is about: a body that sets the fixed day asks for `org.settings` too.
  'PATCH /api/v1/orgs/{id}': () => ({ name: '改过名的支部' }),
  'POST /api/v1/orgs': (body) => ({ ...body, level: 'branch', fixedDay: undefined }),
  'POST /api/v1/orgs/{id}/move': (_, _o, p) => ({ parentId: p.above.id }),
  'PATCH /api/v1/groups/{id}': () => ({ name: '改过名的小组' }),
  'POST /api/v1/accounts': (body) => ({ ...body, username: `matrix-${++unique}` }),
  'POST /api/v1/members/{id}/account': (body) => ({ ...body, username: `matrix-${++unique}` }),
  'POST /api/v1/activities': (body) => ({ ...body, ...hoursAhead(5), planEntryId: undefined }),
  'PATCH /api/v1/activities/{id}': () => ({ title: '改过题目的党课' }),
  // Off, so that no notice tries to reach the robot.
  'PUT /api/v1/orgs/{id}/webhook': (body) => ({
    ...body,
    url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=matrix',
    enabled: false,
  }),
  'PUT /api/v1/orgs/{id}/scoring-scheme/{year}': () => ({ weights: DEFAULT_WEIGHTS }),
  'POST /api/v1/orgs/{id}/rankings': () => ({ period: 'year', year, index: 1 }),
  // The committee's own item, kept: a new list would take away the item the branches answer.
  'PUT /api/v1/orgs/{id}/checklist/{year}': (_, o) => ({
    items: [{ id: o.items, title: '组织生活', weight: 100 }],
  }),
  'POST /api/v1/groups/{id}/activities': (_, o) => ({
    kind: 'collective_study',
    title: '小组学习',
    startsAt: new Date(clock.now().getTime() - 3_600_000).toISOString(),
    minutes: 45,
    memberIds: [o.members],
  }),
  'PUT /api/v1/orgs/{id}/group-systems': () => ({ systems: { study: 'monthly' } }),
  'POST /api/v1/orgs/{id}/talks': (_, o) => ({
    memberId: o.members,
    heldOn: daysFromToday(clock, -1),
    topics: '谈心',
  }),
  'PUT /api/v1/orgs/{id}/reports/{year}': () => ({
    sections: Object.fromEntries(REPORT_SECTIONS.map((s) => [s, '情况良好'])),
  }),
};

/** Routes that read a file rather than JSON. */
const FILES: Record<string, () => Promise<{ body: Buffer; type: string }>> = {
  'POST /api/v1/orgs/{id}/members/import': async () => ({
    body: (await admin.get('/api/v1/roster/template.xlsx')).rawPayload,
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  }),
  'POST /api/v1/activities/{id}/files': async () =>
    multipart([{ name: '现场.jpg', data: await photo(clock.now()), type: 'image/jpeg' }]),
};

const routes = await apiRoutes(app);

describe('the access matrix', () => {
  it('has a row for each route of the API and none for a route that is gone', () => {
    expect(Object.keys(ALLOWED).sort()).toEqual(routes.map(routeKey).sort());
    const tuned = [...ABOUT_A_COMMITTEE, ...Object.keys(FRESH), ...Object.keys(SOUND), ...Object.keys(FILES)];
    expect(tuned.filter((key) => !(key in ALLOWED))).toEqual([]);
  });

  // A caller-only route takes no object, so there is no inside of a subtree to point it at.
  const cases = ROLES.flatMap((role) =>
    routes.filter((r) => ALLOWED[routeKey(r)] !== 'caller-only').map((r) => [role, routeKey(r), r] as const),
  );
  it.each(cases)('%s: %s', async (role, key, route) => {
    const row = ALLOWED[key];
    if (!row || row === 'caller-only') throw new Error(`${key} has no row to test`);
    const where = inside[role];
    const objects = {
      ...where.objects,
      ...(ABOUT_A_COMMITTEE.has(key) ? { orgs: where.top } : {}),
      ...(await FRESH[key]?.(where)),
    };
    const url = urlFor(route, objects, year);
    const [sampled] = bodiesFor(route, objects, 1);
    const body = SOUND[key] ? SOUND[key](sampled, objects, where) : sampled;
    const file = await FILES[key]?.();
    const res = file
      ? await clients[role].post(url, file.body, { 'content-type': file.type })
      : await send(clients[role], route, url, body);
    const seen = `${url} ${JSON.stringify(body)?.slice(0, 300)} → ${res.statusCode} ${res.body.slice(0, 300)}`;
    if ('allowed' in row ? row.allowed.includes(role) : row.includes(role))
      expect([200, 201, 409, 422], seen).toContain(res.statusCode);
    else {
      const hidden = 'hidden' in row && (row.hidden === true || row.hidden.includes(role));
      expect(res.statusCode, seen).toBe(hidden ? 404 : 403);
    }
  });
});
