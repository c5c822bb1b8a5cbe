import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { tinyCounty } from '../test/fixtures';
import { testApp } from '../test/harness';
import { type ApiRoute, apiRoutes } from '../test/openapi-routes';
import { places } from '../test/places';
import { bodiesFor, namesAnObject, routeKey, send, urlFor } from '../test/route-calls';
import { daysFromToday } from '../test/test-clock';
import { CALLER_ONLY } from './route-matrix.table';

/**
 * Every route of the API, taken from its OpenAPI document, asked by a township's supervisor about
 * the other township: its org, members, groups, accounts, venues, activities, leave, guests,
 * files, inspections, rectifications, rankings, alerts and notices, in path, query and body
 * alike. No answer is a success, none is a server error, and none names anything over there.
 * A route with no way to point it elsewhere must be marked as answering for the caller only in
 * route-matrix.table.ts; a new route in neither group fails here until it is placed.
 */
const { app, db, as, secretaryOf, clock } = await testApp();
const fx = await tinyCounty(db);
const township = await as('township1');
const county = await as('county');
const year = Number(daysFromToday(clock, 0).slice(0, 4));

const underT2 = sql`(SELECT id FROM orgs WHERE path LIKE ${`${fx.t2.path}%`})`;
const { place } = places({ db, clock, fx, admin: await as('admin'), county, year });
const outsider = (await place(fx.b2, fx.t2, await secretaryOf(fx.b2.id))).objects;

// What must never appear in an answer to township1: names that exist only over there.
const { rows: nameRows } = await db.execute<{ name: string }>(sql`
  SELECT name FROM orgs WHERE id IN ${underT2}
  UNION SELECT m.name FROM members m WHERE m.org_id IN ${underT2}
  UNION SELECT name FROM venues WHERE org_id IN ${underT2}
  UNION SELECT name FROM party_groups WHERE org_id IN ${underT2}
  EXCEPT (SELECT name FROM orgs WHERE path LIKE ${`${fx.t1.path}%`}
    UNION SELECT m.name FROM members m JOIN orgs o ON o.id = m.org_id WHERE o.path LIKE ${`${fx.t1.path}%`})`);
const secrets = nameRows.map((r) => r.name).filter((name) => name.length >= 2);

const routes = await apiRoutes(app);
const pointable = (route: ApiRoute) => {
  if (CALLER_ONLY.has(routeKey(route))) return false;
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
    const unplaced = routes.filter((r) => !pointable(r) && !CALLER_ONLY.has(routeKey(r))).map(routeKey);
    expect(unplaced).toEqual([]);
    expect(routes.filter(pointable).length).toBeGreaterThanOrEqual(85);
  });

  it.each(routes.filter(pointable).map((r) => [routeKey(r), r] as const))('%s', async (_name, route) => {
    const url = urlFor(route, outsider, year);
    for (const body of bodiesFor(route, outsider, 8)) {
      const res = await send(township, route, url, body);
      const seen = `${route.method} ${url} ${JSON.stringify(body)?.slice(0, 200)} → ${res.statusCode} ${res.body.slice(0, 200)}`;
      expect(res.statusCode, seen).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, seen).toBeLessThan(500);
      // An object over there does not exist for this caller: not "forbidden", not described.
      if (route.method === 'GET' || route.method === 'DELETE') expect(res.statusCode, seen).toBe(404);
      const leaked = secrets.filter((name) => res.body.includes(name));
      expect(leaked, seen).toEqual([]);
    }
  });
});
