import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Button, Flex, Table, type TableProps, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { LedgerRow } from '../../../common/schemas/ledger';
import { apiUrl } from '../../api';
import { ErrorAlert, isOutOfReach, OutOfReach } from '../../components/api-error';
import { attendanceLine } from '../../components/attendance-line';
import { chinaYear } from '../../components/china-time';
import { CompactList } from '../../components/compact-list';
import { Page } from '../../components/page';
import { useIsPhone } from '../../components/use-is-phone';
import { YearSwitch } from '../../components/year-switch';
import { CompletenessBadges } from '../activities/completeness';
import { ThemeTag } from '../activities/theme-tag';
import { BranchLinks } from '../calendar/branch-links';
import { useOrgParam } from '../orgs/use-org-param';
import { ChainBadge } from './chain-badge';
import { MonthSummary } from './month-summary';
import { useLedger } from './queries';

export function LedgerPage() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const { orgId, org } = useOrgParam();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || chinaYear();
  const { data: ledger, error, isPending } = useLedger(orgId, year);

  const attendance = (row: LedgerRow) => attendanceLine(t, row.counts);
  const notes = (row: LedgerRow) => (
    <Flex gap={4} wrap>
      {row.shortReason && (
        <Tooltip title={row.shortReason}>
          <Tag color="warning">{t('ledger.short')}</Tag>
        </Tooltip>
      )}
      {row.lateEdits > 0 && <Tag color="processing">{t('ledger.lateEdits', { count: row.lateEdits })}</Tag>}
    </Flex>
  );

  const columns: TableProps<LedgerRow>['columns'] = [
    { key: 'date', title: t('fields.date'), dataIndex: 'date', width: 110 },
    {
      key: 'title',
      title: t('fields.title'),
      render: (_, row) => <Link to={`/activities/${row.activityId}`}>{row.title}</Link>,
    },
    { key: 'type', title: t('fields.type'), render: (_, row) => t(`enums.activityType.${row.type}`) },
    { key: 'theme', title: t('fields.theme'), render: (_, row) => <ThemeTag theme={row.theme} /> },
    { key: 'venue', title: t('fields.venueId'), render: (_, row) => row.venueName ?? '—' },
    { key: 'attendance', title: t('ledger.attendanceTitle'), render: (_, row) => attendance(row) },
    {
      key: 'completeness',
      title: t('ledger.completeness'),
      render: (_, row) => <CompletenessBadges completeness={row.completeness} />,
    },
    { key: 'notes', title: t('ledger.notes'), render: (_, row) => notes(row) },
  ];

  const download = (format: 'xlsx' | 'pdf') => apiUrl(`/orgs/${orgId}/ledger.${format}`, { year });

  if (isOutOfReach(error)) return <OutOfReach error={error} />;
  return (
    <Page
      title={t('ledger.title', { org: org?.name ?? '' })}
      extra={
        <>
          <YearSwitch year={year} onChange={(next) => setParams({ year: String(next) })} />
          <Button icon={<FileExcelOutlined />} href={download('xlsx')} data-testid="ledger-xlsx">
            {t('ledger.excel')}
          </Button>
          <Button icon={<FilePdfOutlined />} href={download('pdf')} target="_blank" data-testid="ledger-pdf">
            {t('ledger.pdf')}
          </Button>
        </>
      }
    >
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 16 }}>
        <Flex gap={8} align="center" wrap>
          {orgId !== undefined && <ChainBadge orgId={orgId} />}
          {ledger && (
            <Typography.Text type="secondary" data-testid="ledger-totals">
              {t('ledger.totals', { activities: ledger.totals.activities, complete: ledger.totals.complete })}
            </Typography.Text>
          )}
        </Flex>
        {orgId !== undefined && <BranchLinks orgId={orgId} year={year} />}
      </Flex>
      <ErrorAlert error={error} />
      <Flex vertical gap={16}>
        {ledger && <MonthSummary ledger={ledger} />}
        <div data-testid="ledger-table">
          {isPhone ? (
            <CompactList<LedgerRow>
              items={ledger?.rows}
              loading={isPending}
              rowKey={(row) => row.activityId}
              renderItem={(row) => (
                <Flex vertical gap={4}>
                  <Flex gap={6} align="center" wrap>
                    <Link to={`/activities/${row.activityId}`} style={{ fontWeight: 500 }}>
                      {row.title}
                    </Link>
                    <ThemeTag theme={row.theme} />
                  </Flex>
                  <Typography.Text type="secondary">
                    {[row.date, row.venueName, attendance(row)].filter(Boolean).join(' · ')}
                  </Typography.Text>
                  <CompletenessBadges completeness={row.completeness} />
                  {notes(row)}
                </Flex>
              )}
            />
          ) : (
            <Table<LedgerRow>
              rowKey="activityId"
              size="middle"
              loading={isPending}
              columns={columns}
              dataSource={ledger?.rows}
              pagination={false}
              scroll={{ x: 'max-content' }}
            />
          )}
        </div>
      </Flex>
    </Page>
  );
}
