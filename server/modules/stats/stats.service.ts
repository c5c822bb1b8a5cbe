import { sql } from 'drizzle-orm';
import { todayInChina } from '../../../common/dates';
import type { Exemption, OrgLevel } from '../../../common/enums';
import type { FixedDaySetting } from '../../../common/fixed-day';
import type { OrgStats, Period, StatsActivity, StatsOrg } from '../../../common/schemas/stats';
import type { Actor } from '../../access/actor';
import { loadOrg } from '../../access/load-org';
import { pathIds } from '../../access/org-path';
import { authorize, canSee } from '../../access/policy';
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
} from './figures';
import { fixedDateOf, monthsOf, yearMasks } from './period';

export type SubtreeOrg = {
  id: number;
  parent_id: number | null;
  path: string;
  name: string;
  level: OrgLevel;
  fixed_day: FixedDaySetting | null;
  exemptions: Exemption[];
  children: number;
};

export async function subtreeOrgs(tx: DbOrTx, path: string): Promise<SubtreeOrg[]> {
  const { rows } = await tx.execute<SubtreeOrg>(sql`
    SELECT o.id, o.parent_id, o.path, o.name, o.level, o.fixed_day, o.exemptions,
      (SELECT count(*)::int FROM orgs c WHERE c.parent_id = o.id) AS children
    FROM orgs o WHERE o.path LIKE ${`${path}%`} ORDER BY o.path`);
  return rows;
}

/** The orgs that keep a fixed day of their own: those with a rule and nothing below them. */
export const keepsFixedDay = (o: SubtreeOrg) => o.fixed_day !== null && o.children === 0;

/** Activities of a subtree in a period that have begun by `now`. */
export async function heldActivities(
  tx: DbOrTx,
  path: string,
  period: Period,
  now: Date,
): Promise<ActivityFacts[]> {
  const { rows } = await tx.execute<ActivityFacts>(sql`
    SELECT s.activity_id AS id, s.org_id, to_char(s.day, 'YYYY-MM-DD') AS day, s.type, s.theme,
      s.has_plan, s.has_minutes, s.photos, s.members, s.present + coalesce(p.present, 0) AS present,
      s.leave + coalesce(p.leave, 0) AS leave, s.masses, s.duration_min, s.short_reason
    FROM activity_stats s JOIN orgs o ON o.id = s.org_id
    -- Check-ins not folded in yet: few, and exact.
    LEFT JOIN (SELECT activity_id, sum(present)::int AS present, sum(leave)::int AS leave
               FROM activity_stats_pending GROUP BY activity_id) p ON p.activity_id = s.activity_id
    WHERE o.path LIKE ${`${path}%`} AND NOT s.cancelled AND s.starts_at <= ${now.toISOString()}::timestamptz
      AND s.day BETWEEN ${period.from}::date AND ${period.to}::date`);
  return rows;
}

/** Month keys (`orgId|YYYY-MM`) that have a plan entry, for the orgs of a subtree. */
export async function plannedMonths(tx: DbOrTx, path: string, period: Period): Promise<Set<string>> {
  const { rows } = await tx.execute<{ k: string }>(sql`
    SELECT p.org_id || '|' || p.year || '-' || lpad(p.month::text, 2, '0') AS k
    FROM plan_entries p JOIN orgs o ON o.id = p.org_id
    WHERE o.path LIKE ${`${path}%`}
      AND p.year * 100 + p.month BETWEEN ${Number(period.from.slice(0, 4)) * 100 + Number(period.from.slice(5, 7))}
                                   AND ${Number(period.to.slice(0, 4)) * 100 + Number(period.to.slice(5, 7))}`);
  return new Set(rows.map((r) => r.k));
}

export type BranchMonth = {
  orgId: number;
  month: string;
  fixedDate: string;
  held: boolean;
  onFixedDay: boolean;
  withPlan: boolean;
};

/**
 * Each month of a branch whose fixed day fell inside the period and has come: was the themed
 * party day held that month, on the fixed day itself, and with the month's plan written?
 */
export function branchMonths(
  branch: SubtreeOrg,
  period: Period,
  partyDays: Map<number, string[]>,
  plans: Set<string>,
  today: string,
): BranchMonth[] {
  const days = partyDays.get(branch.id) ?? [];
  return monthsOf(period.from, period.to).flatMap((month) => {
    const fixedDate = fixedDateOf(branch.fixed_day!, month);
    if (fixedDate < period.from || fixedDate > period.to || fixedDate > today) return [];
    const inMonth = days.filter((d) => d.startsWith(month));
    const held = inMonth.length > 0;
    return [
      {
        orgId: branch.id,
        month,
        fixedDate,
        held,
        onFixedDay: inMonth.includes(fixedDate),
        withPlan: held && plans.has(`${branch.id}|${month}`),
      },
    ];
  });
}

export function partyDaysByOrg(acts: ActivityFacts[]): Map<number, string[]> {
  const byOrg = new Map<number, string[]>();
  for (const a of acts) {
    if (a.type !== 'themed_party_day') continue;
    const list = byOrg.get(a.org_id) ?? [];
    list.push(a.day);
    byOrg.set(a.org_id, list);
  }
  return byOrg;
}

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
          WHERE o.path LIKE ${`${path}%`} AND (${yearTests})) x
    GROUP BY GROUPING SETS ((bucket), ())`);
  const masses = await tx.execute<{ bucket: string | null; total: number; n: number }>(sql`
    SELECT bucket, grouping(bucket)::int AS total, count(DISTINCT person)::int AS n
    FROM (SELECT split_part(o.path, '/', ${depth + 2}) AS bucket,
            a.org_id || '|' || coalesce(g.phone_hmac, g.name) AS person
          FROM guests g JOIN activity_stats a ON a.activity_id = g.activity_id JOIN orgs o ON o.id = a.org_id
          WHERE o.path LIKE ${`${path}%`} AND NOT a.cancelled AND a.starts_at <= ${now.toISOString()}::timestamptz
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
    WHERE o.path LIKE ${`${path}%`} AND r.status <> 'closed'
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
    if (!keepsFixedDay(o)) continue;
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
    branch.fixed_day ? acts.map((a) => fixedDateOf(branch.fixed_day!, a.day.slice(0, 7))) : [],
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
