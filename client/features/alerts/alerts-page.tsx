import { CheckOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Empty, Flex, Segmented, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { AlertKind } from '../../../common/enums';
import type { Alert } from '../../../common/schemas/alert';
import { ErrorAlert, useErrorToast } from '../../components/api-error';
import { formatDateTime } from '../../components/china-time';
import { Page } from '../../components/page';
import { TalkModal } from '../talks/talk-modal';
import { useAcknowledgeAlert, useAlerts } from './queries';

const KIND_COLORS: Record<AlertKind, string> = {
  plan_missing: 'orange',
  fixed_day_missed: 'red',
  ledger_incomplete: 'gold',
  member_absent: 'purple',
  meetings_frequency: 'magenta',
  rectification_overdue: 'volcano',
  group_system_missed: 'cyan',
};

function AlertItem({ alert }: { alert: Alert }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const ack = useAcknowledgeAlert();
  const showError = useErrorToast();
  const open = alert.acknowledgedAt === null;
  const [talking, setTalking] = useState(false);
  return (
    <Card
      size="small"
      data-testid={`alert-${alert.id}`}
      data-open={open}
      style={{ borderInlineStart: open ? '3px solid #c8161d' : undefined }}
    >
      <Flex justify="space-between" align="flex-start" gap={8} wrap>
        <Flex vertical gap={4} style={{ minWidth: 0, flex: 1 }}>
          <Flex gap={6} align="center" wrap>
            {open && <Badge status="error" />}
            <Tag color={KIND_COLORS[alert.kind]}>{t(`enums.alertKind.${alert.kind}`)}</Tag>
            <Typography.Text strong>{alert.orgName}</Typography.Text>
            {alert.audience === 'supervisor' && <Tag>{t('alerts.forSupervisor')}</Tag>}
          </Flex>
          <Typography.Text style={{ whiteSpace: 'pre-line' }}>{alert.message}</Typography.Text>
          <Flex gap={12} wrap style={{ fontSize: 13 }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(alert.createdAt)}
            </Typography.Text>
            {alert.activityId && <Link to={`/activities/${alert.activityId}`}>{t('alerts.toActivity')}</Link>}
            {alert.memberId && <Link to={`/members/${alert.memberId}`}>{t('alerts.toMember')}</Link>}
            {alert.inspectionId && (
              <Link to={`/inspections/${alert.inspectionId}`}>{t('alerts.toRectification')}</Link>
            )}
            {!alert.activityId && !alert.rectificationId && !alert.memberId && (
              <Link to={`/dashboard/${alert.orgId}`}>{t('alerts.toOrg')}</Link>
            )}
            {!open && alert.acknowledgedAt && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('alerts.acknowledgedAt', { at: formatDateTime(alert.acknowledgedAt) })}
              </Typography.Text>
            )}
          </Flex>
        </Flex>
        {open && alert.kind === 'member_absent' && alert.memberId && (
          <Button size="small" onClick={() => setTalking(true)} data-testid={`alert-talk-${alert.id}`}>
            {t('talks.start')}
          </Button>
        )}
        {talking && alert.memberId && (
          <TalkModal
            orgId={alert.orgId}
            memberId={alert.memberId}
            alertId={alert.id}
            onClose={() => setTalking(false)}
          />
        )}
        {open && (
          <Button
            size="small"
            icon={<CheckOutlined />}
            loading={ack.isPending}
            onClick={() =>
              ack.mutate(alert.id, {
                onSuccess: () => void message.success(t('alerts.acknowledged')),
                onError: showError,
              })
            }
            data-testid={`alert-ack-${alert.id}`}
          >
            {t('alerts.acknowledge')}
          </Button>
        )}
      </Flex>
    </Card>
  );
}

/** Alerts raised from the records: a missing plan, a missed fixed day, an overdue rectification… */
export function AlertsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') === 'all' ? 'all' : 'open';
  const { data, error, isPending } = useAlerts(status);
  return (
    <Page
      title={t('alerts.title')}
      extra={
        <Segmented<'open' | 'all'>
          value={status}
          onChange={(next) => setParams({ status: next })}
          options={[
            { value: 'open', label: t('alerts.open', { count: data?.open ?? 0 }) },
            { value: 'all', label: t('alerts.all') },
          ]}
        />
      }
    >
      <ErrorAlert error={error} />
      {isPending && <Skeleton active />}
      {data && (
        <Flex vertical gap={8} style={{ maxWidth: 820 }} data-testid="alert-list">
          {data.items.length ? (
            data.items.map((alert) => <AlertItem key={alert.id} alert={alert} />)
          ) : (
            <Empty description={status === 'open' ? t('alerts.noneOpen') : t('alerts.none')} />
          )}
        </Flex>
      )}
    </Page>
  );
}
