import { and, eq, sql } from 'drizzle-orm';
import { type CheckInWindowRules, checkInWindow } from '../../../common/check-in-window';
import { chinaDateTime } from '../../../common/dates';
import { translate } from '../../../common/i18n/translate';
import type { CheckInCode, CheckInRequest, CheckInResult } from '../../../common/schemas/attendance';
import type { Actor } from '../../access/actor';
import { type AttemptLimit, limitedAttempt } from '../../access/attempt-limits';
import type { Config } from '../../config';
import { loadActivity } from '../../core/fixed-day/activity';
import { type Fence, judgePosition } from '../../core/fixed-day/geofence';
import { signingKey } from '../../core/signing-key';
import { withoutAudit } from '../../db/audit-context';
import { batched } from '../../db/batch';
import type { Db } from '../../db/open';
import { perHandle } from '../../db/per-handle';
import { activities, attendance } from '../../db/schema/index';
import { AppError, invalidField, ruleBroken } from '../../errors';
import { issue, PERIOD_SECONDS, tokenScanRange, verifyCode, verifyToken } from './check-in-token';

export async function checkInCode(
  db: Db,
  config: Config,
  actor: Actor,
  activityId: number,
  origin: string,
  now: Date,
): Promise<CheckInCode> {
  await loadActivity(db, actor, activityId, 'activity.manage');
  const { token, code, expiresAt } = issue(await signingKey(db), activityId, now.getTime());
  const base = config.publicUrl ?? origin;
  return {
    token,
    code,
    url: `${base}/check-in?t=${encodeURIComponent(token)}`,
    expiresAt: expiresAt.toISOString(),
    periodSeconds: PERIOD_SECONDS,
  };
}

/** What the batch read of an activity, its venue and the member, and what it decided. */
type CheckInRow = {
  title: string;
  status: string;
  starts_at: Date;
  ends_at: Date;
  lat: number | null;
  lng: number | null;
  radius_m: number | null;
  strict: boolean | null;
  belongs: boolean;
  existing_at: Date | null;
};
type Judged = CheckInRow & {
  window: { opens: number; closes: number };
  fence: Fence;
  inserted_at: Date | null;
};

type Attempt = {
  activityId: number;
  memberId: number;
  method: 'qr' | 'code';
  lat: number | null;
  lng: number | null;
  /** When the member checked in: the window is judged at this instant, and it is what is kept. */
  at: Date;
  /** When a check-in the phone kept offline arrived; null when it came at once. */
  sentAt: Date | null;
  rules: CheckInWindowRules;
};

/** Every rule of a check-in, decided once: what the batch writes and what a refusal explains. */
function judge(row: CheckInRow, attempt: Attempt) {
  const window = checkInWindow(row.starts_at, row.ends_at, attempt.rules);
  const fence = judgePosition(
    { lat: row.lat, lng: row.lng, radiusM: row.radius_m, strict: row.strict },
    { lat: attempt.lat, lng: attempt.lng },
  );
  const at = attempt.at.getTime();
  const accepted =
    row.belongs && row.status === 'scheduled' && at >= window.opens && at <= window.closes && fence.ok;
  return { window, fence, accepted };
}

/**
 * Check-ins of a batch in two statements: one reads each activity, its venue and the member's
 * place; the rules are judged here; one writes the accepted ones (a repeat finds the first row
 * instead of adding a second). Inserted in (member, activity) order, so two batches never wait on
 * each other crosswise. A member twice in one batch (two phones) is sent once and the later copy
 * is told it is already checked in.
 */
