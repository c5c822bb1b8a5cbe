import { Alert, Card, Descriptions, type DescriptionsProps, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity } from '../../../common/schemas/activity';
import { formatTimeRange } from '../../components/china-time';
import { CompletenessBadges } from './completeness';
import { KindTags, ThemeTag } from './theme-tag';

export function ActivityDetails({ activity, actions }: { activity: Activity; actions?: ReactNode }) {
  const { t } = useTranslation();
  const { venue } = activity;
  const items: DescriptionsProps['items'] = [
    { key: 'time', label: t('activity.time'), children: formatTimeRange(activity.startsAt, activity.endsAt) },
    {
      key: 'venue',
      label: t('fields.venueId'),
      children: venue ? `${venue.name}${venue.address ? `（${venue.address}）` : ''}` : '—',
    },
    { key: 'type', label: t('fields.type'), children: t(`enums.activityType.${activity.type}`) },
    {
      key: 'kinds',
      label: t('fields.kinds'),
      children: activity.kinds.length ? <KindTags kinds={activity.kinds} /> : '—',
    },
    { key: 'responsible', label: t('fields.responsibleMemberId'), children: activity.responsibleName ?? '—' },
    {
      key: 'masses',
      label: t('fields.massesInvited'),
      children: activity.massesInvited ? t('common.yes') : t('common.no'),
    },
    {
      key: 'notices',
      label: t('activity.notices'),
      children: (
        <span data-testid="activity-notices">
          {activity.noticesSent > activity.noticesSentPartyMembers
            ? t('activity.noticeStatusWithOthers', {
                sent: activity.noticesSent,
                members: activity.noticesSentPartyMembers,
                others: activity.noticesSent - activity.noticesSentPartyMembers,
                read: activity.noticesRead,
              })
            : t('activity.noticeStatus', { sent: activity.noticesSent, read: activity.noticesRead })}
        </span>
      ),
    },
    {
      key: 'completeness',
      label: t('activity.ledger'),
      children: <CompletenessBadges completeness={activity.completeness} />,
    },
    ...(activity.shortReason
      ? [
          {
            key: 'short',
            label: t('fields.shortReason'),
            span: 'filled' as const,
            children: activity.shortReason,
          },
        ]
      : []),
    ...(activity.content
      ? [{ key: 'content', label: t('fields.content'), span: 'filled' as const, children: activity.content }]
      : []),
  ];

  return (
    <Card
      title={
        <Flex gap={8} align="center" wrap style={{ whiteSpace: 'normal' }}>
          <h1 style={{ margin: 0, fontSize: 'inherit', fontWeight: 'inherit' }}>{activity.title}</h1>
          <ThemeTag theme={activity.theme} />
          {activity.status === 'cancelled' && <Tag>{t('enums.activityStatus.cancelled')}</Tag>}
        </Flex>
      }
    >
      {activity.status === 'cancelled' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('activity.cancelledBecause', { reason: activity.cancelReason ?? '—' })}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        {activity.orgName}
      </Typography.Paragraph>
      <Descriptions size="small" column={{ xs: 1, sm: 2, xl: 3 }} items={items} />
      {actions && (
        <Flex gap={8} wrap style={{ marginTop: 16 }}>
          {actions}
        </Flex>
      )}
    </Card>
  );
}
