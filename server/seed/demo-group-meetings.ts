import { sql } from 'drizzle-orm';
import type { CheckInMethod, GroupActivityKind } from '../../common/enums';
import { partyMemberSql } from '../core/fixed-day/party-members';
import type { DbOrTx } from '../db/open';
import { type activities, members, partyGroups } from '../db/schema/index';
import type { Random } from './random';

const HOUR = 3_600_000;

/** An activity of the demo with what happened at it, inserted together branch by branch. */
export type SeededActivity = {
  row: typeof activities.$inferInsert;
  present: [number, CheckInMethod, Date][];
  leave: number[];
  masses: string[];
  photos: number[];
};

/** The part of a seeded branch its groups' meetings are made from. */
type Group = { id: number; name: string; memberIds: number[] };
type BranchGroups = { orgId: number; groups: Group[] };

/** Each branch's groups with their Party members (those whose own group it is). */
export async function branchGroups(tx: DbOrTx): Promise<Map<number, Group[]>> {
  const groups = await tx
    .select({ id: partyGroups.id, orgId: partyGroups.orgId, name: partyGroups.name })
    .from(partyGroups)
    .orderBy(partyGroups.id);
  const inGroups = await tx
    .select({ id: members.id, groupId: members.groupId })
    .from(members)
    .where(sql`${members.groupId} IS NOT NULL AND ${partyMemberSql(members.status)}`);
  const byOrg = new Map<number, Group[]>();
  for (const g of groups) {
    const memberIds = inGroups.filter((m) => m.groupId === g.id).map((m) => m.id);
    byOrg.set(g.orgId, [...(byOrg.get(g.orgId) ?? []), { id: g.id, name: g.name, memberIds }]);
  }
  return byOrg;
}

const GROUP_KIND_TITLES: Partial<Record<GroupActivityKind, string>> = {
  collective_study: '集中学习',
  contact_masses: '走访联系群众',
  heart_to_heart: '谈心交流',
  volunteer_service: '志愿服务',
  cultivating_activists: '培养联系积极分子',
};

/** What a group meets for in a month of the year: a diligent group keeps every default system. */
function groupKindsOf(month: number, diligent: boolean): GroupActivityKind[] {
  const kinds: GroupActivityKind[] = [];
  if (diligent || month % 3 !== 0) kinds.push('collective_study');
  if (month % 3 === 0) kinds.push('contact_masses');
  if (month % 6 === 1 || (diligent && month % 3 === 1)) kinds.push('heart_to_heart');
  if (diligent && month % 3 === 2) kinds.push('volunteer_service');
  if (diligent && month % 6 === 0) kinds.push('cultivating_activists');
  return kinds;
}

/**
 * A year of each group's own meetings, recorded by its leader after the fact: study, the masses
 * visited each quarter, talks; every third group keeps all its systems, every third meets only
 * every other month, so the working systems table has both to show.
 */
export function groupMeetings(
  b: BranchGroups,
  months: { year: number; month: number }[],
  random: Random,
): SeededActivity[] {
  return b.groups.flatMap((g, gi) =>
    months.flatMap(({ year, month }) => {
      if (g.memberIds.length === 0 || (gi % 3 === 2 && month % 2 === 0)) return [];
      return groupKindsOf(month, gi % 3 === 0).map((kind, k) => {
        const day = String(random.int(3, 12) + k * 8).padStart(2, '0');
        const startsAt = new Date(`${year}-${String(month).padStart(2, '0')}-${day}T19:30:00+08:00`);
        const present = g.memberIds.filter(() => random.next() < 0.85);
        if (!present.length) present.push(g.memberIds[0]!);
        return {
          row: {
            orgId: b.orgId,
            type: 'party_group_meeting' as const,
            groupId: g.id,
            groupKind: kind,
            title: `${g.name}${GROUP_KIND_TITLES[kind]}`,
            place: kind === 'contact_masses' ? '村民家中' : null,
            startsAt,
            endsAt: new Date(startsAt.getTime() + HOUR),
            shortReason: '党小组活动，小而灵活',
            minutesHtml: `<p>${g.name}${GROUP_KIND_TITLES[kind]}，${present.length} 名党员参加。</p>`,
            recordsUpdatedAt: new Date(startsAt.getTime() + 2 * HOUR),
            createdAt: new Date(startsAt.getTime() + 2 * HOUR),
          },
          present: present.map((m) => [m, 'manual', startsAt] as [number, CheckInMethod, Date]),
          leave: [],
          masses: [],
          photos: random.next() < 0.3 ? [random.int(0, 3)] : [],
        };
      });
    }),
  );
}
