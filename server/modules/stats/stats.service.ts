import { sql } from 'drizzle-orm';
import { todayInChina } from '../../../common/dates';
import type { OrgStats, Period, StatsActivity, StatsOrg } from '../../../common/schemas/stats';
import type { Actor } from '../../access/actor';
import { loadOrg } from '../../access/load-org';
import { pathIds } from '../../access/org-path';
import { authorize, canSee } from '../../access/policy';
import { inSubtree } from '../../access/scope-sql';
import { keepsOwnFixedDay } from '../../core/fixed-day/fixed-day-org';
import { fixedDateOf, monthsOf } from '../../core/fixed-day/period';
import { oneTrip } from '../../db/one-trip';
import type { DbOrTx } from '../../db/open';
import { addCompliance, addSums, emptyFigures, type FiguresAcc, finish } from '../../read-model/figures';
import { keepFixedDays } from '../../read-model/fixed-days';
import { distinctPeople, type PeopleRow, peopleIndex } from '../../read-model/people';
import {
  type ActivityRowFigures,
  activityRowFigures,
  type ComplianceCounts,
  compliance,
  complianceSplit,
  type FigureSums,
  type KeptCompliance,
  type KeptFigures,
  keptCompliance,
  keptFigures,
  owedByRules,
  owedMonths,
  splitPeriod,
} from '../../read-model/period-figures';
import {
  childKey,
  childOfRoot,
  childOrgs,
  dueMonths,
  type HeldActivity,
  heldActivities,
  type SubtreeOrg,
  type SubtreeShape,
  subtreeOrgs,
  subtreeShape,
} from '../../read-model/subtree';

function openRectifications(path: string, depth: number, today: string) {
  return sql`
    SELECT ${childOfRoot(depth)} AS bucket,
      count(*)::int AS open, count(*) FILTER (WHERE r.due_date < ${today}::date)::int AS overdue
    FROM rectifications r JOIN orgs o ON o.id = r.org_id
    WHERE ${inSubtree(sql`o.path`, path)} AND r.status <> 'closed'
    GROUP BY 1`;
}

