import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useInbox } from './queries';

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
      <Badge count={unread} size="small" offset={[2, -2]}>
        <BellOutlined style={{ color: '#fff', fontSize: 18 }} />
      </Badge>
    </Button>
  );
}
