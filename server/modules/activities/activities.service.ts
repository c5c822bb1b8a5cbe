import { and, asc, eq, gte, lt } from 'drizzle-orm';
import { chinaDateTime } from '../../../common/dates';
import type {
  Activity,
  ActivityChange,
  ActivityCreate,
  ActivitySummary,
  ActivityUpdate,
} from '../../../common/schemas/activity';
import type { Actor } from '../../access/actor';
import { memberInSubtree } from '../../access/org-path';
import { can } from '../../access/policy';
import type { Config } from '../../config';
import { type ActivityRow, loadActivity } from '../../core/fixed-day/activity';
import { loadBranch } from '../../core/fixed-day/fixed-day-org';
import { appendLedger } from '../../core/ledger/chain';
import type { Db, DbOrTx } from '../../db/open';
import { activities, activityChanges, members, planEntries, users, venues } from '../../db/schema/index';
import { invalidField, ruleBroken } from '../../errors';
import { activityFigures } from '../../read-model/activity-figures';
import { createNotice, forwardNotice, type NoticeParams, noticeStatus } from '../notices/index';
import { presentVenue, usableVenue } from '../venues/index';

type OrgOfActivity = { id: number; path: string; name: string };

const hours = (from: Date, to: Date) => Math.round(((to.getTime() - from.getTime()) / 3_600_000) * 100) / 100;

/** Ends after it starts; shorter than the minimum (half a day) only with a reason. */
function checkTimes(config: Config, startsAt: Date, endsAt: Date, shortReason: string | null | undefined) {
  if (endsAt <= startsAt) throw invalidField('endsAt', 'errors.activity.endBeforeStart');
  if (hours(startsAt, endsAt) < config.minActivityHours && !shortReason) {
    throw invalidField('shortReason', 'errors.activity.shortNeedsReason', { hours: config.minActivityHours });
  }
}

async function checkRefs(tx: DbOrTx, org: OrgOfActivity, input: Partial<ActivityCreate>) {
  const venue = await usableVenue(tx, org.path, input.venueId);
  if (input.planEntryId) {
    const [plan] = await tx
      .select({ orgId: planEntries.orgId })
      .from(planEntries)
      .where(eq(planEntries.id, input.planEntryId));
    if (!plan || plan.orgId !== org.id)
      throw ruleBroken('plan_other_org', 'errors.activity.planOtherOrg', {}, 'planEntryId');
  }
  if (input.responsibleMemberId) {
    if (!(await memberInSubtree(tx, input.responsibleMemberId, org.path))) {
      throw ruleBroken(
        'responsible_not_member',
        'errors.activity.responsibleNotMember',
        {},
        'responsibleMemberId',
      );
    }
  }
  return venue;
}

function noticeParams(
  a: Pick<ActivityRow, 'title' | 'startsAt' | 'endsAt' | 'content'>,
  venueName: string | null,
  reason?: string,
): NoticeParams {
  const end = chinaDateTime(a.endsAt);
  const when = `${chinaDateTime(a.startsAt)}–${end.slice(0, 10) === chinaDateTime(a.startsAt).slice(0, 10) ? end.slice(11) : end}`;
  return { title: a.title, when, venue: venueName ?? '', content: a.content ?? undefined, reason };
}

async function venueName(tx: DbOrTx, venueId: number | null) {
  if (venueId === null) return null;
  const [v] = await tx.select({ name: venues.name }).from(venues).where(eq(venues.id, venueId));
  return v?.name ?? null;
}

