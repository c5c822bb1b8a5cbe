import { and, asc, eq, inArray } from 'drizzle-orm';
import { chinaDate } from '../../../common/dates';
import type {
  PlanEntry,
  PlanEntryInput,
  Recommendation,
  RecommendationInput,
} from '../../../common/schemas/plan';
import type { Actor } from '../../access/actor';
import { loadOrg } from '../../access/load-org';
import { pathIds } from '../../access/org-path';
import { authorize } from '../../access/policy';
import { loadBranch } from '../../core/fixed-day/fixed-day-org';
import { fixedDaysOfYear } from '../../core/fixed-day/fixed-days';
import { addDays } from '../../core/fixed-day/holidays';
import { foreignKeyViolation } from '../../db/errors';
import type { Db, DbOrTx } from '../../db/open';
import { orgs, planEntries, themeRecommendations } from '../../db/schema/index';
import { AppError, notFound, ruleBroken } from '../../errors';
import { usableVenue } from '../venues/index';

type PlanRow = typeof planEntries.$inferSelect;

export const presentPlan = (p: PlanRow): PlanEntry => ({
  id: p.id,
  orgId: p.orgId,
  year: p.year,
  month: p.month,
  theme: p.theme,
  title: p.title,
  kinds: p.kinds,
  venueId: p.venueId,
  recommendationId: p.recommendationId,
  late: p.late,
  updatedAt: p.updatedAt.toISOString(),
});

/** Days before the fixed day by which the month's plan should exist (seed: "one month, one plan"). */
export const PLAN_LEAD_DAYS = 5;

export async function listPlans(db: Db, actor: Actor, orgId: number, year: number): Promise<PlanEntry[]> {
  await loadBranch(db, actor, orgId, 'activity.read');
  const rows = await db
    .select()
    .from(planEntries)
    .where(and(eq(planEntries.orgId, orgId), eq(planEntries.year, year)))
    .orderBy(asc(planEntries.month));
  return rows.map(presentPlan);
}

/** Writes the month's plan. A plan written late is flagged, never refused. */
export async function savePlan(
  db: Db,
  actor: Actor,
  orgId: number,
  year: number,
  month: number,
  input: PlanEntryInput,
  now: Date,
  recommendationId: number | null = null,
): Promise<PlanEntry> {
  return db.transaction(async (tx) => {
    const org = await loadBranch(tx, actor, orgId, 'activity.manage');
    await usableVenue(tx, org.path, input.venueId);
    const fixedDate = fixedDaysOfYear(org.fixedDay, year)[month - 1]!.fixedDate;
    const late = chinaDate(now) > addDays(fixedDate, -PLAN_LEAD_DAYS);
    const values = {
      theme: input.theme,
      title: input.title,
      kinds: input.kinds,
      venueId: input.venueId ?? null,
      recommendationId,
      updatedAt: now,
    };
    const [row] = await tx
      .insert(planEntries)
      .values({ orgId, year, month, ...values, late })
      // Lateness is a fact about when the plan was first made; editing it later does not change it.
      .onConflictDoUpdate({ target: [planEntries.orgId, planEntries.year, planEntries.month], set: values })
      .returning();
    return presentPlan(row!);
  });
}

export async function deletePlan(
  db: Db,
  actor: Actor,
  orgId: number,
  year: number,
  month: number,
): Promise<void> {
  await loadBranch(db, actor, orgId, 'activity.manage');
  const deleted = await db
    .delete(planEntries)
    .where(and(eq(planEntries.orgId, orgId), eq(planEntries.year, year), eq(planEntries.month, month)))
    .returning({ id: planEntries.id })
    .catch((e: unknown) => {
      // The month's activity was held to this plan: the plan stays in its record; change it instead.
      if (foreignKeyViolation(e)) throw ruleBroken('plan_in_use', 'errors.plan.inUse');
      throw e;
    });
  if (!deleted.length) throw notFound();
}

