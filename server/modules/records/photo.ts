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

/** A 320-pixel JPEG thumbnail (HEIC decoded first), and when and where the photo was taken. */
export async function photoFacts(data: Buffer, mime: string): Promise<PhotoFacts> {
  const decodable =
    mime === 'image/heic'
      ? Buffer.from(await heicConvert({ buffer: new Uint8Array(data), format: 'JPEG', quality: 0.9 }))
      : data;
  const thumbnail = await sharp(decodable)
    .rotate()
    .resize({ width: 320, height: 320, fit: 'inside' })
    .jpeg({ quality: 78 })
    .toBuffer();
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
