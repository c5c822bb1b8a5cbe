import { Button, Card, Empty, Flex, Progress, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyActivities } from '../../../common/schemas/notice';
import { formatDateTime } from '../../components/china-time';
import { AttendanceTag } from '../attendance/status-tag';

/** The latest few; the rest on request, so the page stays short on a phone. */
const SHOWN = 6;

export function HistoryCard({ mine }: { mine: MyActivities }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const items = all ? mine.history : mine.history.slice(0, SHOWN);
  return (
    <Card
      size="small"
      title={t('my.history')}
      extra={
        mine.rate !== null && (
          <Flex align="center" gap={6}>
            <Typography.Text type="secondary">{t('my.rate')}</Typography.Text>
            {/* The figure, not a tick, even at 100 %: a tick reads as "done", not as a rate. */}
            <Progress
              type="circle"
              size={36}
              percent={Math.round(mine.rate * 100)}
              format={(percent) => `${percent}%`}
              aria-label={`${t('my.rate')} ${Math.round(mine.rate * 100)}%`}
            />
          </Flex>
        )
      }
      data-testid="my-history"
    >
      {mine.history.length ? (
        <Flex vertical gap={8}>
          {items.map((item) => (
            <Flex key={item.id} justify="space-between" align="center" gap={8}>
              <Flex vertical style={{ minWidth: 0 }}>
                <Link to={`/activities/${item.id}`}>
                  <Typography.Text ellipsis style={{ color: 'inherit' }}>
                    {item.title}
                  </Typography.Text>
                </Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(item.startsAt)}
                </Typography.Text>
              </Flex>
              <AttendanceTag status={item.status} />
            </Flex>
          ))}
          {!all && mine.history.length > SHOWN && (
            <Button type="link" onClick={() => setAll(true)} style={{ alignSelf: 'center' }}>
              {t('my.showAll', { count: mine.history.length })}
            </Button>
          )}
        </Flex>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('my.noHistory')} />
      )}
    </Card>
  );
}
