import { CalendarOutlined, EnvironmentOutlined, QrcodeOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { MyActivities } from '../../../common/schemas/notice';
import { formatTimeRange, isCheckInOpen } from '../../components/china-time';
import { canAskLeave, UpcomingStatusTag } from './upcoming-status';

// The form and its checks load when a member asks for leave, not with every visit to the page.
const LeaveModal = lazy(async () => ({ default: (await import('./leave-modal')).LeaveModal }));

export function NextActivity({ next }: { next: MyActivities['next'] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [asking, setAsking] = useState(false);

  if (!next) {
    return (
      <Card size="small" title={t('my.next')} data-testid="my-next-activity">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('my.noNext')} />
      </Card>
    );
  }
  const open = isCheckInOpen(next.startsAt, next.endsAt);

  return (
    <Card
      size="small"
      title={t('my.next')}
      extra={<UpcomingStatusTag status={next.myStatus} />}
      data-testid="my-next-activity"
    >
      <Flex vertical gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          <Typography.Link onClick={() => navigate(`/activities/${next.id}`)}>{next.title}</Typography.Link>
        </Typography.Title>
        <Typography.Text>
          <CalendarOutlined /> {formatTimeRange(next.startsAt, next.endsAt)}
        </Typography.Text>
        {(next.venueName || next.address) && (
          <Typography.Text>
            <EnvironmentOutlined /> {[next.venueName, next.address].filter(Boolean).join(' · ')}
          </Typography.Text>
        )}
        {next.myStatus !== 'present' && (
          <Button
            type={open ? 'primary' : 'default'}
            size="large"
            block
            icon={<QrcodeOutlined />}
            style={{ height: 56, fontSize: 18 }}
            onClick={() => navigate(`/check-in/code?activity=${next.id}`)}
            data-testid="my-check-in"
          >
            {t('my.checkIn')}
          </Button>
        )}
        {open && next.myStatus !== 'present' && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('my.scanHint')}
          </Typography.Text>
        )}
        {canAskLeave(next) && (
          <Button block size="large" onClick={() => setAsking(true)} data-testid="leave-request">
            {t('my.askLeave')}
          </Button>
        )}
      </Flex>
      {asking && (
        <Suspense>
          <LeaveModal activityId={next.id} onClose={() => setAsking(false)} />
        </Suspense>
      )}
    </Card>
  );
}
