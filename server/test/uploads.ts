import sharp from 'sharp';

const HOUR = 3_600_000;

/** A small JPEG as a phone would write it, with the time and place in its EXIF. */
export async function photo(taken: Date, gps?: { lat: number; lng: number }) {
  const local = new Date(taken.getTime() + 8 * HOUR).toISOString();
  const exif = `${local.slice(0, 10).replaceAll('-', ':')} ${local.slice(11, 19)}`;
  const deg = (v: number) => {
    const d = Math.floor(v);
    const m = Math.floor((v - d) * 60);
    const s = Math.round(((v - d) * 60 - m) * 60 * 100);
    return `${d}/1 ${m}/1 ${s}/100`;
  };
  return sharp({ create: { width: 160, height: 120, channels: 3, background: '#c8161d' } })
    .jpeg()
    .withExif({
      IFD2: { DateTimeOriginal: exif },
      ...(gps
        ? {
            IFD3: {
              GPSLatitudeRef: 'N',
              GPSLatitude: deg(gps.lat),
              GPSLongitudeRef: 'E',
              GPSLongitude: deg(gps.lng),
            },
          }
        : {}),
    })
    .toBuffer();
}

/** A form as a browser sends it: text fields first, then the files (each under the name `files`). */
export function multipart(
  files: { name: string; data: Buffer; type?: string }[],
  fields: Record<string, string> = {},
) {
  const boundary = `----vanguard${Math.random().toString(16).slice(2)}`;
  const texts = Object.entries(fields).map(([name, value]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
  );
  const parts = files.map((f) =>
    Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      f.data,
      Buffer.from('\r\n'),
    ]),
  );
  return {
    body: Buffer.concat([...texts, ...parts, Buffer.from(`--${boundary}--\r\n`)]),
    type: `multipart/form-data; boundary=${boundary}`,
  };
}
