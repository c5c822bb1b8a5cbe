import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { chinaDate } from '../../common/dates';
import type { ActivityKind, CheckInMethod, Theme, VenueType } from '../../common/enums';
import type { FixedDaySetting } from '../../common/fixed-day';
import { fixedDaysOfYear } from '../core/fixed-day/fixed-days';
import { partyMemberSql } from '../core/fixed-day/party-members';
import { canonical, entryHash, GENESIS } from '../core/ledger/chain';
import { minutesDigest } from '../core/ledger/facts';
import type { DbOrTx } from '../db/open';
import {
  activities,
  activityFiles,
  guests,
  leaveRequests,
  members,
  orgs,
  planEntries,
  themeRecommendations,
  venues,
} from '../db/schema/index';
import type { Storage } from '../storage/local';
import { branchGroups, groupMeetings, type SeededActivity } from './demo-group-meetings';
import type { Random } from './random';

const HOUR = 3_600_000;

/** What a month of the demo county looks like: themes in turn, each with its kinds, title and venue type. */
const THEME_PLAN: { theme: Theme; kinds: ActivityKind[]; venue: VenueType; titles: string[] }[] = [
  {
    theme: 'study_training',
    kinds: ['policy_study', 'exchange_discussion'],
    venue: 'activity_room',
    titles: ['学习党章党规', '学习中央一号文件', '学习党的二十大精神', '观看警示教育片'],
  },
  {
    theme: 'democratic_deliberation',
    kinds: ['democratic_deliberation'],
    venue: 'activity_room',
    titles: ['村集体经济议事', '村道修缮民主议事', '人居环境整治议事', '产业发展议事'],
  },
  {
    theme: 'culture_sports',
    kinds: ['sports_competition', 'art_performance'],
    venue: 'culture_stage',
    titles: ['党员篮球友谊赛', '红歌会', '锅庄舞展演', '拔河比赛'],
  },
  {
    theme: 'volunteer_service',
    kinds: ['volunteer_service', 'pairing_assistance', 'poverty_relief'],
    venue: 'care_circle',
    titles: ['走访慰问困难群众', '村道清扫志愿服务', '结对帮扶入户', '森林防火宣传'],
  },
  {
    theme: 'study_training',
    kinds: ['technical_training', 'observation_inspection'],
    venue: 'frontline_classroom',
    titles: ['松茸种植技术培训', '中药材种植培训', '观摩产业基地', '电商直播培训'],
  },
];

const VENUE_NAMES: Record<VenueType, string> = {
  activity_room: '党群活动室',
  frontline_classroom: '合作社产业基地',
  culture_stage: '文化广场',
  care_circle: '帮扶户家中',
};

type Seeded = {
  orgId: number;
  path: string;
  fixedDay: FixedDaySetting;
  venueIds: Record<VenueType, number>;
  memberIds: number[];
  groups: { id: number; name: string; memberIds: number[] }[];
};

/** Four small pictures, stored once and shared by the demo's photo records. */
async function demoPhotos(storage: Storage) {
  const colours = ['#c8161d', '#d4a017', '#2f6f4f', '#2b5c9e'];
  const out = [];
  for (const background of colours) {
    const data = await sharp({ create: { width: 640, height: 480, channels: 3, background } })
      .jpeg({ quality: 70 })
      .toBuffer();
    const thumb = await sharp(data).resize(320).jpeg({ quality: 70 }).toBuffer();
    out.push({
      path: await storage.save(data, 'jpg'),
      thumbPath: await storage.save(thumb, 'jpg'),
      size: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
    });
  }
  return out;
}

const memo = new Map<string, ReturnType<typeof fixedDaysOfYear>>();
/** Five rules among six hundred branches: each year of each rule is worked out once. */
function fixedDaysMemo(setting: FixedDaySetting, year: number) {
  const key = `${JSON.stringify(setting)}:${year}`;
  let days = memo.get(key);
  if (!days) {
    days = fixedDaysOfYear(setting, year);
    memo.set(key, days);
  }
  return days;
}

