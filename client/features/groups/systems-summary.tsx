import { Flex, Progress, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GroupSystemsSummary } from '../../../common/schemas/group-system';
import { ErrorAlert } from '../../components/api-error';
import { Section } from '../../components/section';
import { useGroupSystemsSummary } from './queries';

type Row = GroupSystemsSummary['bySystem'][number];

const percent = (part: number, whole: number) => (whole ? Math.round((part / whole) * 100) : 0);

/** The supervisor's view of the groups' working systems in the subtree and period: who kept them. */
export function SystemsSummary({ orgId, from, to }: { orgId: number; from: string; to: string }) {
  const { t } = useTranslation();
  const { data, error } = useGroupSystemsSummary(orgId, from, to);
  if (error) return <ErrorAlert error={error} />;
  if (!data || data.groups === 0) return null;
  return (
    <Section title={t('groupSystems.summaryTitle')}>
      <Flex vertical gap={8} data-testid="group-systems-summary">
        <Typography.Text>
          {t('groupSystems.keepingAll', { keeping: data.keepingAll, groups: data.groups })}
        </Typography.Text>
        <Table<Row>
          rowKey="system"
          size="small"
          pagination={false}
          dataSource={data.bySystem}
          columns={[
            {
              title: t('groupSystems.system'),
              dataIndex: 'system',
              render: (system: Row['system']) => t(`enums.workingSystem.${system}`),
            },
            {
              title: t('groupSystems.groupsKeeping'),
              render: (_, row) => (
                <Flex gap={8} align="center">
                  <span style={{ minWidth: 64 }}>
                    {row.keeping}/{row.groups}
                  </span>
                  <Progress
                    percent={percent(row.keeping, row.groups)}
                    size="small"
                    style={{ width: 120, margin: 0 }}
                    aria-label={t(`enums.workingSystem.${row.system}`)}
                  />
                </Flex>
              ),
            },
          ]}
        />
      </Flex>
    </Section>
  );
}
