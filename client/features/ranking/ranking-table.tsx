import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { Button, Flex, Table, type TableProps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RankingRow, Weights } from '../../../common/schemas/ranking';
import { type ScoreLine, scoreLines } from '../../../common/scoring';
import { CompactList } from '../../components/compact-list';
import { useIsPhone } from '../../components/use-is-phone';
import { percent } from '../dashboard/figures';
import { ExemptionTags } from '../orgs/exemption-tags';

const points = (value: number) => (Math.round(value * 10) / 10).toFixed(1);

function RankBadge({ rank }: { rank: number }) {
  const color = rank === 1 ? '#c8161d' : rank === 2 ? '#d46b08' : rank === 3 ? '#d4b106' : '#8c8c8c';
  return (
    <span
      style={{
        display: 'inline-flex',
        justifyContent: 'center',
        alignItems: 'center',
        minWidth: 28,
        height: 28,
        borderRadius: 14,
        fontWeight: 600,
        color: rank <= 3 ? '#fff' : color,
        background: rank <= 3 ? color : '#f5f5f5',
      }}
    >
      {rank}
    </span>
  );
}

/** Why a branch has its score: each item's value, its weight, and the points it adds. */
export function Breakdown({ row, weights }: { row: RankingRow; weights: Weights }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const columns: TableProps<ScoreLine>['columns'] = [
    { key: 'item', title: t('ranking.item'), render: (_, line) => t(`enums.scoreItem.${line.item}`) },
    {
      key: 'value',
      title: t('ranking.value'),
      align: 'right',
      render: (_, line) =>
        line.value === null ? (
          <Typography.Text type="secondary">{t('ranking.notApplicable')}</Typography.Text>
        ) : (
          percent(line.value)
        ),
    },
    { key: 'weight', title: t('ranking.weight'), align: 'right', dataIndex: 'weight' },
    { key: 'points', title: t('ranking.points'), align: 'right', render: (_, line) => points(line.points) },
  ];
  return (
    <div data-testid={`ranking-breakdown-${row.orgId}`} style={{ maxWidth: 560 }}>
      <Table<ScoreLine>
        rowKey="item"
        size="small"
        columns={columns}
        dataSource={scoreLines(row.values, weights)}
        pagination={false}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={3}>
              <Typography.Text strong>{t('ranking.total')}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              <Typography.Text strong>{points(row.score)}</Typography.Text>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      <Typography.Paragraph
        type="secondary"
        style={{ fontSize: 12, margin: isPhone ? '8px 0 0' : '8px 0 0 8px' }}
      >
        {t('ranking.sharedHint')}
      </Typography.Paragraph>
    </div>
  );
}

function PhoneRow({ row, weights, own }: { row: RankingRow; weights: Weights; own: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Flex vertical gap={6} data-testid={`ranking-row-${row.orgId}`}>
      <Flex align="center" gap={8}>
        <RankBadge rank={row.rank} />
        <Flex vertical style={{ minWidth: 0, flex: 1 }}>
          <Typography.Text strong ellipsis style={own ? { color: '#c8161d' } : undefined}>
            {row.orgName}
          </Typography.Text>
          {row.parentName && (
            <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
              {row.parentName}
            </Typography.Text>
          )}
        </Flex>
        <Typography.Text strong style={{ fontSize: 18 }}>
          {points(row.score)}
        </Typography.Text>
      </Flex>
      <Flex gap={4} wrap align="center">
        <ExemptionTags exemptions={row.exemptions} />
        <Button
          size="small"
          type="link"
          icon={open ? <UpOutlined /> : <DownOutlined />}
          onClick={() => setOpen(!open)}
          style={{ padding: 0 }}
          data-testid={`ranking-expand-${row.orgId}`}
        >
          {t('ranking.why')}
        </Button>
      </Flex>
      {open && <Breakdown row={row} weights={weights} />}
    </Flex>
  );
}

/** The item that cost the most points: where to look first. */
function weakestItem(row: RankingRow, weights: Weights) {
  const lost = scoreLines(row.values, weights)
    .filter((line) => line.value !== null && line.weight > 0)
    .map((line) => ({ line, lost: line.weight * (1 - (line.value ?? 0)) }))
    .sort((a, b) => b.lost - a.lost)[0];
  return lost && lost.lost > 0 ? lost.line.item : null;
}

/** Nobody is ranked without the reasons: every row opens to its items. */
export function RankingTable({
  rows,
  weights,
  loading,
  highlight,
}: {
  rows: RankingRow[] | undefined;
  /** The weights the scores were given with: each breakdown is computed from them. */
  weights: Weights | undefined;
  loading?: boolean;
  /** The reader's own branch, marked so it is found at once. */
  highlight?: number;
}) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  if (isPhone) {
    return (
      <div data-testid="ranking-table">
        <CompactList<RankingRow>
          items={rows}
          loading={loading}
          rowKey={(row) => row.orgId}
          renderItem={(row) =>
            weights && <PhoneRow row={row} weights={weights} own={row.orgId === highlight} />
          }
        />
      </div>
    );
  }
  const columns: TableProps<RankingRow>['columns'] = [
    {
      key: 'rank',
      title: t('ranking.rank'),
      width: 72,
      align: 'center',
      render: (_, row) => <RankBadge rank={row.rank} />,
    },
    {
      key: 'org',
      title: t('ranking.branch'),
      render: (_, row) => (
        <Flex gap={4} wrap align="center">
          <Typography.Text strong>{row.orgName}</Typography.Text>
          <ExemptionTags exemptions={row.exemptions} />
        </Flex>
      ),
    },
    { key: 'parent', title: t('ranking.parent'), render: (_, row) => row.parentName ?? '—' },
    {
      key: 'score',
      title: t('ranking.score'),
      align: 'right',
      width: 100,
      sorter: (a, b) => a.score - b.score,
      render: (_, row) => <Typography.Text strong>{points(row.score)}</Typography.Text>,
    },
    {
      key: 'weakest',
      title: t('ranking.weakest'),
      render: (_, row) => {
        const lost = weights && weakestItem(row, weights);
        return lost ? <Tag>{t(`enums.scoreItem.${lost}`)}</Tag> : '—';
      },
    },
  ];
  return (
    <Table<RankingRow>
      data-testid="ranking-table"
      rowKey="orgId"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={rows}
      pagination={rows && rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      expandable={{
        expandedRowRender: (row) => weights && <Breakdown row={row} weights={weights} />,
        columnTitle: t('ranking.expand'),
        columnWidth: 64,
      }}
      scroll={{ x: 'max-content' }}
      onRow={(row) =>
        ({
          'data-testid': `ranking-row-${row.orgId}`,
          style: row.orgId === highlight ? { background: '#fff1f0' } : undefined,
        }) as object
      }
    />
  );
}
