import { Spin } from 'antd';
import { createBrowserRouter } from 'react-router';
import { NotFound } from './components/not-found';
import { AuthGate } from './features/auth/auth-gate';
import { HomePage } from './features/auth/home-page';
import { LoginPage } from './features/auth/login-page';

// The login page and a member's own page load first; the management screens (tables, trees,
// Excel upload) come as separate chunks, so a member on a slow village connection waits less.
export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: <AuthGate />,
    // Shown while the first screen's chunk arrives when a management page is opened directly.
    hydrateFallbackElement: <Spin fullscreen />,
    children: [
      { index: true, element: <HomePage /> },
      {
        path: 'orgs/:id?',
        lazy: async () => ({ Component: (await import('./features/orgs/orgs-page')).OrgsPage }),
      },
      {
        path: 'members',
        lazy: async () => ({
          Component: (await import('./features/members/member-list-page')).MemberListPage,
        }),
      },
      {
        path: 'members/:id',
        lazy: async () => ({
          Component: (await import('./features/members/member-detail-page')).MemberDetailPage,
        }),
      },
      {
        path: 'roster',
        lazy: async () => ({ Component: (await import('./features/roster/roster-page')).RosterPage }),
      },
      {
        path: 'accounts',
        lazy: async () => ({ Component: (await import('./features/accounts/accounts-page')).AccountsPage }),
      },
      {
        path: 'account/password',
        lazy: async () => ({
          Component: (await import('./features/auth/change-password-page')).ChangePasswordPage,
        }),
      },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
