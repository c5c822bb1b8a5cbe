import { Navigate } from 'react-router';
import { MyPage } from '../my/my-page';
import { useSignedIn } from './me-context';
import { isManager } from './queries';

/** Managers land on the org tree; a member gets a small page made for a phone. */
export function HomePage() {
  const me = useSignedIn();
  if (isManager(me)) return <Navigate to="/orgs" replace />;
  return <MyPage />;
}
