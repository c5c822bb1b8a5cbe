// npm run seed -- --scale county|tiny [--reset]: loads the demo county into the configured database.
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../server/config';
import { systemClock } from '../server/core/clock';
import { migrateDatabase } from '../server/db/migrate';
import { openDatabase } from '../server/db/open';
import { openPersonalData } from '../server/db/personal-data/open-personal-data';
import { seedIfEmpty } from '../server/seed/bootstrap';
import { localStorage } from '../server/storage/local';

const { values } = parseArgs({
  options: { scale: { type: 'string', default: 'county' }, reset: { type: 'boolean', default: false } },
});
if (values.scale !== 'county' && values.scale !== 'tiny') {
  console.error('--scale must be county or tiny');
  process.exit(2);
}
const config = loadConfig();
const database = await openDatabase(config);
try {
  await migrateDatabase(database.pool);
  await openPersonalData(database.pool, config, console.log);
  if (values.reset) {
    await database.db.execute(
      sql`TRUNCATE orgs, party_groups, members, member_status_history, users, role_bindings, sessions, login_failures, venues, theme_recommendations, plan_entries, activities, activity_changes, attendance, leave_requests, guests, activity_files, ledger_entries, notices, notice_receipts, webhooks, webhook_deliveries, calendar_tokens, activity_stats, member_attendance_years, inspections, rectifications, scoring_schemes, published_rankings, checklist_items, checklist_answers, alerts, annual_reports RESTART IDENTITY CASCADE`,
    );
  }
  const t0 = Date.now();
  const seeded = await seedIfEmpty(database.db, values.scale, {
    storage: localStorage(config.filesDir),
    now: systemClock.now(),
    config,
  });
  console.log(
    seeded
      ? `seeded ${values.scale}: ${seeded.orgs} organizations, ${seeded.members} members, ${seeded.activities} activities, ${seeded.attendance} check-ins in ${Date.now() - t0} ms`
      : 'the database already holds organizations; nothing seeded (use --reset to start over)',
  );
} finally {
  await database.close();
}
