import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { Account, AccountCreate, MemberAccountCreate, RoleGrant } from '../../../common/schemas/account';
import type { Actor } from '../../access/actor';
import { loadOrg } from '../../access/load-org';
import { authorize, can, canSee, grantableAt, scopePaths } from '../../access/policy';
import { inSubtree, pathInScope } from '../../access/scope-sql';
import { sessionCache } from '../../access/session-cache';
import { uniqueViolation } from '../../db/errors';
import type { Db, DbOrTx, Tx } from '../../db/open';
import { withBlindIndexes } from '../../db/personal-data/sealed';
import { members, orgs, roleBindings, users } from '../../db/schema/index';
import { AppError, conflict, forbidden, notFound, ruleBroken } from '../../errors';
import { hashPassword } from '../auth/index';

async function present(db: DbOrTx, userIds: number[]): Promise<Account[]> {
  if (!userIds.length) return [];
  // One after another: inside a transaction they share one connection.
  const rows = await db.select().from(users).where(inArray(users.id, userIds)).orderBy(users.id);
  const bindings = await db
    .select({
      id: roleBindings.id,
      userId: roleBindings.userId,
      role: roleBindings.role,
      orgId: roleBindings.orgId,
      orgName: orgs.name,
    })
    .from(roleBindings)
    .leftJoin(orgs, eq(orgs.id, roleBindings.orgId))
    .where(inArray(roleBindings.userId, userIds))
    .orderBy(roleBindings.id);
  return rows.map((u) => ({
    id: u.id,
    username: u.username,
    name: u.name,
    phone: u.phone,
    memberId: u.memberId,
    roles: bindings.filter((b) => b.userId === u.id).map(({ userId: _, ...b }) => b),
  }));
}

export async function listAccounts(db: Db, actor: Actor, orgId?: number): Promise<Account[]> {
  const scopes = scopePaths(actor, 'account.manage');
  const where: SQL[] = [pathInScope(orgs.path, scopes)];
  if (orgId !== undefined) {
    const org = await loadOrg(db, actor, orgId);
    authorize(actor, 'account.manage', org.path);
    where.push(inSubtree(orgs.path, org.path));
  } else if (scopes !== null && scopes.length === 0) throw forbidden();
  const ids = await db
    .selectDistinct({ id: roleBindings.userId })
    .from(roleBindings)
    .innerJoin(orgs, eq(orgs.id, roleBindings.orgId))
    .where(and(...where))
    .orderBy(roleBindings.userId)
    .limit(500);
  return present(
    db,
    ids.map((r) => r.id),
  );
}

/** The org where a role is to be given, once the actor may give that role there. */
async function grantTarget(tx: DbOrTx, actor: Actor, grant: RoleGrant) {
  const org = await loadOrg(tx, actor, grant.orgId);
  authorize(actor, 'account.manage', org.path);
  if (!grantableAt(actor, org.path).includes(grant.role)) {
    throw new AppError(
      403,
      'role_not_allowed',
      'errors.account.roleNotAllowed',
      { role: `enums.role.${grant.role}` },
      'role',
    );
  }
  return org;
}

function rethrowTaken(e: unknown, username: string): never {
  const constraint = uniqueViolation(e);
  if (constraint === 'users_username_key')
    throw conflict('username_taken', 'errors.account.usernameTaken', { username }, 'username');
  if (constraint === 'users_phone_key')
    throw conflict('phone_taken', 'errors.account.phoneTaken', {}, 'phone');
  if (constraint === 'users_member_key')
    throw conflict('member_has_account', 'errors.account.memberHasAccount');
  throw e;
}

