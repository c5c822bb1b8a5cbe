import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import { chinaDate, monthRange } from '../../../common/dates';
import type {
  BranchChecklist,
  Checklist,
  ChecklistInput,
  ChecklistScoreInput,
  SelfAssessmentInput,
} from '../../../common/schemas/checklist';
import type { Actor } from '../../access/actor';
import { loadOrg } from '../../access/load-org';
import { pathIds } from '../../access/org-path';
import { authorize, can } from '../../access/policy';
import type { Config } from '../../config';
import { keepsOwnFixedDayAt } from '../../core/fixed-day/fixed-day-org';
import type { Db, DbOrTx } from '../../db/open';
import { activities, checklistAnswers, checklistItems, orgs } from '../../db/schema/index';
import { invalidField, notFound, ruleBroken } from '../../errors';
import { branchValues } from '../ranking/index';

type OrgRef = { id: number; path: string; name: string };

/** The checklist in force for an org's year: its own, else the nearest one set above it. */
async function checklistFor(tx: DbOrTx, org: OrgRef, year: number): Promise<Checklist> {
  const rows = await tx
    .select({ item: checklistItems, ownerName: orgs.name, ownerPath: orgs.path })
    .from(checklistItems)
    .innerJoin(orgs, eq(orgs.id, checklistItems.orgId))
    .where(
      and(
        inArray(checklistItems.orgId, pathIds(org.path)),
        eq(checklistItems.year, year),
        eq(checklistItems.retired, false),
      ),
    )
    .orderBy(asc(checklistItems.position));
  const nearest = rows.reduce<string | null>(
    (best, r) => (best === null || r.ownerPath.length > best.length ? r.ownerPath : best),
    null,
  );
  const mine = rows.filter((r) => r.ownerPath === nearest);
  return {
    ownerOrgId: mine[0]?.item.orgId ?? null,
    ownerOrgName: mine[0]?.ownerName ?? null,
    year,
    items: mine.map(({ item }) => ({ id: item.id, title: item.title, weight: item.weight, auto: item.auto })),
  };
}

export async function getChecklist(db: Db, actor: Actor, orgId: number, year: number): Promise<Checklist> {
  const org = await loadOrg(db, actor, orgId);
  return checklistFor(db, org, year);
}

/**
 * A supervisor sets the year's items and weights. Items kept by id keep their answers; an item
 * dropped after branches answered it is retired rather than deleted, so no answer is lost.
 */
export async function saveChecklist(
  db: Db,
  actor: Actor,
  orgId: number,
  year: number,
  input: ChecklistInput,
): Promise<Checklist> {
  return db.transaction(async (tx) => {
    const org = await loadOrg(tx, actor, orgId, true);
    authorize(actor, 'assessment.manage', org.path);
    const existing = await tx
      .select({ id: checklistItems.id })
      .from(checklistItems)
      .where(
        and(
          eq(checklistItems.orgId, orgId),
          eq(checklistItems.year, year),
          eq(checklistItems.retired, false),
        ),
      );
    const existingIds = new Set(existing.map((e) => e.id));
    input.items.forEach((item, i) => {
      if (item.id !== undefined && !existingIds.has(item.id))
        throw invalidField(`items.${i}.id`, 'errors.notFound');
    });
    const kept = new Set(input.items.flatMap((i) => (i.id === undefined ? [] : [i.id])));
    const dropped = [...existingIds].filter((id) => !kept.has(id));
    if (dropped.length) {
      const answered = new Set(
        (
          await tx
            .selectDistinct({ id: checklistAnswers.itemId })
            .from(checklistAnswers)
            .where(inArray(checklistAnswers.itemId, dropped))
        ).map((a) => a.id),
      );
      const retire = dropped.filter((id) => answered.has(id));
      const remove = dropped.filter((id) => !answered.has(id));
      if (retire.length)
        await tx.update(checklistItems).set({ retired: true }).where(inArray(checklistItems.id, retire));
      if (remove.length) await tx.delete(checklistItems).where(inArray(checklistItems.id, remove));
    }
    for (const [position, item] of input.items.entries()) {
      const values = { title: item.title, weight: item.weight, auto: item.auto ?? null, position };
      if (item.id === undefined) await tx.insert(checklistItems).values({ orgId, year, ...values });
      else await tx.update(checklistItems).set(values).where(eq(checklistItems.id, item.id));
    }
    return checklistFor(tx, org, year);
  });
}

async function loadBranch(tx: DbOrTx, actor: Actor, orgId: number) {
  const org = await loadOrg(tx, actor, orgId);
  if (!(await keepsOwnFixedDayAt(tx, org)))
    throw ruleBroken('checklist_not_branch', 'errors.checklist.notBranch', {}, 'orgId');
  return org;
}

/** The fixed-day item scores itself: held, on the fixed day and planned, over the year's months. */
async function fixedDayScore(
  tx: DbOrTx,
  config: Config,
  org: OrgRef,
  year: number,
  now: Date,
): Promise<number | null> {
  const [branch] = await branchValues(
    tx,
    org.path,
    { from: `${year}-01-01`, to: `${year}-12-31` },
    config.minActivityHours,
    now,
  );
  if (!branch) return null;
  const parts = [branch.values.held, branch.values.on_time, branch.values.plan].filter(
    (v): v is number => v !== null,
  );
  return parts.length ? Math.round((parts.reduce((a, b) => a + b, 0) / parts.length) * 10_000) / 100 : null;
}

