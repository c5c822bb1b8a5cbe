import { sql } from 'drizzle-orm';
import { todayInChina } from '../../../common/dates';
import type { AlertAudience, AlertKind, Locale } from '../../../common/enums';
import { translate } from '../../../common/i18n/translate';
import type { Alert, AlertList } from '../../../common/schemas/alert';
import type { Actor } from '../../access/actor';
import { isAdmin } from '../../access/policy';
import type { Config } from '../../config';
import type { Db, DbOrTx } from '../../db/open';
import { notFound } from '../../errors';
import {
  type AlertDraft,
  fixedDayMissed,
  groupSystemMissed,
  ledgerIncomplete,
  meetingsFrequency,
  memberAbsent,
  planMissing,
  rectificationOverdue,
} from './conditions';

/** Evaluates every condition and stores the new ones; a condition already alerted is skipped by its key. */
export async function runAlerts(
  db: DbOrTx,
  config: Pick<Config, 'lateEditDays' | 'meetingFrequency'>,
  now: Date,
): Promise<number> {
  const today = todayInChina(now);
  return db.transaction(async (tx) => {
    const drafts: AlertDraft[] = [
      ...(await planMissing(tx, today)),
      ...(await fixedDayMissed(tx, today, now)),
      ...(await ledgerIncomplete(tx, config, now)),
      ...(await memberAbsent(tx, now)),
      ...(await meetingsFrequency(tx, config, today)),
      ...(await rectificationOverdue(tx, today)),
      ...(await groupSystemMissed(tx, today)),
    ];
    if (!drafts.length) return 0;
    const col = <T>(f: (d: AlertDraft) => T) => sql.param(drafts.map(f));
    const { rows } = await tx.execute<{ id: number }>(sql`
      INSERT INTO alerts (key, kind, audience, org_id, activity_id, member_id, rectification_id, group_id, params)
      SELECT k, kind, audience, org_id, activity_id, member_id, rectification_id, group_id, params::jsonb
      FROM unnest(${col((d) => d.key)}::text[], ${col((d) => d.kind)}::text[], ${col((d) => d.audience)}::text[],
                  ${col((d) => d.orgId)}::int[], ${col((d) => d.activityId ?? null)}::int[], ${col((d) => d.memberId ?? null)}::int[],
                  ${col((d) => d.rectificationId ?? null)}::int[], ${col((d) => d.groupId ?? null)}::int[],
                  ${col((d) => JSON.stringify(d.params))}::text[])
        AS x(k, kind, audience, org_id, activity_id, member_id, rectification_id, group_id, params)
      ON CONFLICT (key) DO NOTHING RETURNING id`);
    return rows.length;
  });
}

/** Alerts reach those responsible: secretaries for their branches, supervisors for their subtree. */
function audienceFilter(actor: Actor) {
  const paths = (roles: string[]) =>
    actor.bindings.filter((b) => roles.includes(b.role)).map((b) => `${b.orgPath}%`);
  const branch = paths(['secretary']);
  const supervisor = isAdmin(actor) ? ['/%'] : paths(['supervisor']);
  // A group's alert reaches its leader as well as the branch's secretaries.
  const leads =
    actor.memberId === null
      ? sql`false`
      : sql`a.group_id IN (SELECT id FROM party_groups WHERE leader_id = ${actor.memberId})`;
  return sql`((a.audience IN ('branch', 'group') AND o.path LIKE ANY(${sql.param(branch)}::text[]))
    OR (a.audience = 'group' AND ${leads})
    OR (a.audience = 'supervisor' AND o.path LIKE ANY(${sql.param(supervisor)}::text[])))`;
}

type AlertRow = {
  id: number;
  kind: AlertKind;
  audience: AlertAudience;
  org_id: number;
  org_name: string;
  activity_id: number | null;
  member_id: number | null;
  rectification_id: number | null;
  inspection_id: number | null;
  group_id: number | null;
  params: Record<string, string | number>;
  created_at: Date;
  acknowledged_at: Date | null;
};

