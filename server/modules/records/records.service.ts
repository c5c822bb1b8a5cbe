import { and, asc, eq, isNull } from 'drizzle-orm';
import sanitizeHtml from 'sanitize-html';
import type { ActivityFile, ActivityRecords, MinutesInput } from '../../../common/schemas/record';
import type { Actor } from '../../access/actor';
import type { Config } from '../../config';
import { type ActivityRow, loadActivity } from '../../core/fixed-day/activity';
import { appendLedger } from '../../core/ledger/chain';
import { minutesDigest, sealEnded } from '../../core/ledger/facts';
import type { Db, DbOrTx } from '../../db/open';
import { activities, activityChanges, activityFiles, venues } from '../../db/schema/index';
import { invalidField, notFound } from '../../errors';
import type { Storage } from '../../storage/local';
import { discardStored, insertUploads, prepareUploads, storeUploads, type Upload } from './uploads';

type FileRow = typeof activityFiles.$inferSelect;

const presentFile = (f: FileRow): ActivityFile => ({
  id: f.id,
  kind: f.kind,
  name: f.name,
  mime: f.mime,
  size: f.size,
  url: `/api/v1/files/${f.id}`,
  thumbUrl: f.thumbPath ? `/api/v1/files/${f.id}/thumb` : null,
  takenAt: f.takenAt?.toISOString() ?? null,
  lat: f.lat,
  lng: f.lng,
  flags: f.flags,
  uploadedAt: f.createdAt.toISOString(),
});

export async function getRecords(db: DbOrTx, actor: Actor, activityId: number): Promise<ActivityRecords> {
  const { activity } = await loadActivity(db, actor, activityId, 'activity.read');
  const files = await db
    .select()
    .from(activityFiles)
    .where(and(eq(activityFiles.activityId, activityId), isNull(activityFiles.deletedAt)))
    .orderBy(asc(activityFiles.id));
  return {
    minutesHtml: activity.minutesHtml,
    decisions: activity.decisions,
    updatedAt: activity.recordsUpdatedAt?.toISOString() ?? null,
    files: files.map(presentFile),
  };
}

/**
 * Records may be added after the day (a forgotten photo must not turn a held meeting into "not
 * done"), but past the configured days a change needs a reason, and the reason is kept.
 */
function lateReason(
  config: Config,
  activity: ActivityRow,
  reason: string | undefined,
  now: Date,
): { late: boolean; reason: string | null } {
  const late = now.getTime() > activity.endsAt.getTime() + config.lateEditDays * 86_400_000;
  if (late && !reason?.trim())
    throw invalidField('reason', 'errors.records.lateReason', { days: config.lateEditDays });
  return { late, reason: reason?.trim() || null };
}

const ALLOWED_HTML: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'b',
    'strong',
    'i',
    'em',
    'u',
    's',
    'ul',
    'ol',
    'li',
    'h3',
    'h4',
    'blockquote',
    'span',
  ],
  allowedAttributes: {},
};

export async function saveMinutes(
  db: Db,
  config: Config,
  actor: Actor,
  activityId: number,
  input: MinutesInput,
  now: Date,
): Promise<ActivityRecords> {
  await db.transaction(async (tx) => {
    const { activity, org } = await loadActivity(tx, actor, activityId, 'activity.manage', true);
    const { late, reason } = lateReason(config, activity, input.reason, now);
    const minutesHtml = sanitizeHtml(input.minutesHtml, ALLOWED_HTML);
    // An editor left empty (or only blank paragraphs) is not a record of the meeting.
    if (
      !sanitizeHtml(minutesHtml, { allowedTags: [], allowedAttributes: {} })
        .replace(/&nbsp;/g, '')
        .trim()
    )
      throw invalidField('minutesHtml', 'errors.records.emptyMinutes');
    const decisions = input.decisions ?? null;
    await tx
      .update(activities)
      .set({ minutesHtml, decisions, recordsUpdatedAt: now })
      .where(eq(activities.id, activityId));
    await sealEnded(tx, org.id, now);
    await appendLedger(
      tx,
      {
        orgId: org.id,
        activityId,
        kind: 'minutes',
        payload: { digest: minutesDigest({ minutesHtml, decisions }), late, reason },
        byUserId: actor.userId,
      },
      now,
    );
    if (late)
      await tx
        .insert(activityChanges)
        .values({ activityId, kind: 'minutes', reason, late, byUserId: actor.userId });
  });
  return getRecords(db, actor, activityId);
}

