import { CalendarOutlined, CloseCircleOutlined, EditOutlined, QrcodeOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Skeleton, Tabs, type TabsProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { isCheckInOver } from '../../../common/check-in-window';
import type { Activity } from '../../../common/schemas/activity';
import { ErrorAlert } from '../../components/api-error';
import { inChina } from '../../components/china-time';
import { AttendancePanel } from '../attendance/attendance-panel';
import { isOverseer } from '../auth/bindings';
import { useSignedIn } from '../auth/me-context';
import { QrView } from '../check-in/qr-view';
import { useNow } from '../check-in/use-now';
import { RecordsTab } from '../records/records-tab';
import { ActivityDetails } from './activity-details';
import { ActivityFormModal } from './activity-form-modal';
import { CancelModal } from './cancel-modal';
import { HistoryList } from './history-list';
import { isLive, useActivity } from './queries';

type Dialog = 'edit' | 'cancel' | 'qr' | null;

function Actions({ activity, open }: { activity: Activity; open: (dialog: Dialog) => void }) {
  const { t } = useTranslation();
  const { rules } = useSignedIn();
  const navigate = useNavigate();
  const calendar = () => {
    const start = inChina(activity.startsAt);
    navigate(`/orgs/${activity.orgId}/calendar?year=${start.year()}&view=month&month=${start.month() + 1}`);
  };
  const manage = activity.canManage && activity.status === 'scheduled';
  // The QR code is of use until check-in closes; a finished activity is corrected, not cancelled.
  const checkInAhead = !isCheckInOver(activity.startsAt, activity.endsAt, rules);
  const notOver = Date.now() < Date.parse(activity.endsAt);
  return (
    <>
      {manage && checkInAhead && (
        <Button
          type="primary"
          icon={<QrcodeOutlined />}
          onClick={() => open('qr')}
          data-testid="checkin-open"
        >
          {t('checkIn.open')}
        </Button>
      )}
      {manage && (
        <Button icon={<EditOutlined />} onClick={() => open('edit')} data-testid="activity-edit">
          {t('activity.edit')}
        </Button>
      )}
      {manage && notOver && (
        <Button
          danger
          icon={<CloseCircleOutlined />}
          onClick={() => open('cancel')}
          data-testid="activity-cancel"
        >
          {t('activity.cancel')}
        </Button>
      )}
      {activity.canManage && (
        <Button icon={<CalendarOutlined />} onClick={calendar}>
          {t('activity.toCalendar')}
        </Button>
      )}
    </>
  );
}

export function ActivityPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const id = Number(useParams().id);
  // Ticks so that the page turns live when check-in opens with the page already on screen.
  const now = useNow(30_000);
  const { data: activity, error, isPending } = useActivity(id);
  // Opened from the calendar's "签到二维码" on the day: straight to the QR code.
  const [params, setParams] = useSearchParams();
  const [dialog, setDialog] = useState<Dialog>(params.get('show') === 'qr' ? 'qr' : null);
  const close = () => {
    setDialog(null);
    if (params.has('show')) setParams({}, { replace: true });
  };

  if (isPending)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (!activity) return <ErrorAlert error={error} />;
  const live = isLive(activity, me.rules, now);
  // Once it is over, what the branch still owes is its minutes and photos: open where they go.
  const recordsOwed =
    activity.canManage &&
    activity.status === 'scheduled' &&
    now > Date.parse(activity.endsAt) &&
    !(activity.completeness.materials && activity.completeness.records);

  const tabs: TabsProps['items'] = [
    // The branch keeps its attendance; a supervisor reads it and checks it by telephone.
    ...(activity.canManage || isOverseer(me)
      ? [
          {
            key: 'attendance',
            label: t('activity.tabs.attendance', {
              present: activity.counts.present,
              members: activity.counts.members,
            }),
            children: (
              <AttendancePanel
                activityId={activity.id}
                orgId={activity.orgId}
                live={live}
                editable={activity.canManage}
              />
            ),
          },
        ]
      : []),
    {
      key: 'records',
      label: <span data-testid="records-tab">{t('activity.tabs.records')}</span>,
      children: <RecordsTab activity={activity} />,
    },
    {
      key: 'history',
      label: t('activity.tabs.history'),
      children: <HistoryList activityId={activity.id} orgId={activity.orgId} />,
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="activity-page">
      <ActivityDetails activity={activity} actions={<Actions activity={activity} open={setDialog} />} />
      <Card size="small">
        <Tabs items={tabs} defaultActiveKey={recordsOwed ? 'records' : undefined} destroyOnHidden />
      </Card>
      {dialog === 'edit' && <ActivityFormModal mode={{ kind: 'edit', activity }} onClose={close} />}
      {dialog === 'cancel' && <CancelModal activityId={activity.id} onClose={close} />}
      {dialog === 'qr' && activity.canManage && (
        <QrView activityId={activity.id} title={activity.title} onClose={close} />
      )}
    </Flex>
  );
}
