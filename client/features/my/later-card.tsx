import { Button, Card, Flex, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { UpcomingActivity } from '../../../common/schemas/notice';
import { formatTimeRange } from '../../components/china-time';
import { canAskLeave, UpcomingStatusTag } from './upcoming-status';

const LeaveModal = lazy(async () => ({ default: (await import('./leave-modal')).LeaveModal }));

/** What comes after the next activity, so a member who knows they will be away can say so now. */
export function LaterCard({ later }: { later: UpcomingActivity[] }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<number>();
  if (!later.length) return null;
  return (
    <Card size="small" title={t('my.later')} data-testid="my-later">
      <Flex vertical gap={10}>
        {later.map((a) => (
          <Flex key={a.id} justify="space-between" align="center" gap={8} data-testid={`my-later-${a.id}`}>
            <Flex vertical style={{ minWidth: 0 }}>
              <Link to={`/activities/${a.id}`}>
                <Typography.Text ellipsis style={{ color: 'inherit' }}>
                  {a.title}
                </Typography.Text>
              </Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatTimeRange(a.startsAt, a.endsAt)}
              </Typography.Text>
            </Flex>
            {canAskLeave(a) ? (
              <Button size="small" onClick={() => setAsking(a.id)} data-testid={`leave-request-${a.id}`}>
                {t('my.askLeave')}
              </Button>
            ) : (
              <UpcomingStatusTag status={a.myStatus} />
            )}
          </Flex>
        ))}
      </Flex>
      {asking !== undefined && (
        <Suspense>
          <LeaveModal activityId={asking} onClose={() => setAsking(undefined)} />
        </Suspense>
      )}
    </Card>
  );
}
