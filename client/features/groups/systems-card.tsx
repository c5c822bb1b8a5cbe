import { SettingOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Skeleton, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkingSystem } from '../../../common/enums';
import type { GroupSystemsKept } from '../../../common/schemas/group-system';
import { ErrorAlert } from '../../components/api-error';
import { chinaYear } from '../../components/china-time';
import { useGroupSystemsKept } from './queries';
import { SystemsModal } from './systems-modal';

type Row = GroupSystemsKept['groups'][number];

/**
 * Which working systems each group kept this year, judged from its meetings: a month, quarter or
 * half that has ended without one shows as missed; the one under way never does.
 */
export function SystemsCard({ orgId }: { orgId: number }) {
  const { t } = useTranslation();
  const year = chinaYear();
  const { data, error, isPending } = useGroupSystemsKept(orgId, year);
  const [editing, setEditing] = useState(false);
  const systems: WorkingSystem[] = data?.groups[0]?.systems.map((s) => s.system) ?? [];

  return (
    <Card
      title={t('groupSystems.title', { year })}
      data-testid="group-systems"
      extra={
        <Button icon={<SettingOutlined />} onClick={() => setEditing(true)} data-testid="group-systems-edit">
          {t('groupSystems.edit')}
        </Button>
      }
    >
      <ErrorAlert error={error} />
      <Typography.Paragraph type="secondary">{t('groupSystems.explain')}</Typography.Paragraph>
      {isPending ? (
        <Skeleton active />
      ) : data?.groups.length ? (
        <Table<Row>
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: true }}
          dataSource={data.groups}
          columns={[
            {
              title: t('groupSystems.group'),
              dataIndex: 'name',
              fixed: 'left',
              render: (name: string, row) => (
                <span>
                  {name} {row.keepsAll ? <Tag color="green">{t('groupSystems.keepsAll')}</Tag> : null}
                </span>
              ),
            },
            ...systems.map((system) => ({
              key: system,
              title: t(`enums.workingSystem.${system}`),
              render: (_: unknown, row: Row) => {
                const record = row.systems.find((s) => s.system === system);
                if (!record || record.due === 0) return <Typography.Text type="secondary">—</Typography.Text>;
                const missed = record.missed.map((w) => (w.from === w.to ? w.from : `${w.from}–${w.to}`));
                const tag = (
                  <Tag color={record.kept === record.due ? 'green' : 'orange'}>
                    {record.kept}/{record.due}
                  </Tag>
                );
                return missed.length ? (
                  <Tooltip title={t('groupSystems.missed', { windows: missed.join('、') })}>{tag}</Tooltip>
                ) : (
                  tag
                );
              },
            })),
          ]}
        />
      ) : (
        !error && <Empty description={t('groups.empty')} />
      )}
      {editing && <SystemsModal orgId={orgId} onClose={() => setEditing(false)} />}
    </Card>
  );
}
