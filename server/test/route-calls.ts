import fc from 'fast-check';
import type { Client } from './harness';
import { type ApiRoute, bodyFor, type Schema } from './openapi-routes';

/**
 * Objects a test points routes at, by the kind a path names them with (`/venues/{id}` → `venues`):
 * each path parameter, query parameter and body field that names an object points at the one of
 * its kind here, so one table of objects aims any route of the API at one place.
 */
export type Objects = Record<string, number>;

export const routeKey = (route: ApiRoute) => `${route.method} ${route.path}`;

/** The kind of object a path parameter names, from the segment in front of it. */
function kindOf(route: ApiRoute, param: string): string {
  if (param === 'memberId') return 'members';
  if (param === 'bindingId') return 'bindings';
  if (param === 'itemId') return 'items';
  const segments = route.path.split('/');
  return segments[segments.indexOf(`{${param}}`) - 1]!;
}

/** The fields of a body that name an object, each pointed at its kind. */
const bodyIds = (o: Objects): Record<string, unknown> => ({
  orgId: o.orgs,
  parentId: o.orgs,
  memberId: o.members,
  leaderId: o.members,
  memberIds: [o.members],
  responsibleMemberId: o.members,
  activityId: o.activities,
  evidenceActivityIds: [o.activities],
  venueId: o.venues,
  recommendationId: o.recommendations,
});
const ID_FIELDS = new Set(Object.keys(bodyIds({})));

/** Whether a body schema has, at any depth, a field that names an object. */
export const namesAnObject = (schema: Schema | undefined, depth = 0): boolean =>
  depth < 4 &&
  Object.entries(schema?.properties ?? {}).some(
    ([key, inner]) => ID_FIELDS.has(key) || namesAnObject(inner, depth + 1),
  );

/** The route's URL: path parameters filled from `objects`, and the query parameters it takes. */
export function urlFor(route: ApiRoute, objects: Objects, year: number): string {
  const params = route.op.parameters ?? [];
  let url = route.path;
  for (const p of params.filter((p) => p.in === 'path')) {
    const value = p.name === 'year' ? year : p.name === 'month' ? 5 : objects[kindOf(route, p.name)];
    if (value === undefined)
      throw new Error(`${routeKey(route)}: add the kind of {${p.name}} to the objects`);
    url = url.replace(`{${p.name}}`, String(value));
  }
  const query: Record<string, string> = {
    orgId: String(objects.orgs),
    year: String(year),
    from: `${year}-01-01`,
    to: `${year}-12-31`,
    period: 'year',
    index: '1',
    count: '3',
    reason: '核对',
  };
  const asked = params.filter((p) => p.in === 'query' && query[p.name] !== undefined);
  return asked.length
    ? `${url}?${asked.map((p) => `${p.name}=${encodeURIComponent(query[p.name]!)}`).join('&')}`
    : url;
}

/** The body with every field that names an object pointed at `ids`, at any depth. */
function pointed(value: unknown, schema: Schema | undefined, ids: Record<string, unknown>): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value) || !schema?.properties) return value;
  return Object.fromEntries(
    Object.entries(schema.properties)
      .filter(([key]) => key in (value as object) || key in ids)
      .map(([key, inner]) => [
        key,
        key in ids ? ids[key] : pointed((value as Record<string, unknown>)[key], inner, ids),
      ]),
  );
}

/**
 * Well-formed JSON bodies of the route (the same ones for the same objects), or `[undefined]`
 * when it takes none; fields that name an object name those in `objects`.
 */
export function bodiesFor(route: ApiRoute, objects: Objects, numRuns: number): unknown[] {
  const schema = route.op.requestBody?.content?.['application/json']?.schema;
  if (!schema) return [undefined];
  const ids = fc.constantFrom(...Object.values(objects));
  return fc
    .sample(bodyFor(schema, ids, { hostile: false }), { numRuns, seed: 7 })
    .map((body) => pointed(body, schema, bodyIds(objects)));
}

export function send(client: Client, route: ApiRoute, url: string, body: unknown) {
  const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  return method === 'get' || method === 'delete' ? client[method](url) : client[method](url, body ?? {});
}
