import { z } from 'zod';

/** Ids are PostgreSQL integers: anything larger names no row and must not reach the database. */
const MAX_ID = 2_147_483_647;
/** An id in a body. */
export const RefId = z.number().int().positive().max(MAX_ID);
/** An id in a path or query string. */
export const Id = z.coerce.number().int().positive().max(MAX_ID);
export const IdParams = z.object({ id: Id });

/** A PATCH must change something: an empty one is a mistake to name, not a no-op to hide. */
export function somethingToChange<T extends z.ZodObject>(schema: T) {
  return schema.refine((value) => Object.values(value).some((v) => v !== undefined), {
    message: 'errors.validation.nothingToChange',
  });
}
/** A year in a path or query string; years outside these are typing mistakes. */
export const Year = z.coerce.number().int().min(2000).max(2100);
/** A month 1–12 in a path or query string. */
export const Month = z.coerce
  .number()
  .int()
  .min(1, 'errors.plan.monthOutOfYear')
  .max(12, 'errors.plan.monthOutOfYear');
export const YearQuery = z.object({ year: Year });
/** An org and a year in the path: `/orgs/{id}/…/{year}`. */
export const OrgYearParams = z.object({ id: Id, year: Year });
export type IdParams = z.infer<typeof IdParams>;

/** A calendar date as YYYY-MM-DD; the message key is translated where it is shown. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'errors.validation.date')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'errors.validation.date');

export const ApiErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

export const Ok = z.object({ ok: z.literal(true) });

export function page<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}
