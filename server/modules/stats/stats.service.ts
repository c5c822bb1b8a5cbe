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
import { fixedDateOf, monthsOf, yearMasks } from '../../core/fixed-day/period';
import type { DbOrTx } from '../../db/open';
import { sideBySide } from '../../db/side-by-side';
import {
  type ActivityFacts,
  addActivity,
  addCompliance,
  emptyFigures,
  expectedOf,
  type FiguresAcc,
  finish,
  ledgerComplete,
} from '../../read-model/figures';
import {
  branchMonths,
  heldActivities,
  partyDaysByOrg,
  plannedMonths,
  type SubtreeOrg,
  subtreeOrgs,
} from '../../read-model/subtree';

/** Distinct members and residents who took part, per child bucket and for the whole subtree. */
async function distinctPeople(tx: DbOrTx, path: string, depth: number, period: Period, now: Date) {
  const masks = yearMasks(period.from, period.to);
  const zero = '0'.repeat(366);
  const yearTests = sql.join(
    masks.map((m) => sql`(m.year = ${m.year} AND (m.days & ${m.mask}::bit(366)) <> ${zero}::bit(366))`),
    sql` OR `,
  );
  const people = await tx.execute<{ bucket: string | null; total: number; n: number }>(sql`
    SELECT bucket, grouping(bucket)::int AS total, count(DISTINCT person)::int AS n
    FROM (SELECT split_part(o.path, '/', ${depth + 2}) AS bucket, m.member_id AS person
          FROM member_attendance_years m JOIN orgs o ON o.id = m.org_id
          WHERE ${inSubtree(sql`o.path`, path)} AND (${yearTests})) x
    GROUP BY GROUPING SETS ((bucket), ())`);
  const masses = await tx.execute<{ bucket: string | null; total: number; n: number }>(sql`
    SELECT bucket, grouping(bucket)::int AS total, count(DISTINCT person)::int AS n
    FROM (SELECT split_part(o.path, '/', ${depth + 2}) AS bucket,
            a.org_id || '|' || coalesce(g.phone_hmac, g.name) AS person
          FROM guests g JOIN activity_stats a ON a.activity_id = g.activity_id JOIN orgs o ON o.id = a.org_id
          WHERE ${inSubtree(sql`o.path`, path)} AND NOT a.cancelled AND a.starts_at <= ${now.toISOString()}::timestamptz
            AND a.day BETWEEN ${period.from}::date AND ${period.to}::date) x
    GROUP BY GROUPING SETS ((bucket), ())`);
  const index = (rows: { bucket: string | null; total: number; n: number }[]) =>
    new Map(rows.map((r) => [r.total ? 'all' : r.bucket || 'self', r.n]));
  return { members: index(people.rows), masses: index(masses.rows) };
}

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
  const [orgs, acts, plans, people, rects] = await sideBySide(db, [
    () => subtreeOrgs(db, org.path),
    () => heldActivities(db, org.path, period, now),
    () => plannedMonths(db, org.path, period),
    () => distinctPeople(db, org.path, depth, period, now),
    () => openRectifications(db, org.path, depth, today),
  ] as const);
  const self = orgs.find((o) => o.id === org.id)!;
  const children = orgs.filter((o) => o.parent_id === org.id);
  const byId = new Map(orgs.map((o) => [o.id, o]));
  // Which child's row a descendant adds to: the path component right below the org.
  const bucketOf = (o: SubtreeOrg) => pathIds(o.path)[depth] ?? null;

  const total = emptyFigures();
  const perChild = new Map<number, FiguresAcc>(children.map((c) => [c.id, emptyFigures()]));
  const branchCount = new Map<number, number>();
  const targets = (o: SubtreeOrg): FiguresAcc[] => {
    const b = bucketOf(o);
    const child = b === null ? undefined : perChild.get(b);
    return child ? [total, child] : [total];
  };

  const trend = new Map(
    monthsOf(period.from, period.to).map((month) => [
      month,
      { month, activities: 0, memberTimes: 0, massesTimes: 0, due: 0, held: 0 },
    ]),
  );
  for (const a of acts) {
    for (const f of targets(byId.get(a.org_id)!)) addActivity(f, a);
    const point = trend.get(a.day.slice(0, 7));
    if (point) {
      point.activities++;
      point.memberTimes += a.present;
      point.massesTimes += a.masses;
    }
  }

  const partyDays = partyDaysByOrg(acts);
  for (const o of orgs) {
    if (!keepsOwnFixedDay(o)) continue;
    const b = bucketOf(o);
    if (b !== null) branchCount.set(b, (branchCount.get(b) ?? 0) + 1);
    if (o.exemptions.includes('fixed_day')) {
      for (const f of targets(o)) f.compliance.exemptBranches++;
      continue;
    }
    for (const m of branchMonths(o, period, partyDays, plans, today)) {
      for (const f of targets(o)) addCompliance(f, m);
      const point = trend.get(m.month);
      if (point) {
        point.due++;
        if (m.held) point.held++;
      }
    }
  }

  for (const r of rects) {
    const child = perChild.get(Number(r.bucket));
    for (const f of child ? [total, child] : [total]) {
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
    activities: children.length === 0 ? await branchActivities(db, acts, self) : [],
  };
}

/** The breadcrumb: the org and those above it that the actor may see. */
async function visibleAncestors(tx: DbOrTx, actor: Actor, path: string) {
  const { rows } = await tx.execute<{ id: number; name: string; path: string }>(sql`
    SELECT id, name, path FROM orgs WHERE id = ANY(${sql.param(pathIds(path))}::int[]) ORDER BY length(path)`);
  return rows.filter((o) => canSee(actor, o.path)).map(({ id, name }) => ({ id, name }));
}

async function branchActivities(
  tx: DbOrTx,
  acts: ActivityFacts[],
  branch: SubtreeOrg,
): Promise<StatsActivity[]> {
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
      expected: expectedOf(a),
      leave: a.leave,
      masses: a.masses,
      onFixedDay: a.type === 'themed_party_day' && fixedDates.has(a.day),
      complete: ledgerComplete(a),
    }));
}
