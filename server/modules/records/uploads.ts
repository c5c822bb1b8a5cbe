import { createHash } from 'node:crypto';
import { chinaDate } from '../../../common/dates';
import type { Config } from '../../config';
import { distanceM } from '../../core/fixed-day/geofence';
import { appendLedger } from '../../core/ledger/chain';
import type { DbOrTx } from '../../db/open';
import { activityFiles } from '../../db/schema/index';
import { AppError, invalidField } from '../../errors';
import type { Storage } from '../../storage/local';
import { detect } from './file-types';
import { type PhotoFacts, PhotoRefused, photoFacts } from './photo';

export type Upload = { name: string; data: Buffer };
type Flag = 'date_mismatch' | 'place_mismatch';

export type PreparedUpload = Upload & {
  type: NonNullable<ReturnType<typeof detect>>;
  facts: PhotoFacts | null;
  flags: Flag[];
  sha256: string;
};

/** A photo's facts, or a refusal that names the file: broken, or too many pixels to decode. */
async function readPhoto(u: Upload & { type: { mime: string } }, maxPixels: number): Promise<PhotoFacts> {
  try {
    return await photoFacts(u.data, u.type.mime, maxPixels);
  } catch (e) {
    if (!(e instanceof PhotoRefused)) throw e;
    if (e.reason === 'too_many_pixels')
      throw invalidField('files', 'errors.records.tooManyPixels', {
        name: u.name,
        max: Math.round(maxPixels / 1_000_000),
      });
    throw invalidField('files', 'errors.records.unreadablePhoto', { name: u.name });
  }
}

type Where = { lat: number | null; lng: number | null; radiusM: number | null };

/**
 * Every upload checked before any is kept: its type from its bytes, a photo's date and place
 * from its EXIF, flagged when they miss the activity's day or venue.
 */
export async function prepareUploads(
  config: Config,
  uploads: Upload[],
  when: { startsAt: Date; endsAt: Date },
  venue: Where | null,
): Promise<PreparedUpload[]> {
  const typed = uploads.map((u) => {
    const type = detect(u.data, u.name);
    if (!type) throw new AppError(415, 'file_type', 'errors.records.fileType', { name: u.name }, 'files');
    return { ...u, type };
  });
  const prepared: PreparedUpload[] = [];
  for (const u of typed) {
    const facts = u.type.kind === 'photo' ? await readPhoto(u, config.maxImagePixels) : null;
    const flags: Flag[] = [];
    if (facts?.takenAt) {
      const day = chinaDate(facts.takenAt);
      if (day < chinaDate(when.startsAt) || day > chinaDate(when.endsAt)) flags.push('date_mismatch');
    }
    if (facts?.lat != null && facts.lng != null && venue?.lat != null && venue.lng != null) {
      // A photo's GPS is rough; only a clear miss is flagged.
      const tolerance = Math.max(venue.radiusM ?? 0, 500);
      if (distanceM({ lat: venue.lat, lng: venue.lng }, { lat: facts.lat, lng: facts.lng }) > tolerance)
        flags.push('place_mismatch');
    }
    prepared.push({ ...u, facts, flags, sha256: createHash('sha256').update(u.data).digest('hex') });
  }
  return prepared;
}

/** Writes the files (and thumbnails) before the transaction that records them; see `discardStored`. */
export async function storeUploads(storage: Storage, prepared: PreparedUpload[]): Promise<string[]> {
  const stored: string[] = [];
  try {
    for (const p of prepared) {
      stored.push(await storage.save(p.data, p.type.ext));
      if (p.facts) stored.push(await storage.save(p.facts.thumbnail, 'jpg'));
    }
  } catch (e) {
    await discardStored(storage, stored);
    throw e;
  }
  return stored;
}

/** Nothing half-written: the files of a refused record do not stay on disk. */
export async function discardStored(storage: Storage, stored: string[]): Promise<void> {
  await Promise.all(stored.map((s) => storage.remove(s)));
}

/** The stored files' rows, each chained in the branch's ledger. */
export async function insertUploads(
  tx: DbOrTx,
  prepared: PreparedUpload[],
  stored: string[],
  fact: { orgId: number; activityId: number; userId: number; late: boolean; reason: string | null },
  now: Date,
): Promise<void> {
  let i = 0;
  for (const p of prepared) {
    const path = stored[i++]!;
    const thumbPath = p.facts ? stored[i++]! : null;
    const [row] = await tx
      .insert(activityFiles)
      .values({
        activityId: fact.activityId,
        kind: p.type.kind,
        name: p.name.slice(0, 200),
        mime: p.type.mime,
        size: p.data.length,
        path,
        thumbPath,
        sha256: p.sha256,
        takenAt: p.facts?.takenAt ?? null,
        lat: p.facts?.lat ?? null,
        lng: p.facts?.lng ?? null,
        flags: p.flags,
        uploadedBy: fact.userId,
      })
      .returning();
    await appendLedger(
      tx,
      {
        orgId: fact.orgId,
        activityId: fact.activityId,
        kind: 'file_added',
        payload: {
          fileId: row!.id,
          sha256: p.sha256,
          name: row!.name,
          kind: p.type.kind,
          late: fact.late,
          reason: fact.reason,
        },
        byUserId: fact.userId,
      },
      now,
    );
  }
}
