import { createBrowserRouter } from 'react-router';
import { NotFound } from './components/not-found';
import { AccountsPage } from './features/accounts/accounts-page';
import { AuthGate } from './features/auth/auth-gate';
import { ChangePasswordPage } from './features/auth/change-password-page';
import { HomePage } from './features/auth/home-page';
import { LoginPage } from './features/auth/login-page';
import { MemberDetailPage } from './features/members/member-detail-page';
import { MemberListPage } from './features/members/member-list-page';
import { OrgsPage } from './features/orgs/orgs-page';
import { RosterPage } from './features/roster/roster-page';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: <AuthGate />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'orgs', element: <OrgsPage /> },
      { path: 'orgs/:id', element: <OrgsPage /> },
      { path: 'members', element: <MemberListPage /> },
      { path: 'members/:id', element: <MemberDetailPage /> },
      { path: 'roster', element: <RosterPage /> },
      { path: 'accounts', element: <AccountsPage /> },
      { path: 'account/password', element: <ChangePasswordPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
