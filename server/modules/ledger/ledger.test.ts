import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import ical from 'node-ical';
import pg from 'pg';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { chinaDate } from '../../../common/dates';
import { sessionCache } from '../../access/session-cache';
import { tinyCounty } from '../../test/fixtures';
import { testApp } from '../../test/harness';
import { multipart, photo } from '../../test/uploads';

const { app, as, db } = await testApp({ maxUploadBytes: 300_000 });
const fx = await tinyCounty(db);
const secretary = await as('secretary1');
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

const upload = (activityId: number, files: { name: string; data: Buffer }[], query = '') => {
  const { body, type } = multipart(files);
  return secretary.post(`/api/v1/activities/${activityId}/files${query}`, body, { 'content-type': type });
};

/** A themed party day that ended two hours ago, from its month's plan, at a venue with a position. */
async function heldActivity(endedMsAgo = 2 * HOUR) {
  const venue = (
    await secretary.post(`/api/v1/orgs/${fx.b1.id}/venues`, {
      name: '活动室',
      type: 'activity_room',
      lat: 27.8269,
      lng: 99.7065,
      radiusM: 100,
    })
  ).json();
  const start = Date.now() - endedMsAgo - 4 * HOUR;
  const [year, month] = chinaDate(new Date(start)).split('-').map(Number);
  const plan = (
    await secretary.put(`/api/v1/orgs/${fx.b1.id}/plans/${year}/${month}`, {
      theme: 'study_training',
      title: '学习',
      kinds: ['policy_study'],
    })
  ).json();
  const a = (
    await secretary.post('/api/v1/activities', {
      orgId: fx.b1.id,
      planEntryId: plan.id,
      type: 'themed_party_day',
      title: `主题党日 ${Math.random().toString(36).slice(2, 6)}`,
      venueId: venue.id,
      startsAt: iso(start),
      endsAt: iso(start + 4 * HOUR),
    })
  ).json();
  return { ...a, start };
}

