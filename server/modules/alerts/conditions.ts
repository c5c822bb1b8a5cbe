import { inArray, sql } from 'drizzle-orm';
import type { AlertAudience, AlertKind } from '../../../common/enums';
import type { Config } from '../../config';
import { keepsOwnFixedDay } from '../../core/fixed-day/fixed-day-org';
import { addDays } from '../../core/fixed-day/holidays';
import { partyMemberSql } from '../../core/fixed-day/party-members';
import { fixedDateOf, shiftMonth } from '../../core/fixed-day/period';
import type { DbOrTx } from '../../db/open';
import { activities } from '../../db/schema/index';
import { activityFacts } from '../../read-model/activity-figures';
import { ledgerComplete } from '../../read-model/figures';
import { plannedMonths, subtreeOrgs } from '../../read-model/subtree';
import { missedSystems } from '../group-systems/index';

/** An alert before it is stored; `key` names the condition so it alerts once. */
export type AlertDraft = {
  key: string;
  kind: AlertKind;
  audience: AlertAudience;
  orgId: number;
  activityId?: number;
  memberId?: number;
  rectificationId?: number;
  groupId?: number;
  params: Record<string, string | number>;
};

/** Days before a fixed day at which a missing plan is flagged. */
export const PLAN_WARNING_DAYS = 5;
/** Only recent history alerts: older gaps are the dashboard's business, not an inbox's. */
const LOOKBACK_DAYS = 60;

async function branches(tx: DbOrTx, exemption: 'fixed_day' | 'three_meetings') {
  return (await subtreeOrgs(tx, '/')).filter((o) => keepsOwnFixedDay(o) && !o.exemptions.includes(exemption));
}

/** The next fixed day is at most five days away and its month has no plan. */
export async function planMissing(tx: DbOrTx, today: string): Promise<AlertDraft[]> {
  const months = [today.slice(0, 7), shiftMonth(today.slice(0, 7), 1)];
  const planned = await plannedMonths(tx, '/', { from: `${months[0]}-01`, to: `${months[1]}-01` });
  const horizon = addDays(today, PLAN_WARNING_DAYS);
  return (await branches(tx, 'fixed_day')).flatMap((b) =>
    months.flatMap((month) => {
      const date = fixedDateOf(b.fixedDay!, month);
      if (date < today || date > horizon || planned.has(`${b.id}|${month}`)) return [];
      return [
        {
          key: `plan_missing:${b.id}:${month}`,
          kind: 'plan_missing',
          audience: 'branch',
          orgId: b.id,
          params: { month, date },
        },
      ];
    }),
  );
}

/** A fixed day of the last weeks has passed and no themed party day was held that month. */
export async function fixedDayMissed(tx: DbOrTx, today: string, now: Date): Promise<AlertDraft[]> {
  const months = [shiftMonth(today.slice(0, 7), -1), today.slice(0, 7)];
  const { rows } = await tx.execute<{ k: string }>(sql`
    SELECT DISTINCT org_id || '|' || to_char(day, 'YYYY-MM') AS k FROM activity_stats
    WHERE type = 'themed_party_day' AND NOT cancelled AND starts_at <= ${now.toISOString()}::timestamptz
      AND day >= ${`${months[0]}-01`}::date`);
  const held = new Set(rows.map((r) => r.k));
  const since = addDays(today, -31);
  return (await branches(tx, 'fixed_day')).flatMap((b) =>
    months.flatMap((month) => {
      const date = fixedDateOf(b.fixedDay!, month);
      if (date >= today || date < since || held.has(`${b.id}|${month}`)) return [];
      return [
        {
          key: `fixed_day_missed:${b.id}:${month}`,
          kind: 'fixed_day_missed',
          audience: 'branch',
          orgId: b.id,
          params: { month, date },
        },
      ];
    }),
  );
}

/** An activity ended more than `lateEditDays` ago and its ledger still lacks minutes, attendance or photos. */
export async function ledgerIncomplete(
  tx: DbOrTx,
  config: Pick<Config, 'lateEditDays'>,
  now: Date,
): Promise<AlertDraft[]> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const ended = sql`s.activity_id IN (SELECT id FROM activities
    WHERE ends_at < ${at} - make_interval(days => ${config.lateEditDays}))`;
  const incomplete = (
    await activityFacts(
      tx,
      sql`NOT s.cancelled AND s.starts_at > ${at} - make_interval(days => ${LOOKBACK_DAYS}) AND ${ended}`,
      sql`true`,
    )
  ).filter((a) => !ledgerComplete(a));
  if (!incomplete.length) return [];
  const titles = new Map(
    (
      await tx
        .select({ id: activities.id, title: activities.title })
        .from(activities)
        .where(
          inArray(
            activities.id,
            incomplete.map((a) => a.id),
          ),
        )
    ).map((a) => [a.id, a.title]),
  );
  const rows = incomplete.map((a) => ({ id: a.id, org_id: a.org_id, title: titles.get(a.id)!, day: a.day }));
  return rows.map((r) => ({
    key: `ledger_incomplete:${r.id}`,
    kind: 'ledger_incomplete',
    audience: 'branch',
    orgId: r.org_id,
    activityId: r.id,
    params: { title: r.title, date: r.day, days: config.lateEditDays },
  }));
}

/**
 * A Party member missed the branch's last three activities without leave: the secretary should
 * talk with them. The streak is named by the last activity they did attend, so it alerts once.
 */
