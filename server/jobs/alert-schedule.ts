import type { FastifyInstance } from 'fastify';
import type { Config } from '../config';
import type { Clock } from '../core/clock';
import type { Db } from '../db/open';
import { runAlerts } from '../modules/alerts/index';

/** How long after a change the alerts run, so a burst of writes (a morning of check-ins) runs them once. */
const SETTLE_MS = 10_000;

/**
 * Alerts run on a schedule and shortly after any successful change. One instance is enough to
 * run them; several running at once only insert what is not there yet (the key is unique).
 */
export function scheduleAlerts(
  app: FastifyInstance,
  { db, config, clock }: { db: Db; config: Config; clock: Clock },
  log: (m: string) => void,
  settleMs = SETTLE_MS,
) {
  if (config.alertsIntervalMinutes <= 0) return;
  let running: Promise<void> | undefined;
  let pending: NodeJS.Timeout | undefined;
  let closing = false;
  const run = () => {
    pending = undefined;
    if (running || closing) return;
    running = runAlerts(db, config, clock.now())
      .then(
        (created) => {
          if (created) log(`alerts: ${created} new`);
        },
        // On Ctrl-C the embedded cluster may stop under a run; that is not worth a message.
        (e: Error) => {
          if (!closing) log(`alerts failed: ${e.message}`);
        },
      )
      .finally(() => {
        running = undefined;
      });
  };
  const soon = () => {
    pending ??= setTimeout(run, settleMs);
  };
  const timer = setInterval(run, config.alertsIntervalMinutes * 60_000);
  app.addHook('onResponse', async (request, reply) => {
    if (request.method !== 'GET' && reply.statusCode < 400) soon();
  });
  // The database closes after the app: a run still going finishes first.
  app.addHook('onClose', async () => {
    closing = true;
    clearInterval(timer);
    clearTimeout(pending);
    await running;
  });
  run();
}
