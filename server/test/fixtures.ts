import { and, eq, like, ne, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { members, orgs, roleBindings, users } from '../db/schema/index';

/** Named places in the tiny demo county that tests act on. */
export async function tinyCounty(db: Db) {
  const [county] = await db.select().from(orgs).where(sql`parent_id IS NULL`);
  const [t1, t2] = await db.select().from(orgs).where(eq(orgs.parentId, county!.id)).orderBy(orgs.id);
  const [secretaryBinding] = await db
    .select({ orgId: roleBindings.orgId })
    .from(roleBindings)
    .innerJoin(users, eq(users.id, roleBindings.userId))
    .where(and(eq(users.username, 'secretary1'), eq(roleBindings.role, 'secretary')));
  const [b1] = await db.select().from(orgs).where(eq(orgs.id, secretaryBinding!.orgId!));
  const branchIn = async (root: { path: string }, not: number[] = []) => {
    const [b] = await db
      .select()
      .from(orgs)
      .where(
        and(
          like(orgs.path, `${root.path}%`),
          eq(orgs.level, 'branch'),
          not.length ? notInArray(orgs.id, not) : undefined,
        ),
      )
      .orderBy(orgs.id)
      .limit(1);
    return b!;
  };
  const b1Sibling = await branchIn(t1!, [b1!.id]);
  const b2 = await branchIn(t2!);
  const accounts = await db
    .select({ username: users.username, memberId: users.memberId, id: users.id })
    .from(users);
  const memberOf = (username: string) => accounts.find((a) => a.username === username)!.memberId!;
  const someMember = async (orgId: number) => {
    const [m] = await db
      .select()
      .from(members)
      .where(
        and(
          eq(members.orgId, orgId),
          ne(members.id, memberOf('member1')),
          ne(members.id, memberOf('secretary1')),
        ),
      )
      .orderBy(members.id)
      .limit(1);
    return m!;
  };
  return {
    county: county!,
    t1: t1!,
    t2: t2!,
    b1: b1!,
    b1Sibling,
    b2,
    member1Id: memberOf('member1'),
    secretary1Id: memberOf('secretary1'),
    accountId: (username: string) => accounts.find((a) => a.username === username)!.id,
    memberIn: someMember,
  };
}
