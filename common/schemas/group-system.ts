import { z } from 'zod';
import { GROUP_KINDS, SYSTEM_FREQUENCIES, WORKING_SYSTEMS } from '../enums';

export const GroupSystemsSetting = z.object({
  /** The systems the branch's groups keep and how often; a system left out is not kept. */
  systems: z.partialRecord(z.enum(WORKING_SYSTEMS), z.enum(SYSTEM_FREQUENCIES)),
  /** Whether the branch has set them, or they are Vanguard's defaults. */
  isDefault: z.boolean(),
});
export type GroupSystemsSetting = z.infer<typeof GroupSystemsSetting>;

export const GroupSystemsInput = z.object({
  systems: z.partialRecord(z.enum(WORKING_SYSTEMS), z.enum(SYSTEM_FREQUENCIES)),
});
export type GroupSystemsInput = z.infer<typeof GroupSystemsInput>;

const Window = z.object({ from: z.string(), to: z.string() });

export const SystemRecord = z.object({
  system: z.enum(WORKING_SYSTEMS),
  frequency: z.enum(SYSTEM_FREQUENCIES),
  due: z.number().int(),
  kept: z.number().int(),
  missed: z.array(Window),
});

/** How each of a branch's groups kept its systems in a year, so far. */
export const GroupSystemsKept = z.object({
  year: z.number().int(),
  groups: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      kind: z.enum(GROUP_KINDS),
      kindName: z.string().nullable(),
      /** Every judged system kept in every ended window. */
      keepsAll: z.boolean(),
      systems: z.array(SystemRecord),
    }),
  ),
});
export type GroupSystemsKept = z.infer<typeof GroupSystemsKept>;

/** The working systems of every group in a subtree over a period, as the dashboard rolls them up. */
export const GroupSystemsSummary = z.object({
  /** Groups with at least one system due in the period, and those keeping every one. */
  groups: z.number().int(),
  keepingAll: z.number().int(),
  bySystem: z.array(
    z.object({ system: z.enum(WORKING_SYSTEMS), groups: z.number().int(), keeping: z.number().int() }),
  ),
});
export type GroupSystemsSummary = z.infer<typeof GroupSystemsSummary>;
