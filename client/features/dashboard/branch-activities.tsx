import { CheckCircleFilled, ExclamationCircleOutlined } from '@ant-design/icons';
import { Flex, Table, type TableProps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StatsActivity } from '../../../common/schemas/stats';
import { attendanceLine } from '../../components/attendance-line';
import { CompactList } from '../../components/compact-list';
import { Section } from '../../components/section';
import { useIsPhone } from '../../components/use-is-phone';
import { ThemeTag } from '../activities/theme-tag';

function Flags({ activity }: { activity: StatsActivity }) {
  const { t } = useTranslation();
  return (
    <Flex gap={4} wrap>
      {activity.type === 'themed_party_day' && (
        <Tag color={activity.onFixedDay ? 'success' : 'warning'}>
          {activity.onFixedDay ? t('dashboard.activity.onFixedDay') : t('dashboard.activity.offFixedDay')}
        </Tag>
      )}
      <Tag
        color={activity.complete ? 'success' : 'warning'}
        icon={activity.complete ? <CheckCircleFilled /> : <ExclamationCircleOutlined />}
      >
        {activity.complete ? t('dashboard.activity.complete') : t('dashboard.activity.incomplete')}
      </Tag>
    </Flex>
  );
}

/** Below a branch there are no orgs to open: its activities are what the figures are made of. */
export function BranchActivities({ activities }: { activities: StatsActivity[] }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const attendance = (a: StatsActivity) =>
    attendanceLine(t, {
      present: a.present,
      members: a.expected + a.leave,
      leave: a.leave,
      masses: a.masses,
    });
  const title = (a: StatsActivity) => (
    <Link to={`/activities/${a.id}`} data-testid={`stats-activity-${a.id}`}>
      {a.title}
    </Link>
  );
  const columns: TableProps<StatsActivity>['columns'] = [
    {
      key: 'date',
      title: t('fields.date'),
      dataIndex: 'date',
      width: 110,
      sorter: (a, b) => a.date.localeCompare(b.date),
      defaultSortOrder: 'descend',
    },
    { key: 'title', title: t('fields.title'), render: (_, a) => title(a) },
    { key: 'type', title: t('fields.type'), render: (_, a) => t(`enums.activityType.${a.type}`) },
    { key: 'theme', title: t('fields.theme'), render: (_, a) => <ThemeTag theme={a.theme} /> },
    { key: 'attendance', title: t('dashboard.activity.attendanceTitle'), render: (_, a) => attendance(a) },
    { key: 'flags', title: t('dashboard.activity.flags'), render: (_, a) => <Flags activity={a} /> },
  ];
  return (
    <Section title={t('dashboard.activities', { count: activities.length })}>
      <div data-testid="dashboard-activities">
        {isPhone ? (
          <CompactList<StatsActivity>
            items={activities}
            rowKey={(a) => a.id}
            renderItem={(a) => (
              <Flex vertical gap={4}>
                <Flex gap={6} wrap align="center">
                  {title(a)}
                  <ThemeTag theme={a.theme} />
                </Flex>
                <Typography.Text type="secondary">
                  {a.date} · {t(`enums.activityType.${a.type}`)} · {attendance(a)}
                </Typography.Text>
                <Flags activity={a} />
              </Flex>
            )}
          />
        ) : (
          <Table<StatsActivity>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={activities}
            pagination={activities.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            scroll={{ x: 'max-content' }}
          />
        )}
      </div>
    </Section>
  );
}
