import { type ComponentType, type LazyExoticComponent, lazy, Suspense } from 'react';
import { BrowserRouter, matchRoutes, Route, Routes } from 'react-router';
import { NotFound } from './components/not-found';
import { AuthGate } from './features/auth/auth-gate';
import { HomePage } from './features/auth/home-page';
import { LoginPage } from './features/auth/login-page';
import { CheckInPage } from './features/check-in/check-in-page';
import { CodePage } from './features/check-in/code-page';
import { GroupRecordPage } from './features/my/group-record-page';
import { MyPage } from './features/my/my-page';
import { FirstScreenWait } from './shell/first-screen-wait';
import { PhoneLayout } from './shell/phone-layout';

/** The member's phone pages (below): plain HTML, whose data `main.tsx` asks for at start. */
export const PHONE_PAGE = /^\/(me|check-in)(\/|$)/;

type LazyPage = { Page: LazyExoticComponent<ComponentType>; load: () => Promise<unknown> };

/** A page in its own chunk, fetched the first time it is opened (or at start, see below). */
function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): LazyPage {
  return { Page: lazy(async () => ({ default: (await load())[name] })), load };
}

const SHELL = lazyPage(() => import('./shell/ant-shell'), 'AntShell');

/** The management screens, inside the antd frame. */
const MANAGEMENT: ({ path: string } & LazyPage)[] = [
  { path: 'inbox', ...lazyPage(() => import('./features/notices/inbox-page'), 'InboxPage') },
  {
    path: 'orgs/:id/calendar',
    ...lazyPage(() => import('./features/calendar/calendar-page'), 'CalendarPage'),
  },
  { path: 'orgs/:id/ledger', ...lazyPage(() => import('./features/ledger/ledger-page'), 'LedgerPage') },
  { path: 'orgs/:id/venues', ...lazyPage(() => import('./features/venues/venues-page'), 'VenuesPage') },
  {
    path: 'orgs/:id/settings',
    ...lazyPage(() => import('./features/branch-settings/settings-page'), 'SettingsPage'),
  },
  { path: 'orgs/:id/report', ...lazyPage(() => import('./features/reports/report-page'), 'ReportPage') },
  {
    path: 'dashboard/:id?',
    ...lazyPage(() => import('./features/dashboard/dashboard-page'), 'DashboardPage'),
  },
  {
    path: 'inspections',
    ...lazyPage(() => import('./features/inspections/inspections-page'), 'InspectionsPage'),
  },
  {
    path: 'inspections/new',
    ...lazyPage(() => import('./features/inspections/inspection-form-page'), 'InspectionFormPage'),
  },
  {
    path: 'inspections/:id',
    ...lazyPage(() => import('./features/inspections/inspection-page'), 'InspectionPage'),
  },
  {
    path: 'rectifications',
    ...lazyPage(() => import('./features/inspections/rectifications-page'), 'RectificationsPage'),
  },
  { path: 'rankings', ...lazyPage(() => import('./features/ranking/ranking-page'), 'RankingPage') },
  {
    path: 'rankings/:id',
    ...lazyPage(() => import('./features/ranking/published-ranking-page'), 'PublishedRankingPage'),
  },
  { path: 'checklist', ...lazyPage(() => import('./features/checklist/checklist-page'), 'ChecklistPage') },
  { path: 'alerts', ...lazyPage(() => import('./features/alerts/alerts-page'), 'AlertsPage') },
  { path: 'reports', ...lazyPage(() => import('./features/reports/reports-page'), 'ReportsPage') },
  {
    path: 'activities/:id',
    ...lazyPage(() => import('./features/activities/activity-page'), 'ActivityPage'),
  },
  { path: 'orgs/:id?', ...lazyPage(() => import('./features/orgs/orgs-page'), 'OrgsPage') },
  { path: 'members', ...lazyPage(() => import('./features/members/member-list-page'), 'MemberListPage') },
  {
    path: 'members/:id',
    ...lazyPage(() => import('./features/members/member-detail-page'), 'MemberDetailPage'),
  },
  { path: 'roster', ...lazyPage(() => import('./features/roster/roster-page'), 'RosterPage') },
  { path: 'accounts', ...lazyPage(() => import('./features/accounts/accounts-page'), 'AccountsPage') },
  { path: 'audit', ...lazyPage(() => import('./features/audit/audit-page'), 'AuditPage') },
  {
    path: 'account/password',
    ...lazyPage(() => import('./features/auth/change-password-page'), 'ChangePasswordPage'),
  },
];

// Opened straight at a management screen, its frame (antd, every message) and its page are
// fetched at once, beside the session check, rather than one after the other.
const opened = matchRoutes(MANAGEMENT, window.location.pathname);
if (opened) for (const chunk of [SHELL, opened[0]!.route]) void chunk.load();

// The login page and a member's own pages (their page, check-in) are plain HTML and load first;
// the management screens and antd, their component library, come as separate chunks behind
// the shell, so a member on a slow village connection never downloads them for the pages they use
// most, above all on the morning of a fixed day. (The declarative router, not the data router:
// it is half the bytes, and no page needs loaders.)
export function AppRoutes() {
  return (
    <BrowserRouter>
      <Suspense fallback={<FirstScreenWait />}>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route path="/" element={<AuthGate />}>
            <Route index element={<HomePage />} />
            <Route element={<PhoneLayout />}>
              <Route path="me" element={<MyPage />} />
              <Route path="me/groups/:id/record" element={<GroupRecordPage />} />
              <Route path="check-in" element={<CheckInPage />} />
              <Route path="check-in/code" element={<CodePage />} />
            </Route>
            <Route element={<SHELL.Page />}>
              {MANAGEMENT.map(({ path, Page }) => (
                <Route key={path} path={path} element={<Page />} />
              ))}
              <Route path="*" element={<NotFound />} />
            </Route>
          </Route>
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}
