import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { tinyCounty } from '../../test/fixtures';
import { testApp } from '../../test/harness';
import { multipart, photo } from '../../test/uploads';

// One megapixel here, so a "bomb" is cheap to make: the rule is the same at the default 100.
const { as, db, clock } = await testApp({ maxImagePixels: 1_000_000 });
const fx = await tinyCounty(db);
const secretary = await as('secretary1');
const HOUR = 3_600_000;

const activity = (
  await secretary.post('/api/v1/activities', {
    orgId: fx.b1.id,
    type: 'party_lecture',
    title: '照片检查',
    startsAt: new Date(clock.now().getTime() - 2 * HOUR).toISOString(),
    endsAt: new Date(clock.now().getTime() + 2 * HOUR).toISOString(),
  })
).json();

const upload = (files: { name: string; data: Buffer }[]) => {
  const { body, type } = multipart(files);
  return secretary.post(`/api/v1/activities/${activity.id}/files`, body, { 'content-type': type });
};
const stored = async () =>
  (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM activity_files`)).rows[0]!.n;

describe('photos that cannot be decoded safely', () => {
  it('refuses more pixels than the limit, naming the file, before decoding it', async () => {
    const before = await stored();
    // 2000 × 2000 of one colour: a few kilobytes on the wire, four million pixels to decode.
    const bomb = await sharp({ create: { width: 2000, height: 2000, channels: 3, background: '#fff' } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(bomb.length).toBeLessThan(50_000);
    const res = await upload([{ name: 'big.png', data: bomb }]);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ field: 'files', message: expect.stringContaining('big.png') });
    expect(res.json().error.message).toContain('1 百万像素');
    expect(await stored()).toBe(before);
  });

  it('refuses a truncated JPEG and a JPEG header followed by junk, writing nothing', async () => {
    const before = await stored();
    const good = await photo(clock.now());
    const truncated = good.subarray(0, Math.floor(good.length / 2));
    const junk = Buffer.concat([good.subarray(0, 20), Buffer.from('<html><script>alert(1)</script></html>')]);
    for (const [name, data] of [
      ['half.jpg', truncated],
      ['junk.jpg', junk],
    ] as const) {
      const res = await upload([{ name, data }]);
      expect(res.statusCode, name).toBe(400);
      expect(res.json().error).toMatchObject({ field: 'files', message: expect.stringContaining(name) });
    }
    expect(await stored()).toBe(before);
    expect((await upload([{ name: 'ok.jpg', data: good }])).statusCode).toBe(200);
  });
});
