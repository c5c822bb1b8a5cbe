import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tinyCounty } from '../test/fixtures';
import { testApp } from '../test/harness';
import { type ApiRoute, apiRoutes, bodyFor, type Schema } from '../test/openapi-routes';
import { daysFromToday } from '../test/test-clock';

/**
 * Every route of the API, taken from its OpenAPI document, asked by a township's supervisor about
 * the other township: its org, members, groups, accounts, venues, activities, leave, guests,
 * files, inspections, rectifications, rankings, alerts and notices, in path, query and body
 * alike. No answer is a success, none is a server error, and none names anything over there.
 * A route with no way to point it elsewhere must be listed as answering for the caller only;
 * a new route in neither group fails here until it is placed.
 */
const { app, db, as, secretaryOf, clock } = await testApp();
const fx = await tinyCounty(db);
const township = await as('township1');
const county = await as('county');
const year = Number(new Date(clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 4));

/** Routes that answer for the caller alone (or for a token's holder), whatever they send. */
const CALLER_ONLY = new Set([
  'GET /api/v1/health',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/logout',
  'GET /api/v1/me',
  'POST /api/v1/me/password',
  'PUT /api/v1/me/locale',
  'GET /api/v1/orgs/tree',
  'GET /api/v1/roster/template.xlsx',
  'GET /api/v1/calendar/{token}.ics',
  'GET /api/v1/me/inbox',
  'POST /api/v1/me/inbox/read-all',
  'POST /api/v1/check-in',
  'GET /api/v1/me/activities',
  'GET /api/v1/me/data',
  'GET /api/v1/alerts',
]);

/** The reply of a setup call, which must have succeeded. */
const made = (res: { statusCode: number; body: string; json: () => any }) => {
  if (res.statusCode >= 300) throw new Error(`setup failed: ${res.statusCode} ${res.body}`);
  return res.json();
};
const one = async (query: ReturnType<typeof sql>) => {
  const { rows } = await db.execute<{ id: number }>(query);
  if (!rows[0]) throw new Error(`no row for ${JSON.stringify(query)}`);
  return Number(rows[0].id);
};
const underT2 = sql`(SELECT id FROM orgs WHERE path LIKE ${`${fx.t2.path}%`})`;
const otherSecretary = await secretaryOf(fx.b2.id);
const member = (await fx.memberIn(fx.b2.id)).id;
const activity = await one(
  sql`SELECT id FROM activities WHERE org_id = ${fx.b2.id} ORDER BY starts_at DESC LIMIT 1`,
);
const recommendation = made(
  await county.post(`/api/v1/orgs/${fx.t2.id}/recommendations`, {
    year: year + 1,
    month: 5,
    theme: 'volunteer_service',
    title: '镇里的推荐',
    kinds: ['volunteer_service'],
  }),
).id;
const ranking = made(
  await county.post(`/api/v1/orgs/${fx.t2.id}/rankings`, { period: 'year', year, index: 1 }),
).id;
const inspection = made(
  await county.post('/api/v1/inspections', {
    orgId: fx.b2.id,
    method: 'records_review',
    date: daysFromToday(clock, -1),
    contacted: '支部书记',
    findings: '会议记录缺少签到表',
    score: 80,
    rectifications: [{ item: '补齐签到表', responsible: '支部书记', dueDate: daysFromToday(clock, 30) }],
  }),
);
const outsider: Record<string, number> = {
  orgs: fx.b2.id,
  members: member,
  groups: await one(
    sql`INSERT INTO party_groups (org_id, name, kind) VALUES (${fx.b2.id}, '镇外小组', 'residence') RETURNING id`,
  ),
  accounts: otherSecretary.me.user.id,
  bindings: await one(sql`SELECT id FROM role_bindings WHERE user_id = ${otherSecretary.me.user.id}`),
  venues: await one(
    sql`INSERT INTO venues (org_id, name, type) VALUES (${fx.b2.id}, '镇外会场', 'activity_room') RETURNING id`,
  ),
  recommendations: recommendation,
  activities: activity,
  inbox: await one(sql`WITH n AS (INSERT INTO notices (org_id, activity_id, kind, title, body)
    VALUES (${fx.b2.id}, ${activity}, 'scheduled', '镇外通知', '…') RETURNING id)
    INSERT INTO notice_receipts (notice_id, member_id) SELECT id, ${member} FROM n RETURNING notice_id AS id`),
  leave: await one(sql`SELECT l.id FROM leave_requests l JOIN activities a ON a.id = l.activity_id
    WHERE a.org_id IN ${underT2} LIMIT 1`),
  guests: await one(
    sql`INSERT INTO guests (activity_id, name) VALUES (${activity}, '镇外群众') RETURNING id`,
  ),
  files: await one(sql`SELECT f.id FROM activity_files f JOIN activities a ON a.id = f.activity_id
    WHERE a.org_id IN ${underT2} LIMIT 1`),
  inspections: inspection.id,
  rectifications: inspection.rectifications[0].id,
  rankings: ranking,
  alerts:
    await one(sql`INSERT INTO alerts (key, kind, audience, org_id) VALUES ('every-route', 'plan_missing',
    'branch', ${fx.b2.id}) RETURNING id`),
  items: await one(sql`SELECT id FROM checklist_items LIMIT 1`),
};

