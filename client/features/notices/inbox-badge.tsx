import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useInbox } from './queries';

const COUNT_STYLE = {
  background: '#cf1322',
  color: '#fff',
  borderRadius: 8,
  fontSize: 10,
  lineHeight: '16px',
  minWidth: 16,
  padding: '0 4px',
  display: 'inline-block',
  textAlign: 'center' as const,
  boxShadow: '0 0 0 1px #fff',
};

export function InboxBadge() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data } = useInbox();
  const unread = data?.unread ?? 0;
  return (
    <Button
      type="text"
      onClick={() => navigate('/inbox')}
      aria-label={t('inbox.openWithCount', { count: unread })}
      data-testid="inbox-badge"
      data-unread={unread}
      style={{ color: '#fff' }}
    >
      {/* The drawn number is a word of the button's name ("通知 3 条未读"), as a voice user says it. */}
      <Badge
        count={unread ? <span style={COUNT_STYLE}>{unread > 99 ? '99+' : unread}</span> : 0}
        offset={[2, -2]}
      >
        <BellOutlined style={{ color: '#fff', fontSize: 18 }} />
      </Badge>
    </Button>
  );
}
