import { GROUP_MIN_FULL_MEMBERS, GROUP_MIN_MEMBERS, type MemberStatus } from '../../../common/enums';
import { isPartyMember } from '../../core/fixed-day/party-members';
import { ruleBroken } from '../../errors';

type GroupMember = { id: number; name: string; status: MemberStatus };

/**
 * The party group rules (SPEC): only Party members, at least three of them, at least one full
 * member, and a leader from among them who is not on probation.
 */
export function checkGroupComposition(list: GroupMember[], leaderId: number | null): void {
  const outsider = list.find((m) => !isPartyMember(m.status));
  if (outsider)
    throw ruleBroken(
      'group_not_party_member',
      'errors.group.notPartyMember',
      { name: outsider.name },
      'memberIds',
    );
  if (list.length < GROUP_MIN_MEMBERS) {
    throw ruleBroken(
      'group_too_few_members',
      'errors.group.tooFewMembers',
      { min: GROUP_MIN_MEMBERS, count: list.length },
      'memberIds',
    );
  }
  if (list.filter((m) => m.status === 'full').length < GROUP_MIN_FULL_MEMBERS) {
    throw ruleBroken('group_needs_full_member', 'errors.group.needsFullMember', {}, 'memberIds');
  }
  if (leaderId !== null) {
    const leader = list.find((m) => m.id === leaderId);
    if (!leader) throw ruleBroken('group_leader_not_member', 'errors.group.leaderNotMember', {}, 'leaderId');
    if (leader.status !== 'full')
      throw ruleBroken('group_probationary_leader', 'errors.group.probationaryLeader', {}, 'leaderId');
  }
}

/** Whether the group would still meet the size rules without the members leaving it. */
export function staysValidWithout(list: GroupMember[], leaving: ReadonlySet<number>): boolean {
  const rest = list.filter((m) => !leaving.has(m.id));
  return (
    rest.length >= GROUP_MIN_MEMBERS &&
    rest.filter((m) => m.status === 'full').length >= GROUP_MIN_FULL_MEMBERS
  );
}

type Membership = { groupId: number | null; secondGroupId: number | null };
export type MembershipClash = 'own_elsewhere' | 'own_here' | 'second_elsewhere' | 'no_own_group';

/**
 * Whether a member may belong to the group `groupId` (null: one being set up) as their own group
 * or as their second ("double group"): one own group, whose life counts for them, and at most one
 * second group beside it.
 */
export function membershipClash(
  m: Membership,
  groupId: number | null,
  asOwn: boolean,
): MembershipClash | null {
  if (asOwn) return m.groupId !== null && m.groupId !== groupId ? 'own_elsewhere' : null;
  if (m.groupId === null) return 'no_own_group';
  if (m.groupId === groupId) return 'own_here';
  if (m.secondGroupId !== null && m.secondGroupId !== groupId) return 'second_elsewhere';
  return null;
}
