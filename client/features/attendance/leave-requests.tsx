import { Button, Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LeaveRequest } from '../../../common/schemas/attendance';
import { useErrorToast } from '../../components/api-error';
import { formatDateTime } from '../../components/china-time';
import { useDecideLeave } from './queries';

const STATUS_COLORS = { pending: 'processing', approved: 'success', rejected: 'default' } as const;

export function LeaveRequests({ requests, editable }: { requests: LeaveRequest[]; editable: boolean }) {
  const { t } = useTranslation();
  const decide = useDecideLeave();
  const showError = useErrorToast();
  if (requests.length === 0) return null;
  return (
    <Card size="small" title={t('attendance.leaveRequests')} data-testid="leave-requests">
      <Flex vertical gap={12}>
        {requests.map((request) => (
          <Flex key={request.id} justify="space-between" align="center" gap={8} wrap>
            <Flex vertical style={{ minWidth: 0 }}>
              <Flex gap={6} align="center" wrap>
                <Typography.Text strong>{request.memberName}</Typography.Text>
                <Tag color={STATUS_COLORS[request.status]}>{t(`enums.leaveStatus.${request.status}`)}</Tag>
              </Flex>
              <Typography.Text type="secondary">
                {request.reason} · {formatDateTime(request.createdAt)}
              </Typography.Text>
            </Flex>
            {editable && request.status === 'pending' && (
              <Flex gap={8}>
                <Button
                  size="small"
                  type="primary"
                  loading={
                    decide.isPending && decide.variables?.id === request.id && decide.variables.approve
                  }
                  onClick={() => decide.mutate({ id: request.id, approve: true }, { onError: showError })}
                  data-testid={`leave-approve-${request.id}`}
                >
                  {t('attendance.approve')}
                </Button>
                <Button
                  size="small"
                  loading={
                    decide.isPending && decide.variables?.id === request.id && !decide.variables.approve
                  }
                  onClick={() => decide.mutate({ id: request.id, approve: false }, { onError: showError })}
                  data-testid={`leave-reject-${request.id}`}
                >
                  {t('attendance.reject')}
                </Button>
              </Flex>
            )}
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
