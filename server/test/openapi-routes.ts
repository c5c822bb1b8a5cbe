import fc from 'fast-check';
import type { App } from '../http/types';

export type Schema = {
  type?: string;
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  format?: string;
  pattern?: string;
  nullable?: boolean;
};
export type Operation = {
  parameters?: { in: string; name: string }[];
  requestBody?: { content?: Record<string, { schema: Schema }> };
};
export type ApiRoute = { method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; path: string; op: Operation };

/** Every route of the API, from its own OpenAPI document: a test built on it cannot skip a new one. */
export async function apiRoutes(app: App): Promise<ApiRoute[]> {
  const doc = (await app.inject({ url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, Operation>>;
  };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase() as ApiRoute['method'],
      path,
      op,
    })),
  );
}

export const hostileText = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff x',
  '<script>',
  '🏠'.repeat(3),
  '9'.repeat(40),
);
export const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  hostileText,
  fc.string({ maxLength: 20 }),
  fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
  fc.double(),
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.oneof(fc.integer(), fc.string()), { maxLength: 3 }),
);

/**
 * A value for a JSON schema with ids drawn from `id`: mostly of the right shape, and with
 * `hostile` on, sometimes anything at all, at any depth.
 */
export function bodyFor(schema: Schema, id: fc.Arbitrary<number>, { hostile: wild = true } = {}) {
  const anyFor = (s: Schema, depth: number): fc.Arbitrary<unknown> =>
    wild
      ? fc.oneof({ weight: 5, arbitrary: rightShape(s, depth) }, { weight: 1, arbitrary: hostile })
      : rightShape(s, depth);

  function rightShape(s: Schema, depth: number): fc.Arbitrary<unknown> {
    const variants = s.anyOf ?? s.oneOf;
    if (variants) return fc.oneof(...variants.map((v) => anyFor(v, depth + 1)));
    if (s.enum) return fc.constantFrom(...s.enum);
    const base = ((): fc.Arbitrary<unknown> => {
      switch (s.type) {
        case 'string': {
          if (s.format === 'date-time' || s.pattern?.includes('T'))
            return fc
              .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
              .map((d) => d.toISOString());
          if (s.pattern?.includes('\\d{4}') || s.format === 'date')
            return fc
              .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
              .map((d) => d.toISOString().slice(0, 10));
          if (s.format === 'uri')
            return fc.constantFrom(
              'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x',
              'http://127.0.0.1:9/x',
              'ftp://x',
            );
          // A well-formed body matches the field's pattern (a phone, a username), or it never gets past parsing.
          if (!wild && s.pattern) return fc.stringMatching(new RegExp(s.pattern));
          const text = fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 30, 30) });
          return wild ? fc.oneof(text, hostileText) : text;
        }
        case 'integer':
          return fc.oneof(
            id,
            fc.integer({ min: s.minimum ?? -10, max: Math.min(s.maximum ?? 5000, 2 ** 31 - 1) }),
          );
        case 'number':
          return fc.double({ min: s.minimum ?? -1000, max: s.maximum ?? 1000, noNaN: true });
        case 'boolean':
          return fc.boolean();
        case 'array':
          return depth > 3 ? fc.constant([]) : fc.array(anyFor(s.items ?? {}, depth + 1), { maxLength: 4 });
        case 'object': {
          if (depth > 3 || !s.properties) return fc.constant({});
          const keys = Object.keys(s.properties);
          return fc.record(Object.fromEntries(keys.map((k) => [k, anyFor(s.properties![k]!, depth + 1)])), {
            requiredKeys: keys.filter((k) => s.required?.includes(k) && (!wild || Math.random() < 0.9)),
          });
        }
        default:
          return wild ? hostile : fc.constant(null);
      }
    })();
    return s.nullable ? fc.option(base, { nil: null }) : base;
  }
  return anyFor(schema, 0);
}
