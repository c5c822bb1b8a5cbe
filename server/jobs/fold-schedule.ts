import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config';
import type { Clock } from '../core/clock';
import type { Db } from '../db/open';
import { foldPending } from '../read-model/aggregates';
import { keepFixedDays } from '../read-model/fixed-days';

// One instance folds at a time; the others find the lock taken and skip that turn.
const FOLD_LOCK = 7_411_004;

/**
 * Folds the check-ins waiting in `activity_stats_pending`, and the rollups' deltas, into the kept figures every few
 * seconds, whatever the alerts' schedule: a morning of check-ins leaves at most a few seconds of
 * them for the dashboard to add up, and the table never grows without bound.
 */
export function scheduleFolding(
  app: FastifyInstance,
  { db, config, clock }: { db: Db; config: Pick<Config, 'foldIntervalSeconds'>; clock: Clock },
  log: (m: string) => void,
  intervalMs = config.foldIntervalSeconds * 1000,
) {
  let running: Promise<unknown> | undefined;
  let closing = false;
  const fold = () => {
    if (running || closing) return;
    running = db
      .transaction(async (tx) => {
        const { rows } = await tx.execute<{ mine: boolean; waiting: boolean }>(sql`
          SELECT pg_try_advisory_xact_lock(${FOLD_LOCK}) AS mine,
            EXISTS (SELECT 1 FROM activity_stats_pending) OR EXISTS (SELECT 1 FROM subtree_stats_pending)
              OR EXISTS (SELECT 1 FROM subtree_people_pending) OR EXISTS (SELECT 1 FROM org_masses_pending)
              OR EXISTS (SELECT 1 FROM subtree_compliance_pending) AS waiting`);
        if (rows[0]!.mine && rows[0]!.waiting) await foldPending(tx);
      })
      // Orgs changed since, and a new year's months, are computed here too when no one reads.
      .then(() => keepFixedDays(db, clock.now()))
      .catch((e: Error) => {
        if (!closing) log(`folding the kept figures failed: ${e.message}`);
      })
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(fold, intervalMs);
  app.addHook('onClose', async () => {
    closing = true;
    clearInterval(timer);
    await running;
  });
}
