import { z } from 'zod';
import { EXEMPTIONS, ORG_KINDS, ORG_LEVELS } from '../enums';
import { FixedDaySetting } from '../fixed-day';
import { RefId, somethingToChange } from './common';

const OrgName = z.string().trim().min(1, 'errors.validation.required').max(100);

export const Org = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  name: z.string(),
  level: z.enum(ORG_LEVELS),
  kind: z.enum(ORG_KINDS),
  fixedDay: FixedDaySetting.nullable(),
  /** What the branch is excused from; the dashboard shows it as exempt, not failing. */
  exemptions: z.array(z.enum(EXEMPTIONS)),
  childCount: z.number().int(),
  memberCount: z.number().int(),
  groupCount: z.number().int(),
});
export type Org = z.infer<typeof Org>;

/** One row of the tree as the client draws it; the client nests them by parentId. */
export const OrgTreeNode = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  name: z.string(),
  level: z.enum(ORG_LEVELS),
  kind: z.enum(ORG_KINDS),
});
export type OrgTreeNode = z.infer<typeof OrgTreeNode>;
export const OrgTree = z.object({ nodes: z.array(OrgTreeNode) });
export type OrgTree = z.infer<typeof OrgTree>;

export const OrgCreate = z.object({
  parentId: RefId,
  name: OrgName,
  level: z.enum(ORG_LEVELS),
  kind: z.enum(ORG_KINDS),
  fixedDay: FixedDaySetting.optional(),
});
export type OrgCreate = z.infer<typeof OrgCreate>;

export const OrgUpdate = somethingToChange(
  z.object({
    name: OrgName.optional(),
    kind: z.enum(ORG_KINDS).optional(),
    fixedDay: FixedDaySetting.optional(),
    exemptions: z.array(z.enum(EXEMPTIONS)).optional(),
  }),
);
export type OrgUpdate = z.infer<typeof OrgUpdate>;

export const OrgMove = z.object({ parentId: RefId });
export type OrgMove = z.infer<typeof OrgMove>;
