import { eq, inArray, or } from 'drizzle-orm';
import type { Locale } from '../../../common/enums';
import type { ChangePasswordRequest, LoginRequest, Me } from '../../../common/schemas/auth';
import type { Actor } from '../../access/actor';
import { type AttemptLimit, forgetFailures, limitedAttempt } from '../../access/attempt-limits';
import { sessionCache } from '../../access/session-cache';
import { actorBindings, createSession, deleteOtherSessions } from '../../access/sessions';
import type { Config } from '../../config';
import type { Db } from '../../db/open';
import { blindIndexes } from '../../db/personal-data/sealed';
import { users } from '../../db/schema/index';
import { AppError, invalidField } from '../../errors';
import { hashPassword, verifyPassword } from './password';

/**
 * Sign-in limits: a machine may fail `perMinute` times a minute, whatever accounts it tries; an
 * account may fail 20 times in 15 minutes from everywhere together. Someone guessing a secretary's
 * password from elsewhere blocks their own machine, not the secretary, until the slower
 * account-wide ceiling (README, "Sign-in limits").
 */
export function loginLimits(account: string, ip: string, perMinute: number): AttemptLimit[] {
  return [
    { key: `login:ip:${ip}`, limit: perMinute, windowMs: 60_000 },
    { key: `login:${account}`, limit: ACCOUNT_FAILURES, windowMs: ACCOUNT_WINDOW_MS },
  ];
}
const ACCOUNT_FAILURES = 20;
const ACCOUNT_WINDOW_MS = 15 * 60_000;

export async function login(db: Db, config: Config, input: LoginRequest, ip: string, now: Date) {
  // A phone number is as good as a username: villagers remember their phone, not an invented name.
  const [user] = await db
    .select()
    .from(users)
    .where(or(eq(users.username, input.username), inArray(users.phoneHmac, blindIndexes(input.username))));
  // Counted per account, however it was named; a name that is no account is counted as typed.
  const account = user ? `account:${user.id}` : `name:${input.username.toLowerCase()}`;
  const limits = loginLimits(account, ip, config.loginFailuresPerMinute);
  const result = await limitedAttempt(db, limits, now, async () => {
    const ok = Boolean(user) && (await verifyPassword(user?.passwordHash ?? null, input.password));
    return { ok, value: null };
  });
  if (result.blockedFor > 0)
    throw new AppError(429, 'login_throttled', 'errors.auth.throttled', { seconds: result.blockedFor });
  if (!('ok' in result) || !result.ok || !user) {
    throw new AppError(401, 'invalid_credentials', 'errors.auth.invalidCredentials');
  }
  await forgetFailures(db, [`login:${account}`]);
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
    rules: {
      minActivityHours: config.minActivityHours,
      lateEditDays: config.lateEditDays,
      checkInBeforeMinutes: config.checkInBeforeMinutes,
      checkInAfterMinutes: config.checkInAfterMinutes,
    },
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
