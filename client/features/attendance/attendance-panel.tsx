import { PhoneOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Segmented, Skeleton, Table, type TableProps, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '../../../common/enums';
import type { AttendanceRow } from '../../../common/schemas/attendance';
import { ErrorAlert } from '../../components/api-error';
import { formatDateTime } from '../../components/china-time';
import { CompactList } from '../../components/compact-list';
import { useIsPhone } from '../../components/use-is-phone';
import { keys } from '../../query-keys';
import { isOverseer } from '../auth/bindings';
import { useSignedIn } from '../auth/me-context';
import { SpotCheckModal } from '../inspections/spot-check-modal';
import { CountsCard } from './counts';
import { Guests } from './guests';
import { LeaveRequests } from './leave-requests';
import { MarkModal } from './mark-modal';
import { useAttendance } from './queries';
import { AttendanceTag } from './status-tag';

type Filter = AttendanceStatus | 'all';

/** A new check-in seen here refreshes the activity's own counts and completeness at once. */
function useFollowingActivity(activityId: number, present: number | undefined) {
  const queryClient = useQueryClient();
  const seen = useRef(present);
  useEffect(() => {
    if (present === undefined || seen.current === present) return;
    if (seen.current !== undefined)
      void queryClient.invalidateQueries({ queryKey: keys.activity(activityId) });
    seen.current = present;
  }, [activityId, present, queryClient]);
}

/**
 * The attendance list. `editable` is the branch's own (its secretary marks, decides leave and adds
 * guests); a supervisor reads the same list and checks it by telephone, and changes nothing.
 */
export function AttendancePanel({
  activityId,
  orgId,
  live,
  editable,
}: {
  activityId: number;
  orgId: number;
  live: boolean;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const me = useSignedIn();
  const [spotCheck, setSpotCheck] = useState(false);
  const isPhone = useIsPhone();
  // While check-in is open the list follows the room; afterwards it stands still.
  const { data, error, isPending } = useAttendance(activityId, live ? 5_000 : false);
  const [filter, setFilter] = useState<Filter>('all');
  const [marking, setMarking] = useState<AttendanceRow | null>(null);
  useFollowingActivity(activityId, data?.counts.present);

  if (isPending) return <Skeleton active />;
  if (!data) return <ErrorAlert error={error} />;
  const rows = data.members.filter((row) => filter === 'all' || row.status === filter);
  const how = (row: AttendanceRow) =>
    [
      row.method && t(`enums.checkInMethod.${row.method}`),
      row.checkedInAt && formatDateTime(row.checkedInAt).slice(11),
      row.reason,
      row.noPosition && t('attendance.noPosition'),
      row.sentAt && t('attendance.sentLate', { time: formatDateTime(row.sentAt) }),
    ]
      .filter(Boolean)
      .join(' · ') || '—';
  const markButton = (row: AttendanceRow) => (
    <Button size="small" onClick={() => setMarking(row)} data-testid={`mark-${row.memberId}`}>
      {t('attendance.mark')}
    </Button>
  );

  const columns: TableProps<AttendanceRow>['columns'] = [
    { key: 'name', title: t('fields.name'), dataIndex: 'name' },
    {
      key: 'status',
      title: t('fields.attendanceStatus'),
      render: (_, row) => <AttendanceTag status={row.status} />,
    },
    { key: 'how', title: t('attendance.how'), render: (_, row) => how(row) },
    ...(editable
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, row: AttendanceRow) => markButton(row),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={16}>
      <CountsCard counts={data.counts} />
      {data.noPosition > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('attendance.noPositionCount', { count: data.noPosition })}
          data-testid="no-position-count"
        />
      )}
      <LeaveRequests requests={data.leaveRequests} editable={editable} />
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: t('attendance.all', { count: data.members.length }) },
            ...ATTENDANCE_STATUSES.map((status) => ({
              value: status,
              label: `${t(`enums.attendanceStatus.${status}`)} ${data.members.filter((r) => r.status === status).length}`,
            })),
          ]}
        />
        {/* A supervisor checks by telephone that the people on the list were really there. */}
        {isOverseer(me) && (
          <Button icon={<PhoneOutlined />} onClick={() => setSpotCheck(true)} data-testid="spot-check-open">
            {t('inspections.spotCheck.open')}
          </Button>
        )}
      </Flex>
      <div data-testid="attendance-list">
        {isPhone ? (
          <CompactList<AttendanceRow>
            items={rows}
            rowKey={(row) => row.memberId}
            renderItem={(row) => (
              <Flex justify="space-between" align="center" gap={8}>
                <Flex vertical style={{ minWidth: 0 }}>
                  <Flex gap={6} align="center">
                    <Typography.Text strong>{row.name}</Typography.Text>
                    <AttendanceTag status={row.status} />
                  </Flex>
                  <Typography.Text type="secondary" ellipsis>
                    {how(row)}
                  </Typography.Text>
                </Flex>
                {editable && markButton(row)}
              </Flex>
            )}
          />
        ) : (
          <Table<AttendanceRow>
            rowKey="memberId"
            size="small"
            columns={columns}
            dataSource={rows}
            pagination={false}
          />
        )}
      </div>
      <Guests activityId={activityId} guests={data.guests} editable={editable} />
      {spotCheck && (
        <SpotCheckModal activityId={activityId} orgId={orgId} onClose={() => setSpotCheck(false)} />
      )}
      {marking && <MarkModal activityId={activityId} row={marking} onClose={() => setMarking(null)} />}
    </Flex>
  );
}
