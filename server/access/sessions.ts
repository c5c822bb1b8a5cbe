import { createHash, randomBytes } from 'node:crypto';
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import { batched } from '../db/batch';
import type { Db, DbOrTx } from '../db/open';
import { perHandle } from '../db/per-handle';
import { orgs, roleBindings, sessions, users } from '../db/schema/index';
import type { Actor, Binding } from './actor';

export const SESSION_COOKIE = 'vg_session';

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: DbOrTx, userId: number, days: number, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.insert(sessions).values({
    tokenHash: tokenHash(token),
    userId,
    csrfToken: randomBytes(24).toString('base64url'),
    expiresAt: new Date(now.getTime() + days * 86_400_000),
  });
  // Housekeeping on login rather than a timer: expired rows are useless but harmless.
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, now)));
  return token;
}

export async function deleteSession(db: DbOrTx, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash(token)));
}

type ActorRow = {
  token_hash: string;
  id: number;
  username: string;
  name: string;
  locale: Actor['locale'];
  member_id: number | null;
  csrf_token: string;
  bindings: Binding[];
  expires_at: Date;
};

/** The sessions' users and roles, with when each session expires, in one round trip. */
async function actorsOf(db: Db, hashes: string[]): Promise<Map<string, { actor: Actor; expiresAt: Date }>> {
  const { rows } = await db.execute<ActorRow>(sql`
    SELECT s.token_hash, s.expires_at, u.id, u.username, u.name, u.locale, u.member_id, s.csrf_token,
      coalesce((SELECT json_agg(json_build_object('id', b.id, 'role', b.role, 'orgId', b.org_id,
                                                 'orgPath', coalesce(o.path, '/'), 'orgName', o.name) ORDER BY b.id)
                FROM role_bindings b LEFT JOIN orgs o ON o.id = b.org_id WHERE b.user_id = u.id), '[]') AS bindings
    FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.token_hash = ANY(${sql.param(hashes)}::text[])`);
  return new Map(
    rows.map((row) => [
      row.token_hash,
      {
        expiresAt: new Date(row.expires_at),
        actor: {
          userId: row.id,
          username: row.username,
          name: row.name,
          locale: row.locale,
          memberId: row.member_id,
          csrfToken: row.csrf_token,
          bindings: row.bindings,
        },
      },
    ]),
  );
}

/** Every request pays for this lookup, so a crowd's lookups share one query (see `batched`). */
const sessionLookups = perHandle((db: Db) =>
  batched<string, { actor: Actor; expiresAt: Date } | null>(
    async (tokens) => {
      const hashes = tokens.map(tokenHash);
      const found = await actorsOf(db, hashes);
      return hashes.map((h) => ({ status: 'fulfilled', value: found.get(h) ?? null }));
    },
    { maxBatch: 200, maxInFlight: 4 },
  ),
);

/** The session's actor, or null when there is none or it expired by the clock's `now`. */
export async function loadActor(db: Db, token: string, now: Date): Promise<Actor | null> {
  const found = await sessionLookups(db)(token);
  return found && found.expiresAt > now ? found.actor : null;
}

/** The roles a user holds, each with the path and name of its org (admin holds '/'). */
async function bindingsOf(db: DbOrTx, userId: number): Promise<Binding[]> {
  const rows = await db
    .select({
      id: roleBindings.id,
      role: roleBindings.role,
      orgId: roleBindings.orgId,
      orgPath: orgs.path,
      orgName: orgs.name,
    })
    .from(roleBindings)
    .leftJoin(orgs, eq(orgs.id, roleBindings.orgId))
    .where(eq(roleBindings.userId, userId))
    .orderBy(roleBindings.id);
  return rows.map((r) => ({ ...r, orgPath: r.orgPath ?? '/' }));
}

function toActor(user: typeof users.$inferSelect, bindings: Binding[]): Omit<Actor, 'csrfToken'> {
  return {
    userId: user.id,
    username: user.username,
    name: user.name,
    locale: user.locale,
    memberId: user.memberId,
    bindings,
  };
}

export async function actorBindings(db: DbOrTx, userId: number): Promise<Omit<Actor, 'csrfToken'>> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw new Error(`user ${userId} vanished`);
  return toActor(user, await bindingsOf(db, userId));
}

export async function sessionCsrf(db: DbOrTx, token: string): Promise<string | null> {
  const [row] = await db
    .select({ csrf: sessions.csrfToken })
    .from(sessions)
    .where(eq(sessions.tokenHash, tokenHash(token)));
  return row?.csrf ?? null;
}

export async function deleteOtherSessions(db: DbOrTx, userId: number, keepToken: string): Promise<void> {
  const all = await db.select({ h: sessions.tokenHash }).from(sessions).where(eq(sessions.userId, userId));
  const drop = all.map((s) => s.h).filter((h) => h !== tokenHash(keepToken));
  if (drop.length) await db.delete(sessions).where(inArray(sessions.tokenHash, drop));
}
