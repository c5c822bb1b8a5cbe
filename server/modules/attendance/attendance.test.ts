import { describe, expect, it } from 'vitest';
import { signingKey } from '../../core/signing-key';
import { tinyCounty } from '../../test/fixtures';
import { testApp } from '../../test/harness';
import { issue } from './check-in-token';

const { as, secretaryOf, db, clock } = await testApp();
const fx = await tinyCounty(db);
const secretary = await as('secretary1');
const member = await as('member1');

const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');
const HOUR = 3_600_000;

async function activityAt(
  startOffsetMs: number,
  extra: Record<string, unknown> = {},
  orgId = fx.b1.id,
  by = secretary,
) {
  const res = await by.post('/api/v1/activities', {
    orgId,
    type: 'themed_party_day',
    title: `活动 ${Math.random().toString(36).slice(2, 6)}`,
    startsAt: iso(clock.now().getTime() + startOffsetMs),
    endsAt: iso(clock.now().getTime() + startOffsetMs + 4 * HOUR),
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Other members of the branch, each with an account of their own (the same ones on every call). */
async function otherMembers(n: number) {
  const others = (await secretary.get(`/api/v1/members?orgId=${fx.b1.id}&status=full&pageSize=50`))
    .json()
    .items.filter((m: { id: number }) => m.id !== fx.member1Id && m.id !== fx.secretary1Id)
    .slice(0, n);
  return Promise.all(
    others.map(async (other: { id: number }) => {
      const username = `member${other.id}`;
      await secretary.post(`/api/v1/members/${other.id}/account`, { username, password: 'a-long-secret' });
      return { client: await as(username, 'a-long-secret'), id: other.id };
    }),
  );
}

async function secondMember() {
  return (await otherMembers(1))[0]!;
}

describe('check-in', () => {
  it('by QR token once; a repeat answers "already checked in" and writes nothing', async () => {
    const a = await activityAt(-HOUR);
    const code = (await secretary.get(`/api/v1/activities/${a.id}/check-in-code`)).json();
    expect(code.code).toMatch(/^\d{6}$/);
    expect(code.url).toContain(`/check-in?t=${encodeURIComponent(code.token)}`);
    expect(code.periodSeconds).toBe(30);

    const first = await member.post('/api/v1/check-in', { token: code.token });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'checked_in', activityId: a.id, message: '签到成功' });
    const again = await member.post('/api/v1/check-in', { token: code.token });
    expect(again.json()).toMatchObject({
      status: 'already_checked_in',
      checkedInAt: first.json().checkedInAt,
    });
    expect(again.json().message).toMatch(/^您已于 \d{2}:\d{2} 签到，无需重复签到$/);
    // Retries racing each other still leave one row.
    await Promise.all(
      Array.from({ length: 10 }, () => member.post('/api/v1/check-in', { token: code.token })),
    );
    const list = (await secretary.get(`/api/v1/activities/${a.id}/attendance`)).json();
    expect(list.counts.present).toBe(1);
    expect(list.members.filter((m: { status: string }) => m.status === 'present')).toEqual([
      expect.objectContaining({ memberId: fx.member1Id, method: 'qr' }),
    ]);
  });

  it('a crowd at once shares a statement, and each phone is answered for itself', async () => {
    const venue = (
      await secretary.post(`/api/v1/orgs/${fx.b1.id}/venues`, {
        name: '村活动室',
        type: 'activity_room',
        lat: 27.8269,
        lng: 99.7065,
        radiusM: 200,
      })
    ).json();
    const a = await activityAt(-HOUR, { venueId: venue.id });
    const { token, code } = (await secretary.get(`/api/v1/activities/${a.id}/check-in-code`)).json();
    const [near, far, typo] = await otherMembers(3);
    const answers = await Promise.all([
      member.post('/api/v1/check-in', { token }),
      near!.client.post('/api/v1/check-in', { token, lat: 27.827, lng: 99.7066 }),
      member.post('/api/v1/check-in', { activityId: a.id, code }),
      far!.client.post('/api/v1/check-in', { token, lat: 27.8369, lng: 99.7065 }),
      member.post('/api/v1/check-in', { token }),
      // A mistyped code from someone not checked in (member1 mistyping would be told they are in).
      typo!.client.post('/api/v1/check-in', {
        activityId: a.id,
        code: code === '000000' ? '111111' : '000000',
      }),
    ]);
    const [m1, nearRes, m1Code, farRes, m1Again, wrongCode] = answers;
    // member1's three phones: exactly one is the check-in, the others are told when it happened.
    const mine = [m1!, m1Code!, m1Again!].map((r) => r.json());
    expect(mine.map((r) => r.status).sort()).toEqual([
      'already_checked_in',
      'already_checked_in',
      'checked_in',
    ]);
    expect(new Set(mine.map((r) => r.checkedInAt)).size).toBe(1);
    expect(nearRes!.json()).toMatchObject({ status: 'checked_in', activityId: a.id });
    expect(farRes!.statusCode).toBe(422);
    expect(farRes!.json().error.code).toBe('checkin_too_far');
    expect(wrongCode!.statusCode).toBe(400);
    expect(wrongCode!.json().error.field).toBe('code');
    const list = (await secretary.get(`/api/v1/activities/${a.id}/attendance`)).json();
    expect(
      list.members
        .filter((m: { status: string }) => m.status === 'present')
        .map((m: { memberId: number }) => m.memberId)
        .sort(),
    ).toEqual([fx.member1Id, near!.id].sort());
  });

  it('by the six-digit code typed by hand', async () => {
    const a = await activityAt(-HOUR);
    const { code } = (await secretary.get(`/api/v1/activities/${a.id}/check-in-code`)).json();
    const other = await secondMember();
    const wrong = await other.client.post('/api/v1/check-in', {
      activityId: a.id,
      code: code === '000000' ? '000001' : '000000',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({
      field: 'code',
      message: '签到码不正确或已过期，请看屏幕上最新的 6 位签到码',
    });
    const badFormat = await other.client.post('/api/v1/check-in', { activityId: a.id, code: '12ab' });
    expect(badFormat.statusCode).toBe(400);
    const ok = await other.client.post('/api/v1/check-in', { activityId: a.id, code });
    expect(ok.json()).toMatchObject({ status: 'checked_in' });
    expect(
      (await secretary.get(`/api/v1/activities/${a.id}/attendance`))
        .json()
        .members.find((m: { memberId: number }) => m.memberId === other.id).method,
    ).toBe('code');
  });

  it('a wrong code after checking in says "already checked in", not "wrong code"', async () => {
    const a = await activityAt(-HOUR);
    const { code } = (await secretary.get(`/api/v1/activities/${a.id}/check-in-code`)).json();
    const other = await secondMember();
    expect((await other.client.post('/api/v1/check-in', { activityId: a.id, code })).json().status).toBe(
      'checked_in',
    );
    const stale = await other.client.post('/api/v1/check-in', {
      activityId: a.id,
      code: code === '000000' ? '000001' : '000000',
    });
    expect(stale.statusCode).toBe(200);
    expect(stale.json()).toMatchObject({ status: 'already_checked_in', activityTitle: a.title });
  });

  it('limits wrong codes per member and activity, so a code cannot be guessed from afar', async () => {
    const a = await activityAt(-HOUR);
    const { code } = (await secretary.get(`/api/v1/activities/${a.id}/check-in-code`)).json();
    const guesser = await secondMember();
    const wrong = (n: number) => String((Number(code) + 1 + n) % 1_000_000).padStart(6, '0');
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, n) =>
        guesser.client.post('/api/v1/check-in', { activityId: a.id, code: wrong(n) }),
      ),
    );
    expect(answers.filter((r) => r.statusCode === 400)).toHaveLength(5);
    const blocked = answers.filter((r) => r.statusCode === 429);
    expect(blocked).toHaveLength(7);
    expect(blocked[0]!.json().error).toMatchObject({ code: 'checkin_throttled', field: 'code' });
    // Even the right code waits now; the QR code on the screen still works.
    expect((await guesser.client.post('/api/v1/check-in', { activityId: a.id, code })).statusCode).toBe(429);
    const { token } = (await secretary.get(`/api/v1/activities/${a.id}/check-in-code`)).json();
    expect((await guesser.client.post('/api/v1/check-in', { token })).json().status).toBe('checked_in');
  });

  it('refuses forged, expired and other-branch tokens, writing nothing', async () => {
    const a = await activityAt(-HOUR);
    const { token } = (await secretary.get(`/api/v1/activities/${a.id}/check-in-code`)).json();
    const [id, period, sig] = token.split('.');
    const forged = await member.post('/api/v1/check-in', {
      token: `${id}.${period}.${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`,
    });
    expect(forged.statusCode).toBe(400);
    expect(forged.json().error).toMatchObject({
      field: 'token',
      message: '二维码无效，请扫描签到屏幕上的二维码',
    });
    const otherActivity = await member.post('/api/v1/check-in', {
      token: `${Number(id) + 1}.${period}.${sig}`,
    });
    expect(otherActivity.json().error.field).toBe('token');

    const old = issue(await signingKey(db), a.id, clock.now().getTime() - 120_000);
    const expired = await member.post('/api/v1/check-in', { token: old.token });
    expect(expired.json().error).toMatchObject({
      field: 'token',
      message: '二维码已过期，请扫描屏幕上最新的二维码或输入签到码',
    });

    const otherSecretary = await secretaryOf(fx.b2.id);
    const foreign = await activityAt(-HOUR, {}, fx.b2.id, otherSecretary);
    const foreignToken = (await otherSecretary.get(`/api/v1/activities/${foreign.id}/check-in-code`)).json()
      .token;
    const notMine = await member.post('/api/v1/check-in', { token: foreignToken });
    expect(notMine.statusCode).toBe(403);
    expect(notMine.json().error.code).toBe('checkin_not_member');
    expect((await secretary.get(`/api/v1/activities/${a.id}/attendance`)).json().counts.present).toBe(0);
  });

  it('is open from 30 minutes before the start to an hour after the end', async () => {
    const tomorrow = await activityAt(24 * HOUR);
    const { token } = (await secretary.get(`/api/v1/activities/${tomorrow.id}/check-in-code`)).json();
    const res = await member.post('/api/v1/check-in', { token });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('checkin_outside_window');
    expect(res.json().error.message).toMatch(/^不在签到时间内：签到时间为 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 至 /);
    const soon = await activityAt(20 * 60_000);
    const early = await member.post('/api/v1/check-in', {
      token: (await secretary.get(`/api/v1/activities/${soon.id}/check-in-code`)).json().token,
    });
    expect(early.json().status).toBe('checked_in');
  });

  it('checks the distance when the venue has a position and the member shares theirs', async () => {
    const venue = (
      await secretary.post(`/api/v1/orgs/${fx.b1.id}/venues`, {
        name: '文化广场',
        type: 'culture_stage',
        lat: 27.8269,
        lng: 99.7065,
        radiusM: 200,
      })
    ).json();
    const a = await activityAt(-HOUR, { venueId: venue.id });
    const { token } = (await secretary.get(`/api/v1/activities/${a.id}/check-in-code`)).json();
    const far = await member.post('/api/v1/check-in', { token, lat: 27.8369, lng: 99.7065 });
    expect(far.statusCode).toBe(422);
    expect(far.json().error.message).toMatch(/^您距活动地点约 11\d\d 米，超出签到范围（200 米）$/);
    const near = await member.post('/api/v1/check-in', { token, lat: 27.827, lng: 99.7066 });
    expect(near.json().status).toBe('checked_in');
  });

  it('keeps a check-in without a position at a geofenced venue, marked; a strict venue refuses it', async () => {
    const venue = (
      await secretary.post(`/api/v1/orgs/${fx.b1.id}/venues`, {
        name: '村委会',
        type: 'activity_room',
        lat: 27.8269,
        lng: 99.7065,
        radiusM: 200,
      })
    ).json();
    expect(venue.strict).toBe(false);
    const a = await activityAt(-HOUR, { venueId: venue.id });
    const { token } = (await secretary.get(`/api/v1/activities/${a.id}/check-in-code`)).json();
    const [blind, careful, located] = await otherMembers(3);
    expect((await blind!.client.post('/api/v1/check-in', { token })).json().status).toBe('checked_in');
    expect(
      (await careful!.client.post('/api/v1/check-in', { token, lat: 27.827, lng: 99.7066 })).json().status,
    ).toBe('checked_in');
    const list = (await secretary.get(`/api/v1/activities/${a.id}/attendance`)).json();
    expect(list.noPosition).toBe(1);
    const flags = Object.fromEntries(
      list.members.map((m: { memberId: number; noPosition: boolean }) => [m.memberId, m.noPosition]),
    );
    expect([flags[blind!.id], flags[careful!.id]]).toEqual([true, false]);

    expect((await secretary.patch(`/api/v1/venues/${venue.id}`, { strict: true })).json().strict).toBe(true);
    const refused = await located!.client.post('/api/v1/check-in', { token });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'checkin_no_position', field: 'lat' });
    expect(
      (await located!.client.post('/api/v1/check-in', { token, lat: 27.8268, lng: 99.7064 })).json().status,
    ).toBe('checked_in');
  });

  it('needs a member record and refuses a cancelled activity', async () => {
    const a = await activityAt(-HOUR);
    const { token } = (await secretary.get(`/api/v1/activities/${a.id}/check-in-code`)).json();
    const county = await as('county');
    expect((await county.post('/api/v1/check-in', { token })).json().error.code).toBe('checkin_no_member');
    await secretary.post(`/api/v1/activities/${a.id}/cancel`, { reason: '改期' });
    expect((await member.post('/api/v1/check-in', { token })).json().error.code).toBe('checkin_cancelled');
  });
});

