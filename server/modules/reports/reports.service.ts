import { and, eq, sql } from 'drizzle-orm';
import { REPORT_SECTIONS, type ReportSection } from '../../../common/enums';
import type { AnnualReport, ReportSummary } from '../../../common/schemas/report';
import type { Actor } from '../../access/actor';
import { loadOrg, type OrgRow } from '../../access/load-org';
import { authorize, isAdmin } from '../../access/policy';
import { inSubtree } from '../../access/scope-sql';
import type { Config } from '../../config';
import { keepsOwnFixedDayAt } from '../../core/fixed-day/fixed-day-org';
import type { Db, DbOrTx } from '../../db/open';
import { annualReports, orgs, users } from '../../db/schema/index';
import { conflict, forbidden, ruleBroken } from '../../errors';
import { getStats } from '../stats/index';
import { draftSections } from './report-draft';

/** The report is the secretary's own: written by whoever holds the branch's secretary role. */
const isAuthor = (actor: Actor, org: OrgRow) =>
  isAdmin(actor) || actor.bindings.some((b) => b.role === 'secretary' && org.path.startsWith(b.orgPath));

async function loadBranch(tx: DbOrTx, actor: Actor, orgId: number) {
  const org = await loadOrg(tx, actor, orgId);
  authorize(actor, 'stats.read', org.path);
  if (!(await keepsOwnFixedDayAt(tx, org)))
    throw ruleBroken('report_not_branch', 'errors.report.notBranch', {}, 'orgId');
  return org;
}

async function freshDraft(tx: DbOrTx, config: Config, actor: Actor, org: OrgRow, year: number, now: Date) {
  const stats = await getStats(tx, actor, org.id, { from: `${year}-01-01`, to: `${year}-12-31` }, now);
  return draftSections(tx, config, actor.locale, org, stats.figures, year, now);
}

async function stored(tx: DbOrTx, orgId: number, year: number) {
  const [row] = await tx
    .select({ r: annualReports, updatedBy: users.name })
    .from(annualReports)
    .leftJoin(users, eq(users.id, annualReports.updatedBy))
    .where(and(eq(annualReports.orgId, orgId), eq(annualReports.year, year)));
  return row;
}

function present(
  org: OrgRow,
  actor: Actor,
  year: number,
  row: Awaited<ReturnType<typeof stored>>,
  draft?: Record<ReportSection, string>,
): AnnualReport {
  return {
    orgId: org.id,
    orgName: org.name,
    year,
    status: row?.r.status ?? 'draft',
    fresh: !row,
    sections: row?.r.sections ?? draft!,
    updatedAt: row?.r.updatedAt.toISOString() ?? null,
    updatedBy: row?.updatedBy ?? null,
    submittedAt: row?.r.submittedAt?.toISOString() ?? null,
    canEdit: isAuthor(actor, org) && row?.r.status !== 'submitted',
  };
}

/** The saved report, or Vanguard's draft from the year's records when none is saved yet. */
export async function getReport(
  db: Db,
  config: Config,
  actor: Actor,
  orgId: number,
  year: number,
  now: Date,
) {
  const org = await loadBranch(db, actor, orgId);
  const row = await stored(db, orgId, year);
  return present(
    org,
    actor,
    year,
    row,
    row ? undefined : await freshDraft(db, config, actor, org, year, now),
  );
}

/** A new draft from the records, for the secretary to compare or start over; saved only by `saveReport`. */
export async function redraftReport(
  db: Db,
  config: Config,
  actor: Actor,
  orgId: number,
  year: number,
  now: Date,
) {
  const org = await loadBranch(db, actor, orgId);
  const row = await stored(db, orgId, year);
  return {
    ...present(org, actor, year, row),
    fresh: true,
    sections: await freshDraft(db, config, actor, org, year, now),
  };
}

async function editable(tx: DbOrTx, actor: Actor, orgId: number, year: number) {
  const org = await loadBranch(tx, actor, orgId);
  if (!isAuthor(actor, org)) throw forbidden();
  const row = await stored(tx, orgId, year);
  if (row?.r.status === 'submitted') throw conflict('report_submitted', 'errors.report.submitted');
  return org;
}

export async function saveReport(
  db: Db,
  actor: Actor,
  orgId: number,
  year: number,
  sections: Record<ReportSection, string>,
  now: Date,
): Promise<AnnualReport> {
  return db.transaction(async (tx) => {
    const org = await editable(tx, actor, orgId, year);
    const values = {
      sections: Object.fromEntries(REPORT_SECTIONS.map((s) => [s, sections[s] ?? ''])) as Record<
        ReportSection,
        string
      >,
      updatedBy: actor.userId,
      updatedAt: now,
    };
    await tx
      .insert(annualReports)
      .values({ orgId, year, ...values })
      .onConflictDoUpdate({ target: [annualReports.orgId, annualReports.year], set: values });
    return present(org, actor, year, await stored(tx, orgId, year));
  });
}

/** Submitted to the supervisor: from then on the report is read-only. */
export async function submitReport(
  db: Db,
  config: Config,
  actor: Actor,
  orgId: number,
  year: number,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const org = await editable(tx, actor, orgId, year);
    const row = await stored(tx, orgId, year);
    const sections = row?.r.sections ?? (await freshDraft(tx, config, actor, org, year, now));
    await tx
      .insert(annualReports)
      .values({
        orgId,
        year,
        sections,
        status: 'submitted',
        submittedAt: now,
        updatedBy: actor.userId,
      })
      .onConflictDoUpdate({
        target: [annualReports.orgId, annualReports.year],
        set: { status: 'submitted', submittedAt: now },
      });
    return present(org, actor, year, await stored(tx, orgId, year));
  });
}

/** The branches under a supervisor's org and where each one's report stands. */
export async function listReports(
  db: Db,
  actor: Actor,
  orgId: number,
  year: number,
): Promise<ReportSummary[]> {
  const org = await loadOrg(db, actor, orgId);
  authorize(actor, 'stats.read', org.path);
  const rows = await db
    .select({
      id: orgs.id,
      name: orgs.name,
      status: annualReports.status,
      submittedAt: annualReports.submittedAt,
    })
    .from(orgs)
    .leftJoin(annualReports, and(eq(annualReports.orgId, orgs.id), eq(annualReports.year, year)))
    .where(
      and(
        inSubtree(orgs.path, org.path),
        sql`${orgs.fixedDay} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM orgs c WHERE c.parent_id = ${orgs.id})`,
      ),
    )
    .orderBy(orgs.path);
  return rows.map((r) => ({
    orgId: r.id,
    orgName: r.name,
    status: r.status ?? null,
    submittedAt: r.submittedAt?.toISOString() ?? null,
  }));
}
