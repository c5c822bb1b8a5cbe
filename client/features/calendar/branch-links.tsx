import { AuditOutlined, CalendarOutlined, EnvironmentOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

/** The branch's fixed-day pages, one click from each other. */
export function BranchLinks({ orgId, year }: { orgId: number; year?: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const query = year ? `?year=${year}` : '';
  const links = [
    { path: 'calendar', icon: <CalendarOutlined />, label: t('app.menu.calendar'), query },
    { path: 'ledger', icon: <AuditOutlined />, label: t('app.menu.ledger'), query },
    { path: 'venues', icon: <EnvironmentOutlined />, label: t('app.menu.venues'), query: '' },
    { path: 'settings', icon: <SettingOutlined />, label: t('app.menu.branchSettings'), query: '' },
  ].filter((link) => !pathname.endsWith(`/${link.path}`));
  return (
    <Flex gap={8} wrap>
      {links.map((link) => (
        <Button
          key={link.path}
          icon={link.icon}
          onClick={() => navigate(`/orgs/${orgId}/${link.path}${link.query}`)}
          data-testid={`branch-link-${link.path}`}
        >
          {link.label}
        </Button>
      ))}
    </Flex>
  );
}
