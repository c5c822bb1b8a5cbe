import { and, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { todayInChina } from '../../../common/dates';
import type { Talk, TalkInput } from '../../../common/schemas/talk';
import type { Actor } from '../../access/actor';
import { loadOrg } from '../../access/load-org';
import { authorize, authorizeTalkReading } from '../../access/policy';
import { inSubtree } from '../../access/scope-sql';
import type { Db, DbOrTx } from '../../db/open';
import { alerts, members, orgs, talks } from '../../db/schema/index';
import { AppError, notFound, ruleBroken } from '../../errors';
import { checkTalkDates } from './talk-rules';

const talker = alias(members, 'talker');
const member = alias(members, 'member');

async function talksWhere(db: DbOrTx, where: SQL): Promise<Talk[]> {
  const rows = await db
    .select({ t: talks, talkerName: talker.name, memberName: member.name })
    .from(talks)
    .innerJoin(member, eq(member.id, talks.memberId))
    .innerJoin(orgs, eq(orgs.id, talks.orgId))
    .leftJoin(talker, eq(talker.id, talks.talkerId))
    .where(where)
    .orderBy(desc(talks.heldOn), desc(talks.id))
    .limit(300);
  return rows.map(({ t, talkerName, memberName }) => ({
    id: t.id,
    orgId: t.orgId,
    talkerName,
    memberId: t.memberId,
    memberName,
    heldOn: t.heldOn,
    topics: t.topics,
    agreed: t.agreed,
    followUpOn: t.followUpOn,
    alertId: t.alertId,
  }));
}

/**
 * A committee member records a talk held with a member of the branch; one that answers an
 * "absent three times" alert acknowledges it in the same transaction.
 */
export async function recordTalk(
  db: Db,
  actor: Actor,
  orgId: number,
  input: TalkInput,
  now: Date,
): Promise<Talk> {
  checkTalkDates(input.heldOn, input.followUpOn, todayInChina(now));
  const id = await db.transaction(async (tx) => {
    const org = await loadOrg(tx, actor, orgId, true);
    authorize(actor, 'activity.manage', org.path);
    const [m] = await tx.select({ orgId: members.orgId }).from(members).where(eq(members.id, input.memberId));
    // Whoever is not of this branch is not described.
    if (!m) throw new AppError(404, 'not_found', 'errors.notFound', {}, 'memberId');
    if (m.orgId !== orgId) throw ruleBroken('talk_other_branch', 'errors.talk.otherBranch', {}, 'memberId');
    if (input.alertId !== undefined) {
      const [alert] = await tx
        .select({ id: alerts.id })
        .from(alerts)
        .where(
          and(
            eq(alerts.id, input.alertId),
            eq(alerts.kind, 'member_absent'),
            eq(alerts.memberId, input.memberId),
            eq(alerts.orgId, orgId),
          ),
        );
      if (!alert) throw ruleBroken('talk_alert_mismatch', 'errors.talk.alertMismatch', {}, 'alertId');
      await tx
        .update(alerts)
        .set({ acknowledgedAt: now, acknowledgedBy: actor.userId })
        .where(and(eq(alerts.id, input.alertId), isNull(alerts.acknowledgedAt)));
    }
    const [row] = await tx
      .insert(talks)
      .values({
        orgId,
        talkerId: actor.memberId,
        memberId: input.memberId,
        heldOn: input.heldOn,
        topics: input.topics,
        agreed: input.agreed || null,
        followUpOn: input.followUpOn ?? null,
        alertId: input.alertId ?? null,
        recordedBy: actor.userId,
        createdAt: now,
      })
      .returning({ id: talks.id });
    return row!.id;
  });
  return (await talksWhere(db, eq(talks.id, id)))[0]!;
}

/** The talks of a subtree, for those who may read its personal data. */
export async function orgTalks(db: Db, actor: Actor, orgId: number): Promise<Talk[]> {
  const org = await loadOrg(db, actor, orgId);
  authorize(actor, 'member.sensitive', org.path);
  return talksWhere(db, inSubtree(sql`${orgs.path}`, org.path));
}

/** The talks the signed-in member was in, either side. */
export async function myTalks(db: Db, actor: Actor): Promise<Talk[]> {
  if (actor.memberId === null) return [];
  return talksWhere(
    db,
    sql`(${talks.memberId} = ${actor.memberId} OR ${talks.talkerId} = ${actor.memberId})`,
  );
}

export async function getTalk(db: Db, actor: Actor, id: number): Promise<Talk> {
  const [row] = await db
    .select({ talkerId: talks.talkerId, memberId: talks.memberId, orgPath: orgs.path })
    .from(talks)
    .innerJoin(orgs, eq(orgs.id, talks.orgId))
    .where(eq(talks.id, id));
  if (!row) throw notFound();
  authorizeTalkReading(actor, row);
  return (await talksWhere(db, eq(talks.id, id)))[0]!;
}
