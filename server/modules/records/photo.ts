import os from 'node:os';
import exifr from 'exifr';
import heicConvert from 'heic-convert';
import sharp from 'sharp';

export type PhotoFacts = { thumbnail: Buffer; takenAt: Date | null; lat: number | null; lng: number | null };

/** EXIF times carry no zone; a phone in China writes China time unless it says otherwise. */
function exifTime(value: unknown, offset: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})/.exec(value);
  if (!m) return null;
  const zone = typeof offset === 'string' && /^[+-]\d{2}:\d{2}$/.test(offset) ? offset : '+08:00';
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * The EXIF block as TIFF bytes. libvips reads it from every format we take, HEIC included:
 * exifr's own HEIC reader ignores the item's base offset that libheif-written files use.
 */
async function exifOf(data: Buffer): Promise<Buffer | null> {
  const { exif } = await sharp(data)
    .metadata()
    .catch(() => ({ exif: undefined }));
  if (!exif) return null;
  return exif.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? exif.subarray(6) : exif;
}

/** A photo that cannot be kept: not decodable, or more pixels than any phone takes. */
export class PhotoRefused extends Error {
  constructor(readonly reason: 'unreadable' | 'too_many_pixels') {
    super(reason);
  }
}

/** Decoding takes a core and up to hundreds of MB: this many at once, the rest wait their turn. */
const DECODERS = Math.max(1, Math.min(2, os.availableParallelism()));
let decoding = 0;
const waiting: (() => void)[] = [];

async function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  if (decoding >= DECODERS) await new Promise<void>((resolve) => waiting.push(resolve));
  decoding++;
  try {
    return await work();
  } finally {
    decoding--;
    waiting.shift()?.();
  }
}

/** The header's size, before anything is decoded: a small file can unpack to gigabytes. */
async function checkPixels(data: Buffer, maxPixels: number): Promise<void> {
  const { width, height } = await sharp(data, { limitInputPixels: false })
    .metadata()
    .catch(() => ({ width: undefined, height: undefined }));
  if (width && height && width * height > maxPixels) throw new PhotoRefused('too_many_pixels');
}

async function thumbnailOf(data: Buffer, mime: string, maxPixels: number): Promise<Buffer> {
  await checkPixels(data, maxPixels);
  try {
    const decodable =
      mime === 'image/heic'
        ? Buffer.from(await heicConvert({ buffer: new Uint8Array(data), format: 'JPEG', quality: 0.9 }))
        : data;
    return await sharp(decodable, { limitInputPixels: maxPixels, failOn: 'error' })
      .rotate()
      .resize({ width: 320, height: 320, fit: 'inside' })
      .jpeg({ quality: 78 })
      .toBuffer();
  } catch (e) {
    throw e instanceof PhotoRefused ? e : new PhotoRefused('unreadable');
  }
}

/** A 320-pixel JPEG thumbnail (HEIC decoded first), and when and where the photo was taken. */
export async function photoFacts(data: Buffer, mime: string, maxPixels: number): Promise<PhotoFacts> {
  const thumbnail = await oneAtATime(() => thumbnailOf(data, mime, maxPixels));
  const exif = await exifOf(data);
  const tags = (
    exif
      ? await exifr
          .parse(exif, {
            reviveValues: false,
            pick: ['DateTimeOriginal', 'CreateDate', 'OffsetTimeOriginal'],
          })
          .catch(() => null)
      : null
  ) as Record<string, unknown> | null;
  const gps = (exif ? await exifr.gps(exif).catch(() => null) : null) as {
    latitude?: number;
    longitude?: number;
  } | null;
  return {
    thumbnail,
    takenAt: exifTime(tags?.DateTimeOriginal ?? tags?.CreateDate, tags?.OffsetTimeOriginal),
    lat: typeof gps?.latitude === 'number' && Number.isFinite(gps.latitude) ? gps.latitude : null,
    lng: typeof gps?.longitude === 'number' && Number.isFinite(gps.longitude) ? gps.longitude : null,
  };
}