async function checkInTogether(db: Db, attempts: Attempt[]): Promise<(Judged | undefined)[]> {
  const keyOf = (a: Attempt) => `${a.activityId}:${a.memberId}`;
  const firstIndex = new Map<string, number>();
  const unique = attempts.filter((a, i) => {
    if (firstIndex.has(keyOf(a))) return false;
    firstIndex.set(keyOf(a), i);
    return true;
  });
  const { rows } = await db.execute<CheckInRow & { i: string }>(sql`
    SELECT r.i, a.title, a.status, a.starts_at, a.ends_at, v.lat, v.lng, v.radius_m, v.strict,
      EXISTS (SELECT 1 FROM members m JOIN orgs mo ON mo.id = m.org_id
              WHERE m.id = r.member_id AND mo.path LIKE o.path || '%') AS belongs,
      (SELECT checked_in_at FROM attendance t WHERE t.activity_id = r.activity_id AND t.member_id = r.member_id) AS existing_at
    FROM unnest(${sql.param(unique.map((a) => a.activityId))}::int[], ${sql.param(unique.map((a) => a.memberId))}::int[])
      WITH ORDINALITY AS r(activity_id, member_id, i)
      JOIN activities a ON a.id = r.activity_id JOIN orgs o ON o.id = a.org_id LEFT JOIN venues v ON v.id = a.venue_id`);
  const read = new Map(rows.map((r) => [Number(r.i) - 1, r]));
  const judged = unique.map((attempt, k) => {
    const row = read.get(k);
    return row && { row, attempt, ...judge(row, attempt) };
  });
  const accepted = judged.filter((j) => j?.accepted && !j.row.existing_at).map((j) => j!.attempt);
  const col = <T>(f: (a: Attempt) => T) => sql.param(accepted.map(f));
  const inserted = accepted.length
    ? (
        await db.execute<{ activity_id: number; member_id: number; checked_in_at: Date }>(sql`
          INSERT INTO attendance (activity_id, member_id, method, lat, lng, checked_in_at, sent_at)
          SELECT r.activity_id, r.member_id, r.method, r.lat, r.lng, r.at, r.sent_at
          FROM unnest(${col((a) => a.activityId)}::int[], ${col((a) => a.memberId)}::int[],
            ${col((a) => a.method)}::text[], ${col((a) => a.lat)}::float8[], ${col((a) => a.lng)}::float8[],
            ${col((a) => a.at.toISOString())}::timestamptz[], ${col((a) => a.sentAt?.toISOString() ?? null)}::timestamptz[])
            AS r(activity_id, member_id, method, lat, lng, at, sent_at)
          -- Cancelled between the read and this write: not written.
          JOIN activities a ON a.id = r.activity_id AND a.status = 'scheduled'
          ORDER BY r.member_id, r.activity_id
          ON CONFLICT DO NOTHING RETURNING activity_id, member_id, checked_in_at`)
      ).rows
    : [];
  const insertedAt = new Map(inserted.map((r) => [`${r.activity_id}:${r.member_id}`, r.checked_in_at]));
  const byKey = new Map(
    unique.map((a, k) => {
      const j = judged[k];
      return [
        keyOf(a),
        j && { ...j.row, window: j.window, fence: j.fence, inserted_at: insertedAt.get(keyOf(a)) ?? null },
      ];
    }),
  );
  return attempts.map((a, i) => {
    const row = byKey.get(keyOf(a));
    if (!row || firstIndex.get(keyOf(a)) === i) return row;
    const at = row.inserted_at ?? row.existing_at;
    return at ? { ...row, inserted_at: null, existing_at: at } : row;
  });
}

const checkInBatcher = perHandle((db: Db) =>
  batched<Attempt, Judged | undefined>(
    async (attempts) => {
      try {
        // A member's own check-in is its own record (not logged), and the batch holds many people's.
        const rows = await withoutAudit(() => checkInTogether(db, attempts));
        return rows.map((value) => ({ status: 'fulfilled', value }));
      } catch (error) {
        // One bad attempt (a member removed a moment ago) must not fail its neighbours: alone, each
        // meets only its own error.
        if (attempts.length === 1) throw error;
        return Promise.allSettled(
          attempts.map(async (a) => (await withoutAudit(() => checkInTogether(db, [a])))[0]),
        );
      }
    },
    { maxBatch: 200, maxInFlight: 4 },
  ),
);

/**
 * Wrong six-digit codes allowed: a member may mistype a few times per activity, a machine a few
 * dozen times (a branch behind one village router). Over a 5.5-hour window a member can try at
 * most 165 codes, each right with odds of 2 in a million.
 */
const CODE_WINDOW_MS = 10 * 60_000;
const codeLimits = (memberId: number, activityId: number, ip: string): AttemptLimit[] => [
  { key: `code:member:${memberId}:activity:${activityId}`, limit: 5, windowMs: CODE_WINDOW_MS },
  { key: `code:ip:${ip}`, limit: 30, windowMs: CODE_WINDOW_MS },
];

async function firstCheckIn(db: Db, activityId: number, memberId: number) {
  const [row] = await db
    .select({ at: attendance.checkedInAt, title: activities.title })
    .from(attendance)
    .innerJoin(activities, eq(activities.id, attendance.activityId))
    .where(and(eq(attendance.activityId, activityId), eq(attendance.memberId, memberId)));
  return row ?? null;
}

const alreadyIn = (actor: Actor, activityId: number, first: { at: Date; title: string }): CheckInResult => ({
  status: 'already_checked_in',
  activityId,
  activityTitle: first.title,
  checkedInAt: first.at.toISOString(),
  message: translate(actor.locale, 'errors.checkIn.already', { time: chinaDateTime(first.at).slice(11) }),
});

/**
 * A phone's clock and the server's differ by seconds, and a request takes some to arrive: a
 * check-in claiming an instant within this of now is an ordinary one.
 */
const ON_TIME_MS = 60_000;

/**
 * When the member scanned: now, or — for a check-in the phone kept without a network — the
 * instant it says, moved into the span its QR token proves (a phone's clock may be off), never
 * later than now and never older than OFFLINE_CHECKIN_HOURS. The token or code is then checked
 * at that instant, so a late check-in needs what was on the screen then.
 */
