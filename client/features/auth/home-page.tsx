import { Navigate } from 'react-router';
import type { Me } from '../../../common/schemas/auth';
import { useSignedIn } from './me-context';

/**
 * Where each person starts: the administrator at the org tree, a supervisor at the dashboard of
 * their subtree, a branch secretary at the branch's calendar of fixed days, a member at a page
 * made for a phone.
 */
function homeOf(me: Me): string {
  const first = (role: Me['roles'][number]['role']) => me.roles.find((b) => b.role === role);
  if (first('admin')) return '/orgs';
  if (first('supervisor')) return '/dashboard';
  const branch = first('secretary');
  if (branch?.orgId) return `/orgs/${branch.orgId}/calendar`;
  return '/me';
}

export function HomePage() {
  return <Navigate to={homeOf(useSignedIn())} replace />;
}