const statsOrg = (o: Pick<SubtreeOrg, 'id' | 'name' | 'level' | 'exemptions'>): StatsOrg => ({
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
  const horizon = await keepFixedDays(db, now);
  const children = await childOrgs(db, org.id);
  const split = splitPeriod(scope);
  const judged = complianceSplit(split, horizon, period);
  const owed = [owedMonths(scope, judged.owed, childKey(depth))];
  // Months before the instance's first activity are judged from the rules: the branches are read.
  if (monthsOf(period.from, period.to).some(judged.byRules)) {
    const branches = (await subtreeOrgs(db, org.path)).filter(
      (o) => keepsOwnFixedDay(o) && !o.exemptions.includes('fixed_day'),
    );
    owed.push(
      owedByRules(dueMonths(branches, period, today, (o) => pathIds(o.path)[depth] ?? 0, judged.byRules)),
    );
  }
  const months = (list: string[]) =>
    list.map((m) => ({ year: Number(m.slice(0, 4)), part: Number(m.slice(5, 7)) }));
  const ids = sql`${sql.param([org.id, ...children.map((c) => c.id)])}::int[]`;
  const people = distinctPeople(
    org,
    children.map((c) => c.id),
    depth,
    period,
  );
  const reads = await oneTrip<{
    kept: KeptFigures[];
    keptMonths: KeptFigures[];
    activityRows: ActivityRowFigures[];
    judged: ComplianceCounts[];
    keptJudged: KeptCompliance[];
    keptJudgedMonths: KeptCompliance[];
    members: PeopleRow[];
    masses: PeopleRow[];
    rects: { bucket: string; open: number; overdue: number }[];
    shape: SubtreeShape[];
    ancestors: { id: number; name: string; path: string }[];
    held: HeldActivity[];
  }>(db, {
    kept: keptFigures(ids, split.parts),
    // The trend: the root's months.
    keptMonths: keptFigures(sql`ARRAY[${org.id}]::int[]`, months(split.closed)),
    activityRows: activityRowFigures(scope, split),
    judged: compliance(scope, split, owed),
    keptJudged: keptCompliance(ids, judged.parts),
    keptJudgedMonths: keptCompliance(sql`ARRAY[${org.id}]::int[]`, months(judged.kept)),
    members: people.members,
    masses: people.masses,
    rects: openRectifications(org.path, depth, today),
    shape: subtreeShape(org.path, depth),
    ancestors: sql`SELECT id, name, path FROM orgs WHERE id = ANY(${sql.param(pathIds(org.path))}::int[]) ORDER BY length(path)`,
    // A branch's page lists its activities.
    held: children.length === 0 ? heldActivities(org.path, period, now) : null,
  });
  const { kept, keptMonths, activityRows, rects } = reads;
  const members = peopleIndex(reads.members);
  const masses = peopleIndex(reads.masses);

  const total = emptyFigures();
  const perChild = new Map<number, FiguresAcc>(children.map((c) => [c.id, emptyFigures()]));
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
  const addToTrend = (month: string, g: FigureSums) => {
    const point = trend.get(month);
    if (point) {
      point.activities += g.activities;
      point.memberTimes += g.present;
      point.massesTimes += g.masses;
    }
  };
  // Kept rows are whole subtrees: the root's is the total, a child's that child's row.
  for (const g of kept) {
    const f = g.org_id === org.id ? total : perChild.get(g.org_id);
    if (f) addSums(f, g);
  }
  for (const g of keptMonths) addToTrend(`${g.year}-${String(g.part).padStart(2, '0')}`, g);
  for (const g of activityRows) {
    for (const f of targets(String(pathIds(g.path)[depth] ?? ''))) addSums(f, g);
    addToTrend(g.month, g);
  }
  for (const c of reads.keptJudged) {
    const f = c.org_id === org.id ? total : perChild.get(c.org_id);
    if (f) addCompliance(f, c);
  }
  for (const c of reads.keptJudgedMonths) {
    const point = trend.get(`${c.year}-${String(c.part).padStart(2, '0')}`);
    if (point) {
      point.due += c.due;
      point.held += c.held;
    }
  }
  for (const c of reads.judged) {
    for (const f of targets(String(c.key || ''))) addCompliance(f, c);
    const point = trend.get(c.month);
    if (point) {
      point.due += c.due;
      point.held += c.held;
    }
  }
  const shape = new Map(reads.shape.map((r) => [r.key, r]));
  total.compliance.exemptBranches = shape.get(null)?.exempt ?? 0;
  for (const [id, f] of perChild) f.compliance.exemptBranches = shape.get(id)?.exempt ?? 0;

  for (const r of rects) {
    for (const f of targets(r.bucket)) {
      f.openRectifications += r.open;
      f.overdueRectifications += r.overdue;
    }
  }
  total.memberPeople = members.get('all') ?? 0;
  total.massesPeople = masses.get('all') ?? 0;
  for (const [id, f] of perChild) {
    f.memberPeople = members.get(String(id)) ?? 0;
    f.massesPeople = masses.get(String(id)) ?? 0;
  }

  const whole = shape.get(null);
  return {
    org: statsOrg(org),
    // The breadcrumb: the org and those above it that the actor may see.
    path: reads.ancestors.filter((o) => canSee(actor, o.path)).map(({ id, name }) => ({ id, name })),
    period,
    orgCounts: {
      committees: whole?.committees ?? 0,
      generalBranches: whole?.general_branches ?? 0,
      branches: whole?.branches ?? 0,
    },
    figures: finish(total),
    trend: [...trend.values()],
    children: children.map((c) => ({
      org: statsOrg(c),
      branches: shape.get(c.id)?.own_fixed_day ?? 0,
      figures: finish(perChild.get(c.id)!),
    })),
    activities: branchActivities(reads.held, org),
  };
}

function branchActivities(acts: HeldActivity[], branch: Pick<SubtreeOrg, 'fixedDay'>): StatsActivity[] {
  const fixedDates = new Set(
    branch.fixedDay ? acts.map((a) => fixedDateOf(branch.fixedDay!, a.day.slice(0, 7))) : [],
  );
  return acts.map((a) => ({
    id: a.id,
    date: a.day,
    type: a.type,
    theme: a.theme,
    title: a.title,
    present: a.present,
    expected: a.expected,
    leave: a.leave,
    masses: a.masses,
    onFixedDay: a.type === 'themed_party_day' && fixedDates.has(a.day),
    complete: a.complete,
  }));
}