describe('records', () => {
  it('minutes and photos complete the ledger; EXIF time and place are checked', async () => {
    const a = await heldActivity();
    expect((await secretary.get(`/api/v1/activities/${a.id}`)).json().completeness).toEqual({
      materials: false,
      attendance: false,
      records: false,
    });
    const members = (await secretary.get(`/api/v1/activities/${a.id}/attendance`)).json().members;
    await secretary.put(`/api/v1/activities/${a.id}/attendance/${members[0].memberId}`, {
      status: 'present',
      reason: '纸质签到补录',
    });
    for (const blank of ['', '<p><br></p>', '<p>&nbsp; </p><script>x</script>']) {
      const empty = await secretary.put(`/api/v1/activities/${a.id}/minutes`, { minutesHtml: blank });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().error).toMatchObject({
        field: 'minutesHtml',
        message: expect.stringContaining('空'),
      });
    }
    expect((await secretary.get(`/api/v1/activities/${a.id}/records`)).json().minutesHtml).toBeNull();
    const saved = await secretary.put(`/api/v1/activities/${a.id}/minutes`, {
      minutesHtml: '<p>学习<b>党章</b>第一章</p><script>alert(1)</script>',
      decisions: '下月开展志愿服务',
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().minutesHtml).toBe('<p>学习<b>党章</b>第一章</p>');

    const good = await photo(new Date(a.start + HOUR), { lat: 27.8269, lng: 99.7065 });
    const wrongDay = await photo(new Date(a.start - 5 * 24 * HOUR));
    const wrongPlace = await photo(new Date(a.start + HOUR), { lat: 28.1, lng: 99.7 });
    const res = await upload(a.id, [
      { name: '合影.jpg', data: good },
      { name: '旧照片.jpg', data: wrongDay },
      { name: '别处.jpg', data: wrongPlace },
      { name: '签到表.pdf', data: Buffer.from('%PDF-1.4\n%%EOF\n') },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const files = res.json().files;
    expect(
      files.map((f: { name: string; kind: string; flags: string[] }) => [f.name, f.kind, f.flags]),
    ).toEqual([
      ['合影.jpg', 'photo', []],
      ['旧照片.jpg', 'photo', ['date_mismatch']],
      ['别处.jpg', 'photo', ['place_mismatch']],
      ['签到表.pdf', 'file', []],
    ]);
    expect(files[0].takenAt).toBe(new Date(Math.floor((a.start + HOUR) / 1000) * 1000).toISOString());
    const thumb = await secretary.get(files[0].thumbUrl);
    expect(thumb.headers['content-type']).toBe('image/jpeg');
    expect((await sharp(thumb.rawPayload).metadata()).width).toBeLessThanOrEqual(320);
    expect((await secretary.get(files[3].url)).rawPayload.toString()).toContain('%PDF-1.4');

    const after = (await secretary.get(`/api/v1/activities/${a.id}`)).json();
    expect(after.completeness).toEqual({ materials: true, attendance: true, records: true });
    const ledger = (
      await secretary.get(`/api/v1/orgs/${fx.b1.id}/ledger?year=${new Date(a.start).getUTCFullYear()}`)
    ).json();
    expect(ledger.rows.find((r: { activityId: number }) => r.activityId === a.id)).toMatchObject({
      complete: true,
      counts: { present: 1 },
    });
  });

  it("a phone's HEIC photo is decoded for its thumbnail and its EXIF time and place are read", async () => {
    const a = await heldActivity();
    // heif-enc (libheif, x265) from a JPEG taken 2025-07-01 09:30 China time at the venue's
    // position: a red banner on the left half, a white wall on the right.
    const heic = fs.readFileSync(path.join(import.meta.dirname, '../../test/files/banner.heic'));
    const res = await upload(a.id, [{ name: 'IMG_0001.HEIC', data: heic }]);
    expect(res.statusCode, res.body).toBe(200);
    const [file] = res.json().files;
    expect(file).toMatchObject({
      kind: 'photo',
      takenAt: '2025-07-01T01:30:00.000Z',
      flags: ['date_mismatch'],
    });
    const thumb = await secretary.get(file.thumbUrl);
    expect(thumb.headers['content-type']).toBe('image/jpeg');
    const { data, info } = await sharp(thumb.rawPayload).raw().toBuffer({ resolveWithObject: true });
    expect(info.width / info.height).toBeCloseTo(4 / 3, 1);
    const pixel = (x: number) => [
      ...data.subarray(
        (Math.floor(info.height / 2) * info.width + x) * 3,
        (Math.floor(info.height / 2) * info.width + x) * 3 + 3,
      ),
    ];
    const [r, g, b] = pixel(Math.floor(info.width / 4));
    expect(r).toBeGreaterThan(150);
    expect(g! + b!).toBeLessThan(120);
    expect(pixel(Math.floor((info.width * 3) / 4)).every((c) => c > 230)).toBe(true);
    const original = await secretary.get(file.url);
    expect(original.rawPayload.equals(heic)).toBe(true);
  });

  it('refuses a file that is not a photo or document, and one too large, writing nothing', async () => {
    const a = await heldActivity();
    const text = await upload(a.id, [
      { name: '合影.jpg', data: await photo(new Date()) },
      { name: 'virus.jpg', data: Buffer.from('MZ this is not a picture') },
    ]);
    expect(text.statusCode).toBe(415);
    expect(text.json().error).toMatchObject({
      field: 'files',
      message: '“virus.jpg”不是照片（JPEG/PNG/HEIC）或 PDF、Word、Excel 文件',
    });
    const big = await upload(a.id, [
      { name: '大图.jpg', data: Buffer.concat([await photo(new Date()), Buffer.alloc(400_000)]) },
    ]);
    expect(big.statusCode).toBe(413);
    expect(big.json().error.message).toContain('“大图.jpg”过大');
    expect((await secretary.get(`/api/v1/activities/${a.id}/records`)).json().files).toEqual([]);
  });

  it('a change more than 7 days after the activity needs a reason, and is counted', async () => {
    const a = await heldActivity(10 * 24 * HOUR);
    const bare = await secretary.put(`/api/v1/activities/${a.id}/minutes`, { minutesHtml: '<p>补记</p>' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error).toMatchObject({
      field: 'reason',
      message: '活动结束已超过 7 天，修改记录请填写原因',
    });
    const withReason = await secretary.put(`/api/v1/activities/${a.id}/minutes`, {
      minutesHtml: '<p>补记</p>',
      reason: '原记录本遗失，据回忆补记',
    });
    expect(withReason.statusCode).toBe(200);
    expect((await upload(a.id, [{ name: 'a.jpg', data: await photo(new Date()) }])).statusCode).toBe(400);
    expect(
      (
        await upload(
          a.id,
          [{ name: 'a.jpg', data: await photo(new Date()) }],
          `?reason=${encodeURIComponent('补传照片')}`,
        )
      ).statusCode,
    ).toBe(200);
    const ledger = (
      await secretary.get(`/api/v1/orgs/${fx.b1.id}/ledger?year=${new Date(a.start).getUTCFullYear()}`)
    ).json();
    expect(ledger.rows.find((r: { activityId: number }) => r.activityId === a.id).lateEdits).toBe(2);
    const history = (await secretary.get(`/api/v1/activities/${a.id}/history`)).json().items;
    expect(
      history.filter((h: { reason: string | null }) => h.reason === '原记录本遗失，据回忆补记'),
    ).toHaveLength(1);
  });
});

describe('the tamper-evident ledger', () => {
  it('is intact after normal work and says which entry broke when a record is changed behind the app', async () => {
    const a = await heldActivity();
    await secretary.put(`/api/v1/activities/${a.id}/minutes`, { minutesHtml: '<p>原始记录</p>' });
    await upload(a.id, [{ name: 'p.jpg', data: await photo(new Date(a.start + HOUR)) }]);
    const ok = (await secretary.get(`/api/v1/orgs/${fx.b1.id}/ledger/verify`)).json();
    expect(ok).toMatchObject({ intact: true, brokenAt: null });
    expect(ok.entries).toBeGreaterThan(3);

    // Someone edits the minutes in the database directly.
    await db.execute(`UPDATE activities SET minutes_html = '<p>改过的记录</p>' WHERE id = ${a.id}`);
    const edited = (await secretary.get(`/api/v1/orgs/${fx.b1.id}/ledger/verify`)).json();
    expect(edited.intact).toBe(false);
    expect(edited.brokenAt).toMatchObject({ activityId: a.id, kind: 'minutes' });
    await db.execute(`UPDATE activities SET minutes_html = '<p>原始记录</p>' WHERE id = ${a.id}`);
    expect((await secretary.get(`/api/v1/orgs/${fx.b1.id}/ledger/verify`)).json().intact).toBe(true);

    // Someone adds an attendance row after the list was sealed.
    const absent = (await secretary.get(`/api/v1/activities/${a.id}/attendance`))
      .json()
      .members.find((m: { status: string }) => m.status === 'absent');
    await db.execute(
      `INSERT INTO attendance (activity_id, member_id, method) VALUES (${a.id}, ${absent.memberId}, 'qr')`,
    );
    expect((await secretary.get(`/api/v1/orgs/${fx.b1.id}/ledger/verify`)).json().brokenAt).toMatchObject({
      kind: 'attendance_sealed',
      activityId: a.id,
    });
    await db.execute(`DELETE FROM attendance WHERE activity_id = ${a.id} AND member_id = ${absent.memberId}`);
    // The same change through the app, with a reason, keeps the chain intact.
    await secretary.put(`/api/v1/activities/${a.id}/attendance/${absent.memberId}`, {
      status: 'present',
      reason: '补签',
    });
    expect((await secretary.get(`/api/v1/orgs/${fx.b1.id}/ledger/verify`)).json().intact).toBe(true);

    // Someone rewrites an entry of the chain itself.
    const { rows } = await db.execute(
      `SELECT seq FROM ledger_entries WHERE org_id = ${fx.b1.id} AND kind = 'scheduled' AND activity_id = ${a.id}`,
    );
    const seq = (rows[0] as { seq: number }).seq;
    await db.execute(
      `UPDATE ledger_entries SET payload = jsonb_set(payload, '{title}', '"假标题"') WHERE org_id = ${fx.b1.id} AND seq = ${seq}`,
    );
    const broken = (await secretary.get(`/api/v1/orgs/${fx.b1.id}/ledger/verify`)).json();
    expect(broken).toMatchObject({ intact: false, brokenAt: { seq, activityId: a.id, kind: 'scheduled' } });
    await db.execute(
      `UPDATE ledger_entries SET payload = jsonb_set(payload, '{title}', to_jsonb(${`'${a.title}'::text`})) WHERE org_id = ${fx.b1.id} AND seq = ${seq}`,
    );
    expect((await secretary.get(`/api/v1/orgs/${fx.b1.id}/ledger/verify`)).json().intact).toBe(true);
  });
});

describe('exports, read back', () => {
  it('lists what has begun; an activity still to come is in the calendar, not yet in the ledger', async () => {
    const held = await heldActivity();
    const start = Date.now() + 2 * HOUR;
    const coming = (
      await secretary.post('/api/v1/activities', {
        orgId: fx.b1.id,
        type: 'party_lecture',
        title: '下午的党课',
        startsAt: iso(start),
        endsAt: iso(start + 4 * HOUR),
      })
    ).json();
    const ledger = (
      await secretary.get(`/api/v1/orgs/${fx.b1.id}/ledger?year=${chinaDate(new Date()).slice(0, 4)}`)
    ).json();
    const ids = ledger.rows.map((r: { activityId: number }) => r.activityId);
    expect(ids).toContain(held.id);
    expect(ids).not.toContain(coming.id);
    expect(ledger.totals.activities).toBe(ids.length);
  });

  it('the year as Excel: one row per activity and a sheet of attendance', async () => {
    const a = await heldActivity();
    const year = new Date(a.start).getUTCFullYear();
    const res = await secretary.get(`/api/v1/orgs/${fx.b1.id}/ledger.xlsx?year=${year}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const [sheet, att] = wb.worksheets;
    expect(sheet!.name).toBe('台账');
    expect(sheet!.getRow(1).values).toEqual(
      expect.arrayContaining([
        '日期',
        '类型',
        '主题',
        '地点',
        '活动',
        '实到',
        '请假',
        '缺席',
        '群众',
        '台账完整',
      ]),
    );
    const ledger = (await secretary.get(`/api/v1/orgs/${fx.b1.id}/ledger?year=${year}`)).json();
    expect(sheet!.rowCount - 1).toBe(ledger.rows.length);
    const row = sheet!.getRows(2, sheet!.rowCount - 1)!.find((r) => r.getCell(5).value === a.title)!;
    expect(row.getCell(2).value).toBe('主题党日');
    expect(row.getCell(3).value).toBe('学习培训');
    expect(att!.name).toBe('考勤');
    expect(att!.rowCount).toBeGreaterThan(1);
  });

  it('the year as a PDF with Chinese text, minutes and photos', async () => {
    const a = await heldActivity();
    await secretary.put(`/api/v1/activities/${a.id}/minutes`, {
      minutesHtml: '<p>学习习近平新时代中国特色社会主义思想</p>',
    });
    await upload(a.id, [{ name: 'p.jpg', data: await photo(new Date(a.start + HOUR)) }]);
    const year = new Date(a.start).getUTCFullYear();
    const res = await secretary.get(`/api/v1/orgs/${fx.b1.id}/ledger.pdf?year=${year}`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: res.rawPayload }).toString();
    expect(text).toContain(`${year} 年党员固定活动日台账`);
    expect(text).toContain(a.title);
    expect(text).toContain('学习习近平新时代中国特色社会主义思想');
    expect(text).toContain('链校验：完整');
    const images = execFileSync('pdfimages', ['-list', '-'], { input: res.rawPayload }).toString();
    expect(images.split('\n').length).toBeGreaterThan(3);
  });
});

describe('check-ins without a position in the exports', () => {
  it('are marked in the workbook’s attendance sheet and counted in the PDF', async () => {
    // Begun three hours ago and still open: check-in is possible now.
    const a = await heldActivity(-HOUR);
    const { token } = (await secretary.get(`/api/v1/activities/${a.id}/check-in-code`)).json();
    const member = await as('member1');
    expect((await member.post('/api/v1/check-in', { token })).json().status).toBe('checked_in');
    const year = new Date(a.start).getUTCFullYear();

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      (await secretary.get(`/api/v1/orgs/${fx.b1.id}/ledger.xlsx?year=${year}`))
        .rawPayload as unknown as ArrayBuffer,
    );
    const att = wb.worksheets[1]!;
    const header = att.getRow(1).values as string[];
    const positionCol = header.indexOf('定位');
    expect(positionCol).toBeGreaterThan(0);
    const marked = att
      .getRows(2, att.rowCount - 1)!
      .filter((r) => r.getCell(2).value === a.title && r.getCell(positionCol).value === '无定位签到');
    expect(marked).toHaveLength(1);

    const pdf = (await secretary.get(`/api/v1/orgs/${fx.b1.id}/ledger.pdf?year=${year}`)).rawPayload;
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString();
    expect(text).toMatch(/无定位签到 1/);
  });
});

describe('calendar feeds', () => {
  it('a branch feed by its key and a private member feed, both readable by a calendar parser', async () => {
    const a = await heldActivity(-24 * HOUR);
    const member = await as('member1');
    const feeds = (await member.get(`/api/v1/me/calendar-feeds?orgId=${fx.b1.id}`)).json();
    expect(feeds.branchUrl).toMatch(new RegExp(`/api/v1/orgs/${fx.b1.id}/calendar\\.ics\\?key=`));
    const branch = await app.inject({ url: feeds.branchUrl.replace(/^https?:\/\/[^/]+/, '') });
    expect(branch.statusCode).toBe(200);
    expect(branch.headers['content-type']).toContain('text/calendar');
    const events = Object.values(ical.sync.parseICS(branch.body)).filter((e) => e?.type === 'VEVENT');
    const event = events.find((e) => (e as { summary?: string }).summary === a.title) as {
      start: Date;
      location: string;
    };
    expect(Math.floor(event.start.getTime() / 1000)).toBe(Math.floor(a.start / 1000));
    expect(event.location).toContain('活动室');
    expect(events.some((e) => String((e as { summary?: string }).summary).startsWith('党员固定活动日'))).toBe(
      true,
    );

    const wrongKey = await app.inject({ url: `/api/v1/orgs/${fx.b1.id}/calendar.ics?key=nope` });
    expect(wrongKey.statusCode).toBe(404);
    const mine = await app.inject({ url: feeds.memberUrl.replace(/^https?:\/\/[^/]+/, '') });
    expect(
      Object.values(ical.sync.parseICS(mine.body)).some(
        (e) => (e as { summary?: string }).summary === a.title,
      ),
    ).toBe(true);
  });
});

describe('the ledger exports', () => {
  const AT_VENUE = { lat: 27.8269, lng: 99.7065 };
  /** Statements sent to PostgreSQL while one export is made: every query passes a pg client. */
  async function statementsFor(url: string) {
    const query = pg.Client.prototype.query;
    // The session is looked up afresh for each count, so a cache hit or miss does not move it.
    sessionCache(db).forgetUser(secretary.me.user.id);
    let n = 0;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      n++;
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof query;
    try {
      const res = await secretary.get(url);
      expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    } finally {
      pg.Client.prototype.query = query;
    }
    return n;
  }

  it('read the same number of statements however many activities the year holds', async () => {
    const first = await heldActivity(30 * HOUR);
    await upload(first.id, [{ name: 'a.jpg', data: await photo(new Date(first.start + HOUR), AT_VENUE) }]);
    const year = chinaDate(new Date(first.start)).slice(0, 4);
    const urls = [
      `/api/v1/orgs/${fx.b1.id}/ledger.xlsx?year=${year}`,
      `/api/v1/orgs/${fx.b1.id}/ledger.pdf?year=${year}`,
    ];
    const held = async () =>
      (await secretary.get(`/api/v1/orgs/${fx.b1.id}/ledger?year=${year}`)).json().rows.length;
    // Activities that have ended are sealed into the chain by the first read: count from the second.
    for (const url of urls) await statementsFor(url);
    // One export at a time: the count is of one request's statements.
    const counts = async () => {
      const out: number[] = [];
      for (const url of urls) out.push(await statementsFor(url));
      return out;
    };
    const before = await counts();
    const fewer = await held();

    for (const hoursAgo of [26, 22, 18, 14]) {
      const more = await heldActivity(hoursAgo * HOUR);
      await upload(more.id, [{ name: 'b.jpg', data: await photo(new Date(more.start + HOUR), AT_VENUE) }]);
    }
    for (const url of urls) await statementsFor(url);
    expect(await held()).toBeGreaterThan(fewer);
    expect(await counts()).toEqual(before);
  });
});