export async function createActivity(
  db: Db,
  config: Config,
  actor: Actor,
  input: ActivityCreate,
  now: Date,
): Promise<Activity> {
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  checkTimes(config, startsAt, endsAt, input.shortReason);
  const { activity, notice } = await db.transaction(async (tx) => {
    const org = await loadBranch(tx, actor, input.orgId, 'activity.manage');
    const venue = await checkRefs(tx, org, input);
    let { theme, kinds } = input;
    if (input.planEntryId && (!theme || !kinds?.length)) {
      // Scheduling from the month's plan: what the plan says need not be said again.
      const [plan] = await tx.select().from(planEntries).where(eq(planEntries.id, input.planEntryId));
      theme ??= plan!.theme;
      if (!kinds?.length) kinds = plan!.kinds;
    }
    const [activity] = await tx
      .insert(activities)
      .values({
        orgId: org.id,
        planEntryId: input.planEntryId ?? null,
        type: input.type,
        theme: theme ?? null,
        kinds: kinds ?? [],
        title: input.title,
        content: input.content ?? null,
        venueId: venue?.id ?? null,
        startsAt,
        endsAt,
        responsibleMemberId: input.responsibleMemberId ?? null,
        massesInvited: input.massesInvited ?? false,
        shortReason: input.shortReason ?? null,
        createdBy: actor.userId,
      })
      .returning();
    const a = activity!;
    await tx
      .insert(activityChanges)
      .values({ activityId: a.id, kind: 'scheduled', byUserId: actor.userId, after: snapshot(a) });
    await appendLedger(
      tx,
      {
        orgId: org.id,
        activityId: a.id,
        kind: 'scheduled',
        payload: snapshot(a),
        byUserId: actor.userId,
      },
      now,
    );
    const notice = await createNotice(tx, {
      orgId: org.id,
      orgPath: org.path,
      activityId: a.id,
      kind: 'scheduled',
      params: noticeParams(a, venue?.name ?? null),
    });
    return { activity: a, notice };
  });
  forwardNotice(db, config, activity.orgId, {
    id: notice.id,
    kind: 'scheduled',
    body: JSON.stringify(noticeParams(activity, await venueName(db, activity.venueId))),
  });
  return getActivity(db, actor, activity.id);
}

/** The facts of an activity that its record keeps. */
function snapshot(a: ActivityRow): Record<string, unknown> {
  return {
    type: a.type,
    theme: a.theme,
    kinds: a.kinds,
    title: a.title,
    venueId: a.venueId,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    planEntryId: a.planEntryId,
    shortReason: a.shortReason,
  };
}

export async function updateActivity(
  db: Db,
  config: Config,
  actor: Actor,
  id: number,
  input: ActivityUpdate,
  now: Date,
): Promise<Activity> {
  const result = await db.transaction(async (tx) => {
    const { activity: before, org } = await loadActivity(tx, actor, id, 'activity.manage', true);
    if (before.status === 'cancelled') throw ruleBroken('activity_cancelled', 'errors.activity.cancelled');
    const startsAt = input.startsAt ? new Date(input.startsAt) : before.startsAt;
    const endsAt = input.endsAt ? new Date(input.endsAt) : before.endsAt;
    const shortReason = input.shortReason === undefined ? before.shortReason : input.shortReason;
    checkTimes(config, startsAt, endsAt, shortReason);
    const venue = await checkRefs(tx, org, input);
    const moved =
      startsAt.getTime() !== before.startsAt.getTime() ||
      endsAt.getTime() !== before.endsAt.getTime() ||
      (input.venueId !== undefined && (input.venueId ?? null) !== before.venueId);
    if (moved && !input.reason) throw invalidField('reason', 'errors.activity.reasonRequired');
    const { reason, ...fields } = input;
    const [after] = await tx
      .update(activities)
      .set({
        ...fields,
        startsAt,
        endsAt,
        venueId: input.venueId === undefined ? before.venueId : (venue?.id ?? null),
      })
      .where(eq(activities.id, id))
      .returning();
    const kind = moved ? 'rescheduled' : 'edited';
    await tx.insert(activityChanges).values({
      activityId: id,
      kind,
      reason: reason ?? null,
      byUserId: actor.userId,
      before: snapshot(before),
      after: snapshot(after!),
    });
    await appendLedger(
      tx,
      {
        orgId: org.id,
        activityId: id,
        kind,
        payload: { ...snapshot(after!), reason: reason ?? null },
        byUserId: actor.userId,
      },
      now,
    );
    if (!moved) return { activity: after!, notice: null };
    const params = noticeParams(after!, await venueName(tx, after!.venueId), reason);
    const notice = await createNotice(tx, {
      orgId: org.id,
      orgPath: org.path,
      activityId: id,
      kind: 'changed',
      params,
    });
    return { activity: after!, notice: { id: notice.id, body: JSON.stringify(params) } };
  });
  if (result.notice)
    forwardNotice(db, config, result.activity.orgId, {
      id: result.notice.id,
      kind: 'changed',
      body: result.notice.body,
    });
  return getActivity(db, actor, id);
}

