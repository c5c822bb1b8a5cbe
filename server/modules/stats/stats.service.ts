import { sql } from 'drizzle-orm';
import { todayInChina } from '../../../common/dates';
import type { OrgLevel } from '../../../common/enums';
import type { OrgStats, Period, StatsActivity, StatsOrg } from '../../../common/schemas/stats';
import type { Actor } from '../../access/actor';
import { loadOrg } from '../../access/load-org';
import { pathIds } from '../../access/org-path';
import { authorize, canSee } from '../../access/policy';
import { inSubtree } from '../../access/scope-sql';
import { keepsOwnFixedDay } from '../../core/fixed-day/fixed-day-org';
import { fixedDateOf, monthsOf } from '../../core/fixed-day/period';
import type { DbOrTx } from '../../db/open';
import { sideBySide } from '../../db/side-by-side';
import { addCompliance, addSums, emptyFigures, type FiguresAcc, finish } from '../../read-model/figures';
import { distinctPeople } from '../../read-model/people';
import { compliance, figuresByBucket, type Scope } from '../../read-model/period-figures';
import { dueMonths, heldActivities, type SubtreeOrg, subtreeOrgs } from '../../read-model/subtree';

async function openRectifications(tx: DbOrTx, path: string, depth: number, today: string) {
  const { rows } = await tx.execute<{ bucket: string; open: number; overdue: number }>(sql`
    SELECT split_part(o.path, '/', ${depth + 2}) AS bucket,
      count(*)::int AS open, count(*) FILTER (WHERE r.due_date < ${today}::date)::int AS overdue
    FROM rectifications r JOIN orgs o ON o.id = r.org_id
    WHERE ${inSubtree(sql`o.path`, path)} AND r.status <> 'closed'
    GROUP BY 1`);
  return rows;
}

const statsOrg = (o: SubtreeOrg): StatsOrg => ({
  id: o.id,
  name: o.name,
  level: o.level,
  exemptions: o.exemptions,
});

/**
 * The dashboard's figures for an org's subtree over a period, with one row per child org. It
 * reads the kept aggregates (`activity_stats`, `member_attendance_years`), never attendance.
 */
export async function getStats(
  db: DbOrTx,
  actor: Actor,
  orgId: number,
  period: Period,
  now: Date,
): Promise<OrgStats> {
  const org = await loadOrg(db, actor, orgId);
  authorize(actor, 'stats.read', org.path);
  const today = todayInChina(now);
  const depth = pathIds(org.path).length;
  const scope = { path: org.path, period, now, today };
  const orgs = await subtreeOrgs(db, org.path);
  const self = orgs.find((o) => o.id === org.id)!;
  const children = orgs.filter((o) => o.parent_id === org.id);
  // Which child's row a descendant adds to: the path component right below the org.
  const bucketOf = (o: SubtreeOrg) => pathIds(o.path)[depth] ?? null;
  const due = orgs.flatMap((o) =>
    keepsOwnFixedDay(o) && !o.exemptions.includes('fixed_day') ? dueMonths(o, period, today) : [],
  );
  const [sums, judged, people, rects] = await sideBySide(db, [
    () => figuresByBucket(db, scope, depth),
    () => compliance(db, scope, due, { by: 'bucket', depth }),
    () =>
      distinctPeople(
        db,
        org,
        children.map((c) => c.id),
        depth,
        period,
      ),
    () => openRectifications(db, org.path, depth, today),
  ] as const);

  const total = emptyFigures();
  const perChild = new Map<number, FiguresAcc>(children.map((c) => [c.id, emptyFigures()]));
  const branchCount = new Map<number, number>();
  const targets = (bucket: string): FiguresAcc[] => {
    const child = bucket ? perChild.get(Number(bucket)) : undefined;
    return child ? [total, child] : [total];
  };

  const trend = new Map(
    monthsOf(period.from, period.to).map((month) => [
      month,
      { month, activities: 0, memberTimes: 0, massesTimes: 0, due: 0, held: 0 },
    ]),
  );
  for (const g of sums) {
    for (const f of targets(g.bucket)) addSums(f, g);
    const point = trend.get(g.month);
    if (point) {
      point.activities += g.activities;
      point.memberTimes += g.present;
      point.massesTimes += g.masses;
    }
  }
  for (const c of judged) {
    for (const f of targets(c.key)) addCompliance(f, c);
    const point = trend.get(c.month);
    if (point) {
      point.due += c.due;
      point.held += c.held;
    }
  }
  for (const o of orgs) {
    if (!keepsOwnFixedDay(o)) continue;
    const b = bucketOf(o);
    if (b !== null) branchCount.set(b, (branchCount.get(b) ?? 0) + 1);
    if (o.exemptions.includes('fixed_day'))
      for (const f of targets(String(b ?? ''))) f.compliance.exemptBranches++;
  }

  for (const r of rects) {
    for (const f of targets(r.bucket)) {
      f.openRectifications += r.open;
      f.overdueRectifications += r.overdue;
    }
  }
  total.memberPeople = people.members.get('all') ?? 0;
  total.massesPeople = people.masses.get('all') ?? 0;
  for (const [id, f] of perChild) {
    f.memberPeople = people.members.get(String(id)) ?? 0;
    f.massesPeople = people.masses.get(String(id)) ?? 0;
  }

  const levelCount = (level: OrgLevel) => orgs.filter((o) => o.level === level).length;
  return {
    org: statsOrg(self),
    path: await visibleAncestors(db, actor, org.path),
    period,
    orgCounts: {
      committees: levelCount('committee'),
      generalBranches: levelCount('general_branch'),
      branches: levelCount('branch'),
    },
    figures: finish(total),
    trend: [...trend.values()],
    children: children.map((c) => ({
      org: statsOrg(c),
      branches: branchCount.get(c.id) ?? 0,
      figures: finish(perChild.get(c.id)!),
    })),
    activities: children.length === 0 ? await branchActivities(db, scope, self) : [],
  };
}

/** The breadcrumb: the org and those above it that the actor may see. */
async function visibleAncestors(tx: DbOrTx, actor: Actor, path: string) {
  const { rows } = await tx.execute<{ id: number; name: string; path: string }>(sql`
    SELECT id, name, path FROM orgs WHERE id = ANY(${sql.param(pathIds(path))}::int[]) ORDER BY length(path)`);
  return rows.filter((o) => canSee(actor, o.path)).map(({ id, name }) => ({ id, name }));
}

async function branchActivities(tx: DbOrTx, scope: Scope, branch: SubtreeOrg): Promise<StatsActivity[]> {
  const acts = await heldActivities(tx, branch.path, scope.period, scope.now);
  if (!acts.length) return [];
  const { rows } = await tx.execute<{ id: number; title: string }>(sql`
    SELECT id, title FROM activities WHERE id = ANY(${sql.param(acts.map((a) => a.id))}::int[])`);
  const titles = new Map(rows.map((r) => [r.id, r.title]));
  const fixedDates = new Set(
    branch.fixedDay ? acts.map((a) => fixedDateOf(branch.fixedDay!, a.day.slice(0, 7))) : [],
  );
  return acts
    .sort((a, b) => a.day.localeCompare(b.day) || a.id - b.id)
    .map((a) => ({
      id: a.id,
      date: a.day,
      type: a.type,
      theme: a.theme,
      title: titles.get(a.id) ?? '',
      present: a.present,
      expected: a.expected,
      leave: a.leave,
      masses: a.masses,
      onFixedDay: a.type === 'themed_party_day' && fixedDates.has(a.day),
      complete: a.complete,
    }));
}
