import { z } from 'zod';
import { LOCALES, ROLES } from '../enums';

export const LoginRequest = z.object({
  username: z.string().trim().min(1, 'errors.validation.required').max(64),
  password: z.string().min(1, 'errors.validation.required').max(256),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const RoleBinding = z.object({
  role: z.enum(ROLES),
  orgId: z.number().int().nullable(),
  orgName: z.string().nullable(),
});
export type RoleBinding = z.infer<typeof RoleBinding>;

/** This instance's rules that the interface applies before the server would refuse. */
export const InstanceRules = z.object({
  /** An activity shorter than this needs a reason (the seed's "at least half a day"). */
  minActivityHours: z.number(),
  /** Records changed more than this many days after an activity need a reason. */
  lateEditDays: z.number().int(),
  /** Check-in opens this long before an activity starts and closes this long after it ends. */
  checkInBeforeMinutes: z.number().int(),
  checkInAfterMinutes: z.number().int(),
});
export type InstanceRules = z.infer<typeof InstanceRules>;

export const Me = z.object({
  user: z.object({
    id: z.number().int(),
    username: z.string(),
    name: z.string(),
    locale: z.enum(LOCALES),
    memberId: z.number().int().nullable(),
  }),
  roles: z.array(RoleBinding),
  csrfToken: z.string(),
  rules: InstanceRules,
});
export type Me = z.infer<typeof Me>;

export const PASSWORD_MIN = 8;

export const ChangePasswordRequest = z.object({
  currentPassword: z.string().min(1, 'errors.validation.required'),
  newPassword: z.string().min(PASSWORD_MIN, 'errors.validation.passwordTooShort').max(256),
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

export const LocaleUpdate = z.object({ locale: z.enum(LOCALES) });
export type LocaleUpdate = z.infer<typeof LocaleUpdate>;