export async function memberAbsent(tx: DbOrTx, now: Date): Promise<AlertDraft[]> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const { rows } = await tx.execute<{ member_id: number; org_id: number; name: string; since: number }>(sql`
    WITH recent AS (
      SELECT a.id, a.org_id, row_number() OVER (PARTITION BY a.org_id ORDER BY a.starts_at DESC, a.id DESC) AS rn
      -- The branch's own activities: a group's meeting does not expect the other groups' members.
      FROM activities a WHERE a.status <> 'cancelled' AND a.group_id IS NULL
        AND a.ends_at < ${at} AND a.starts_at > ${at} - interval '1 year'
    ), absent AS (
      SELECT m.id AS member_id, m.org_id, m.name
      FROM members m JOIN recent r ON r.org_id = m.org_id AND r.rn <= 3
      WHERE ${partyMemberSql(sql`m.status`)}
      GROUP BY m.id, m.org_id, m.name
      HAVING count(*) = 3 AND bool_and(
        NOT EXISTS (SELECT 1 FROM attendance t WHERE t.activity_id = r.id AND t.member_id = m.id)
        AND NOT EXISTS (SELECT 1 FROM leave_requests l WHERE l.activity_id = r.id AND l.member_id = m.id AND l.status = 'approved'))
    )
    SELECT x.member_id, x.org_id, x.name, coalesce((
      SELECT a.id FROM activities a WHERE a.org_id = x.org_id AND a.status <> 'cancelled'
        AND (EXISTS (SELECT 1 FROM attendance t WHERE t.activity_id = a.id AND t.member_id = x.member_id)
          OR EXISTS (SELECT 1 FROM leave_requests l WHERE l.activity_id = a.id AND l.member_id = x.member_id AND l.status = 'approved'))
      ORDER BY a.starts_at DESC LIMIT 1), 0) AS since
    FROM absent x`);
  return rows.map((r) => ({
    key: `member_absent:${r.member_id}:${r.since}`,
    kind: 'member_absent',
    audience: 'branch',
    orgId: r.org_id,
    memberId: r.member_id,
    params: { name: r.name },
  }));
}

/** After a quarter ends: did the branch hold the three meetings and the lesson as often as required? */
export async function meetingsFrequency(
  tx: DbOrTx,
  config: Pick<Config, 'meetingFrequency'>,
  today: string,
): Promise<AlertDraft[]> {
  const month = Number(today.slice(5, 7));
  const quarter = Math.ceil(month / 3) - 1 || 4;
  const year = Number(today.slice(0, 4)) - (quarter === 4 ? 1 : 0);
  const from = `${year}-${String(quarter * 3 - 2).padStart(2, '0')}-01`;
  const to = quarter === 4 ? `${year + 1}-01-01` : `${year}-${String(quarter * 3 + 1).padStart(2, '0')}-01`;
  const { rows } = await tx.execute<{ org_id: number; type: string; n: number }>(sql`
    SELECT org_id, type, count(*)::int AS n FROM activity_stats
    WHERE NOT cancelled AND day >= ${from}::date AND day < ${to}::date GROUP BY org_id, type`);
  const held = new Map(rows.map((r) => [`${r.org_id}|${r.type}`, r.n]));
  const { rows: grouped } = await tx.execute<{ org_id: number }>(
    sql`SELECT DISTINCT org_id FROM party_groups`,
  );
  const withGroups = new Set(grouped.map((g) => g.org_id));
  const label = `${year}Q${quarter}`;
  return (await branches(tx, 'three_meetings')).flatMap((b) => {
    const short = Object.entries(config.meetingFrequency).flatMap(([type, required]) => {
      if (type === 'party_group_meeting' && !withGroups.has(b.id)) return [];
      const n = held.get(`${b.id}|${type}`) ?? 0;
      return n < required! ? [`${type}:${n}:${required}`] : [];
    });
    if (!short.length) return [];
    return [
      {
        key: `meetings_frequency:${b.id}:${label}`,
        kind: 'meetings_frequency' as const,
        audience: 'branch' as const,
        orgId: b.id,
        params: { quarter: label, short: short.join(',') },
      },
    ];
  });
}

/** A rectification item is past its due date and not closed: the branch acts, the supervisor follows up. */
export async function rectificationOverdue(tx: DbOrTx, today: string): Promise<AlertDraft[]> {
  const { rows } = await tx.execute<{ id: number; org_id: number; item: string; due: string }>(sql`
    SELECT id, org_id, item, to_char(due_date, 'YYYY-MM-DD') AS due FROM rectifications
    WHERE status <> 'closed' AND due_date < ${today}::date`);
  return rows.flatMap((r) =>
    (['branch', 'supervisor'] as const).map((audience) => ({
      key: `rectification_overdue:${r.id}:${audience}`,
      kind: 'rectification_overdue' as const,
      audience,
      orgId: r.org_id,
      rectificationId: r.id,
      params: { item: r.item, date: r.due },
    })),
  );
}

/** A group let one of its working systems slip in a window that ended lately: its leader and the secretary hear, once. */
export async function groupSystemMissed(tx: DbOrTx, today: string): Promise<AlertDraft[]> {
  return (await missedSystems(tx, today)).map((m) => ({
    key: `group_system_missed:${m.groupId}:${m.system}:${m.window.from}`,
    kind: 'group_system_missed',
    audience: 'group',
    orgId: m.orgId,
    groupId: m.groupId,
    params: {
      group: m.group,
      system: m.system,
      window: m.window.from === m.window.to ? m.window.from : `${m.window.from}–${m.window.to}`,
    },
  }));
}
