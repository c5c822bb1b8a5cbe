import { and, asc, eq, gte, lt, lte, ne, sql } from 'drizzle-orm';
import { chinaDate, monthRange } from '../../../common/dates';
import type { Ledger, LedgerRow, LedgerVerification } from '../../../common/schemas/ledger';
import type { Actor } from '../../access/actor';
import { loadBranch } from '../../core/fixed-day/fixed-day-org';
import { type ChainBreak, verifyChain } from '../../core/ledger/chain';
import { attendanceDigests, liveFilesOf, minutesDigest, sealEnded } from '../../core/ledger/facts';
import type { Db, DbOrTx } from '../../db/open';
import { activities, activityChanges, ledgerEntries, venues } from '../../db/schema/index';
import { activityFigures } from '../../read-model/activity-figures';
import { attendanceOf } from '../attendance/index';

type LedgerActivity = Awaited<ReturnType<typeof ledgerRows>>[number];

/** The branch, with the ledger sealed up to now, and its activities of the year that have begun. */
async function readLedger(db: Db, actor: Actor, orgId: number, year: number, now: Date) {
  const org = await loadBranch(db, actor, orgId, 'activity.read');
  await db.transaction((tx) => sealEnded(tx, orgId, now));
  return { org, rows: await ledgerRows(db, orgId, year, now) };
}

function shapeLedger(org: { id: number; name: string }, year: number, rows: LedgerActivity[]): Ledger {
  const months = Array.from({ length: 12 }, (_, i) => {
    const inMonth = rows.filter((r) => Number(r.date.slice(5, 7)) === i + 1);
    return { month: i + 1, activities: inMonth.length, complete: inMonth.filter((r) => r.complete).length };
  });
  return {
    orgId: org.id,
    orgName: org.name,
    year,
    rows,
    months,
    totals: { activities: rows.length, complete: rows.filter((r) => r.complete).length },
  };
}

/** The activities of a branch that have begun in the year, as the ledger shows them, with their completeness. */
export async function getLedger(
  db: Db,
  actor: Actor,
  orgId: number,
  year: number,
  now: Date,
): Promise<Ledger> {
  const { org, rows } = await readLedger(db, actor, orgId, year, now);
  return shapeLedger(org, year, rows);
}

/**
 * Everything an export of the year prints — the ledger, each activity's minutes, attendance and
 * first photos — read in the same few queries however many activities the year holds.
 */
export async function ledgerForExport(
  db: Db,
  actor: Actor,
  orgId: number,
  year: number,
  now: Date,
  photosPerActivity: number,
) {
  const { org, rows } = await readLedger(db, actor, orgId, year, now);
  const ids = rows.map((r) => r.activityId);
  return {
    ledger: shapeLedger(org, year, rows),
    rows,
    attendance: await attendanceOf(db, org.path, ids),
    thumbnails: await thumbnailsOf(db, ids, photosPerActivity),
  };
}

/** The thumbnails of each activity's first photos, in one query. */
async function thumbnailsOf(db: DbOrTx, activityIds: number[], perActivity: number) {
  const thumbs = new Map<number, string[]>(activityIds.map((id) => [id, []]));
  if (!activityIds.length || perActivity <= 0) return thumbs;
  const { rows } = await db.execute<{ activity_id: number; thumb_path: string }>(sql`
    SELECT activity_id, thumb_path FROM (
      SELECT activity_id, thumb_path, row_number() OVER (PARTITION BY activity_id ORDER BY id) AS n
      FROM activity_files
      WHERE activity_id = ANY(${sql.param(activityIds)}::int[]) AND kind = 'photo' AND deleted_at IS NULL) f
    WHERE n <= ${perActivity} AND thumb_path IS NOT NULL ORDER BY activity_id, n`);
  for (const r of rows) thumbs.get(r.activity_id)!.push(r.thumb_path);
  return thumbs;
}

export async function ledgerRows(
  db: DbOrTx,
  orgId: number,
  year: number,
  now: Date,
): Promise<
  (LedgerRow & { minutesHtml: string | null; decisions: string | null; startsAt: Date; endsAt: Date })[]
