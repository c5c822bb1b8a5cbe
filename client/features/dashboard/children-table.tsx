import { Flex, Table, type TableColumnType, Tag, Typography } from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OrgStats } from '../../../common/schemas/stats';
import { CompactList } from '../../components/compact-list';
import { useIsPhone } from '../../components/use-is-phone';
import { ExemptionTags, ExemptTag } from '../orgs/exemption-tags';
import { type ComplianceKey, complianceRate, isFixedDayExempt, percent } from './figures';

type Child = OrgStats['children'][number];

/** Null rates sort below every real one, whichever way the column is sorted. */
const byNumber = (read: (child: Child) => number | null) => (a: Child, b: Child) =>
  (read(a) ?? -1) - (read(b) ?? -1);

/** Every figure of every child org, sortable, each name opening that org's own figures. */
export function ChildrenTable({ stats, search }: { stats: OrgStats; search: string }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const drill = (child: Child) => (
    <Link
      to={`/dashboard/${child.org.id}${search}`}
      data-testid={`drill-${child.org.id}`}
      style={{ fontWeight: 500 }}
    >
      {child.org.name}
    </Link>
  );
  const compliance = (child: Child, key: ComplianceKey): ReactNode => {
    if (isFixedDayExempt(child.org, child.figures.compliance)) return <ExemptTag exemption="fixed_day" />;
    const { due } = child.figures.compliance;
    if (due === 0) return '—';
    return (
      <Typography.Text type={child.figures.compliance[key] < due ? 'warning' : undefined}>
        {child.figures.compliance[key]}/{due}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {' '}
          {percent(complianceRate(child.figures, key))}
        </Typography.Text>
      </Typography.Text>
    );
  };
  const num = (
    key: 'activities' | 'memberTimes' | 'memberPeople' | 'massesTimes' | 'massesPeople',
  ): TableColumnType<Child> => ({
    key,
    title: t(`dashboard.column.${key}`),
    align: 'right',
    sorter: byNumber((c) => c.figures[key]),
    render: (_, c) => c.figures[key],
  });
  const rate = (key: 'attendanceRate' | 'ledgerRate'): TableColumnType<Child> => ({
    key,
    title: t(`dashboard.column.${key}`),
    align: 'right',
    sorter: byNumber((c) => c.figures[key]),
    render: (_, c) => percent(c.figures[key]),
  });
  const fixedDay = (key: ComplianceKey): TableColumnType<Child> => ({
    key,
    title: t(`dashboard.column.${key}`),
    align: 'right',
    sorter: byNumber((c) =>
      isFixedDayExempt(c.org, c.figures.compliance) ? null : complianceRate(c.figures, key),
    ),
    render: (_, c) => compliance(c, key),
  });
  const columns: TableColumnType<Child>[] = [
    {
      key: 'name',
      title: t('dashboard.column.org'),
      fixed: 'left',
      sorter: (a, b) => a.org.name.localeCompare(b.org.name, 'zh-CN'),
      render: (_, c) => (
        <Flex gap={4} wrap align="center">
          {drill(c)}
          <ExemptionTags exemptions={c.org.exemptions} />
        </Flex>
      ),
    },
    {
      key: 'level',
      title: t('fields.level'),
      render: (_, c) => t(`enums.orgLevel.${c.org.level}`),
      filters: [...new Set(stats.children.map((c) => c.org.level))].map((level) => ({
        value: level,
        text: t(`enums.orgLevel.${level}`),
      })),
      onFilter: (value, c) => c.org.level === value,
    },
    {
      key: 'branches',
      title: t('dashboard.column.branches'),
      align: 'right',
      sorter: byNumber((c) => c.branches),
      render: (_, c) => c.branches,
    },
    num('activities'),
    num('memberTimes'),
    num('memberPeople'),
    num('massesTimes'),
    num('massesPeople'),
    rate('attendanceRate'),
    rate('ledgerRate'),
    fixedDay('held'),
    fixedDay('onFixedDay'),
    fixedDay('withPlan'),
    {
      key: 'openRectifications',
      title: t('dashboard.column.openRectifications'),
      align: 'right',
      sorter: byNumber((c) => c.figures.openRectifications),
      render: (_, c) => (
        <Flex gap={4} justify="flex-end" align="center">
          {c.figures.openRectifications}
          {c.figures.overdueRectifications > 0 && (
            <Tag color="error" style={{ marginInlineEnd: 0 }}>
              {t('dashboard.overdueShort', { count: c.figures.overdueRectifications })}
            </Tag>
          )}
        </Flex>
      ),
    },
  ];

  if (isPhone) {
    return (
      <div data-testid="dashboard-children">
        <CompactList<Child>
          items={stats.children}
          rowKey={(c) => c.org.id}
          renderItem={(c) => (
            <Flex vertical gap={2} data-testid={`child-row-${c.org.id}`}>
              <Flex gap={4} wrap align="center">
                {drill(c)}
                <ExemptionTags exemptions={c.org.exemptions} />
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t('dashboard.phoneLine', {
                  activities: c.figures.activities,
                  memberTimes: c.figures.memberTimes,
                  attendance: percent(c.figures.attendanceRate),
                  ledger: percent(c.figures.ledgerRate),
                })}
              </Typography.Text>
              <Flex gap={4} align="center" wrap style={{ fontSize: 13 }}>
                <Typography.Text type="secondary">{t('dashboard.column.held')}</Typography.Text>
                {compliance(c, 'held')}
                {c.figures.openRectifications > 0 && (
                  <Tag color={c.figures.overdueRectifications ? 'error' : 'warning'}>
                    {t('dashboard.openShort', { count: c.figures.openRectifications })}
                  </Tag>
                )}
              </Flex>
            </Flex>
          )}
        />
      </div>
    );
  }
  return (
    <Table<Child>
      data-testid="dashboard-children"
      rowKey={(c) => c.org.id}
      size="small"
      columns={columns}
      dataSource={stats.children}
      pagination={stats.children.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      onRow={(c) => ({ 'data-testid': `child-row-${c.org.id}` }) as HTMLAttributes<HTMLElement>}
    />
  );
}
