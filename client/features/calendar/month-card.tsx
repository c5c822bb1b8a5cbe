import { CalendarOutlined, EditOutlined, InfoCircleOutlined, QrcodeOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isCheckInOpen } from '../../../common/check-in-window';
import type { CalendarMonth } from '../../../common/schemas/calendar';
import { formatTimeRange } from '../../components/china-time';
import { useIsPhone } from '../../components/use-is-phone';
import { ThemeTag } from '../activities/theme-tag';
import { useSignedIn } from '../auth/me-context';
import { dayText, monthName } from './dates';
import { StateTag } from './state-tag';

function HolidayNote({ month }: { month: CalendarMonth }) {
  const { t } = useTranslation();
  const moved = month.fixedDate !== month.ruleDate;
  let note: string | null = null;
  if (month.holiday && moved)
    note = t('calendar.movedForHoliday', { rule: dayText(t, month.ruleDate), holiday: month.holiday });
  else if (month.holiday) note = t('calendar.onHoliday', { holiday: month.holiday });
  else if (moved) note = t('calendar.moved', { rule: dayText(t, month.ruleDate) });
  if (!note && !month.holidayDataMissing) return null;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      <InfoCircleOutlined /> {note ?? t('calendar.holidayDataMissing')}
    </Typography.Text>
  );
}

export function MonthCard({
  month,
  onEditPlan,
  onSchedule,
  recommended,
  onOpenMonth,
}: {
  month: CalendarMonth;
  /** Left out for readers who may not plan or schedule: the buttons are not shown. */
  onEditPlan?: () => void;
  onSchedule?: () => void;
  /** A month without a plan and a theme recommended from above: adopt it and schedule, one step. */
  recommended?: { title: string; adopting: boolean; onAdoptAndSchedule: () => void };
  /** In the year view the month's name opens the month. */
  onOpenMonth?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const { rules } = useSignedIn();
  const { plan } = month;
  return (
    <Card
      size="small"
      data-testid={`month-card-${month.month}`}
      title={
        onOpenMonth ? (
          <Button type="link" onClick={onOpenMonth} style={{ padding: 0, fontWeight: 600 }}>
            {monthName(i18n.language, month.month)}
          </Button>
        ) : (
          monthName(i18n.language, month.month)
        )
      }
      extra={<StateTag state={month.state} />}
      // Equal heights line the cards up in the desktop grid; a phone's single column needs none.
      styles={{
        body: { display: 'flex', flexDirection: 'column', gap: 8, minHeight: isPhone ? undefined : 168 },
      }}
    >
      <Flex vertical gap={2}>
        <Typography.Text>
          <CalendarOutlined /> {t('calendar.fixedDate', { date: dayText(t, month.fixedDate) })}
        </Typography.Text>
        <HolidayNote month={month} />
      </Flex>
      {plan ? (
        <Flex gap={4} align="center" wrap style={{ minWidth: 0 }}>
          <ThemeTag theme={plan.theme} />
          <Typography.Text strong ellipsis style={{ maxWidth: '100%' }}>
            {plan.title}
          </Typography.Text>
        </Flex>
      ) : (
        <Typography.Text type="warning">{t('calendar.noPlan')}</Typography.Text>
      )}
      {!plan && onEditPlan && recommended && (
        <Button
          type="primary"
          size="small"
          loading={recommended.adopting}
          onClick={recommended.onAdoptAndSchedule}
          style={{ maxWidth: '100%' }}
          title={t('calendar.adoptAndSchedule', { title: recommended.title })}
          data-testid={`adopt-schedule-${month.month}`}
        >
          <Typography.Text ellipsis style={{ color: 'inherit', maxWidth: '100%' }}>
            {t('calendar.adoptAndSchedule', { title: recommended.title })}
          </Typography.Text>
        </Button>
      )}
      {month.activities.map((activity) => (
        <Flex key={activity.id} vertical gap={4} align="flex-start">
          <Link to={`/activities/${activity.id}`} style={{ fontSize: 13 }}>
            <Typography.Text delete={activity.status === 'cancelled'} style={{ color: 'inherit' }}>
              {formatTimeRange(activity.startsAt, activity.endsAt).slice(5)} {activity.title}
            </Typography.Text>
          </Link>
          {/* On the day, the QR code for the room is one step from the secretary's home page. */}
          {onEditPlan &&
            activity.status === 'scheduled' &&
            isCheckInOpen(activity.startsAt, activity.endsAt, rules) && (
              <Button
                size="small"
                type="primary"
                icon={<QrcodeOutlined />}
                onClick={() => navigate(`/activities/${activity.id}?show=qr`)}
                data-testid={`month-qr-${activity.id}`}
              >
                {t('checkIn.open')}
              </Button>
            )}
        </Flex>
      ))}
      {onEditPlan && (
        <Flex gap={8} wrap style={{ marginTop: 'auto' }}>
          <Button
            size="small"
            icon={<EditOutlined />}
            onClick={onEditPlan}
            data-testid={`plan-edit-${month.month}`}
          >
            {plan ? t('calendar.editPlan') : t('calendar.makePlan')}
          </Button>
          {plan && (
            <Button
              size="small"
              type={month.state === 'planned' ? 'primary' : 'default'}
              onClick={onSchedule}
              data-testid={`schedule-from-plan-${month.month}`}
            >
              {t('calendar.schedule')}
            </Button>
          )}
        </Flex>
      )}
    </Card>
  );
}
