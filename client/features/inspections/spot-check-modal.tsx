import { PhoneOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, InputNumber, Modal, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/api-error';
import { CompactList } from '../../components/compact-list';
import { AttendanceTag } from '../attendance/status-tag';
import { useSpotCheck } from './queries';

/**
 * A telephone spot check: Vanguard picks members of the activity at random, the supervisor calls
 * them to ask whether they were there, then records the check as an inspection.
 */
export function SpotCheckModal({
  activityId,
  orgId,
  onClose,
}: {
  activityId: number;
  orgId: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [count, setCount] = useState(3);
  const draw = useSpotCheck(activityId);
  const { mutate } = draw;
  // biome-ignore lint/correctness/useExhaustiveDependencies: one draw when the dialog opens; later draws are asked for
  useEffect(() => mutate(3), []);
  const picks = draw.data?.picks;

  const record = () => {
    const query = new URLSearchParams({
      orgId: String(orgId),
      activityId: String(activityId),
      method: 'phone_check',
      contacted: (picks ?? []).map((pick) => pick.name).join('、'),
    });
    navigate(`/inspections/new?${query}`);
  };

  return (
    <Modal
      open
      title={t('inspections.spotCheck.title')}
      onCancel={onClose}
      modalRender={(node) => <div data-testid="spot-check">{node}</div>}
      footer={[
        <Button key="close" onClick={onClose}>
          {t('common.close')}
        </Button>,
        <Button
          key="record"
          type="primary"
          disabled={!picks?.length}
          onClick={record}
          data-testid="spot-check-record"
        >
          {t('inspections.spotCheck.record')}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">{t('inspections.spotCheck.hint')}</Typography.Paragraph>
      <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
        <Typography.Text>{t('inspections.spotCheck.count')}</Typography.Text>
        <InputNumber
          min={1}
          max={20}
          value={count}
          onChange={(value) => setCount(value ?? 3)}
          style={{ width: 72 }}
        />
        <Button
          icon={<ReloadOutlined />}
          loading={draw.isPending}
          onClick={() => mutate(count)}
          data-testid="spot-check-draw"
        >
          {t('inspections.spotCheck.redraw')}
        </Button>
      </Flex>
      <ErrorAlert error={draw.error} />
      {draw.isPending && !picks ? (
        <Skeleton active />
      ) : picks && picks.length === 0 ? (
        <Empty description={t('inspections.spotCheck.none')} />
      ) : (
        <div data-testid="spot-check-picks">
          <CompactList
            items={picks}
            rowKey={(pick) => pick.memberId}
            renderItem={(pick) => (
              <Flex justify="space-between" align="center" gap={8} wrap>
                <Flex gap={6} align="center">
                  <Typography.Text strong>{pick.name}</Typography.Text>
                  <AttendanceTag status={pick.status} />
                </Flex>
                {pick.phone ? (
                  <a href={`tel:${pick.phone}`}>
                    <PhoneOutlined /> {pick.phone}
                  </a>
                ) : (
                  <Typography.Text type="secondary">{t('inspections.spotCheck.noPhone')}</Typography.Text>
                )}
              </Flex>
            )}
          />
        </div>
      )}
    </Modal>
  );
}
