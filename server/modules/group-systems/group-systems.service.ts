import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { todayInChina } from '../../../common/dates';
import {
  type GroupActivityKind,
  type SystemFrequency,
  WORKING_SYSTEMS,
  type WorkingSystem,
} from '../../../common/enums';
import type {
  GroupSystemsInput,
  GroupSystemsKept,
  GroupSystemsSetting,
  GroupSystemsSummary,
} from '../../../common/schemas/group-system';
import { DEFAULT_SYSTEMS, systemsKept, type Window } from '../../../common/working-systems';
import type { Actor } from '../../access/actor';
import { loadOrg } from '../../access/load-org';
import { authorize } from '../../access/policy';
import { inSubtree } from '../../access/scope-sql';
import { shiftMonth } from '../../core/fixed-day/period';
import type { Db, DbOrTx } from '../../db/open';
import { groupActivityMonths, groupSystems, orgs, partyGroups } from '../../db/schema/index';
import { ruleBroken } from '../../errors';

type Systems = Partial<Record<WorkingSystem, SystemFrequency>>;

async function settingOf(db: DbOrTx, orgId: number): Promise<GroupSystemsSetting> {
  const rows = await db.select().from(groupSystems).where(eq(groupSystems.orgId, orgId));
  if (!rows.length) return { systems: { ...DEFAULT_SYSTEMS }, isDefault: true };
  return {
    systems: Object.fromEntries(rows.map((r) => [r.system, r.frequency])) as Systems,
    isDefault: false,
  };
}

export async function getGroupSystems(db: Db, actor: Actor, orgId: number): Promise<GroupSystemsSetting> {
  const org = await loadOrg(db, actor, orgId);
  authorize(actor, 'org.read', org.path);
  return settingOf(db, orgId);
}

/** The branch sets its groups' systems and how often; the whole list at once, replacing the last. */
export async function saveGroupSystems(
  db: Db,
  actor: Actor,
  orgId: number,
  input: GroupSystemsInput,
): Promise<GroupSystemsSetting> {
  return db.transaction(async (tx) => {
    const org = await loadOrg(tx, actor, orgId, true);
    authorize(actor, 'org.settings', org.path);
    if (org.level !== 'branch') throw ruleBroken('group_only_branch', 'errors.group.onlyBranch');
    const entries = Object.entries(input.systems) as [WorkingSystem, SystemFrequency][];
    if (!entries.length) throw ruleBroken('group_systems_empty', 'errors.groupSystems.empty', {}, 'systems');
    await tx.delete(groupSystems).where(eq(groupSystems.orgId, orgId));
    await tx
      .insert(groupSystems)
      .values(entries.map(([system, frequency]) => ({ orgId, system, frequency })));
    return settingOf(tx, orgId);
  });
}

/**
 * How each group of the branch kept its systems in the year so far, judged from its meetings as
 * the kept month counts hold them (one row per group, month and kind).
 */
export async function groupSystemsKept(
  db: Db,
  actor: Actor,
  orgId: number,
  year: number,
  now: Date,
): Promise<GroupSystemsKept> {
  const org = await loadOrg(db, actor, orgId);
  authorize(actor, 'member.read', org.path);
  const groups = await db
    .select({
      id: partyGroups.id,
      orgId: partyGroups.orgId,
      name: partyGroups.name,
      kind: partyGroups.kind,
      kindName: partyGroups.kindName,
    })
    .from(partyGroups)
    .where(eq(partyGroups.orgId, orgId))
    .orderBy(asc(partyGroups.id));
  const judged = await judgeGroups(db, groups, `${year}-01`, `${year}-12`, todayInChina(now).slice(0, 7));
  return {
    year,
    groups: judged.map(({ records }, i) => {
      const g = groups[i]!;
      return {
        id: g.id,
        name: g.name,
        kind: g.kind,
        kindName: g.kindName,
        keepsAll: records.every((r) => r.kept === r.due),
        systems: records,
      };
    }),
  };
}

/** Only windows that ended lately alert: older gaps are the table's business, not an inbox's. */
const ALERT_LOOKBACK_MONTHS = 2;

export type MissedSystem = {
  groupId: number;
  orgId: number;
  group: string;
  system: WorkingSystem;
  window: Window;
};

/**
 * Every group's systems not kept in a window that ended in the last two months, across all
 * branches, from the kept month counts: what the alerts run raises, once per group, system and window.
 */