/** Photos and files from a phone, several at once; all are checked before any is kept. */
export async function addFiles(
  db: Db,
  config: Config,
  storage: Storage,
  actor: Actor,
  activityId: number,
  uploads: Upload[],
  reasonText: string | undefined,
  now: Date,
) {
  const { activity } = await loadActivity(db, actor, activityId, 'activity.manage');
  if (!uploads.length) throw invalidField('files', 'errors.records.noFiles');
  const { late, reason } = lateReason(config, activity, reasonText, now);
  const [venue] =
    activity.venueId === null ? [] : await db.select().from(venues).where(eq(venues.id, activity.venueId));
  const prepared = await prepareUploads(config, uploads, activity, venue ?? null);
  const stored = await storeUploads(storage, prepared);
  try {
    await db.transaction(async (tx) => {
      const { org } = await loadActivity(tx, actor, activityId, 'activity.manage', true);
      await insertUploads(
        tx,
        prepared,
        stored,
        { orgId: org.id, activityId, userId: actor.userId, late, reason },
        now,
      );
      await tx.update(activities).set({ recordsUpdatedAt: now }).where(eq(activities.id, activityId));
      if (late)
        await tx
          .insert(activityChanges)
          .values({ activityId, kind: 'files_added', reason, late, byUserId: actor.userId });
    });
  } catch (e) {
    // Nothing half-written: files of a refused upload do not stay on disk.
    await discardStored(storage, stored);
    throw e;
  }
  return getRecords(db, actor, activityId);
}

export async function removeFile(
  db: Db,
  config: Config,
  actor: Actor,
  fileId: number,
  reasonText: string | undefined,
  now: Date,
): Promise<ActivityRecords> {
  const [file] = await db
    .select()
    .from(activityFiles)
    .where(and(eq(activityFiles.id, fileId), isNull(activityFiles.deletedAt)));
  if (!file) throw notFound();
  await db.transaction(async (tx) => {
    const { activity, org } = await loadActivity(tx, actor, file.activityId, 'activity.manage', true);
    const { late, reason } = lateReason(config, activity, reasonText, now);
    // The file stays on disk and in the table: a removal is a fact of the record too.
    await tx.update(activityFiles).set({ deletedAt: now }).where(eq(activityFiles.id, fileId));
    await appendLedger(
      tx,
      {
        orgId: org.id,
        activityId: activity.id,
        kind: 'file_removed',
        payload: { fileId, late, reason },
        byUserId: actor.userId,
      },
      now,
    );
    if (late)
      await tx
        .insert(activityChanges)
        .values({ activityId: activity.id, kind: 'file_removed', reason, late, byUserId: actor.userId });
  });
  return getRecords(db, actor, file.activityId);
}

export async function fileContent(db: Db, storage: Storage, actor: Actor, fileId: number, thumb: boolean) {
  const [file] = await db
    .select()
    .from(activityFiles)
    .where(and(eq(activityFiles.id, fileId), isNull(activityFiles.deletedAt)));
  if (!file) throw notFound();
  await loadActivity(db, actor, file.activityId, 'activity.read');
  if (thumb && !file.thumbPath) throw notFound();
  return {
    data: await storage.read(thumb ? file.thumbPath! : file.path),
    mime: thumb ? 'image/jpeg' : file.mime,
    name: file.name,
  };
}
