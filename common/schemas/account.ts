import { z } from 'zod';
import { ROLES } from '../enums';
import { PHONE_PATTERN } from '../validators';
import { PASSWORD_MIN, RoleBinding } from './auth';
import { Id, RefId } from './common';

export const Account = z.object({
  id: z.number().int(),
  username: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  memberId: z.number().int().nullable(),
  roles: z.array(RoleBinding.extend({ id: z.number().int() })),
});
export type Account = z.infer<typeof Account>;

const Username = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{3,32}$/, 'errors.validation.username');

export const RoleGrant = z.object({
  role: z.enum(ROLES).exclude(['admin']),
  orgId: RefId,
});
export type RoleGrant = z.infer<typeof RoleGrant>;

export const AccountCreate = z.object({
  username: Username,
  name: z.string().trim().min(1, 'errors.validation.required').max(50),
  phone: z.string().trim().regex(PHONE_PATTERN, 'errors.validation.phone').nullable().optional(),
  password: z.string().min(PASSWORD_MIN, 'errors.validation.passwordTooShort').max(256),
  role: RoleGrant,
});
export type AccountCreate = z.infer<typeof AccountCreate>;

/** A member's account is made from the member record: name, phone and branch come from it. */
export const MemberAccountCreate = z.object({
  username: Username,
  password: z.string().min(PASSWORD_MIN, 'errors.validation.passwordTooShort').max(256),
});
export type MemberAccountCreate = z.infer<typeof MemberAccountCreate>;

export const AccountListQuery = z.object({ orgId: Id.optional() });
