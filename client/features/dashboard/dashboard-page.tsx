import { AuditOutlined, FileExcelOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Col, Flex, Row, Skeleton, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/api-error';
import { Page } from '../../components/page';
import { periodFromParams, periodParams, periodRange } from '../../components/period';
import { PeriodPicker, type PeriodValue } from '../../components/period-picker';
import { Section } from '../../components/section';
import { useIsPhone } from '../../components/use-is-phone';
import { isOverseer } from '../auth/bindings';
import { useSignedIn } from '../auth/me-context';
import { SystemsSummary } from '../groups/systems-summary';
import { ExemptionTags } from '../orgs/exemption-tags';
import { OrgTreeSelect } from '../orgs/org-tree-select';
import { useHomeOrg } from '../orgs/use-home-org';
import { BranchActivities } from './branch-activities';
import { ComplianceChart, ThemeChart, TrendChart } from './charts';
import { ChildrenTable } from './children-table';
import { KpiCards } from './kpi-cards';
import { statsXlsxUrl, useOrgStats } from './queries';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The period lives in the URL, so a drill-down keeps it and the back button returns to the parent. */
function usePeriodParam() {
  const [params, setParams] = useSearchParams();
  const from = params.get('from');
  const to = params.get('to');
  const value: PeriodValue =
    params.get('period') === 'custom' && from && to && ISO.test(from) && ISO.test(to) && from <= to
      ? { period: 'custom', from, to }
      : periodFromParams(params, 'year');
  const range = value.period === 'custom' ? { from: value.from, to: value.to } : periodRange(value);
  const set = (next: PeriodValue) =>
    setParams(
      next.period === 'custom' ? { period: 'custom', from: next.from, to: next.to } : periodParams(next),
    );
  const search = params.toString() ? `?${params.toString()}` : '';
  return { value, range, set, search };
}

/** The supervisor's first screen: how the fixed day is kept, org by org, with the way down to each activity. */
export function DashboardPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const { id } = useParams();
  const home = useHomeOrg();
  const orgId = id && Number.isInteger(Number(id)) ? Number(id) : home;
  const period = usePeriodParam();
  const {
    data: stats,
    error,
    isPending,
    isPlaceholderData,
  } = useOrgStats(orgId, period.range.from, period.range.to);

  return (
    <Page
      title={t('dashboard.title')}
      extra={
        <>
          <OrgTreeSelect
            value={orgId}
            onChange={(next) => navigate(`/dashboard/${next}${period.search}`)}
            style={{ width: isPhone ? '100%' : 280 }}
            aria-label={t('dashboard.orgPicker')}
            data-testid="dashboard-org"
          />
          {orgId !== undefined && (
            <Button
              icon={<FileExcelOutlined />}
              href={statsXlsxUrl(orgId, period.range.from, period.range.to)}
              data-testid="dashboard-xlsx"
            >
              {t('dashboard.excel')}
            </Button>
          )}
          {stats && stats.org.level !== 'committee' && isOverseer(me) && (
            <Button
              icon={<AuditOutlined />}
              onClick={() => navigate(`/inspections/new?orgId=${stats.org.id}`)}
              data-testid="dashboard-inspect"
            >
              {t('inspections.record')}
            </Button>
          )}
        </>
      }
    >
      <Flex vertical gap={12} style={{ marginBottom: 16 }}>
        {stats && (
          <Breadcrumb
            data-testid="dashboard-path"
            items={stats.path.map((step, i) => ({
              key: step.id,
              title:
                i === stats.path.length - 1 ? (
                  <Typography.Text strong>{step.name}</Typography.Text>
                ) : (
                  <Link to={`/dashboard/${step.id}${period.search}`}>{step.name}</Link>
                ),
            }))}
          />
        )}
        <Flex gap={8} wrap align="center" justify="space-between">
          <PeriodPicker value={period.value} onChange={period.set} allowCustom />
          {stats && (
            <Flex gap={4} wrap align="center">
              <Tag color="red">{t(`enums.orgLevel.${stats.org.level}`)}</Tag>
              <ExemptionTags exemptions={stats.org.exemptions} />
              <Typography.Text type="secondary" data-testid="dashboard-period">
                {t('dashboard.periodText', stats.period)}
              </Typography.Text>
            </Flex>
          )}
        </Flex>
      </Flex>
      <ErrorAlert error={error} />
      {isPending && orgId !== undefined && <Skeleton active />}
      {stats && (
        <Spin spinning={isPlaceholderData}>
          <Flex vertical gap={16} data-testid="dashboard" data-org={stats.org.id}>
            <KpiCards stats={stats} />
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={14}>
                <TrendChart stats={stats} />
              </Col>
              <Col xs={24} lg={10}>
                <ThemeChart stats={stats} />
              </Col>
            </Row>
            {stats.children.length > 0 && <ComplianceChart stats={stats} search={period.search} />}
            {stats.children.length > 0 && (
              <Section title={t('dashboard.children', { count: stats.children.length })}>
                <ChildrenTable stats={stats} search={period.search} />
              </Section>
            )}
            <SystemsSummary orgId={stats.org.id} from={stats.period.from} to={stats.period.to} />
            {stats.org.level !== 'committee' && stats.children.length === 0 && (
              <BranchActivities activities={stats.activities} />
            )}
          </Flex>
        </Spin>
      )}
      {orgId === undefined && (
        <Card>
          <Typography.Text type="secondary">{t('dashboard.pickOrg')}</Typography.Text>
        </Card>
      )}
    </Page>
  );
}
