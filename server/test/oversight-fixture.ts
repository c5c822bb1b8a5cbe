import { eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import { withBlindIndexes } from '../db/personal-data/sealed';
import {
  activities,
  activityFiles,
  attendance,
  guests,
  leaveRequests,
  members,
  orgs,
  planEntries,
} from '../db/schema/index';

const rule = { rule: { kind: 'day_of_month' as const, day: 10 }, holidayRule: 'stay' as const };
const at = (date: string, hour = 9) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);

/**
 * A hand-counted township for the dashboard and the ranking, in the first quarter of 2025:
 * branch A (4 Party members and an activist), branch B (2), branch C (2, excused from the
 * fixed day). The expected figures are counted by hand in stats.test.ts from what is written here.
 */
export async function handCountedTownship(db: Db, countyId: number, countyPath: string) {
  const org = async (
    parent: { id: number; path: string },
    name: string,
    level: 'committee' | 'branch',
    extra = {},
  ) => {
    const [o] = await db
      .insert(orgs)
      .values({
        parentId: parent.id,
        path: '',
        name,
        level,
        kind: 'village',
        fixedDay: level === 'branch' ? rule : null,
        ...extra,
      })
      .returning();
    const [u] = await db
      .update(orgs)
      .set({ path: `${parent.path}${o!.id}/` })
      .where(eq(orgs.id, o!.id))
      .returning();
    return u!;
  };
  const town = await org({ id: countyId, path: countyPath }, '手数镇党委', 'committee');
  const A = await org(town, '甲村党支部', 'branch');
  const B = await org(town, '乙村党支部', 'branch');
  const C = await org(town, '老干部党支部', 'branch', { exemptions: ['fixed_day'] });
  const people = async (orgId: number, statuses: ('full' | 'probationary' | 'activist')[]) =>
    db
      .insert(members)
      .values(
        statuses.map((status, i) => ({ orgId, name: `成员${orgId}-${i}`, gender: 'male' as const, status })),
      )
      .returning()
      .then((rows) => rows.map((r) => r.id));
  const [a1, a2, a3, a4] = await people(A.id, ['full', 'full', 'full', 'probationary', 'activist']);
  const [b1, b2] = await people(B.id, ['full', 'full']);
  const [c1] = await people(C.id, ['full', 'full']);
  const plan = async (orgId: number, month: number) =>
    (
      await db
        .insert(planEntries)
        .values({ orgId, year: 2025, month, theme: 'study_training', title: '计划', kinds: ['policy_study'] })
        .returning()
    )[0]!.id;
  const planA1 = await plan(A.id, 1);
  const planB1 = await plan(B.id, 1);
  await plan(B.id, 2);
  const activity = async (
    orgId: number,
    date: string,
    values: Partial<typeof activities.$inferInsert> = {},
  ) =>
    (
      await db
        .insert(activities)
        .values({
          orgId,
          type: 'themed_party_day',
          title: `${date} 活动`,
          startsAt: at(date),
          endsAt: at(date, 13),
          ...values,
        })
        .returning()
    )[0]!.id;
  const present = (activityId: number, ids: number[]) =>
    db.insert(attendance).values(ids.map((memberId) => ({ activityId, memberId, method: 'code' as const })));
  const photo = (activityId: number) =>
    db.insert(activityFiles).values({
      activityId,
      kind: 'photo',
      name: 'p.jpg',
      mime: 'image/jpeg',
      size: 1,
      path: 'x',
      sha256: 'x',
    });

  const A1 = await activity(A.id, '2025-01-10', {
    theme: 'study_training',
    planEntryId: planA1,
    minutesHtml: '<p>学习</p>',
  });
  await present(A1, [a1!, a2!, a3!]);
  await db
    .insert(leaveRequests)
    .values({ activityId: A1, memberId: a4!, reason: '外出', status: 'approved' });
  await db
    .insert(guests)
    .values([
      withBlindIndexes({ activityId: A1, name: '王大爷', phone: '13800000001' }),
      { activityId: A1, name: '李阿姨' },
    ]);
  await photo(A1);

  const A2 = await activity(A.id, '2025-02-12', { theme: 'volunteer_service' });
  await present(A2, [a1!]);
  await db.insert(leaveRequests).values([
    { activityId: A2, memberId: a2!, reason: '生病', status: 'approved' },
    { activityId: A2, memberId: a3!, reason: '外出', status: 'pending' },
  ]);
  await db.insert(guests).values(withBlindIndexes({ activityId: A2, name: '王大爷', phone: '13800000001' }));

  const A3 = await activity(A.id, '2025-02-20', {
    type: 'branch_committee_meeting',
    minutesHtml: '<p>议事</p>',
  });
  await present(A3, [a1!, a2!]);
  await photo(A3);

  const A4 = await activity(A.id, '2025-03-10', {
    theme: 'study_training',
    status: 'cancelled',
    cancelReason: '暴雨',
  });
  await present(A4, [a1!]);

  const B1 = await activity(B.id, '2025-01-10', {
    theme: 'culture_sports',
    planEntryId: planB1,
    minutesHtml: '<p>文体</p>',
  });
  await present(B1, [b1!, b2!]);

  const C1 = await activity(C.id, '2025-01-15', { theme: 'democratic_deliberation' });
  await present(C1, [c1!]);

  return {
    town,
    A,
    B,
    C,
    activities: { A1, A2, A3, A4, B1, C1 },
    members: { a1: a1!, a2: a2!, b1: b1!, c1: c1! },
  };
}
