import { Spin } from 'antd';
import { createBrowserRouter } from 'react-router';
import { NotFound } from './components/not-found';
import { AuthGate } from './features/auth/auth-gate';
import { HomePage } from './features/auth/home-page';
import { LoginPage } from './features/auth/login-page';
import { CheckInPage } from './features/check-in/check-in-page';
import { CodePage } from './features/check-in/code-page';
import { MyPage } from './features/my/my-page';
import { InboxPage } from './features/notices/inbox-page';

// The login page and a member's own pages (their page, check-in, notices) load first; the
// management screens (tables, trees, Excel upload, the QR view) come as separate chunks, so a
// member on a slow village connection waits less, above all on the morning of a fixed day.
export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: <AuthGate />,
    // Shown while the first screen's chunk arrives when a management page is opened directly.
    hydrateFallbackElement: <Spin fullscreen />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'me', element: <MyPage /> },
      { path: 'check-in', element: <CheckInPage /> },
      { path: 'check-in/code', element: <CodePage /> },
      { path: 'inbox', element: <InboxPage /> },
      {
        path: 'orgs/:id/calendar',
        lazy: async () => ({ Component: (await import('./features/calendar/calendar-page')).CalendarPage }),
      },
      {
        path: 'orgs/:id/ledger',
        lazy: async () => ({ Component: (await import('./features/ledger/ledger-page')).LedgerPage }),
      },
      {
        path: 'orgs/:id/venues',
        lazy: async () => ({ Component: (await import('./features/venues/venues-page')).VenuesPage }),
      },
      {
        path: 'orgs/:id/settings',
        lazy: async () => ({
          Component: (await import('./features/branch-settings/settings-page')).SettingsPage,
        }),
      },
      {
        path: 'orgs/:id/report',
        lazy: async () => ({ Component: (await import('./features/reports/report-page')).ReportPage }),
      },
      {
        path: 'dashboard/:id?',
        lazy: async () => ({
          Component: (await import('./features/dashboard/dashboard-page')).DashboardPage,
        }),
      },
      {
        path: 'inspections',
        lazy: async () => ({
          Component: (await import('./features/inspections/inspections-page')).InspectionsPage,
        }),
      },
      {
        path: 'inspections/new',
        lazy: async () => ({
          Component: (await import('./features/inspections/inspection-form-page')).InspectionFormPage,
        }),
      },
      {
        path: 'inspections/:id',
        lazy: async () => ({
          Component: (await import('./features/inspections/inspection-page')).InspectionPage,
        }),
      },
      {
        path: 'rectifications',
        lazy: async () => ({
          Component: (await import('./features/inspections/rectifications-page')).RectificationsPage,
        }),
      },
      {
        path: 'rankings',
        lazy: async () => ({ Component: (await import('./features/ranking/ranking-page')).RankingPage }),
      },
      {
        path: 'rankings/:id',
        lazy: async () => ({
          Component: (await import('./features/ranking/published-ranking-page')).PublishedRankingPage,
        }),
      },
      {
        path: 'checklist',
        lazy: async () => ({
          Component: (await import('./features/checklist/checklist-page')).ChecklistPage,
        }),
      },
      {
        path: 'alerts',
        lazy: async () => ({ Component: (await import('./features/alerts/alerts-page')).AlertsPage }),
      },
      {
        path: 'reports',
        lazy: async () => ({ Component: (await import('./features/reports/reports-page')).ReportsPage }),
      },
      {
        path: 'activities/:id',
        lazy: async () => ({ Component: (await import('./features/activities/activity-page')).ActivityPage }),
      },
      {
        path: 'recommendations',
        lazy: async () => ({
          Component: (await import('./features/recommendations/recommendations-page')).RecommendationsPage,
        }),
      },
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
