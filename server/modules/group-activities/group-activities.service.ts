import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { translate } from '../../../common/i18n/translate';
import { type GroupActivity, GroupActivityInput, type MyGroup } from '../../../common/schemas/group';
import type { Actor } from '../../access/actor';
import { authorize, authorizeGroupWork } from '../../access/policy';
import type { Config } from '../../config';
import { isPartyMember } from '../../core/fixed-day/party-members';
import { appendLedger } from '../../core/ledger/chain';
import { attendanceDigest, minutesDigest } from '../../core/ledger/facts';
import type { Db, DbOrTx } from '../../db/open';
import { activities, activityChanges, activityStats, attendance, members } from '../../db/schema/index';
import { AppError, ruleBroken } from '../../errors';
import { activityFigures } from '../../read-model/activity-figures';
import type { Storage } from '../../storage/local';
import { openGroupAlerts } from '../alerts/index';
import { groupsOf, loadGroup } from '../groups/index';
import { discardStored, insertUploads, prepareUploads, storeUploads, type Upload } from '../records/index';
import { heldBetween, notesAsMinutes } from './group-activity-rules';

/** Those present: Party members of the group's branch (one from another of its groups may join in). */
async function presentMembers(tx: DbOrTx, orgId: number, ids: number[]) {
  const unique = [...new Set(ids)];
  const rows = await tx
    .select({ id: members.id, name: members.name, orgId: members.orgId, status: members.status })
    .from(members)
    .where(inArray(members.id, unique));
  for (const id of unique) {
    const m = rows.find((r) => r.id === id);
    // Whoever is not of this branch is not named: the leader may not see them at all.
    if (!m) throw new AppError(404, 'not_found', 'errors.notFound', {}, 'memberIds');
    if (m.orgId !== orgId)
      throw ruleBroken('group_activity_other_branch', 'errors.groupActivity.otherBranch', {}, 'memberIds');
    if (!isPartyMember(m.status))
      throw ruleBroken(
        'group_activity_not_party_member',
        'errors.groupActivity.notPartyMember',
        { name: m.name },
        'memberIds',
      );
  }
  return unique;
}

/**
 * A group's meeting as its leader records it afterwards, from a phone: one party group meeting
 * of the branch, with who took part, the notes as its record, a photo if there is one, and its
 * attendance sealed in the ledger at once (it is over) — all in one transaction.
 */
export async function recordGroupActivity(
  db: Db,
  config: Config,
  storage: Storage,
  actor: Actor,
  groupId: number,
  body: unknown,
  photos: Upload[],
  now: Date,
): Promise<GroupActivity> {
  const first = await loadGroup(db, groupId);
  // Who may record comes first: the shape of what was sent is nobody else's business.
  authorizeGroupWork(actor, first.org.path, first.group.leaderId);
  const input = GroupActivityInput.parse(body);
  const { startsAt, endsAt } = heldBetween(input.startsAt, input.minutes, now);
  const prepared = await prepareUploads(config, photos, { startsAt, endsAt }, null);
  const stored = await storeUploads(storage, prepared);
  try {
    const id = await db.transaction(async (tx) => {
      const { group, org } = await loadGroup(tx, groupId, true);
      authorizeGroupWork(actor, org.path, group.leaderId);
      const present = await presentMembers(tx, org.id, input.memberIds);
      const minutesHtml = notesAsMinutes(input.notes);
      const [a] = await tx
        .insert(activities)
        .values({
          orgId: org.id,
          type: 'party_group_meeting',
          groupId: group.id,
          groupKind: input.kind,
          title: input.title,
          place: input.place || null,
          startsAt,
          endsAt,
          minutesHtml,
          // A group meets briefly by design ("small, flexible"): the branch's half-day minimum
          // is not its measure, and the record says so instead of counting it as too short.
          shortReason:
            input.minutes < config.minActivityHours * 60
              ? translate('zh-CN', 'groupActivity.shortReason')
              : null,
          recordsUpdatedAt: now,
          createdBy: actor.userId,
        })
        .returning();
      const activity = a!;
      const facts = {
        type: activity.type,
        groupId: group.id,
        groupKind: input.kind,
        title: activity.title,
        place: activity.place,
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
      };
      await tx
        .insert(activityChanges)
        .values({ activityId: activity.id, kind: 'recorded', byUserId: actor.userId, after: facts });
      const chain = (kind: string, payload: Record<string, unknown>) =>
        appendLedger(
          tx,
          { orgId: org.id, activityId: activity.id, kind, payload, byUserId: actor.userId },
          now,
        );
      await chain('recorded', facts);
      await tx.insert(attendance).values(
        present.map((memberId) => ({
          activityId: activity.id,
          memberId,
          method: 'manual' as const,
          checkedInAt: startsAt,
          recordedBy: actor.userId,
        })),
      );
      if (minutesHtml) await chain('minutes', { digest: minutesDigest({ minutesHtml, decisions: null }) });
      await insertUploads(
        tx,
        prepared,
        stored,
        { orgId: org.id, activityId: activity.id, userId: actor.userId, late: false, reason: null },
        now,
      );
      await chain('attendance_sealed', { digest: await attendanceDigest(tx, activity.id) });
      return activity.id;
    });
    return (await groupActivitiesWhere(db, eq(activities.id, id)))[0]!;
  } catch (e) {
    await discardStored(storage, stored);
    throw e;
  }
}

/** The group activities `where` selects, newest first, with their kept figures. */
async function groupActivitiesWhere(db: DbOrTx, where: SQL, limit = 50): Promise<GroupActivity[]> {
  const rows = await db
    .select({
      id: activities.id,
      groupId: activities.groupId,
      kind: activities.groupKind,
      title: activities.title,
      startsAt: activities.startsAt,
      endsAt: activities.endsAt,
      place: activities.place,
      photos: activityStats.photos,
    })
    .from(activities)
    .innerJoin(activityStats, eq(activityStats.activityId, activities.id))
    .where(and(where, eq(activities.status, 'scheduled')))
    .orderBy(desc(activities.startsAt))
    .limit(limit);
  const figures = await activityFigures(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const counts = figures.get(r.id)!.counts;
    return {
      id: r.id,
      groupId: r.groupId!,
      kind: r.kind ?? 'other',
      title: r.title,
      startsAt: r.startsAt.toISOString(),
      endsAt: r.endsAt.toISOString(),
      place: r.place,
      present: counts.present,
      expected: counts.members,
      photos: r.photos,
    };
  });
}

/** A group's recent meetings. */
export async function listGroupActivities(db: Db, actor: Actor, groupId: number): Promise<GroupActivity[]> {
  const { group, org } = await loadGroup(db, groupId);
  // A group's meetings are the branch's activities, read by whoever reads those.
  authorize(actor, 'activity.read', org.path);
  return groupActivitiesWhere(db, eq(activities.groupId, group.id));
}

/** The signed-in member's groups, with what each did lately and whether they lead it. */
export async function myGroups(db: Db, actor: Actor): Promise<MyGroup[]> {
  if (actor.memberId === null) return [];
  const groups = await groupsOf(db, actor.memberId);
  const led = groups.filter((g) => g.leaderId === actor.memberId).map((g) => g.id);
  const alerts = await openGroupAlerts(db, actor, led);
  return Promise.all(
    groups.map(async (g, i) => ({
      ...g,
      leads: led.includes(g.id),
      own: i === 0 && !g.members.find((m) => m.id === actor.memberId)?.second,
      recent: await groupActivitiesWhere(db, eq(activities.groupId, g.id), 5),
      alerts: alerts.filter((a) => a.groupId === g.id),
    })),
  );
}