async function insertBatched<T>(rows: T[], size: number, insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/**
 * Three years of fixed days for every branch, ending with last month: plans, held activities
 * (some months missed), attendance around 70–90 %, leave, residents, minutes and photos, and
 * each branch's ledger chain over all of it — so every screen has something true to show.
 */
export async function seedHistory(tx: DbOrTx, random: Random, storage: Storage, now: Date) {
  const branchRows = await tx
    .select({ id: orgs.id, path: orgs.path, fixedDay: orgs.fixedDay, level: orgs.level })
    .from(orgs)
    .where(eq(orgs.level, 'branch'));
  const memberRows = await tx
    .select({ id: members.id, orgId: members.orgId })
    .from(members)
    .where(partyMemberSql(members.status));
  const byOrg = new Map<number, number[]>();
  for (const m of memberRows) byOrg.set(m.orgId, [...(byOrg.get(m.orgId) ?? []), m.id]);
  const groupsOf = await branchGroups(tx);

  const venueValues = branchRows.flatMap((b) =>
    (Object.keys(VENUE_NAMES) as VenueType[]).map((type) => ({ orgId: b.id, name: VENUE_NAMES[type], type })),
  );
  const venueIds: { id: number; orgId: number; type: VenueType }[] = [];
  await insertBatched(venueValues, 2000, async (batch) => {
    venueIds.push(
      ...(await tx
        .insert(venues)
        .values(batch)
        .returning({ id: venues.id, orgId: venues.orgId, type: venues.type })),
    );
  });
  const branches: Seeded[] = branchRows.map((b) => ({
    orgId: b.id,
    path: b.path,
    fixedDay: b.fixedDay!,
    venueIds: Object.fromEntries(
      venueIds.filter((v) => v.orgId === b.id).map((v) => [v.type, v.id]),
    ) as Record<VenueType, number>,
    memberIds: byOrg.get(b.id) ?? [],
    groups: groupsOf.get(b.id) ?? [],
  }));

  const [county] = await tx.select({ id: orgs.id }).from(orgs).where(sql`parent_id IS NULL`);
  const thisMonth = chinaDate(now).slice(0, 7);
  const months: { year: number; month: number }[] = [];
  for (let back = 36; back >= 1; back--) {
    const d = new Date(Date.UTC(Number(thisMonth.slice(0, 4)), Number(thisMonth.slice(5, 7)) - 1 - back, 1));
    months.push({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 });
  }
  // The county recommends a theme for every month, this one and the next included.
  const recMonths = [
    ...months,
    ...[0, 1].map((k) => {
      const d = new Date(Date.UTC(Number(thisMonth.slice(0, 4)), Number(thisMonth.slice(5, 7)) - 1 + k, 1));
      return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
    }),
  ];
  await tx.insert(themeRecommendations).values(
    recMonths.map(({ year, month }) => {
      const p = THEME_PLAN[(year * 12 + month) % THEME_PLAN.length]!;
      return {
        orgId: county!.id,
        year,
        month,
        theme: p.theme,
        title: `${month}月：${p.titles[0]}`,
        kinds: p.kinds,
        note: '县委组织部推荐主题，可结合本村实际调整',
      };
    }),
  );

  const photos = await demoPhotos(storage);
  const totals = { activities: 0, attendance: 0 };
  // Branch by branch, so each chain is built in order and memory stays small.
  for (const b of branches) {
    const plans: (typeof planEntries.$inferInsert)[] = [];
    const acts: SeededActivity[] = [];
    for (const { year, month } of months) {
      const p = THEME_PLAN[(year * 12 + month + b.orgId) % THEME_PLAN.length]!;
      const title = `${month}月主题党日：${random.pick(p.titles)}`;
      const fixedDate = fixedDaysMemo(b.fixedDay, year)[month - 1]!.fixedDate;
      const hasPlan = random.next() < 0.9;
      if (hasPlan)
        plans.push({
          orgId: b.orgId,
          year,
          month,
          theme: p.theme,
          title,
          kinds: p.kinds,
          venueId: b.venueIds[p.venue],
          late: random.next() < 0.08,
        });
      if (random.next() < 0.1) continue; // a missed month
      const startsAt = new Date(`${fixedDate}T09:00:00+08:00`);
      const short = random.next() < 0.05;
      const rate = 0.65 + random.next() * 0.3;
      const present: [number, CheckInMethod, Date][] = [];
      const leave: number[] = [];
      for (const m of b.memberIds) {
        const r = random.next();
        if (r < rate) {
          const method = random.weighted([
            ['qr', 70],
            ['code', 20],
            ['manual', 10],
          ] as const);
          present.push([m, method, new Date(startsAt.getTime() + random.int(-1500, 1200) * 1000)]);
        } else if (r < rate + 0.06) leave.push(m);
      }
      const masses =
        random.next() < 0.5 ? Array.from({ length: random.int(1, 8) }, (_, i) => `群众${i + 1}`) : [];
      acts.push({
        row: {
          orgId: b.orgId,
          type: 'themed_party_day',
          theme: p.theme,
          kinds: p.kinds,
          title,
          venueId: b.venueIds[p.venue],
          startsAt,
          endsAt: new Date(startsAt.getTime() + (short ? 3 : 4) * HOUR),
          massesInvited: masses.length > 0,
          shortReason: short ? '农忙时节，缩短为三小时' : null,
          minutesHtml:
            random.next() < 0.88
              ? `<p>${title}。书记主持，${present.length} 名党员参加。</p><p>会议讨论并部署了下月工作。</p>`
              : null,
          decisions: p.theme === 'democratic_deliberation' ? '经表决通过，下月实施。' : null,
          recordsUpdatedAt: new Date(startsAt.getTime() + 6 * HOUR),
          createdAt: new Date(startsAt.getTime() - 10 * 24 * HOUR),
        },
        present,
        leave,
        masses,
        photos: random.next() < 0.82 ? Array.from({ length: random.int(1, 2) }, () => random.int(0, 3)) : [],
      });
      // A party lecture each quarter, most quarters.
      if (month % 3 === 0 && random.next() < 0.6) {
        const lecture = new Date(startsAt.getTime() + 7 * 24 * HOUR);
        acts.push({
          row: {
            orgId: b.orgId,
            type: 'party_lecture',
            theme: 'study_training',
            kinds: ['policy_study'],
            title: `${Number(chinaDate(lecture).slice(5, 7))}月书记讲党课`,
            venueId: b.venueIds.activity_room,
            startsAt: lecture,
            endsAt: new Date(lecture.getTime() + 2 * HOUR),
            shortReason: '党课两小时',
            minutesHtml: '<p>书记讲授专题党课。</p>',
            recordsUpdatedAt: new Date(lecture.getTime() + 3 * HOUR),
            createdAt: new Date(lecture.getTime() - 7 * 24 * HOUR),
          },
          present: present
            .filter(() => random.next() < 0.9)
            .map(([m, method]) => [m, method, new Date(lecture.getTime() + random.int(-600, 600) * 1000)]),
          leave: [],
          masses: [],
          photos: random.next() < 0.5 ? [0] : [],
        });
      }
    }
    acts.push(...groupMeetings(b, months.slice(-12), random));
    const planRows = plans.length
      ? await tx
          .insert(planEntries)
          .values(plans)
          .returning({ id: planEntries.id, year: planEntries.year, month: planEntries.month })
      : [];
    if (!acts.length) continue;
    const inserted = await tx
      .insert(activities)
      .values(
        acts.map((a) => {
          const ym = chinaDate(a.row.startsAt as Date);
          const plan =
            a.row.type === 'themed_party_day'
              ? planRows.find((p) => p.year === Number(ym.slice(0, 4)) && p.month === Number(ym.slice(5, 7)))
              : undefined;
          return { ...a.row, planEntryId: plan?.id ?? null };
        }),
      )
      .returning();
    // Hundreds of thousands of check-ins: sent as four arrays and unnested by PostgreSQL, not as rows of parameters.
    const present = inserted.flatMap((row, i) =>
      acts[i]!.present.map(([memberId, method, at]) => ({ activityId: row.id, memberId, method, at })),
    );
    await tx.execute(sql`
      INSERT INTO attendance (activity_id, member_id, method, checked_in_at, reason)
      SELECT a, m, h, t, CASE WHEN h = 'manual' THEN '纸质签到补录' END
      FROM unnest(${sql.param(present.map((p) => p.activityId))}::int[], ${sql.param(present.map((p) => p.memberId))}::int[],
                  ${sql.param(present.map((p) => p.method))}::text[], ${sql.param(present.map((p) => p.at.toISOString()))}::timestamptz[]) AS u(a, m, h, t)`);
    const leaves = inserted.flatMap((row, i) =>
      acts[i]!.leave.map((memberId) => ({
        activityId: row.id,
        memberId,
        reason: '外出务工',
        status: 'approved' as const,
        decidedAt: row.startsAt,
      })),
    );
    if (leaves.length) await insertBatched(leaves, 5000, (batch) => tx.insert(leaveRequests).values(batch));
    const guestRows = inserted.flatMap((row, i) =>
      acts[i]!.masses.map((name) => ({ activityId: row.id, name })),
    );
    if (guestRows.length) await insertBatched(guestRows, 5000, (batch) => tx.insert(guests).values(batch));
    const fileRows = inserted.flatMap((row, i) =>
      acts[i]!.photos.map((p, k) => ({
        activityId: row.id,
        kind: 'photo' as const,
        name: `现场照片${k + 1}.jpg`,
        mime: 'image/jpeg',
        size: photos[p]!.size,
        path: photos[p]!.path,
        thumbPath: photos[p]!.thumbPath,
        sha256: photos[p]!.sha256,
        takenAt: new Date(row.startsAt.getTime() + HOUR),
        createdAt: row.recordsUpdatedAt ?? row.startsAt,
      })),
    );
    const files = fileRows.length
      ? await tx.insert(activityFiles).values(fileRows).returning({
          id: activityFiles.id,
          activityId: activityFiles.activityId,
          sha256: activityFiles.sha256,
          name: activityFiles.name,
        })
      : [];

    // The branch's chain, fact by fact in time order, exactly as the app would have written it.
    const chain: {
      seq: number;
      activityId: number;
      kind: string;
      payload: Record<string, unknown>;
      at: Date;
      prevHash: string;
      hash: string;
    }[] = [];
    let prev = GENESIS;
    const push = (activityId: number, kind: string, payload: Record<string, unknown>, at: Date) => {
      const entry = { orgId: b.orgId, seq: chain.length + 1, activityId, kind, payload, byUserId: null, at };
      const hash = entryHash(prev, entry);
      chain.push({ ...entry, prevHash: prev, hash });
      prev = hash;
    };
    inserted.forEach((row, i) => {
      const a = acts[i]!;
      if (row.groupId !== null)
        push(
          row.id,
          'recorded',
          {
            type: row.type,
            groupId: row.groupId,
            groupKind: row.groupKind,
            title: row.title,
            place: row.place,
            startsAt: row.startsAt.toISOString(),
            endsAt: row.endsAt.toISOString(),
          },
          row.createdAt,
        );
      else
        push(
          row.id,
          'scheduled',
          {
            type: row.type,
            theme: row.theme,
            kinds: row.kinds,
            title: row.title,
            venueId: row.venueId,
            startsAt: row.startsAt.toISOString(),
            endsAt: row.endsAt.toISOString(),
            planEntryId: row.planEntryId,
            shortReason: row.shortReason,
          },
          row.createdAt,
        );
      const after = new Date(row.endsAt.getTime() + HOUR);
      const digest = createHash('sha256')
        .update(
          canonical({
            present: [...a.present]
              .sort((x, y) => x[0] - y[0])
              .map(([m, how, at]) => [m, how, at.toISOString()]),
            leave: [...a.leave].sort((x, y) => x - y),
            masses: a.masses,
          }),
        )
        .digest('hex');
      push(row.id, 'attendance_sealed', { digest }, after);
      if (row.minutesHtml || row.decisions)
        push(
          row.id,
          'minutes',
          { digest: minutesDigest(row), late: false, reason: null },
          new Date(after.getTime() + HOUR),
        );
      for (const f of files.filter((f) => f.activityId === row.id)) {
        push(
          row.id,
          'file_added',
          { fileId: f.id, sha256: f.sha256, name: f.name, kind: 'photo', late: false, reason: null },
          new Date(after.getTime() + 2 * HOUR),
        );
      }
    });
    await tx.execute(sql`
      INSERT INTO ledger_entries (org_id, seq, activity_id, kind, payload, at, prev_hash, hash)
      SELECT ${b.orgId}, s, a, k, p, t, ph, h
      FROM unnest(${sql.param(chain.map((c) => c.seq))}::int[], ${sql.param(chain.map((c) => c.activityId))}::int[],
                  ${sql.param(chain.map((c) => c.kind))}::text[], ${sql.param(chain.map((c) => JSON.stringify(c.payload)))}::jsonb[],
                  ${sql.param(chain.map((c) => (c.at as Date).toISOString()))}::timestamptz[], ${sql.param(chain.map((c) => c.prevHash))}::text[],
                  ${sql.param(chain.map((c) => c.hash))}::text[]) AS u(s, a, k, p, t, ph, h)`);
    totals.activities += inserted.length;
    totals.attendance += acts.reduce((s, a) => s + a.present.length, 0);
  }
  return totals;
}
