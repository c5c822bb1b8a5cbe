import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { App, Deps } from '../../http/types';

export function healthRoutes(app: App, { database }: Deps) {
  app.get(
    '/api/v1/health',
    {
      schema: {
        tags: ['health'],
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['embedded', 'external']) }) },
      },
    },
    async () => {
      await database.db.execute(sql`SELECT 1`);
      return { status: 'ok' as const, database: database.kind };
    },
  );
}
