import { Badge, Card, Empty, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../components/china-time';
import { useInbox } from '../notices/queries';

const SHOWN = 3;

export function InboxCard() {
  const { t } = useTranslation();
  const { data } = useInbox();
  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center">
          {t('inbox.title')}
          <Badge count={data?.unread ?? 0} />
        </Flex>
      }
      extra={<Link to="/inbox">{t('my.allNotices')}</Link>}
      data-testid="my-inbox"
    >
      {data?.items.length ? (
        <Flex vertical gap={8}>
          {data.items.slice(0, SHOWN).map((notice) => (
            <Link key={notice.id} to="/inbox">
              <Flex vertical>
                <Typography.Text strong={!notice.read} ellipsis>
                  {notice.title}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(notice.createdAt)}
                </Typography.Text>
              </Flex>
            </Link>
          ))}
        </Flex>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inbox.empty')} />
      )}
    </Card>
  );
}
