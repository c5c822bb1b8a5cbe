/**
 * The API tests again with the clock moved forward (Debian's `faketime`), so a test or a rule
 * that depends on today's date fails before the calendar reaches it. By default two moves: past
 * the next New Year and past the next Spring Festival (the holiday calendar matters there).
 *
 *   npm run test:clock                 # both moves
 *   npm run test:clock -- --days 400   # one move of your own
 *   npm run test:clock -- --e2e        # the browser journeys too
 *
 * With `TEST_DATABASE_URL` the database server keeps the real time while the app's clock is
 * moved: a rule that compares PostgreSQL's now() with the app's clock fails then as well.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import chineseDays from 'chinese-days';
import { todayInChina } from '../common/dates';
import { addDays } from '../server/core/fixed-day/holidays';
import { ensureDebianTools } from './debian-tools';

const { values } = parseArgs({
  options: { days: { type: 'string' }, e2e: { type: 'boolean', default: false } },
});

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** Two days into the next year, and the day after the next Spring Festival's week of holiday. */
function defaultMoves(today: string): { label: string; days: number }[] {
  const year = Number(today.slice(0, 4));
  const newYear = `${year + 1}-01-02`;
  const festival = [year, year + 1]
    .map((y) => chineseDays.getSolarDateFromLunar(`${y}-01-01`).date)
    .find((d) => d > today)!;
  return [
    { label: `past New Year (${newYear})`, days: daysBetween(today, newYear) },
    {
      label: `past the Spring Festival (${addDays(festival, 8)})`,
      days: daysBetween(today, addDays(festival, 8)),
    },
  ];
}

ensureDebianTools([{ bin: '/usr/bin/faketime', packages: 'faketime' }]);
const today = todayInChina(new Date());
const moves = values.days ? [{ label: 'as asked', days: Number(values.days) }] : defaultMoves(today);
const projects = values.e2e ? ['api', 'e2e'] : ['api'];

for (const move of moves) {
  for (const project of projects) {
    console.log(`== ${project} tests with the clock moved +${move.days} days, ${move.label} ==`);
    const run = spawnSync(
      'faketime',
      ['-f', `+${move.days}d`, 'npx', 'vitest', 'run', '--project', project],
      {
        stdio: 'inherit',
        // Node's own timers and the database's waits keep real time; only the date moves.
        env: { ...process.env, FAKETIME_DONT_FAKE_MONOTONIC: '1' },
      },
    );
    if (run.status !== 0) {
      console.error(`the ${project} tests fail with the clock moved +${move.days} days (${move.label})`);
      process.exit(run.status ?? 1);
    }
  }
}
