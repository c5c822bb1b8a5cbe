import { randomInt } from 'node:crypto';
import { and, asc, desc, eq, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import { todayInChina } from '../../../common/dates';
import type {
  Inspection,
  InspectionInput,
  Rectification,
  SpotCheck,
} from '../../../common/schemas/inspection';
import type { Actor } from '../../access/actor';
import { loadOrg } from '../../access/load-org';
import { authorize, canSee } from '../../access/policy';
import { inSubtree } from '../../access/scope-sql';
import { loadActivity } from '../../core/fixed-day/activity';
import type { Db, DbOrTx } from '../../db/open';
import { activities, inspections, members, orgs, rectifications, users } from '../../db/schema/index';
import { AppError, invalidField, notFound, ruleBroken } from '../../errors';
import { attendanceList } from '../attendance/index';

type RectificationRow = typeof rectifications.$inferSelect;

export function presentRectification(r: RectificationRow, orgName: string, today: string): Rectification {
  return {
    id: r.id,
    inspectionId: r.inspectionId,
    orgId: r.orgId,
    orgName,
    item: r.item,
    responsible: r.responsible,
    dueDate: r.dueDate,
    status: r.status,
    answer: r.answer,
    answeredAt: r.answeredAt?.toISOString() ?? null,
    closedAt: r.closedAt?.toISOString() ?? null,
    overdue: r.status !== 'closed' && r.dueDate < today,
  };
}

/** Inspections with their org, activity, inspector and items, in the order given. */
async function present(tx: DbOrTx, ids: number[], now: Date): Promise<Inspection[]> {
  if (!ids.length) return [];
  const rows = await tx
    .select({
      i: inspections,
      orgName: orgs.name,
      activityTitle: activities.title,
      inspectorName: users.name,
    })
    .from(inspections)
    .innerJoin(orgs, eq(orgs.id, inspections.orgId))
    .innerJoin(users, eq(users.id, inspections.inspectorId))
    .leftJoin(activities, eq(activities.id, inspections.activityId))
    .where(inArray(inspections.id, ids));
  const items = await tx
    .select()
    .from(rectifications)
    .where(inArray(rectifications.inspectionId, ids))
    .orderBy(asc(rectifications.id));
  const today = todayInChina(now);
  const byId = new Map(
    rows.map(({ i, orgName, activityTitle, inspectorName }) => [
      i.id,
      {
        id: i.id,
        orgId: i.orgId,
        orgName,
        activityId: i.activityId,
        activityTitle,
        method: i.method,
        date: i.date,
        contacted: i.contacted,
        findings: i.findings,
        score: i.score,
        inspectorName,
        createdAt: i.createdAt.toISOString(),
        rectifications: items
          .filter((r) => r.inspectionId === i.id)
          .map((r) => presentRectification(r, orgName, today)),
      },
    ]),
  );
  return ids.map((id) => byId.get(id)!);
}

/**
 * A supervisor records an inspection of a branch (or of one of its activities) and what must be
 * put right, by whom and by when — all in one transaction.
 */
export async function createInspection(
  db: Db,
  actor: Actor,
  input: InspectionInput,
  now: Date,
): Promise<Inspection> {
  return db.transaction(async (tx) => {
    const [org] = await tx.select().from(orgs).where(eq(orgs.id, input.orgId));
    // Outside one's subtree the org does not exist for the inspector, and the message says which field.
    if (!org || !canSee(actor, org.path))
      throw new AppError(404, 'not_found', 'errors.inspection.orgOutside', {}, 'orgId');
    authorize(actor, 'inspection.manage', org.path);
    if (!org.fixedDay) throw ruleBroken('inspection_not_branch', 'errors.inspection.notBranch', {}, 'orgId');
    if (input.activityId) {
      const [a] = await tx
        .select({ orgId: activities.orgId })
        .from(activities)
        .where(eq(activities.id, input.activityId));
      if (!a || a.orgId !== org.id) throw invalidField('activityId', 'errors.inspection.activityElsewhere');
    }
    (input.rectifications ?? []).forEach((r, i) => {
      if (r.dueDate < input.date)
        throw invalidField(`rectifications.${i}.dueDate`, 'errors.inspection.dueBeforeDate');
    });
    const [created] = await tx
      .insert(inspections)
      .values({
        orgId: org.id,
        activityId: input.activityId ?? null,
        method: input.method,
        date: input.date,
        contacted: input.contacted ?? '',
        findings: input.findings,
        score: input.score,
        inspectorId: actor.userId,
      })
      .returning();
    if (input.rectifications?.length) {
      await tx.insert(rectifications).values(
        input.rectifications.map((r) => ({
          inspectionId: created!.id,
          orgId: org.id,
          item: r.item,
          responsible: r.responsible,
          dueDate: r.dueDate,
        })),
      );
    }
    return (await present(tx, [created!.id], now))[0]!;
  });
}

export async function getInspection(db: Db, actor: Actor, id: number, now: Date): Promise<Inspection> {
  const [row] = await db
    .select({ path: orgs.path })
    .from(inspections)
    .innerJoin(orgs, eq(orgs.id, inspections.orgId))
    .where(eq(inspections.id, id));
  if (!row) throw notFound();
  authorize(actor, 'stats.read', row.path);
  return (await present(db, [id], now))[0]!;
}

export async function listInspections(
  db: Db,
  actor: Actor,
  orgId: number,
  period: { from?: string; to?: string },
  now: Date,
): Promise<Inspection[]> {
  const org = await loadOrg(db, actor, orgId);
  authorize(actor, 'stats.read', org.path);
  const rows = await db
    .select({ id: inspections.id })
    .from(inspections)
    .innerJoin(orgs, eq(orgs.id, inspections.orgId))
    .where(
      and(
        inSubtree(orgs.path, org.path),
        period.from ? gte(inspections.date, period.from) : undefined,
        period.to ? lte(inspections.date, period.to) : undefined,
      ),
    )
    .orderBy(desc(inspections.date), desc(inspections.id))
    .limit(500);
  return present(
    db,
    rows.map((r) => r.id),
    now,
  );
}

export async function listRectifications(
  db: Db,
  actor: Actor,
  orgId: number,
  status: 'open' | 'overdue' | 'answered' | 'closed' | 'all',
  now: Date,
): Promise<Rectification[]> {
  const org = await loadOrg(db, actor, orgId);
  authorize(actor, 'stats.read', org.path);
  const today = todayInChina(now);
  const rows = await db
    .select({ r: rectifications, orgName: orgs.name })
    .from(rectifications)
    .innerJoin(orgs, eq(orgs.id, rectifications.orgId))
    .where(
      and(
        inSubtree(orgs.path, org.path),
        status === 'open' || status === 'overdue' ? ne(rectifications.status, 'closed') : undefined,
        status === 'overdue' ? sql`${rectifications.dueDate} < ${today}` : undefined,
        status === 'answered' || status === 'closed' ? eq(rectifications.status, status) : undefined,
      ),
    )
    .orderBy(asc(rectifications.dueDate), asc(rectifications.id))
    .limit(1000);
  return rows.map(({ r, orgName }) => presentRectification(r, orgName, today));
}

async function loadRectification(
  tx: DbOrTx,
  actor: Actor,
  id: number,
  capability: 'rectification.answer' | 'inspection.manage',
) {
  const [row] = await tx
    .select({ r: rectifications, org: { path: orgs.path, name: orgs.name } })
    .from(rectifications)
    .innerJoin(orgs, eq(orgs.id, rectifications.orgId))
    .where(eq(rectifications.id, id))
    .for('update', { of: rectifications });
  if (!row) throw notFound();
  authorize(actor, capability, row.org.path);
  if (row.r.status === 'closed') throw ruleBroken('rectification_closed', 'errors.inspection.closed');
  return row;
}

/** The branch says what it did about an item; it may answer again until the supervisor closes it. */
export async function answerRectification(
  db: Db,
  actor: Actor,
  id: number,
  answer: string,
  now: Date,
): Promise<Rectification> {
  return db.transaction(async (tx) => {
    const { org } = await loadRectification(tx, actor, id, 'rectification.answer');
    const [r] = await tx
      .update(rectifications)
      .set({ status: 'answered', answer, answeredBy: actor.userId, answeredAt: now })
      .where(eq(rectifications.id, id))
      .returning();
    return presentRectification(r!, org.name, todayInChina(now));
  });
}

/** The supervisor closes (销号) an item once the branch has answered it. */
export async function closeRectification(
  db: Db,
  actor: Actor,
  id: number,
  now: Date,
): Promise<Rectification> {
  return db.transaction(async (tx) => {
    const { r: current, org } = await loadRectification(tx, actor, id, 'inspection.manage');
    if (current.status !== 'answered')
      throw ruleBroken('rectification_unanswered', 'errors.inspection.notAnswered');
    const [r] = await tx
      .update(rectifications)
      .set({ status: 'closed', closedBy: actor.userId, closedAt: now })
      .where(eq(rectifications.id, id))
      .returning();
    return presentRectification(r!, org.name, todayInChina(now));
  });
}

/** Members of an activity picked at random for a telephone spot check: did they really take part? */
export async function spotCheck(db: Db, actor: Actor, activityId: number, count: number): Promise<SpotCheck> {
  const { org } = await loadActivity(db, actor, activityId, 'activity.read');
  authorize(actor, 'inspection.manage', org.path);
  const list = await attendanceList(db, actor, activityId);
  const ids = list.members.map((m) => m.memberId);
  const phones = new Map(
    ids.length
      ? (
          await db
            .select({ id: members.id, phone: members.phone })
            .from(members)
            .where(inArray(members.id, ids))
        ).map((m) => [m.id, m.phone])
      : [],
  );

  // Those recorded as present, who can be called: the call asks whether they really were there.
  // A uniform shuffle so no one is always skipped.
  const pool = list.members.filter((m) => m.status === 'present' && phones.get(m.memberId));
  for (let i = pool.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return {
    activityId,
    picks: pool.slice(0, count).map((m) => ({
      memberId: m.memberId,
      name: m.name,
      phone: phones.get(m.memberId) ?? null,
      status: m.status,
    })),
  };
}
