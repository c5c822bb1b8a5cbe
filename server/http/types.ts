import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../access/actor';
import type { Config } from '../config';
import type { Clock } from '../core/clock';
import type { Database } from '../db/open';
import { unauthenticated } from '../errors';

export type App =
  FastifyInstance extends FastifyInstance<infer S, infer Req, infer Res, infer L>
    ? FastifyInstance<S, Req, Res, L, ZodTypeProvider>
    : never;

/** What every route module is given: no globals, so tests build as many apps as they like. */
export type Deps = { database: Database; config: Config; clock: Clock };

/** Methods that change nothing: no CSRF token asked, no audit context opened. */
export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}
