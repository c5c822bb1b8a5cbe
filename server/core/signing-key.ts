import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import { perHandle } from '../db/per-handle';
import { settings } from '../db/schema/index';

/**
 * The instance's key for what it signs and later verifies itself (check-in QR tokens and codes,
 * calendar feed addresses): made on first use and shared by every instance through the database.
 * Its row keeps its first name, `check_in_key`, so signatures already handed out stay valid.
 */
export const signingKey = perHandle(async (db: Db): Promise<Buffer> => {
  await db
    .insert(settings)
    .values({ key: 'check_in_key', value: randomBytes(32).toString('hex') })
    .onConflictDoNothing();
  const [row] = await db.select().from(settings).where(eq(settings.key, 'check_in_key'));
  return Buffer.from(row!.value, 'hex');
});
