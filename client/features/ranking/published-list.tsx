import { Flex, Table, type TableProps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PublishedRankingSummary } from '../../../common/schemas/ranking';
import { ErrorAlert } from '../../components/api-error';
import { formatDateTime } from '../../components/china-time';
import { CompactList } from '../../components/compact-list';
import { periodLabel } from '../../components/period';
import { useIsPhone } from '../../components/use-is-phone';
import { usePublishedRankings } from './queries';

/** Rankings published at the org or above it, the newest first. */
export function PublishedList({ orgId }: { orgId: number | undefined }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const { data, error, isPending } = usePublishedRankings(orgId);
  const items = data ? [...data].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt)) : undefined;
  const title = (r: PublishedRankingSummary) => (
    <Link to={`/rankings/${r.id}`} data-testid={`published-${r.id}`}>
      {t('ranking.publishedTitle', { org: r.orgName, period: periodLabel(t, r) })}
    </Link>
  );
  const columns: TableProps<PublishedRankingSummary>['columns'] = [
    { key: 'title', title: t('ranking.published'), render: (_, r) => title(r) },
    { key: 'range', title: t('ranking.range'), render: (_, r) => `${r.from} – ${r.to}` },
    { key: 'branches', title: t('ranking.branches'), align: 'right', dataIndex: 'branches' },
    {
      key: 'by',
      title: t('ranking.publishedBy'),
      render: (_, r) => `${r.publishedBy} · ${formatDateTime(r.publishedAt)}`,
    },
  ];
  return (
    <div data-testid="ranking-published-list">
      <ErrorAlert error={error} />
      {isPhone ? (
        <CompactList<PublishedRankingSummary>
          items={items}
          loading={isPending && orgId !== undefined}
          rowKey={(r) => r.id}
          renderItem={(r) => (
            <Flex vertical gap={2}>
              {title(r)}
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t('ranking.branchesCount', { count: r.branches })} · {r.publishedBy} ·{' '}
                {formatDateTime(r.publishedAt)}
              </Typography.Text>
            </Flex>
          )}
        />
      ) : (
        <Table<PublishedRankingSummary>
          rowKey="id"
          size="small"
          loading={isPending && orgId !== undefined}
          columns={columns}
          dataSource={items}
          pagination={items && items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('ranking.nonePublished') }}
        />
      )}
    </div>
  );
}
