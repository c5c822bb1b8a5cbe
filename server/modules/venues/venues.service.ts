import { and, eq, inArray } from 'drizzle-orm';
import type { Venue, VenueCreate, VenueUpdate } from '../../../common/schemas/venue';
import type { Actor } from '../../access/actor';
import { loadOrg } from '../../access/load-org';
import { pathIds } from '../../access/org-path';
import { authorize } from '../../access/policy';
import { foreignKeyViolation } from '../../db/errors';
import type { Db, DbOrTx } from '../../db/open';
import { orgs, venues } from '../../db/schema/index';
import { AppError, notFound, ruleBroken } from '../../errors';

type VenueRow = typeof venues.$inferSelect;
export const presentVenue = ({ createdAt: _, ...v }: VenueRow): Venue => v;

/** The org's own venues and those of its ancestors (a township's cultural square serves its villages). */
export async function listVenues(db: Db, actor: Actor, orgId: number): Promise<Venue[]> {
  const org = await loadOrg(db, actor, orgId);
  authorize(actor, 'activity.read', org.path);
  const rows = await db
    .select()
    .from(venues)
    .where(inArray(venues.orgId, pathIds(org.path)))
    .orderBy(venues.id);
  return rows.map(presentVenue);
}

export async function createVenue(db: Db, actor: Actor, orgId: number, input: VenueCreate): Promise<Venue> {
  const org = await loadOrg(db, actor, orgId);
  authorize(actor, 'activity.manage', org.path);
  const [row] = await db
    .insert(venues)
    .values({ ...input, orgId })
    .returning();
  return presentVenue(row!);
}

async function loadVenueForWrite(tx: DbOrTx, actor: Actor, id: number) {
  const [row] = await tx
    .select({ venue: venues, path: orgs.path })
    .from(venues)
    .innerJoin(orgs, eq(orgs.id, venues.orgId))
    .where(eq(venues.id, id));
  if (!row) throw notFound();
  authorize(actor, 'activity.manage', row.path);
  return row.venue;
}

export async function updateVenue(db: Db, actor: Actor, id: number, input: VenueUpdate): Promise<Venue> {
  await loadVenueForWrite(db, actor, id);
  const [row] = await db.update(venues).set(input).where(eq(venues.id, id)).returning();
  return presentVenue(row!);
}

export async function deleteVenue(db: Db, actor: Actor, id: number): Promise<void> {
  await loadVenueForWrite(db, actor, id);
  try {
    await db.delete(venues).where(eq(venues.id, id));
  } catch (e) {
    // A venue that activities or plans name stays in their record; only unused ones go.
    if (foreignKeyViolation(e)) throw ruleBroken('venue_in_use', 'errors.venue.inUse');
    throw e;
  }
}

/** A venue an activity or plan of `orgPath` may use: its own or an ancestor's. */
export async function usableVenue(
  tx: DbOrTx,
  orgPath: string,
  venueId: number | null | undefined,
  field = 'venueId',
) {
  if (venueId === null || venueId === undefined) return null;
  const [row] = await tx
    .select()
    .from(venues)
    .where(and(eq(venues.id, venueId), inArray(venues.orgId, pathIds(orgPath))));
  if (!row) throw notFoundField(field);
  return row;
}

const notFoundField = (field: string) => new AppError(404, 'not_found', 'errors.notFound', {}, field);
