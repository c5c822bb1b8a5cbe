import { eq, or } from 'drizzle-orm';
import type { Locale } from '../../../common/enums';
import type { ChangePasswordRequest, LoginRequest, Me } from '../../../common/schemas/auth';
import type { Actor } from '../../access/actor';
import type { Config } from '../../config';
import type { Db } from '../../db/open';
import { users } from '../../db/schema/index';
import { AppError, invalidField } from '../../errors';
import { hashPassword, verifyPassword } from './password';
import { sessionCache } from './session-cache';
import { actorBindings, createSession, deleteOtherSessions } from './sessions';
import { clearFailures, recordFailure, secondsUntilAllowed, throttleKeys } from './throttle';

export async function login(db: Db, config: Config, input: LoginRequest, ip: string, now: Date) {
  const keys = throttleKeys(input.username, ip);
  const wait = await secondsUntilAllowed(db, keys, config.loginFailuresPerMinute, now);
  if (wait > 0) throw new AppError(429, 'login_throttled', 'errors.auth.throttled', { seconds: wait });
  // A phone number is as good as a username: villagers remember their phone, not an invented name.
  const [user] = await db
    .select()
    .from(users)
    .where(or(eq(users.username, input.username), eq(users.phone, input.username)));
  const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !ok) {
    await recordFailure(db, keys, now);
    throw new AppError(401, 'invalid_credentials', 'errors.auth.invalidCredentials');
  }
  await clearFailures(db, keys[0]!);
  const token = await createSession(db, user.id, config.sessionDays, now);
  return { token, userId: user.id };
}

function presentMe(actor: Omit<Actor, 'csrfToken'>, csrfToken: string, config: Config): Me {
  return {
    user: {
      id: actor.userId,
      username: actor.username,
      name: actor.name,
      locale: actor.locale,
      memberId: actor.memberId,
    },
    roles: actor.bindings.map((b) => ({ role: b.role, orgId: b.orgId, orgName: b.orgName })),
    csrfToken,
    rules: { minActivityHours: config.minActivityHours, lateEditDays: config.lateEditDays },
  };
}

export async function loadMe(db: Db, config: Config, userId: number, csrfToken: string): Promise<Me> {
  return presentMe(await actorBindings(db, userId), csrfToken, config);
}

export async function changePassword(
  db: Db,
  actor: Actor,
  input: ChangePasswordRequest,
  sessionToken: string,
) {
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw invalidField('currentPassword', 'errors.auth.wrongPassword');
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, actor.userId));
    // Whoever knew the old password is signed out everywhere else.
    await deleteOtherSessions(tx, actor.userId, sessionToken);
  });
  sessionCache(db).forgetUser(actor.userId);
}

export async function setLocale(db: Db, actor: Actor, locale: Locale) {
  await db.update(users).set({ locale }).where(eq(users.id, actor.userId));
  sessionCache(db).forgetUser(actor.userId);
}
