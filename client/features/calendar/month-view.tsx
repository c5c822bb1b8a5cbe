import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Calendar, Card, Col, Empty, Flex, Row, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ActivitySummary } from '../../../common/schemas/activity';
import type { CalendarMonth } from '../../../common/schemas/calendar';
import { ErrorAlert } from '../../components/api-error';
import { formatTimeRange, inChina } from '../../components/china-time';
import { useIsPhone } from '../../components/use-is-phone';
import { useActivitiesIn } from '../activities/queries';
import { ThemeTag } from '../activities/theme-tag';
import { monthRange, yearMonthName } from './dates';
import { MonthCard } from './month-card';

function ActivityLine({ activity }: { activity: ActivitySummary }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={2} style={{ minWidth: 0 }}>
      <Flex gap={6} align="center" wrap>
        <Link to={`/activities/${activity.id}`} style={{ fontWeight: 500 }}>
          {activity.title}
        </Link>
        <ThemeTag theme={activity.theme} />
        {activity.status === 'cancelled' && <Tag color="default">{t('enums.activityStatus.cancelled')}</Tag>}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {[
          formatTimeRange(activity.startsAt, activity.endsAt),
          t(`enums.activityType.${activity.type}`),
          activity.venueName,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Typography.Text>
    </Flex>
  );
}

/** One month: its fixed day and plan, and every activity in it, fixed day or not. */
export function MonthView({
  orgId,
  year,
  month,
  onMonthChange,
  onEditPlan,
  onSchedule,
}: {
  orgId: number;
  year: number;
  month: CalendarMonth;
  onMonthChange: (year: number, month: number) => void;
  onEditPlan?: () => void;
  onSchedule?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const isPhone = useIsPhone();
  const { from, to } = monthRange(year, month.month);
  const { data: activities, error } = useActivitiesIn(orgId, from, to);
  const first = dayjs(from);
  const step = (delta: number) => {
    const next = first.add(delta, 'month');
    onMonthChange(next.year(), next.month() + 1);
  };
  const onDay = (date: string) =>
    activities?.filter((activity) => inChina(activity.startsAt).format('YYYY-MM-DD') === date) ?? [];

  return (
    <Flex vertical gap={16} data-testid="calendar-month">
      <Flex align="center" gap={8}>
        <Button icon={<LeftOutlined />} onClick={() => step(-1)} aria-label={t('calendar.prevMonth')} />
        <Typography.Title level={5} style={{ margin: 0 }}>
          {yearMonthName(i18n.language, year, month.month)}
        </Typography.Title>
        <Button icon={<RightOutlined />} onClick={() => step(1)} aria-label={t('calendar.nextMonth')} />
      </Flex>
      <ErrorAlert error={error} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Flex vertical gap={16}>
            <MonthCard month={month} onEditPlan={onEditPlan} onSchedule={onSchedule} />
            <Card size="small" title={t('calendar.activitiesOfMonth', { count: activities?.length ?? 0 })}>
              {activities?.length ? (
                <Flex vertical gap={12}>
                  {activities.map((activity) => (
                    <ActivityLine key={activity.id} activity={activity} />
                  ))}
                </Flex>
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('calendar.noActivities')} />
              )}
            </Card>
          </Flex>
        </Col>
        {!isPhone && (
          <Col xs={24} lg={16}>
            <Card size="small">
              <Calendar
                // The selected cell is the fixed day, so the calendar's own highlight marks it.
                value={dayjs(month.fixedDate)}
                headerRender={() => null}
                fullscreen
                cellRender={(date, info) => {
                  if (info.type !== 'date' || date.month() !== first.month()) return null;
                  const iso = date.format('YYYY-MM-DD');
                  return (
                    <Flex vertical gap={2}>
                      {iso === month.fixedDate && <Tag color="red">{t('calendar.fixedDayShort')}</Tag>}
                      {onDay(iso).map((activity) => (
                        <Link key={activity.id} to={`/activities/${activity.id}`} style={{ fontSize: 12 }}>
                          {inChina(activity.startsAt).format('HH:mm')} {activity.title}
                        </Link>
                      ))}
                    </Flex>
                  );
                }}
              />
            </Card>
          </Col>
        )}
      </Row>
    </Flex>
  );
}
