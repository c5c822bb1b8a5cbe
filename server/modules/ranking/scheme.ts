import { and, eq, inArray } from 'drizzle-orm';
import { DEFAULT_WEIGHTS, SCORE_ITEMS } from '../../../common/enums';
import type { ScoringScheme, Weights } from '../../../common/schemas/ranking';
import type { Actor } from '../../access/actor';
import { loadOrg } from '../../access/load-org';
import { pathIds } from '../../access/org-path';
import { authorize } from '../../access/policy';
import type { Db, DbOrTx } from '../../db/open';
import { orgs, scoringSchemes } from '../../db/schema/index';

/** Every item present, in the canonical order (a scheme saved before an item existed counts it as 0). */
const complete = (w: Partial<Weights>): Weights =>
  Object.fromEntries(SCORE_ITEMS.map((i) => [i, w[i] ?? 0])) as Weights;

/** The weights in force for an org's year: its own scheme, else the nearest one above it, else the defaults. */
export async function schemeFor(tx: DbOrTx, path: string, year: number) {
  const ids = pathIds(path);
  const rows = await tx
    .select({
      orgId: scoringSchemes.orgId,
      weights: scoringSchemes.weights,
      orgName: orgs.name,
      path: orgs.path,
    })
    .from(scoringSchemes)
    .innerJoin(orgs, eq(orgs.id, scoringSchemes.orgId))
    .where(and(inArray(scoringSchemes.orgId, ids), eq(scoringSchemes.year, year)));
  const nearest = rows.sort((a, b) => b.path.length - a.path.length)[0];
  return nearest
    ? { orgId: nearest.orgId, orgName: nearest.orgName, weights: complete(nearest.weights) }
    : { orgId: null, orgName: null, weights: { ...DEFAULT_WEIGHTS } };
}

export async function getScheme(db: Db, actor: Actor, orgId: number, year: number): Promise<ScoringScheme> {
  const org = await loadOrg(db, actor, orgId);
  authorize(actor, 'stats.read', org.path);
  const s = await schemeFor(db, org.path, year);
  return { orgId: org.id, orgName: org.name, year, weights: s.weights, inherited: s.orgId !== org.id };
}

export async function saveScheme(
  db: Db,
  actor: Actor,
  orgId: number,
  year: number,
  weights: Weights,
  now: Date,
): Promise<ScoringScheme> {
  return db.transaction(async (tx) => {
    const org = await loadOrg(tx, actor, orgId);
    authorize(actor, 'assessment.manage', org.path);
    await tx
      .insert(scoringSchemes)
      .values({ orgId, year, weights: complete(weights), updatedBy: actor.userId })
      .onConflictDoUpdate({
        target: [scoringSchemes.orgId, scoringSchemes.year],
        set: { weights: complete(weights), updatedBy: actor.userId, updatedAt: now },
      });
    return { orgId, orgName: org.name, year, weights: complete(weights), inherited: false };
  });
}