export async function createAccount(db: Db, actor: Actor, input: AccountCreate): Promise<Account> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      await grantTarget(tx, actor, input.role);
      const [user] = await tx
        .insert(users)
        .values(
          withBlindIndexes({
            username: input.username,
            name: input.name,
            phone: input.phone ?? null,
            passwordHash,
          }),
        )
        .returning({ id: users.id });
      await tx
        .insert(roleBindings)
        .values({ userId: user!.id, role: input.role.role, orgId: input.role.orgId });
      return (await present(tx, [user!.id]))[0]!;
    });
  } catch (e) {
    rethrowTaken(e, input.username);
  }
}

export async function createMemberAccount(
  db: Db,
  actor: Actor,
  memberId: number,
  input: MemberAccountCreate,
): Promise<Account> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const [member] = await tx
        .select({
          id: members.id,
          name: members.name,
          phone: members.phone,
          orgId: members.orgId,
          path: orgs.path,
        })
        .from(members)
        .innerJoin(orgs, eq(orgs.id, members.orgId))
        .where(eq(members.id, memberId));
      if (!member) throw notFound();
      authorize(actor, 'account.manage', member.path);
      const [user] = await tx
        .insert(users)
        .values(
          withBlindIndexes({
            username: input.username,
            name: member.name,
            phone: member.phone,
            memberId,
            passwordHash,
          }),
        )
        .returning({ id: users.id });
      await tx.insert(roleBindings).values({ userId: user!.id, role: 'member', orgId: member.orgId });
      return (await present(tx, [user!.id]))[0]!;
    });
  } catch (e) {
    rethrowTaken(e, input.username);
  }
}

/**
 * An account is the actor's to change when one of its roles lies in the actor's account scope;
 * one whose roles all lie outside what the actor can see does not exist for them.
 */
async function loadAccountForWrite(tx: DbOrTx, actor: Actor, id: number) {
  const held = await tx
    .select({ path: orgs.path })
    .from(roleBindings)
    .leftJoin(orgs, eq(orgs.id, roleBindings.orgId))
    .where(eq(roleBindings.userId, id));
  const paths = held.map((h) => h.path ?? '/');
  if (!paths.some((p) => canSee(actor, p))) throw notFound();
  if (!paths.some((p) => can(actor, 'account.manage', p))) throw forbidden();
}

/**
 * The change, then this instance forgets what it knew of the account's roles: forgotten before
 * the commit, a request in between would cache the old roles again.
 */
async function afterCommitForget<T>(db: Db, accountId: number, change: (tx: Tx) => Promise<T>): Promise<T> {
  const result = await db.transaction(change);
  sessionCache(db).forgetUser(accountId);
  return result;
}

export async function grantRole(db: Db, actor: Actor, accountId: number, grant: RoleGrant): Promise<Account> {
  return afterCommitForget(db, accountId, async (tx) => {
    await loadAccountForWrite(tx, actor, accountId);
    await grantTarget(tx, actor, grant);
    await tx.insert(roleBindings).values({ userId: accountId, role: grant.role, orgId: grant.orgId });
    return (await present(tx, [accountId]))[0]!;
  });
}

export async function revokeRole(
  db: Db,
  actor: Actor,
  accountId: number,
  bindingId: number,
): Promise<Account> {
  return afterCommitForget(db, accountId, async (tx) => {
    await loadAccountForWrite(tx, actor, accountId);
    const [binding] = await tx
      .select({ role: roleBindings.role, orgId: roleBindings.orgId })
      .from(roleBindings)
      .where(and(eq(roleBindings.id, bindingId), eq(roleBindings.userId, accountId)));
    if (!binding || binding.orgId === null) throw notFound();
    await grantTarget(tx, actor, { role: binding.role as RoleGrant['role'], orgId: binding.orgId });
    const all = await tx
      .select({ id: roleBindings.id })
      .from(roleBindings)
      .where(eq(roleBindings.userId, accountId));
    if (all.length <= 1) throw ruleBroken('last_role', 'errors.account.lastRole');
    await tx.delete(roleBindings).where(eq(roleBindings.id, bindingId));
    return (await present(tx, [accountId]))[0]!;
  });
}
