import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BellOutlined,
  BulbOutlined,
  CalendarOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FileExcelOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  HistoryOutlined,
  HomeOutlined,
  LockOutlined,
  LogoutOutlined,
  MenuOutlined,
  OrderedListOutlined,
  SettingOutlined,
  TeamOutlined,
  ToolOutlined,
  TrophyOutlined,
  UserOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import {
  Badge,
  Button,
  ConfigProvider,
  Drawer,
  Flex,
  Layout,
  Menu,
  type MenuProps,
  type ThemeConfig,
  Typography,
} from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useErrorToast } from '../components/api-error';
import { Brand } from '../components/brand';
import { useIsPhone } from '../components/use-is-phone';
import { AlertsMenuLabel, useOpenAlerts } from '../features/alerts/alert-count';
import { isOverseer } from '../features/auth/bindings';
import { LanguageSwitch } from '../features/auth/language-switch';
import { useSignedIn } from '../features/auth/me-context';
import { hasRole, isManager, useLogout } from '../features/auth/queries';
import { InboxBadge } from '../features/notices/inbox-badge';
import { FirstScreenWait } from './first-screen-wait';

const HEADER_STYLE = {
  background: '#c8161d',
  color: '#fff',
  display: 'flex',
  alignItems: 'center',
  gap: 8,
  height: 56,
  lineHeight: '56px',
} as const;

const PHONE_THEME: ThemeConfig = { components: { Card: { bodyPadding: 14, headerPadding: 14 } } };