// What must never appear in an answer to township1: names that exist only over there.
const { rows: nameRows } = await db.execute<{ name: string }>(sql`
  SELECT name FROM orgs WHERE id IN ${underT2}
  UNION SELECT m.name FROM members m WHERE m.org_id IN ${underT2}
  UNION SELECT name FROM venues WHERE org_id IN ${underT2}
  UNION SELECT name FROM party_groups WHERE org_id IN ${underT2}
  EXCEPT (SELECT name FROM orgs WHERE path LIKE ${`${fx.t1.path}%`}
    UNION SELECT m.name FROM members m JOIN orgs o ON o.id = m.org_id WHERE o.path LIKE ${`${fx.t1.path}%`})`);
const secrets = nameRows.map((r) => r.name).filter((name) => name.length >= 2);

/** The kind of object a path parameter names, from the segment in front of it. */
function kindOf(route: ApiRoute, param: string): string {
  if (param === 'memberId') return 'members';
  if (param === 'bindingId') return 'bindings';
  if (param === 'itemId') return 'items';
  const segments = route.path.split('/');
  return segments[segments.indexOf(`{${param}}`) - 1]!;
}
const paramValue = (route: ApiRoute, param: string): string => {
  if (param === 'year') return String(year);
  if (param === 'month') return '5';
  const id = outsider[kindOf(route, param)];
  if (id === undefined)
    throw new Error(`${route.method} ${route.path}: add the kind of {${param}} to this test`);
  return String(id);
};
const QUERY: Record<string, string> = {
  orgId: String(fx.b2.id),
  year: String(year),
  from: `${year}-01-01`,
  to: `${year}-12-31`,
  period: 'year',
  index: '1',
  count: '3',
  reason: '核对',
};
/** Ids in a body point over there too. */
const BODY_IDS: Record<string, unknown> = {
  orgId: fx.b2.id,
  parentId: fx.b2.id,
  memberId: member,
  leaderId: member,
  memberIds: [member],
  activityId: activity,
};

/** Whether a body schema has, at any depth, a field that names an object. */
const namesAnObject = (schema: Schema | undefined, depth = 0): boolean =>
  depth < 4 &&
  Object.entries(schema?.properties ?? {}).some(
    ([key, inner]) => key in BODY_IDS || namesAnObject(inner, depth + 1),
  );
/** The body with every field that names an object pointed over there, at any depth. */
function pointedElsewhere(value: unknown, schema: Schema | undefined): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value) || !schema?.properties) return value;
  return Object.fromEntries(
    Object.entries(schema.properties)
      .filter(([key]) => key in (value as object) || key in BODY_IDS)
      .map(([key, inner]) => [
        key,
        key in BODY_IDS ? BODY_IDS[key] : pointedElsewhere((value as Record<string, unknown>)[key], inner),
      ]),
  );
}

const routes = await apiRoutes(app);
const pointable = (route: ApiRoute) => {
  if (CALLER_ONLY.has(`${route.method} ${route.path}`)) return false;
  const params = route.op.parameters ?? [];
  const body = route.op.requestBody?.content?.['application/json']?.schema;
  return (
    params.some((p) => p.in === 'path' && p.name !== 'year' && p.name !== 'month') ||
    params.some((p) => p.in === 'query' && p.name === 'orgId') ||
    namesAnObject(body)
  );
};

describe('no route answers a township about the other township', () => {
  it('places every route: pointable elsewhere, or answering for the caller only', () => {
    const unplaced = routes
      .map((r) => `${r.method} ${r.path}`)
      .filter((name, i) => !pointable(routes[i]!) && !CALLER_ONLY.has(name));
    expect(unplaced).toEqual([]);
    expect(routes.filter(pointable).length).toBeGreaterThanOrEqual(85);
  });

  it.each(routes.filter(pointable).map((r) => [`${r.method} ${r.path}`, r] as const))(
    '%s',
    async (_name, route) => {
      const params = route.op.parameters ?? [];
      let url = route.path;
      for (const p of params.filter((p) => p.in === 'path'))
        url = url.replace(`{${p.name}}`, paramValue(route, p.name));
      const query = params.filter((p) => p.in === 'query' && QUERY[p.name] !== undefined);
      if (query.length)
        url += `?${query.map((p) => `${p.name}=${encodeURIComponent(QUERY[p.name]!)}`).join('&')}`;
      const schema = route.op.requestBody?.content?.['application/json']?.schema;
      const ids = fc.constantFrom(...Object.values(outsider));
      const bodies = schema
        ? fc
            .sample(bodyFor(schema, ids, { hostile: false }), { numRuns: 8, seed: 7 })
            .map((body) => pointedElsewhere(body, schema))
        : [undefined];
      for (const body of bodies) {
        const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
        const res =
          method === 'get' || method === 'delete'
            ? await township[method](url)
            : await township[method](url, body ?? {});
        const seen = `${route.method} ${url} ${JSON.stringify(body)?.slice(0, 200)} → ${res.statusCode} ${res.body.slice(0, 200)}`;
        expect(res.statusCode, seen).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, seen).toBeLessThan(500);
        // An object over there does not exist for this caller: not "forbidden", not described.
        if (method === 'get' || method === 'delete') expect(res.statusCode, seen).toBe(404);
        const leaked = secrets.filter((name) => res.body.includes(name));
        expect(leaked, seen).toEqual([]);
      }
    },
  );
});