export async function branchChecklist(
  db: DbOrTx,
  config: Config,
  actor: Actor,
  orgId: number,
  year: number,
  now: Date,
): Promise<BranchChecklist> {
  const org = await loadBranch(db, actor, orgId);
  const checklist = await checklistFor(db, org, year);
  const answers = checklist.items.length
    ? await db
        .select()
        .from(checklistAnswers)
        .where(
          and(
            eq(checklistAnswers.orgId, orgId),
            inArray(
              checklistAnswers.itemId,
              checklist.items.map((i) => i.id),
            ),
          ),
        )
    : [];
  const evidenceIds = [...new Set(answers.flatMap((a) => a.evidence))];
  const evidence = evidenceIds.length
    ? await db
        .select({ id: activities.id, title: activities.title, startsAt: activities.startsAt })
        .from(activities)
        .where(inArray(activities.id, evidenceIds))
    : [];
  const auto = checklist.items.some((i) => i.auto === 'fixed_day')
    ? await fixedDayScore(db, config, org, year, now)
    : null;
  const rows = checklist.items.map((item) => {
    const a = answers.find((x) => x.itemId === item.id);
    return {
      item,
      selfScore: item.auto ? auto : (a?.selfScore ?? null),
      selfNote: a?.selfNote ?? null,
      evidence: (a?.evidence ?? []).flatMap((id) => {
        const e = evidence.find((x) => x.id === id);
        return e ? [{ activityId: e.id, title: e.title, date: chinaDate(e.startsAt) }] : [];
      }),
      score: item.auto ? auto : (a?.score ?? null),
      scoreNote: a?.scoreNote ?? null,
    };
  });
  const total = rows.reduce((s, r) => s + (r.score === null ? 0 : (r.score * r.item.weight) / 100), 0);
  return {
    orgId: org.id,
    orgName: org.name,
    year,
    ownerOrgName: checklist.ownerOrgName,
    answers: rows,
    total: Math.round(total * 100) / 100,
    // Self-assessment is the branch's own: its secretary answers, the supervisor scores.
    canAssess: actor.bindings.some((b) => b.role === 'secretary' && org.path.startsWith(b.orgPath)),
    canScore: can(actor, 'assessment.manage', org.path),
  };
}

async function answerable(tx: DbOrTx, org: OrgRef, year: number, itemId: number) {
  const checklist = await checklistFor(tx, org, year);
  if (!checklist.items.length) throw ruleBroken('checklist_none', 'errors.checklist.none');
  const item = checklist.items.find((i) => i.id === itemId);
  if (!item) throw notFound();
  if (item.auto) throw ruleBroken('checklist_auto', 'errors.checklist.autoItem');
  return item;
}

/** The branch scores itself on an item and links the activities that prove it. */
export async function saveSelfAssessment(
  db: Db,
  config: Config,
  actor: Actor,
  orgId: number,
  year: number,
  itemId: number,
  input: SelfAssessmentInput,
  now: Date,
): Promise<BranchChecklist> {
  return db.transaction(async (tx) => {
    const org = await loadBranch(tx, actor, orgId);
    authorize(actor, 'assessment.self', org.path);
    await answerable(tx, org, year, itemId);
    const ids = [...new Set(input.evidenceActivityIds ?? [])];
    if (ids.length) {
      const found = await tx
        .select({ id: activities.id })
        .from(activities)
        .where(
          and(
            inArray(activities.id, ids),
            eq(activities.orgId, orgId),
            gte(activities.startsAt, monthRange(year, 1).from),
            lt(activities.startsAt, monthRange(year, 12).to),
          ),
        );
      if (found.length !== ids.length)
        throw invalidField('evidenceActivityIds', 'errors.checklist.evidenceElsewhere');
    }
    const values = {
      selfScore: input.selfScore,
      selfNote: input.selfNote ?? null,
      evidence: ids,
      updatedAt: now,
    };
    await tx
      .insert(checklistAnswers)
      .values({ itemId, orgId, ...values })
      .onConflictDoUpdate({ target: [checklistAnswers.itemId, checklistAnswers.orgId], set: values });
    return branchChecklist(tx, config, actor, orgId, year, now);
  });
}

/** The supervisor's score of a branch on an item. */
export async function saveChecklistScore(
  db: Db,
  config: Config,
  actor: Actor,
  orgId: number,
  year: number,
  itemId: number,
  input: ChecklistScoreInput,
  now: Date,
): Promise<BranchChecklist> {
  return db.transaction(async (tx) => {
    const org = await loadBranch(tx, actor, orgId);
    authorize(actor, 'assessment.manage', org.path);
    await answerable(tx, org, year, itemId);
    const values = { score: input.score, scoreNote: input.scoreNote ?? null, updatedAt: now };
    await tx
      .insert(checklistAnswers)
      .values({ itemId, orgId, ...values })
      .onConflictDoUpdate({ target: [checklistAnswers.itemId, checklistAnswers.orgId], set: values });
    return branchChecklist(tx, config, actor, orgId, year, now);
  });
}