describe('attendance list, leave and guests', () => {
  it('a member reads only their own reasons; the secretary and the inspector read all', async () => {
    const a = await activityAt(2 * HOUR);
    const other = await secondMember();
    const asked = await other.client.post(`/api/v1/activities/${a.id}/leave`, {
      reason: '住院治疗，不便多说',
    });
    expect(asked.statusCode, asked.body).toBe(200);
    await secretary.post(`/api/v1/leave/${asked.json().id}/decision`, { approve: true });
    expect((await member.post(`/api/v1/activities/${a.id}/leave`, { reason: '外出务工' })).statusCode).toBe(
      200,
    );

    const seen = (await member.get(`/api/v1/activities/${a.id}/attendance`)).json();
    expect(JSON.stringify(seen)).not.toContain('住院治疗');
    expect(seen.members.find((m: { memberId: number }) => m.memberId === other.id)).toMatchObject({
      status: 'leave',
      reason: null,
    });
    expect(seen.leaveRequests.map((l: { memberId: number }) => l.memberId)).toEqual([fx.member1Id]);
    const own = (await other.client.get(`/api/v1/activities/${a.id}/attendance`)).json();
    expect(JSON.stringify(own)).toContain('住院治疗');
    for (const reader of [secretary, await as('county')])
      expect((await reader.get(`/api/v1/activities/${a.id}/attendance`)).body).toContain('住院治疗');
  });

  it('present, leave and absent with counts and rate', async () => {
    const a = await activityAt(2 * HOUR);
    const leave = await member.post(`/api/v1/activities/${a.id}/leave`, { reason: '外出务工' });
    expect(leave.json()).toMatchObject({ status: 'pending', reason: '外出务工' });
    const approved = await secretary.post(`/api/v1/leave/${leave.json().id}/decision`, { approve: true });
    expect(approved.json().status).toBe('approved');
    expect(
      (await secretary.post(`/api/v1/leave/${leave.json().id}/decision`, { approve: false })).json().error
        .code,
    ).toBe('leave_decided');

    const someone = (await secretary.get(`/api/v1/activities/${a.id}/attendance`))
      .json()
      .members.find((m: { memberId: number }) => m.memberId !== fx.member1Id);
    const noReason = await secretary.put(`/api/v1/activities/${a.id}/attendance/${someone.memberId}`, {
      status: 'present',
      reason: '',
    });
    expect(noReason.json().error.field).toBe('reason');
    const marked = await secretary.put(`/api/v1/activities/${a.id}/attendance/${someone.memberId}`, {
      status: 'present',
      reason: '无智能手机，书记代签',
    });
    const list = marked.json();
    expect(list.members.find((m: { memberId: number }) => m.memberId === someone.memberId)).toMatchObject({
      status: 'present',
      method: 'manual',
      reason: '无智能手机，书记代签',
    });
    expect(list.members.find((m: { memberId: number }) => m.memberId === fx.member1Id)).toMatchObject({
      status: 'leave',
      reason: '外出务工',
    });

    const guest = await secretary.post(`/api/v1/activities/${a.id}/guests`, {
      name: '村民李大姐',
      phone: '13811112222',
    });
    expect(guest.statusCode).toBe(201);
    await secretary.post(`/api/v1/activities/${a.id}/guests`, { name: '村民老王' });
    const after = (await secretary.get(`/api/v1/activities/${a.id}/attendance`)).json();
    const { members, present, leave: onLeave, absent, masses, rate } = after.counts;
    expect({ present, onLeave, masses }).toEqual({ present: 1, onLeave: 1, masses: 2 });
    expect(absent).toBe(members - 2);
    expect(rate).toBeCloseTo(1 / (members - 1), 5);
    expect(after.guests.map((g: { name: string }) => g.name)).toEqual(['村民李大姐', '村民老王']);
    await secretary.delete(`/api/v1/guests/${guest.json().id}`);
    expect((await secretary.get(`/api/v1/activities/${a.id}`)).json().counts.masses).toBe(1);
  });

  it('leave is asked before the start, by a member of the branch', async () => {
    const started = await activityAt(-HOUR);
    expect(
      (await member.post(`/api/v1/activities/${started.id}/leave`, { reason: '生病' })).json().error.code,
    ).toBe('leave_after_start');
    const county = await as('county');
    const future = await activityAt(HOUR);
    expect((await county.post(`/api/v1/activities/${future.id}/leave`, { reason: 'x' })).statusCode).toBe(
      403,
    );
    expect((await member.post(`/api/v1/leave/1/decision`, { approve: true })).statusCode).not.toBe(200);
  });
});

describe('check-in tokens', () => {
  it('a signature differing only in the last character’s spare bits is still a forgery', async () => {
    const { verifyToken } = await import('./check-in-token');
    const key = await signingKey(db);
    const at = clock.now().getTime();
    const { token } = issue(key, 1, at);
    const [id, period, sig] = token.split('.') as [string, string, string];
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    // The 22nd character carries 2 bits; its 3 neighbours in the alphabet decode to the same bytes.
    const last = alphabet.indexOf(sig.at(-1)!);
    const twin = alphabet[(last & ~3) | ((last + 1) & 3)]!;
    expect(Buffer.from(`${sig.slice(0, -1)}${twin}`, 'base64url')).toEqual(Buffer.from(sig, 'base64url'));
    expect(verifyToken(key, `${id}.${period}.${sig.slice(0, -1)}${twin}`, at)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(verifyToken(key, token, at)).toEqual({ ok: true, activityId: 1 });
  });
});