function message(locale: Locale, r: AlertRow): string {
  const params = { ...r.params };
  if (r.kind === 'meetings_frequency') {
    params.short = String(r.params.short)
      .split(',')
      .map((s) => {
        const [type, held, required] = s.split(':');
        return translate(locale, 'server.alerts.shortfall', {
          type: translate(locale, `enums.activityType.${type}`),
          held: held!,
          required: required!,
        });
      })
      .join(translate(locale, 'server.alerts.separator'));
  }
  if (r.kind === 'group_system_missed')
    params.system = translate(locale, `enums.workingSystem.${r.params.system}`);
  return translate(locale, `server.alerts.${r.kind}`, params);
}

const present = (locale: Locale, r: AlertRow): Alert => ({
  id: r.id,
  kind: r.kind,
  audience: r.audience,
  orgId: r.org_id,
  orgName: r.org_name,
  message: message(locale, r),
  activityId: r.activity_id,
  memberId: r.member_id,
  rectificationId: r.rectification_id,
  inspectionId: r.inspection_id,
  groupId: r.group_id,
  createdAt: new Date(r.created_at).toISOString(),
  acknowledgedAt: r.acknowledged_at ? new Date(r.acknowledged_at).toISOString() : null,
});

async function alertRows(tx: DbOrTx, actor: Actor, where: ReturnType<typeof sql>, limit: number) {
  const { rows } = await tx.execute<AlertRow>(sql`
    SELECT a.id, a.kind, a.audience, a.org_id, o.name AS org_name, a.activity_id, a.member_id, a.rectification_id,
      r.inspection_id, a.group_id, a.params, a.created_at, a.acknowledged_at
    FROM alerts a JOIN orgs o ON o.id = a.org_id LEFT JOIN rectifications r ON r.id = a.rectification_id
    WHERE ${audienceFilter(actor)} AND ${where}
    ORDER BY a.acknowledged_at IS NOT NULL, a.created_at DESC, a.id DESC LIMIT ${limit}`);
  return rows;
}

export async function listAlerts(db: Db, actor: Actor, status: 'open' | 'all'): Promise<AlertList> {
  const rows = await alertRows(
    db,
    actor,
    status === 'open' ? sql`a.acknowledged_at IS NULL` : sql`true`,
    300,
  );
  const { rows: count } = await db.execute<{ n: number }>(sql`
    SELECT count(*)::int AS n FROM alerts a JOIN orgs o ON o.id = a.org_id
    WHERE ${audienceFilter(actor)} AND a.acknowledged_at IS NULL`);
  return { items: rows.map((r) => present(actor.locale, r)), open: count[0]!.n };
}

/** Acknowledged once for everyone it reached: the condition has been seen to. */
export async function acknowledgeAlert(db: Db, actor: Actor, id: number, now: Date): Promise<Alert> {
  return db.transaction(async (tx) => {
    const [row] = await alertRows(tx, actor, sql`a.id = ${id}`, 1);
    if (!row) throw notFound();
    await tx.execute(sql`
      UPDATE alerts SET acknowledged_at = ${now.toISOString()}::timestamptz, acknowledged_by = ${actor.userId}
      WHERE id = ${id} AND acknowledged_at IS NULL`);
    const [updated] = await alertRows(tx, actor, sql`a.id = ${id}`, 1);
    return present(actor.locale, updated!);
  });
}

/** The open alerts about these groups that reach the actor: what a group leader's phone shows. */
export async function openGroupAlerts(db: DbOrTx, actor: Actor, groupIds: number[]): Promise<Alert[]> {
  if (!groupIds.length) return [];
  const where = sql`a.group_id = ANY(${sql.param(groupIds)}::int[]) AND a.acknowledged_at IS NULL`;
  return (await alertRows(db, actor, where, 20)).map((r) => present(actor.locale, r));
}
