import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { isDatabaseUnreachable } from '../../db/unreachable';
import { RETRY_AFTER_SECONDS } from '../../http/error-handler';
import type { App, Deps } from '../../http/types';

const Health = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['embedded', 'external']),
  /** Which part is down, for the operator and the proxy's health check. */
  parts: z.object({ database: z.enum(['up', 'down']) }),
});

export function healthRoutes(app: App, { database }: Deps) {
  app.get(
    '/api/v1/health',
    { schema: { tags: ['health'], response: { 200: Health, 503: Health } } },
    async (_request, reply) => {
      try {
        await database.db.execute(sql`SELECT 1`);
        return { status: 'ok' as const, database: database.kind, parts: { database: 'up' as const } };
      } catch (e) {
        if (!isDatabaseUnreachable(e)) throw e;
        return reply
          .status(503)
          .header('retry-after', String(RETRY_AFTER_SECONDS))
          .send({
            status: 'unavailable' as const,
            database: database.kind,
            parts: { database: 'down' as const },
          });
      }
    },
  );
}