export async function cancelActivity(
  db: Db,
  config: Config,
  actor: Actor,
  id: number,
  reason: string,
  now: Date,
): Promise<Activity> {
  const result = await db.transaction(async (tx) => {
    const { activity: before, org } = await loadActivity(tx, actor, id, 'activity.manage', true);
    if (before.status === 'cancelled') throw ruleBroken('activity_cancelled', 'errors.activity.cancelled');
    await tx
      .update(activities)
      .set({ status: 'cancelled', cancelReason: reason })
      .where(eq(activities.id, id));
    await tx
      .insert(activityChanges)
      .values({ activityId: id, kind: 'cancelled', reason, byUserId: actor.userId });
    await appendLedger(
      tx,
      {
        orgId: org.id,
        activityId: id,
        kind: 'cancelled',
        payload: { reason },
        byUserId: actor.userId,
      },
      now,
    );
    const params = noticeParams(before, await venueName(tx, before.venueId), reason);
    const notice = await createNotice(tx, {
      orgId: org.id,
      orgPath: org.path,
      activityId: id,
      kind: 'cancelled',
      params,
    });
    return { orgId: org.id, notice: { id: notice.id, body: JSON.stringify(params) } };
  });
  forwardNotice(db, config, result.orgId, {
    id: result.notice.id,
    kind: 'cancelled',
    body: result.notice.body,
  });
  return getActivity(db, actor, id);
}

export async function getActivity(db: DbOrTx, actor: Actor, id: number): Promise<Activity> {
  const { activity: a, org } = await loadActivity(db, actor, id, 'activity.read');
  const [venueRow] = a.venueId === null ? [] : await db.select().from(venues).where(eq(venues.id, a.venueId));
  const [responsible] =
    a.responsibleMemberId === null
      ? []
      : await db.select({ name: members.name }).from(members).where(eq(members.id, a.responsibleMemberId));
  const figures = (await activityFigures(db, [id])).get(id)!;
  const notices = await noticeStatus(db, id);
  return {
    ...summary(a, venueRow?.name ?? null),
    orgName: org.name,
    planEntryId: a.planEntryId,
    kinds: a.kinds,
    content: a.content,
    venue: venueRow ? presentVenue(venueRow) : null,
    responsibleMemberId: a.responsibleMemberId,
    responsibleName: responsible?.name ?? null,
    massesInvited: a.massesInvited,
    shortReason: a.shortReason,
    cancelReason: a.cancelReason,
    durationHours: hours(a.startsAt, a.endsAt),
    ...figures,
    noticesSent: notices.sent,
    noticesSentPartyMembers: notices.partyMembers,
    noticesRead: notices.read,
    canManage: can(actor, 'activity.manage', org.path),
  };
}

export const summary = (a: ActivityRow, venueName: string | null): ActivitySummary => ({
  id: a.id,
  orgId: a.orgId,
  type: a.type,
  theme: a.theme,
  title: a.title,
  startsAt: a.startsAt.toISOString(),
  endsAt: a.endsAt.toISOString(),
  status: a.status,
  venueName,
});

/** Activities of an org (its own, not its subtree's) that start in [from, to). */
export async function activitiesBetween(
  tx: DbOrTx,
  orgId: number,
  from: Date,
  to: Date,
): Promise<ActivitySummary[]> {
  const rows = await tx
    .select({ activity: activities, venueName: venues.name })
    .from(activities)
    .leftJoin(venues, eq(venues.id, activities.venueId))
    .where(and(eq(activities.orgId, orgId), gte(activities.startsAt, from), lt(activities.startsAt, to)))
    .orderBy(asc(activities.startsAt));
  return rows.map((r) => summary(r.activity, r.venueName));
}

export async function listActivities(
  db: Db,
  actor: Actor,
  orgId: number,
  from: string,
  to: string,
): Promise<ActivitySummary[]> {
  await loadBranch(db, actor, orgId, 'activity.read');
  if (to < from) throw invalidField('to', 'errors.activity.endBeforeStart');
  return activitiesBetween(db, orgId, new Date(`${from}T00:00:00+08:00`), new Date(`${to}T24:00:00+08:00`));
}

export async function activityHistory(db: Db, actor: Actor, id: number): Promise<ActivityChange[]> {
  await loadActivity(db, actor, id, 'activity.read');
  const rows = await db
    .select({ change: activityChanges, byName: users.name })
    .from(activityChanges)
    .leftJoin(users, eq(users.id, activityChanges.byUserId))
    .where(eq(activityChanges.activityId, id))
    .orderBy(asc(activityChanges.id));
  return rows.map(({ change: c, byName }) => ({
    id: c.id,
    kind: c.kind,
    reason: c.reason,
    byName,
    at: c.at.toISOString(),
    before: c.before,
    after: c.after,
  }));
}
