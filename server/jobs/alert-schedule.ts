import type { FastifyInstance } from 'fastify';
import type { Config } from '../config';
import type { Db } from '../db/open';
import { runAlerts } from '../modules/alerts/alerts.service';

/** How long after a change the alerts run, so a burst of writes (a morning of check-ins) runs them once. */
const SETTLE_MS = 10_000;

/**
 * Alerts run on a schedule and shortly after any successful change. One instance is enough to
 * run them; several running at once only insert what is not there yet (the key is unique).
 */
export function scheduleAlerts(app: FastifyInstance, db: Db, config: Config, log: (m: string) => void) {
  if (config.alertsIntervalMinutes <= 0) return;
  let running = false;
  let pending: NodeJS.Timeout | undefined;
  const run = async () => {
    pending = undefined;
    if (running) return;
    running = true;
    try {
      const created = await runAlerts(db, config);
      if (created) log(`alerts: ${created} new`);
    } catch (e) {
      log(`alerts failed: ${(e as Error).message}`);
    } finally {
      running = false;
    }
  };
  const soon = () => {
    pending ??= setTimeout(run, SETTLE_MS);
  };
  const timer = setInterval(run, config.alertsIntervalMinutes * 60_000);
  app.addHook('onResponse', async (request, reply) => {
    if (request.method !== 'GET' && reply.statusCode < 400) soon();
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    clearTimeout(pending);
  });
  void run();
}
