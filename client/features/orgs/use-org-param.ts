import { useParams } from 'react-router';
import { useOrg } from './queries';

/** The org of a page under /orgs/:id/… (calendar, ledger, venues, settings). */
export function useOrgParam() {
  const { id } = useParams();
  const orgId = id && Number.isInteger(Number(id)) ? Number(id) : undefined;
  const { data: org } = useOrg(orgId);
  return { orgId, org };
}
