import { CheckOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { NoticeKind } from '../../../common/enums';
import type { Notice } from '../../../common/schemas/notice';
import { ErrorAlert, useErrorToast } from '../../components/api-error';
import { formatDateTime } from '../../components/china-time';
import { Page } from '../../components/page';
import { useInbox, useMarkAllRead, useMarkRead } from './queries';

const KIND_COLORS: Record<NoticeKind, string> = { scheduled: 'red', changed: 'orange', cancelled: 'default' };

function NoticeItem({ notice }: { notice: Notice }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const markRead = useMarkRead();
  const open = () => {
    if (!notice.read) markRead.mutate(notice.id);
    if (notice.activityId) navigate(`/activities/${notice.activityId}`);
  };
  return (
    <Card
      size="small"
      hoverable
      onClick={open}
      data-testid={`notice-${notice.id}`}
      data-read={notice.read}
      style={{ borderInlineStart: notice.read ? undefined : '3px solid #c8161d' }}
    >
      <Flex vertical gap={4}>
        <Flex gap={6} align="center" wrap>
          {!notice.read && <Badge status="error" />}
          <Tag color={KIND_COLORS[notice.kind]}>{t(`enums.noticeKind.${notice.kind}`)}</Tag>
          <Typography.Text strong={!notice.read}>{notice.title}</Typography.Text>
        </Flex>
        <Typography.Text style={{ whiteSpace: 'pre-line' }}>{notice.body}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDateTime(notice.createdAt)}
        </Typography.Text>
      </Flex>
    </Card>
  );
}

export function InboxPage() {
  const { t } = useTranslation();
  const { data, error, isPending } = useInbox();
  const markAll = useMarkAllRead();
  const showError = useErrorToast();
  return (
    <Page
      title={t('inbox.title')}
      extra={
        data?.unread ? (
          <Button
            icon={<CheckOutlined />}
            loading={markAll.isPending}
            onClick={() => markAll.mutate(undefined, { onError: showError })}
          >
            {t('inbox.readAll')}
          </Button>
        ) : null
      }
    >
      <ErrorAlert error={error} />
      {isPending && <Skeleton active />}
      {data && (
        <Flex vertical gap={8} style={{ maxWidth: 720 }} data-testid="inbox-list">
          {data.items.length ? (
            data.items.map((notice) => <NoticeItem key={notice.id} notice={notice} />)
          ) : (
            <Empty description={t('inbox.empty')} />
          )}
        </Flex>
      )}
    </Page>
  );
}
