import { desc, eq, inArray } from 'drizzle-orm';
import type {
  PublishedRanking,
  PublishedRankingSummary,
  Ranking,
  RankingQuery,
} from '../../../common/schemas/ranking';
import { shownValues, totalScore } from '../../../common/scoring';
import type { Actor } from '../../access/actor';
import { loadOrg } from '../../access/load-org';
import { pathIds } from '../../access/org-path';
import { authorize, canSee } from '../../access/policy';
import type { Config } from '../../config';
import type { Db, DbOrTx } from '../../db/open';
import { orgs, publishedRankings, users } from '../../db/schema/index';
import { notFound } from '../../errors';
import { periodDays } from './periods';
import { schemeFor } from './scheme';
import { branchValues, rank } from './scoring';

/** The live ranking of every branch under an org, each score broken down by item. */
export async function computeRanking(
  tx: DbOrTx,
  config: Pick<Config, 'minActivityHours'>,
  org: { id: number; name: string; path: string },
  q: RankingQuery,
  now: Date,
): Promise<Ranking> {
  const index = q.period === 'year' ? 1 : q.index;
  const { from, to } = periodDays(q.period, q.year, index);
  const { weights } = await schemeFor(tx, org.path, q.year);
  const branches = await branchValues(tx, org.path, { from, to }, config.minActivityHours, now);
  const rows = rank(
    branches.map(({ branch, values }) => {
      const shown = shownValues(values);
      return {
        orgId: branch.id,
        orgName: branch.name,
        parentName: branch.parentName,
        exemptions: branch.exemptions,
        score: totalScore(values, weights),
        values: shown,
      };
    }),
  );
  return { orgId: org.id, orgName: org.name, period: q.period, year: q.year, index, from, to, weights, rows };
}

export async function getRanking(
  db: Db,
  config: Config,
  actor: Actor,
  orgId: number,
  q: RankingQuery,
  now: Date,
) {
  const org = await loadOrg(db, actor, orgId);
  authorize(actor, 'assessment.manage', org.path);
  return computeRanking(db, config, org, q, now);
}

/** Published rankings are kept as they were shown: later records never rewrite them. */
export async function publishRanking(
  db: Db,
  config: Config,
  actor: Actor,
  orgId: number,
  q: RankingQuery,
  now: Date,
): Promise<PublishedRanking> {
  return db.transaction(async (tx) => {
    const org = await loadOrg(tx, actor, orgId);
    authorize(actor, 'assessment.manage', org.path);
    const ranking = await computeRanking(tx, config, org, q, now);
    const [row] = await tx
      .insert(publishedRankings)
      .values({
        orgId: org.id,
        period: ranking.period,
        year: ranking.year,
        index: ranking.index,
        from: ranking.from,
        to: ranking.to,
        weights: ranking.weights,
        rows: ranking.rows,
        publishedBy: actor.userId,
      })
      .returning();
    return { ...ranking, id: row!.id, publishedAt: row!.publishedAt.toISOString(), publishedBy: actor.name };
  });
}

const summaryColumns = {
  p: publishedRankings,
  orgName: orgs.name,
  publishedBy: users.name,
};

/** Rankings published at an org or above it: what its branches were shown, newest first. */
export async function listPublished(db: Db, actor: Actor, orgId: number): Promise<PublishedRankingSummary[]> {
  const org = await loadOrg(db, actor, orgId);
  const rows = await db
    .select(summaryColumns)
    .from(publishedRankings)
    .innerJoin(orgs, eq(orgs.id, publishedRankings.orgId))
    .innerJoin(users, eq(users.id, publishedRankings.publishedBy))
    .where(inArray(publishedRankings.orgId, pathIds(org.path)))
    .orderBy(desc(publishedRankings.publishedAt));
  return rows.map(({ p, orgName, publishedBy }) => ({
    id: p.id,
    orgId: p.orgId,
    orgName,
    period: p.period,
    year: p.year,
    index: p.index,
    from: p.from,
    to: p.to,
    publishedAt: p.publishedAt.toISOString(),
    publishedBy,
    branches: p.rows.length,
  }));
}

/** A published ranking is for everyone at or below the org that published it. */
export async function getPublished(db: Db, actor: Actor, id: number): Promise<PublishedRanking> {
  const [row] = await db
    .select({ ...summaryColumns, path: orgs.path })
    .from(publishedRankings)
    .innerJoin(orgs, eq(orgs.id, publishedRankings.orgId))
    .innerJoin(users, eq(users.id, publishedRankings.publishedBy))
    .where(eq(publishedRankings.id, id));
  const below = row && actor.bindings.some((b) => b.orgPath.startsWith(row.path));
  if (!row || !(canSee(actor, row.path) || below)) throw notFound();
  const { p, orgName, publishedBy } = row;
  return {
    id: p.id,
    orgId: p.orgId,
    orgName,
    period: p.period,
    year: p.year,
    index: p.index,
    from: p.from,
    to: p.to,
    weights: p.weights,
    rows: p.rows,
    publishedAt: p.publishedAt.toISOString(),
    publishedBy,
  };
}
