import type { Me } from '../../../common/schemas/auth';

/** The org a supervisor oversees (their first binding), if they are one. */
export function supervisedOrgId(me: Me): number | undefined {
  return (
    me.roles.find((binding) => binding.role === 'supervisor' && binding.orgId !== null)?.orgId ?? undefined
  );
}

/** The branch a secretary runs, if they are one. */
export function secretaryBranchId(me: Me): number | undefined {
  return (
    me.roles.find((binding) => binding.role === 'secretary' && binding.orgId !== null)?.orgId ?? undefined
  );
}

/** Supervisors and admins inspect, rank, set checklists and read the branches' reports. */
export function isOverseer(me: Me): boolean {
  return me.roles.some((binding) => binding.role === 'supervisor' || binding.role === 'admin');
}
