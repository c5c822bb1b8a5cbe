import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tinyCounty } from '../test/fixtures';
import { type Client, testApp } from '../test/harness';
import { apiRoutes, bodyFor, hostile, type Schema } from '../test/openapi-routes';

/**
 * Every write route of the API, taken from its own OpenAPI document (so a new route cannot be
 * left out), is sent generated input by several callers: well-formed, half-formed and hostile.
 * Whatever comes, the answer is 2xx or 4xx, never 5xx, and a refused request changes no row.
 */
const { app, db, as } = await testApp();
const fx = await tinyCounty(db);
const callers: Client[] = [await as('county'), await as('secretary1'), await as('member1')];

const routes = (await apiRoutes(app)).filter((r) => r.method !== 'GET');

// Row-level triggers count every row a request writes, in its own transaction: a refusal that
// rolls back leaves the count as it was. Failed sign-ins and codes are counted on purpose.
const COUNTED_ON_REFUSAL = ['login_failures'];
await db.execute(
  sql.raw(`
  CREATE TABLE fuzz_writes (n bigint NOT NULL); INSERT INTO fuzz_writes VALUES (0);
  CREATE FUNCTION fuzz_count() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN UPDATE fuzz_writes SET n = n + 1; RETURN NULL; END $$;
  DO $$ DECLARE t text; BEGIN
    FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public'
      AND tablename NOT IN ('fuzz_writes', ${COUNTED_ON_REFUSAL.map((t) => `'${t}'`).join(', ')})
      AND tablename NOT LIKE '__drizzle%' LOOP
      EXECUTE format('CREATE TRIGGER fuzz_count AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION fuzz_count()', t);
    END LOOP; END $$;`),
);
const writes = async () =>
  Number((await db.execute<{ n: string }>(sql`SELECT n FROM fuzz_writes`)).rows[0]!.n);

// Ids that exist, so generated requests get past "not found" into the rules.
const { rows: idRows } = await db.execute<{ id: number }>(sql`
  SELECT id FROM (SELECT id FROM orgs ORDER BY id LIMIT 6) o
  UNION SELECT id FROM (SELECT id FROM members ORDER BY id LIMIT 6) m
  UNION SELECT id FROM (SELECT id FROM activities ORDER BY starts_at DESC LIMIT 6) a
  UNION SELECT id FROM (SELECT id FROM venues LIMIT 3) v
  UNION SELECT id FROM (SELECT id FROM party_groups LIMIT 3) g
  UNION SELECT id FROM (SELECT id FROM rectifications LIMIT 3) r
  UNION SELECT id FROM (SELECT id FROM role_bindings LIMIT 3) b`);
const realIds = [...new Set([fx.b1.id, fx.t1.id, fx.b2.id, fx.member1Id, ...idRows.map((r) => r.id)])];
// The check-in key is made on first use: made now, so it is not counted as a refusal's write.
await callers[1]!.get(`/api/v1/activities/${idRows.at(-1)?.id ?? 1}/check-in-code`);

const id = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...realIds) },
  { weight: 1, arbitrary: fc.integer({ min: -3, max: 2 ** 33 }) },
);
const arbitraryFor = (schema: Schema) => bodyFor(schema, id);

const paramValue = (name: string): fc.Arbitrary<string> =>
  name === 'year'
    ? fc.oneof(fc.integer({ min: 1990, max: 2110 }).map(String), fc.constantFrom('x', '2026.5'))
    : name === 'month'
      ? fc.integer({ min: -1, max: 14 }).map(String)
      : fc.oneof(
          { weight: 5, arbitrary: id.map(String) },
          { weight: 1, arbitrary: fc.constantFrom('abc', '1e3', '%00', '-0', ' 1') },
        );

describe('every write route answers 2xx or 4xx, and a refusal writes nothing', () => {
  it('covers the whole route table', () => {
    expect(routes.length).toBeGreaterThanOrEqual(55);
  });

  it.each(routes.map((r) => [`${r.method} ${r.path}`, r] as const))('%s', async (_name, route) => {
    const params = (route.op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
    const schema = route.op.requestBody?.content?.['application/json']?.schema;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...callers),
        fc.tuple(...params.map(paramValue)),
        schema ? arbitraryFor(schema) : fc.option(hostile, { nil: undefined }),
        async (caller, values, body) => {
          const url = params.reduce(
            (u, p, i) => u.replace(`{${p}}`, encodeURIComponent(values[i]!)),
            route.path,
          );
          const before = await writes();
          const method = route.method.toLowerCase() as 'post' | 'patch' | 'put' | 'delete';
          const res =
            method === 'delete'
              ? await caller.delete(url)
              : await caller[method](url, body === undefined ? {} : body);
          expect(
            res.statusCode,
            `${route.method} ${url} ${JSON.stringify(body)?.slice(0, 300)} → ${res.body.slice(0, 300)}`,
          ).toBeLessThan(500);
          if (res.statusCode >= 400)
            expect(
              await writes(),
              `${route.method} ${url} refused with ${res.statusCode} but wrote rows`,
            ).toBe(before);
        },
      ),
      { numRuns: 60 },
    );
  });
});
