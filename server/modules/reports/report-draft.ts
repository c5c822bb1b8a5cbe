import { sql } from 'drizzle-orm';
import { todayInChina } from '../../../common/dates';
import { type Locale, REPORT_SECTIONS, type ReportSection, THEMES } from '../../../common/enums';
import { translate } from '../../../common/i18n/translate';
import type { Figures } from '../../../common/schemas/stats';
import type { OrgRow } from '../../access/load-org';
import type { Config } from '../../config';
import { partyMemberSql } from '../../core/fixed-day/party-members';
import type { DbOrTx } from '../../db/open';
import { computeRanking } from '../ranking/index';

const pct = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);

/**
 * Vanguard's first draft of a secretary's annual report (述职), written from the year's records
 * so the secretary edits facts instead of collecting them.
 */
export async function draftSections(
  tx: DbOrTx,
  config: Pick<Config, 'minActivityHours'>,
  locale: Locale,
  org: OrgRow,
  figures: Figures,
  year: number,
  now: Date,
): Promise<Record<ReportSection, string>> {
  const t = (key: string, params: Record<string, string | number> = {}) =>
    translate(locale, `server.report.${key}`, { org: org.name, year, ...params });
  const { rows: membership } = await tx.execute<{ n: number }>(sql`
    SELECT count(*)::int AS n FROM members WHERE org_id = ${org.id} AND ${partyMemberSql(sql`status`)}`);
  const { rows: inspected } = await tx.execute<{ n: number; avg: number | null }>(sql`
    SELECT count(*)::int AS n, round(avg(score)::numeric, 1)::float8 AS avg FROM inspections
    WHERE org_id = ${org.id} AND date BETWEEN ${`${year}-01-01`}::date AND ${`${year}-12-31`}::date`);
  const { rows: rectified } = await tx.execute<{ n: number; closed: number; overdue: number }>(sql`
    SELECT count(*)::int AS n, count(*) FILTER (WHERE r.status = 'closed')::int AS closed,
      count(*) FILTER (WHERE r.status <> 'closed' AND r.due_date < ${todayInChina(now)}::date)::int AS overdue
    FROM rectifications r JOIN inspections i ON i.id = r.inspection_id
    WHERE r.org_id = ${org.id} AND i.date BETWEEN ${`${year}-01-01`}::date AND ${`${year}-12-31`}::date`);

  const themes = THEMES.filter((th) => figures.byTheme[th] > 0)
    .map((th) => t('themeCount', { theme: translate(locale, `enums.theme.${th}`), n: figures.byTheme[th] }))
    .join(t('separator'));
  const c = figures.compliance;
  const activities = [
    t('activities', { n: figures.activities, partyDays: figures.byType.themed_party_day }),
    themes ? t('byTheme', { themes }) : '',
    c.exemptBranches > 0
      ? t('exempt')
      : t('compliance', { due: c.due, held: c.held, onDay: c.onFixedDay, withPlan: c.withPlan }),
  ].join('');

  const inspection = inspected[0]!;
  const rect = rectified[0]!;
  const inspections =
    inspection.n > 0
      ? t('inspections', { n: inspection.n, avg: inspection.avg ?? 0 }) +
        (rect.n > 0 ? t('rectifications', { n: rect.n, closed: rect.closed, overdue: rect.overdue }) : '')
      : t('noInspections');

  let ranking = t('noRanking');
  if (org.parentId !== null) {
    const [parent] = (
      await tx.execute<{ id: number; name: string; path: string }>(
        sql`SELECT id, name, path FROM orgs WHERE id = ${org.parentId}`,
      )
    ).rows;
    const ranked = await computeRanking(tx, config, parent!, { period: 'year', year, index: 1 }, now);
    const mine = ranked.rows.find((r) => r.orgId === org.id);
    if (mine)
      ranking = t('ranking', {
        score: mine.score,
        parent: parent!.name,
        total: ranked.rows.length,
        rank: mine.rank,
      });
  }

  const sections: Record<ReportSection, string> = {
    overview: t('overview', { members: membership[0]!.n }),
    activities,
    attendance: t('attendance', {
      times: figures.memberTimes,
      people: figures.memberPeople,
      rate: pct(figures.attendanceRate),
      masses: figures.massesTimes,
    }),
    ledger: t('ledger', {
      complete: figures.ledgerComplete,
      n: figures.activities,
      rate: pct(figures.ledgerRate),
    }),
    inspections,
    ranking,
    next_year: t('nextYear'),
  };
  return Object.fromEntries(REPORT_SECTIONS.map((s) => [s, sections[s]])) as Record<ReportSection, string>;
}