export async function missedSystems(tx: DbOrTx, today: string): Promise<MissedSystem[]> {
  const thisMonth = today.slice(0, 7);
  const cutoff = shiftMonth(thisMonth, -ALERT_LOOKBACK_MONTHS);
  const year = Number(thisMonth.slice(0, 4));
  const groups = await tx
    .select({ id: partyGroups.id, orgId: partyGroups.orgId, name: partyGroups.name })
    .from(partyGroups);
  return (await judgeGroups(tx, groups, `${year - 1}-01`, `${year}-12`, thisMonth)).flatMap(
    ({ group, records }) =>
      records.flatMap((r) =>
        r.missed
          .filter((w) => w.to >= cutoff)
          .map((window) => ({
            groupId: group.id,
            orgId: group.orgId,
            group: group.name,
            system: r.system,
            window,
          })),
      ),
  );
}

type GroupRow = { id: number; orgId: number; name: string };

/** Each group's records over the months `from`–`to`, from the kept month counts and its branch's setting. */
async function judgeGroups(tx: DbOrTx, groups: GroupRow[], from: string, to: string, thisMonth: string) {
  if (!groups.length) return [];
  const ids = groups.map((g) => g.id);
  const orgIds = [...new Set(groups.map((g) => g.orgId))];
  const settings = await tx.select().from(groupSystems).where(inArray(groupSystems.orgId, orgIds));
  const years = Array.from(
    { length: Number(to.slice(0, 4)) - Number(from.slice(0, 4)) + 1 },
    (_, i) => Number(from.slice(0, 4)) + i,
  );
  const months = await tx
    .select()
    .from(groupActivityMonths)
    .where(and(inArray(groupActivityMonths.groupId, ids), inArray(groupActivityMonths.year, years)));
  const heldBy = new Map<number, Map<string, Map<GroupActivityKind, number>>>();
  for (const m of months) {
    const held = heldBy.get(m.groupId) ?? new Map<string, Map<GroupActivityKind, number>>();
    const key = `${m.year}-${String(m.month).padStart(2, '0')}`;
    held.set(key, new Map([...(held.get(key) ?? []), [m.kind, m.activities]]));
    heldBy.set(m.groupId, held);
  }
  return groups.map((g) => {
    const own = settings.filter((r) => r.orgId === g.orgId);
    const systems: Systems = own.length
      ? Object.fromEntries(own.map((r) => [r.system, r.frequency]))
      : DEFAULT_SYSTEMS;
    return { group: g, records: systemsKept(systems, heldBy.get(g.id) ?? new Map(), from, to, thisMonth) };
  });
}

/**
 * The dashboard's roll-up for a subtree and period: groups keeping every system due, and per
 * system how many groups kept it, from the same judgement as each branch's table.
 */
export async function systemsSummary(
  db: Db,
  actor: Actor,
  orgId: number,
  period: { from: string; to: string },
  now: Date,
): Promise<GroupSystemsSummary> {
  const org = await loadOrg(db, actor, orgId);
  authorize(actor, 'stats.read', org.path);
  const groups = await db
    .select({ id: partyGroups.id, orgId: partyGroups.orgId, name: partyGroups.name })
    .from(partyGroups)
    .innerJoin(orgs, eq(orgs.id, partyGroups.orgId))
    .where(inSubtree(sql`${orgs.path}`, org.path));
  const judged = (
    await judgeGroups(
      db,
      groups,
      period.from.slice(0, 7),
      period.to.slice(0, 7),
      todayInChina(now).slice(0, 7),
    )
  ).map((j) => j.records.filter((r) => r.due > 0));
  const withDue = judged.filter((records) => records.length > 0);
  const bySystem = new Map<WorkingSystem, { groups: number; keeping: number }>();
  for (const r of withDue.flat()) {
    const s = bySystem.get(r.system) ?? { groups: 0, keeping: 0 };
    s.groups++;
    if (r.kept === r.due) s.keeping++;
    bySystem.set(r.system, s);
  }
  return {
    groups: withDue.length,
    keepingAll: withDue.filter((records) => records.every((r) => r.kept === r.due)).length,
    bySystem: WORKING_SYSTEMS.filter((s) => bySystem.has(s)).map((system) => ({
      system,
      ...bySystem.get(system)!,
    })),
  };
}
