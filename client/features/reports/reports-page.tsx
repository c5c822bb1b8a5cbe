import { Flex, Table, type TableProps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import type { ReportSummary } from '../../../common/schemas/report';
import { ErrorAlert } from '../../components/api-error';
import { chinaYear, formatDateTime } from '../../components/china-time';
import { CompactList } from '../../components/compact-list';
import { Page } from '../../components/page';
import { withParams } from '../../components/search-params';
import { useIsPhone } from '../../components/use-is-phone';
import { YearSwitch } from '../../components/year-switch';
import { isOverseer, secretaryBranchId } from '../auth/bindings';
import { useSignedIn } from '../auth/me-context';
import { isBranch, OrgTreeSelect } from '../orgs/org-tree-select';
import { useHomeOrg } from '../orgs/use-home-org';
import { useReportSummaries } from './queries';
import { ReportStatusTag } from './report-page';

/** The branches' annual reports under a supervisor's org, each opened to read. */
export function ReportsPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const isPhone = useIsPhone();
  const home = useHomeOrg();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || chinaYear();
  const orgId = Number(params.get('org')) || home;
  const overseer = isOverseer(me);
  const { data, error, isPending } = useReportSummaries(overseer ? orgId : undefined, year);
  const ownBranch = secretaryBranchId(me);
  if (!overseer && ownBranch) return <Navigate to={`/orgs/${ownBranch}/report?year=${year}`} replace />;

  const set = (changes: { year?: number; org?: number }) =>
    setParams((current) => withParams(current, changes));
  const link = (r: ReportSummary) => (
    <Link to={`/orgs/${r.orgId}/report?year=${year}`} data-testid={`report-link-${r.orgId}`}>
      {r.orgName}
    </Link>
  );
  const submitted = data?.filter((r) => r.status === 'submitted').length ?? 0;
  const columns: TableProps<ReportSummary>['columns'] = [
    { key: 'org', title: t('fields.orgId'), render: (_, r) => link(r) },
    {
      key: 'status',
      title: t('report.status'),
      render: (_, r) => <ReportStatusTag status={r.status} />,
      filters: [
        { value: 'submitted', text: t('enums.reportStatus.submitted') },
        { value: 'draft', text: t('enums.reportStatus.draft') },
        { value: 'none', text: t('report.notStarted') },
      ],
      onFilter: (value, r) => (r.status ?? 'none') === value,
    },
    {
      key: 'submittedAt',
      title: t('report.submittedAtTitle'),
      render: (_, r) => (r.submittedAt ? formatDateTime(r.submittedAt) : '—'),
    },
  ];
  return (
    <Page
      title={t('report.listTitle', { year })}
      extra={
        <>
          <OrgTreeSelect
            value={orgId}
            onChange={(org) => set({ org })}
            canPick={(node) => !isBranch(node)}
            style={{ width: isPhone ? '100%' : 280 }}
          />
          <YearSwitch year={year} onChange={(next) => set({ year: next })} />
        </>
      }
    >
      <ErrorAlert error={error} />
      {data && (
        <Typography.Paragraph type="secondary">
          {t('report.progress', { submitted, total: data.length })}
        </Typography.Paragraph>
      )}
      <div data-testid="report-list">
        {isPhone ? (
          <CompactList<ReportSummary>
            items={data}
            loading={isPending && orgId !== undefined}
            rowKey={(r) => r.orgId}
            renderItem={(r) => (
              <Flex justify="space-between" align="center" gap={8}>
                {link(r)}
                <ReportStatusTag status={r.status} />
              </Flex>
            )}
          />
        ) : (
          <Table<ReportSummary>
            rowKey="orgId"
            size="small"
            loading={isPending && orgId !== undefined}
            columns={columns}
            dataSource={data}
            pagination={data && data.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          />
        )}
      </div>
    </Page>
  );
}