export function AppLayout() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const isPhone = useIsPhone();
  const logout = useLogout();
  const showError = useErrorToast();
  const [drawerOpen, setDrawerOpen] = useState(false);

  // A secretary's own branch is one click away; others reach a branch's pages from its org detail.
  const branchId = me.roles.find((binding) => binding.role === 'secretary')?.orgId;
  const branchItems: MenuProps['items'] = branchId
    ? [
        { key: `/orgs/${branchId}/calendar`, icon: <CalendarOutlined />, label: t('app.menu.calendar') },
        { key: `/orgs/${branchId}/ledger`, icon: <AuditOutlined />, label: t('app.menu.ledger') },
        { key: `/orgs/${branchId}/venues`, icon: <EnvironmentOutlined />, label: t('app.menu.venues') },
        { key: `/orgs/${branchId}/settings`, icon: <SettingOutlined />, label: t('app.menu.branchSettings') },
      ]
    : [];
  // Assessment and oversight: supervisors inspect, rank and read reports; a secretary answers for the branch.
  const overseer = isOverseer(me);
  const openAlerts = useOpenAlerts(isManager(me));
  const oversightItems: MenuProps['items'] =
    overseer || branchId
      ? [
          ...(overseer
            ? [{ key: '/inspections', icon: <FileSearchOutlined />, label: t('app.menu.inspections') }]
            : []),
          { key: '/rectifications', icon: <ToolOutlined />, label: t('app.menu.rectifications') },
          { key: '/rankings', icon: <TrophyOutlined />, label: t('app.menu.rankings') },
          { key: '/checklist', icon: <OrderedListOutlined />, label: t('app.menu.checklist') },
          overseer
            ? { key: '/reports', icon: <FileTextOutlined />, label: t('app.menu.reports') }
            : { key: `/orgs/${branchId}/report`, icon: <FileTextOutlined />, label: t('app.menu.report') },
          {
            key: '/alerts',
            icon: <AlertOutlined />,
            label: <AlertsMenuLabel label={t('app.menu.alerts')} count={openAlerts} />,
          },
        ]
      : [];
  const items: MenuProps['items'] = isManager(me)
    ? [
        ...(overseer
          ? [{ key: '/dashboard', icon: <DashboardOutlined />, label: t('app.menu.dashboard') }]
          : []),
        ...branchItems,
        ...oversightItems,
        ...(hasRole(me, 'supervisor', 'admin')
          ? [{ key: '/recommendations', icon: <BulbOutlined />, label: t('app.menu.recommendations') }]
          : []),
        { key: '/orgs', icon: <ApartmentOutlined />, label: t('app.menu.orgs') },
        { key: '/members', icon: <TeamOutlined />, label: t('app.menu.members') },
        { key: '/roster', icon: <FileExcelOutlined />, label: t('app.menu.roster') },
        { key: '/accounts', icon: <UserSwitchOutlined />, label: t('app.menu.accounts') },
        ...(overseer ? [{ key: '/audit', icon: <HistoryOutlined />, label: t('app.menu.audit') }] : []),
        ...(me.user.memberId !== null
          ? [{ key: '/me', icon: <UserOutlined />, label: t('app.menu.myActivities') }]
          : []),
        { key: '/inbox', icon: <BellOutlined />, label: t('app.menu.inbox') },
        { key: '/account/password', icon: <LockOutlined />, label: t('app.menu.password') },
      ]
    : [
        { key: '/', icon: <HomeOutlined />, label: t('app.menu.home') },
        { key: '/inbox', icon: <BellOutlined />, label: t('app.menu.inbox') },
        { key: '/account/password', icon: <LockOutlined />, label: t('app.menu.password') },
      ];
  // /members/12 highlights "members"; the longest matching key wins so "/" only matches home.
  const selected = (items ?? [])
    .map((item) => String(item?.key))
    .filter((key) => pathname === key || (key !== '/' && pathname.startsWith(`${key}/`)))
    .sort((a, b) => b.length - a.length)
    .slice(0, 1);

  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected}
      onClick={({ key }) => {
        setDrawerOpen(false);
        navigate(key);
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ ...HEADER_STYLE, padding: isPhone ? '0 8px' : '0 24px' }}>
        {isPhone && (
          <Button
            type="text"
            icon={
              // Open alerts wait behind the menu on a phone: a dot says so.
              <Badge dot={openAlerts > 0} offset={[2, 0]}>
                <MenuOutlined style={{ color: '#fff' }} />
              </Badge>
            }
            style={{ color: '#fff' }}
            onClick={() => setDrawerOpen(true)}
            aria-label={t('app.openMenu')}
            data-testid="menu-button"
          />
        )}
        <Brand />
        <Flex align="center" gap={4} style={{ marginInlineStart: 'auto', minWidth: 0 }}>
          <Typography.Text
            ellipsis
            style={{ color: '#fff', maxWidth: isPhone ? 72 : 200 }}
            data-testid="user-name"
          >
            {me.user.name}
          </Typography.Text>
          <InboxBadge />
          <LanguageSwitch onError={showError} />
          <Button
            type="text"
            icon={<LogoutOutlined />}
            style={{ color: '#fff' }}
            loading={logout.isPending}
            onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login') })}
            aria-label={t('app.logout')}
            data-testid="logout"
          >
            {isPhone ? null : t('app.logout')}
          </Button>
        </Flex>
      </Layout.Header>
      <Layout>
        {!isPhone && (
          <Layout.Sider width={208} theme="light">
            {menu}
          </Layout.Sider>
        )}
        <Layout.Content style={{ padding: isPhone ? 12 : 24, minWidth: 0 }}>
          {/* On a phone every pixel of width goes to content rather than card padding. */}
          <ConfigProvider theme={isPhone ? PHONE_THEME : undefined}>
            {/* The menu stays while a page's chunk arrives. */}
            <Suspense fallback={<FirstScreenWait />}>
              <Outlet />
            </Suspense>
          </ConfigProvider>
        </Layout.Content>
      </Layout>
      {isPhone && (
        <Drawer
          placement="left"
          size={240}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          title={me.user.name}
          styles={{ body: { padding: 0 } }}
        >
          {menu}
        </Drawer>
      )}
    </Layout>
  );
}
