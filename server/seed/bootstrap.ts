import { sql } from 'drizzle-orm';
import type { Config } from '../config';
import type { Db } from '../db/open';
import { orgs, users } from '../db/schema/index';
import { type Scale, type SeedOptions, seedDemoCounty } from './demo-county';

const SEED_LOCK = 7_411_003;

/**
 * Loads the demo county when the database holds no organization yet. Under an advisory lock,
 * so two instances starting together on an empty database seed it once.
 */
export async function seedIfEmpty(
  db: Db,
  scale: Scale,
  options: SeedOptions,
): Promise<Awaited<ReturnType<typeof seedDemoCounty>> | null> {
  const seeded = await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`);
    const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(orgs);
    if (row!.n > 0) return null;
    return seedDemoCounty(tx, scale, options);
  });
  // Fresh tables have no statistics until autovacuum comes by; without them the planner guesses
  // a handful of rows and picks nested loops that make the first minutes of the demo slow.
  if (seeded) await db.execute(sql`ANALYZE`);
  return seeded;
}

/** Demo accounts share a published password: a production instance must not start with them. */
export async function assertNoDemoAccountsInProduction(db: Db, env: Config['env']): Promise<void> {
  if (env !== 'production') return;
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users).where(sql`is_demo`);
  if (row!.n > 0) {
    throw new Error(
      'NODE_ENV=production refuses to start while demo accounts (password vanguard-demo) exist. Use a database without the demo county.',
    );
  }
}
