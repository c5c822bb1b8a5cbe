import { useMemo } from 'react';
import { secretaryBranchId, supervisedOrgId } from '../auth/bindings';
import { useSignedIn } from '../auth/me-context';
import { useOrgTree } from './queries';
import { nestOrgs } from './tree';

/**
 * Where the oversight pages start: the supervisor's org, an admin's top of the tree, or the
 * secretary's own branch.
 */
export function useHomeOrg(): number | undefined {
  const me = useSignedIn();
  const { data } = useOrgTree();
  const top = useMemo(() => nestOrgs(data?.nodes ?? [])[0]?.id, [data]);
  return (
    supervisedOrgId(me) ??
    (me.roles.some((b) => b.role === 'admin') ? top : undefined) ??
    secretaryBranchId(me)
  );
}
