import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Table, type TableProps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Inspection } from '../../../common/schemas/inspection';
import { ErrorAlert } from '../../components/api-error';
import { chinaYear } from '../../components/china-time';
import { CompactList } from '../../components/compact-list';
import { Page } from '../../components/page';
import { withParams } from '../../components/search-params';
import { useIsPhone } from '../../components/use-is-phone';
import { YearSwitch } from '../../components/year-switch';
import { OrgTreeSelect } from '../orgs/org-tree-select';
import { useHomeOrg } from '../orgs/use-home-org';
import { useInspections } from './queries';
import { MethodTag } from './tags';

function OpenItems({ inspection }: { inspection: Inspection }) {
  const { t } = useTranslation();
  const total = inspection.rectifications.length;
  if (total === 0) return <Typography.Text type="secondary">{t('inspections.noItems')}</Typography.Text>;
  const open = inspection.rectifications.filter((r) => r.status !== 'closed').length;
  const overdue = inspection.rectifications.filter((r) => r.overdue).length;
  return (
    <Flex gap={4} wrap>
      <Tag color={open ? 'warning' : 'success'}>{t('inspections.itemsOpen', { open, total })}</Tag>
      {overdue > 0 && <Tag color="error">{t('dashboard.overdueShort', { count: overdue })}</Tag>}
    </Flex>
  );
}

/** The inspections of the year in the supervisor's orgs: on site, from the records, by telephone. */
export function InspectionsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const home = useHomeOrg();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || chinaYear();
  const orgId = Number(params.get('org')) || home;
  const { data, error, isPending } = useInspections(orgId, `${year}-01-01`, `${year}-12-31`);
  const set = (changes: { year?: number; org?: number }) =>
    setParams((current) => withParams(current, changes));
  const sorted = data ? [...data].sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id) : undefined;

  const title = (i: Inspection) => (
    <Link to={`/inspections/${i.id}`} data-testid={`inspection-link-${i.id}`}>
      {i.orgName}
    </Link>
  );
  const columns: TableProps<Inspection>['columns'] = [
    { key: 'date', title: t('fields.date'), dataIndex: 'date', width: 110 },
    { key: 'org', title: t('fields.orgId'), render: (_, i) => title(i) },
    { key: 'method', title: t('inspections.method'), render: (_, i) => <MethodTag method={i.method} /> },
    {
      key: 'activity',
      title: t('inspections.activity'),
      render: (_, i) =>
        i.activityId ? <Link to={`/activities/${i.activityId}`}>{i.activityTitle}</Link> : '—',
    },
    {
      key: 'score',
      title: t('inspections.score'),
      align: 'right',
      dataIndex: 'score',
      sorter: (a, b) => a.score - b.score,
    },
    { key: 'items', title: t('inspections.rectifications'), render: (_, i) => <OpenItems inspection={i} /> },
    { key: 'inspector', title: t('inspections.inspector'), dataIndex: 'inspectorName' },
  ];

  return (
    <Page
      title={t('inspections.title')}
      extra={
        <>
          <OrgTreeSelect
            value={orgId}
            onChange={(org) => set({ org })}
            style={{ width: isPhone ? '100%' : 260 }}
            data-testid="inspections-org"
          />
          <YearSwitch year={year} onChange={(next) => set({ year: next })} />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => navigate('/inspections/new')}
            data-testid="inspection-new"
          >
            {t('inspections.record')}
          </Button>
        </>
      }
    >
      <ErrorAlert error={error} />
      <div data-testid="inspection-list">
        {isPhone ? (
          <CompactList<Inspection>
            items={sorted}
            loading={isPending && orgId !== undefined}
            rowKey={(i) => i.id}
            renderItem={(i) => (
              <Flex vertical gap={4}>
                <Flex gap={6} wrap align="center">
                  {title(i)}
                  <MethodTag method={i.method} />
                </Flex>
                <Typography.Text type="secondary">
                  {[i.date, t('inspections.scoreValue', { score: i.score }), i.activityTitle, i.inspectorName]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography.Text>
                <OpenItems inspection={i} />
              </Flex>
            )}
          />
        ) : (
          <Table<Inspection>
            rowKey="id"
            size="middle"
            loading={isPending && orgId !== undefined}
            columns={columns}
            dataSource={sorted}
            pagination={sorted && sorted.length > 30 ? { pageSize: 30, showSizeChanger: false } : false}
            scroll={{ x: 'max-content' }}
          />
        )}
      </div>
    </Page>
  );
}