function scannedInstant(config: Config, input: CheckInRequest, now: Date): { at: Date; sentAt: Date | null } {
  if (!input.scannedAt) return { at: now, sentAt: null };
  let claimed = Date.parse(input.scannedAt);
  const proven = 'token' in input ? tokenScanRange(input.token) : null;
  if (proven) claimed = Math.min(Math.max(claimed, proven.from), proven.to);
  if (claimed >= now.getTime() - ON_TIME_MS) return { at: now, sentAt: null };
  if (now.getTime() - claimed > config.offlineCheckInHours * 3_600_000)
    throw ruleBroken(
      'checkin_late_too_long',
      'errors.checkIn.lateTooLong',
      { hours: config.offlineCheckInHours },
      'scannedAt',
    );
  return { at: new Date(claimed), sentAt: now };
}

/**
 * A member checks themselves in, by the QR token or the six-digit code. The hot path of the
 * fixed-day morning: concurrent check-ins share one statement and one commit (see
 * `checkInTogether`); the rules are then read in code to say what was wrong, if anything.
 */
export async function checkIn(
  db: Db,
  config: Config,
  actor: Actor,
  input: CheckInRequest,
  now: Date,
  ip: string,
): Promise<CheckInResult> {
  if (actor.memberId === null) throw new AppError(403, 'checkin_no_member', 'errors.checkIn.noMember');
  const key = await signingKey(db);
  const { at, sentAt } = scannedInstant(config, input, now);
  let activityId: number;
  let method: 'qr' | 'code';
  if ('token' in input) {
    const check = verifyToken(key, input.token, at.getTime());
    if (!check.ok)
      throw invalidField(
        'token',
        check.reason === 'expired' ? 'errors.checkIn.expired' : 'errors.checkIn.invalid',
      );
    activityId = check.activityId;
    method = 'qr';
  } else {
    const code = input.code;
    const tried = await limitedAttempt(
      db,
      codeLimits(actor.memberId, input.activityId, ip),
      now,
      async () => ({
        ok: verifyCode(key, input.activityId, code, at.getTime()),
        value: null,
      }),
    );
    if (!('ok' in tried) || !tried.ok) {
      // A member already checked in who mistypes (or retries a stale code) is told they are in.
      const first = await firstCheckIn(db, input.activityId, actor.memberId);
      if (first) return alreadyIn(actor, input.activityId, first);
      if (tried.blockedFor > 0)
        throw new AppError(
          429,
          'checkin_throttled',
          'errors.checkIn.tooManyCodes',
          { seconds: tried.blockedFor },
          'code',
        );
      throw invalidField('code', 'errors.checkIn.wrongCode');
    }
    activityId = input.activityId;
    method = 'code';
  }
  const lat = input.lat ?? null;
  const lng = input.lng ?? null;
  const a = await checkInBatcher(db)({
    activityId,
    memberId: actor.memberId,
    method,
    lat,
    lng,
    at,
    sentAt,
    rules: config,
  });
  if (!a) throw invalidField(method === 'qr' ? 'token' : 'code', 'errors.checkIn.invalid');
  const result = (status: CheckInResult['status'], at: Date): CheckInResult => ({
    status,
    activityId,
    activityTitle: a.title,
    checkedInAt: new Date(at).toISOString(),
    message:
      status === 'checked_in'
        ? translate(actor.locale, 'errors.checkIn.checkedIn')
        : translate(actor.locale, 'errors.checkIn.already', { time: chinaDateTime(new Date(at)).slice(11) }),
  });
  if (a.inserted_at) return result('checked_in', a.inserted_at);
  if (a.existing_at) return result('already_checked_in', a.existing_at);
  if (!a.belongs) throw new AppError(403, 'checkin_not_member', 'errors.checkIn.notMember');
  if (a.status === 'cancelled') throw ruleBroken('checkin_cancelled', 'errors.checkIn.cancelled');
  const window = {
    from: chinaDateTime(new Date(a.window.opens)),
    to: chinaDateTime(new Date(a.window.closes)),
  };
  if (at.getTime() < a.window.opens || at.getTime() > a.window.closes)
    throw ruleBroken('checkin_outside_window', 'errors.checkIn.outsideWindow', window);
  if (!a.fence.ok && a.fence.reason === 'no_position')
    throw ruleBroken('checkin_no_position', 'errors.checkIn.needPosition', {}, 'lat');
  if (!a.fence.ok && a.fence.reason === 'too_far')
    throw ruleBroken('checkin_too_far', 'errors.checkIn.tooFar', {
      distance: a.fence.distance,
      radius: a.fence.radius,
    });
  // The same member's other phone won the race between our read and our write.
  const first = await firstCheckIn(db, activityId, actor.memberId);
  if (first) return alreadyIn(actor, activityId, first);
  throw ruleBroken('checkin_outside_window', 'errors.checkIn.outsideWindow', window);
}