> {
  const list = await db
    .select({
      a: activities,
      venueName: venues.name,
      lateEdits: sql<number>`(SELECT count(*)::int FROM ${activityChanges} c WHERE c.activity_id = ${activities.id} AND c.late)`,
    })
    .from(activities)
    .leftJoin(venues, eq(venues.id, activities.venueId))
    .where(
      and(
        eq(activities.orgId, orgId),
        ne(activities.status, 'cancelled'),
        gte(activities.startsAt, monthRange(year, 1).from),
        lt(activities.startsAt, monthRange(year, 12).to),
        // A record of what was held: activities still to come are in the calendar, not the ledger.
        lte(activities.startsAt, now),
      ),
    )
    .orderBy(asc(activities.startsAt));
  const figures = await activityFigures(
    db,
    list.map((l) => l.a.id),
  );
  return list.map(({ a, venueName, lateEdits }) => {
    const f = figures.get(a.id)!;
    return {
      activityId: a.id,
      date: chinaDate(a.startsAt),
      type: a.type,
      theme: a.theme,
      title: a.title,
      venueName,
      counts: f.counts,
      completeness: f.completeness,
      complete: f.completeness.materials && f.completeness.attendance && f.completeness.records,
      shortReason: a.shortReason,
      lateEdits,
      minutesHtml: a.minutesHtml,
      decisions: a.decisions,
      startsAt: a.startsAt,
      endsAt: a.endsAt,
    };
  });
}

type Entry = typeof ledgerEntries.$inferSelect;
const breakOf = (e: Entry): ChainBreak => ({ seq: e.seq, activityId: e.activityId, kind: e.kind, at: e.at });

/**
 * Whether the branch's record was changed silently: every link of the hash chain must hold, and
 * what the tables hold now must be what the chain last recorded — the activity's time and place,
 * its minutes, its photos and files, and (once sealed) its attendance.
 */
export async function verifyLedger(
  db: Db,
  actor: Actor,
  orgId: number,
  now: Date,
): Promise<LedgerVerification> {
  await loadBranch(db, actor, orgId, 'activity.read');
  await db.transaction((tx) => sealEnded(tx, orgId, now));
  const chain = await verifyChain(db, orgId);
  const present = (b: ChainBreak | null): LedgerVerification => ({
    intact: b === null,
    entries: chain.entries,
    brokenAt: b ? { ...b, at: b.at.toISOString() } : null,
  });
  if (chain.brokenAt) return present(chain.brokenAt);

  const entries = await db
    .select()
    .from(ledgerEntries)
    .where(eq(ledgerEntries.orgId, orgId))
    .orderBy(asc(ledgerEntries.seq));
  const byActivity = new Map<number, Entry[]>();
  for (const e of entries)
    if (e.activityId !== null) byActivity.set(e.activityId, [...(byActivity.get(e.activityId) ?? []), e]);
  const live = await db
    .select()
    .from(activities)
    .where(eq(activities.orgId, orgId))
    .orderBy(asc(activities.id));
  const ids = live.map((a) => a.id);
  const [filesOf, digests] = [await liveFilesOf(db, ids), await attendanceDigests(db, ids)];
  const breaks: ChainBreak[] = [];
  for (const a of live) {
    const facts = byActivity.get(a.id) ?? [];
    const core = facts.filter((e) => ['scheduled', 'rescheduled', 'edited'].includes(e.kind)).at(-1);
    if (!core) {
      // An activity the chain never heard of was written around the app.
      breaks.push({ seq: 0, activityId: a.id, kind: 'unrecorded_activity', at: a.createdAt });
      continue;
    }
    const p = core.payload;
    if (
      p.title !== a.title ||
      p.startsAt !== a.startsAt.toISOString() ||
      p.endsAt !== a.endsAt.toISOString() ||
      (p.venueId ?? null) !== a.venueId
    ) {
      breaks.push(breakOf(core));
    }
    const cancelled = facts.find((e) => e.kind === 'cancelled');
    if (Boolean(cancelled) !== (a.status === 'cancelled'))
      breaks.push(cancelled ? breakOf(cancelled) : breakOf(core));
    const minutes = facts.filter((e) => e.kind === 'minutes').at(-1);
    const hasMinutes = Boolean(a.minutesHtml || a.decisions);
    if (minutes ? minutes.payload.digest !== minutesDigest(a) : hasMinutes)
      breaks.push(minutes ? breakOf(minutes) : breakOf(core));
    const files = new Map<number, { sha: string; entry: Entry }>();
    for (const e of facts) {
      if (e.kind === 'file_added')
        files.set(e.payload.fileId as number, { sha: e.payload.sha256 as string, entry: e });
      if (e.kind === 'file_removed') files.delete(e.payload.fileId as number);
    }
    const liveList = filesOf.get(a.id)!;
    for (const f of liveList) {
      const known = files.get(f.id);
      if (!known || known.sha !== f.sha256) breaks.push(known ? breakOf(known.entry) : breakOf(core));
    }
    for (const [id, known] of files)
      if (!liveList.some((f) => f.id === id)) breaks.push(breakOf(known.entry));
    const attendance = facts
      .filter((e) => e.kind === 'attendance_sealed' || e.kind === 'attendance_edit')
      .at(-1);
    if (attendance && attendance.payload.digest !== digests.get(a.id)) breaks.push(breakOf(attendance));
  }
  breaks.sort((x, y) => x.seq - y.seq);
  return present(breaks[0] ?? null);
}