type RecommendationRow = typeof themeRecommendations.$inferSelect & { orgName: string };
const presentRecommendation = (r: RecommendationRow): Recommendation => ({
  id: r.id,
  orgId: r.orgId,
  orgName: r.orgName,
  year: r.year,
  month: r.month,
  theme: r.theme,
  title: r.title,
  kinds: r.kinds,
  note: r.note,
});

const recommendationColumns = {
  id: themeRecommendations.id,
  orgId: themeRecommendations.orgId,
  year: themeRecommendations.year,
  month: themeRecommendations.month,
  theme: themeRecommendations.theme,
  title: themeRecommendations.title,
  kinds: themeRecommendations.kinds,
  note: themeRecommendations.note,
  createdBy: themeRecommendations.createdBy,
  createdAt: themeRecommendations.createdAt,
  orgName: orgs.name,
};

/** Themes recommended to this org for a year: by the org itself and by every org above it. */
export async function listRecommendations(
  db: Db,
  actor: Actor,
  orgId: number,
  year: number,
): Promise<Recommendation[]> {
  const org = await loadOrg(db, actor, orgId);
  authorize(actor, 'activity.read', org.path);
  const rows = await db
    .select(recommendationColumns)
    .from(themeRecommendations)
    .innerJoin(orgs, eq(orgs.id, themeRecommendations.orgId))
    .where(and(inArray(themeRecommendations.orgId, pathIds(org.path)), eq(themeRecommendations.year, year)))
    .orderBy(asc(themeRecommendations.month), asc(themeRecommendations.id));
  return rows.map(presentRecommendation);
}

export async function publishRecommendation(
  db: Db,
  actor: Actor,
  orgId: number,
  input: RecommendationInput,
): Promise<Recommendation> {
  const org = await loadOrg(db, actor, orgId);
  authorize(actor, 'theme.publish', org.path);
  if (org.level !== 'committee') throw ruleBroken('theme_only_committee', 'errors.theme.onlyCommittee');
  const [row] = await db
    .insert(themeRecommendations)
    .values({
      orgId,
      year: input.year,
      month: input.month,
      theme: input.theme,
      title: input.title,
      kinds: input.kinds,
      note: input.note ?? null,
      createdBy: actor.userId,
    })
    .returning();
  return presentRecommendation({ ...row!, orgName: org.name });
}

export async function deleteRecommendation(db: Db, actor: Actor, id: number): Promise<void> {
  const [row] = await db
    .select({ path: orgs.path })
    .from(themeRecommendations)
    .innerJoin(orgs, eq(orgs.id, themeRecommendations.orgId))
    .where(eq(themeRecommendations.id, id));
  if (!row) throw notFound();
  authorize(actor, 'theme.publish', row.path);
  await db.update(planEntries).set({ recommendationId: null }).where(eq(planEntries.recommendationId, id));
  await db.delete(themeRecommendations).where(eq(themeRecommendations.id, id));
}

/** "Adopt in one click": the month's plan becomes the recommendation; the secretary may edit it after. */
export async function adoptRecommendation(
  db: Db,
  actor: Actor,
  orgId: number,
  year: number,
  month: number,
  recommendationId: number,
  now: Date,
) {
  const available = await listRecommendations(db, actor, orgId, year);
  const rec = available.find((r) => r.id === recommendationId);
  if (!rec) throw new AppError(404, 'not_found', 'errors.notFound', {}, 'recommendationId');
  return savePlan(
    db,
    actor,
    orgId,
    year,
    month,
    { theme: rec.theme, title: rec.title, kinds: rec.kinds, venueId: null },
    now,
    rec.id,
  );
}

export async function plansOfYear(tx: DbOrTx, orgId: number, year: number) {
  return tx
    .select()
    .from(planEntries)
    .where(and(eq(planEntries.orgId, orgId), eq(planEntries.year, year)));
}
