import { createHmac, randomBytes } from 'node:crypto';
import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import ical, { ICalEventStatus } from 'ical-generator';
import { chinaDate } from '../../../common/dates';
import { translate } from '../../../common/i18n/translate';
import type { CalendarFeeds } from '../../../common/schemas/notice';
import type { Actor } from '../../access/actor';
import { loadOrg } from '../../access/load-org';
import { pathIds } from '../../access/org-path';
import { can } from '../../access/policy';
import type { Config } from '../../config';
import { fixedDaysOfYear } from '../../core/fixed-day/fixed-days';
import { addDays } from '../../core/fixed-day/holidays';
import { signingKey } from '../../core/signing-key';
import type { Db } from '../../db/open';
import { activities, calendarTokens, members, orgs, venues } from '../../db/schema/index';
import { AppError, notFound } from '../../errors';

const DAY = 86_400_000;

/** The branch feed's key: a calendar app cannot log in, so the address itself is the permission. */
async function feedKey(db: Db, orgId: number) {
  return createHmac('sha256', await signingKey(db))
    .update(`ics:${orgId}`)
    .digest('base64url')
    .slice(0, 22);
}

/** Activities of the given orgs from a year back to a year ahead, with the fixed days still open. */
async function buildCalendar(db: Db, name: string, orgIds: number[], at: Date) {
  const now = at.getTime();
  const rows = await db
    .select({ a: activities, venue: venues, orgName: orgs.name, fixedDay: orgs.fixedDay })
    .from(activities)
    .innerJoin(orgs, eq(orgs.id, activities.orgId))
    .leftJoin(venues, eq(venues.id, activities.venueId))
    .where(
      and(
        inArray(activities.orgId, orgIds),
        gte(activities.startsAt, new Date(now - 365 * DAY)),
        lt(activities.startsAt, new Date(now + 365 * DAY)),
      ),
    );
  const cal = ical({
    name,
    timezone: 'Asia/Shanghai',
    prodId: { company: 'vanguard', product: 'fixed-day' },
  });
  for (const { a, venue } of rows) {
    cal.createEvent({
      id: `activity-${a.id}@vanguard`,
      start: a.startsAt,
      end: a.endsAt,
      summary: a.title,
      description: a.content ?? undefined,
      location: venue ? [venue.name, venue.address].filter(Boolean).join('，') : undefined,
      status: a.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  // A month's fixed day with nothing scheduled yet still belongs in the calendar, as a whole day.
  const orgRows = await db
    .select({ id: orgs.id, name: orgs.name, fixedDay: orgs.fixedDay })
    .from(orgs)
    .where(inArray(orgs.id, orgIds));
  const today = chinaDate(at);
  const year = Number(today.slice(0, 4));
  for (const o of orgRows) {
    if (!o.fixedDay) continue;
    for (const d of [...fixedDaysOfYear(o.fixedDay, year), ...fixedDaysOfYear(o.fixedDay, year + 1)]) {
      if (d.fixedDate < today || d.fixedDate > addDays(today, 365)) continue;
      const month = d.fixedDate.slice(0, 7);
      if (
        rows.some(
          ({ a }) =>
            a.orgId === o.id && chinaDate(a.startsAt).startsWith(month) && a.type === 'themed_party_day',
        )
      )
        continue;
      cal.createEvent({
        id: `fixed-day-${o.id}-${month}@vanguard`,
        start: new Date(`${d.fixedDate}T00:00:00+08:00`),
        allDay: true,
        summary: translate('zh-CN', 'server.ics.fixedDay', { org: o.name }),
      });
    }
  }
  return cal.toString();
}

export async function branchFeed(
  db: Db,
  actor: Actor | null,
  orgId: number,
  key: string | undefined,
  now: Date,
) {
  const [org] = await db.select().from(orgs).where(eq(orgs.id, orgId));
  if (!org) throw notFound();
  const allowed =
    (actor && can(actor, 'activity.read', org.path)) ||
    (key !== undefined && key === (await feedKey(db, orgId)));
  if (!allowed) throw notFound();
  return buildCalendar(db, translate('zh-CN', 'server.ics.calendarName', { org: org.name }), [orgId], now);
}

export async function memberFeed(db: Db, token: string, now: Date) {
  const [row] = await db
    .select({ memberId: calendarTokens.memberId, path: orgs.path, orgName: orgs.name })
    .from(calendarTokens)
    .innerJoin(members, eq(members.id, calendarTokens.memberId))
    .innerJoin(orgs, eq(orgs.id, members.orgId))
    .where(eq(calendarTokens.token, token));
  if (!row) throw notFound();
  // A member's calendar holds their branch's activities and those of the general branch above it.
  return buildCalendar(
    db,
    translate('zh-CN', 'server.ics.calendarName', { org: row.orgName }),
    pathIds(row.path),
    now,
  );
}

export async function calendarFeeds(
  db: Db,
  config: Config,
  actor: Actor,
  orgId: number | undefined,
  origin: string,
): Promise<CalendarFeeds> {
  const base = `${config.publicUrl ?? origin}/api/v1`;
  let branchUrl: string | null = null;
  if (orgId !== undefined) {
    const org = await loadOrg(db, actor, orgId);
    if (!can(actor, 'activity.read', org.path)) throw new AppError(403, 'forbidden', 'errors.forbidden');
    branchUrl = `${base}/orgs/${orgId}/calendar.ics?key=${await feedKey(db, orgId)}`;
  }
  let memberUrl: string | null = null;
  if (actor.memberId !== null) {
    await db
      .insert(calendarTokens)
      .values({ memberId: actor.memberId, token: randomBytes(18).toString('base64url') })
      .onConflictDoNothing();
    const [t] = await db.select().from(calendarTokens).where(eq(calendarTokens.memberId, actor.memberId));
    memberUrl = `${base}/calendar/${t!.token}.ics`;
  }
  return { branchUrl, memberUrl };
}
