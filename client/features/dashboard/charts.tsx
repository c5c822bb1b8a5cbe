import { Card, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { todayInChina } from '../../../common/dates';
import { THEMES, type Theme } from '../../../common/enums';
import type { OrgStats } from '../../../common/schemas/stats';
import { useIsPhone } from '../../components/use-is-phone';
import { monthName } from '../calendar/dates';
import { Chart } from './echarts';
import { complianceRate, isFixedDayExempt } from './figures';

const PARTY_RED = '#c8161d';
const THEME_COLORS: Record<Theme, string> = {
  study_training: '#c8161d',
  democratic_deliberation: '#722ed1',
  culture_sports: '#fa8c16',
  volunteer_service: '#389e0d',
};

/** Activities held and person-times, month by month. */
export function TrendChart({ stats }: { stats: OrgStats }) {
  const { t, i18n } = useTranslation();
  const isPhone = useIsPhone();
  // Months still to come would draw every line down to zero at the end of the year.
  const thisMonth = todayInChina(new Date()).slice(0, 7);
  const trend = stats.trend.filter((point) => point.month <= thisMonth);
  const years = new Set(trend.map((point) => point.month.slice(0, 4)));
  const label = (month: string) =>
    years.size > 1 ? month.slice(0, 7) : monthName(i18n.language, Number(month.slice(5, 7)));
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, itemWidth: 14 },
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: trend.map((point) => label(point.month)) },
    yAxis: [
      { type: 'value', minInterval: 1, splitLine: { lineStyle: { type: 'dashed' } } },
      { type: 'value', minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      {
        type: 'bar',
        name: t('dashboard.chart.activities'),
        data: trend.map((point) => point.activities),
        itemStyle: { color: PARTY_RED },
        barMaxWidth: 24,
      },
      {
        type: 'line',
        name: t('dashboard.chart.memberTimes'),
        yAxisIndex: 1,
        data: trend.map((point) => point.memberTimes),
        itemStyle: { color: '#d48806' },
        smooth: 0.3,
        smoothMonotone: 'x',
      },
      {
        type: 'line',
        name: t('dashboard.chart.massesTimes'),
        yAxisIndex: 1,
        data: trend.map((point) => point.massesTimes),
        itemStyle: { color: '#1677ff' },
        smooth: 0.3,
        smoothMonotone: 'x',
      },
    ],
  };
  return (
    <Card size="small" title={t('dashboard.chart.trend')} style={{ height: '100%' }}>
      {trend.length ? (
        <Chart option={option} height={isPhone ? 240 : 300} testId="chart-trend" />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
    </Card>
  );
}

/** The four themes of the fixed day, and how the activities spread over them. */
export function ThemeChart({ stats }: { stats: OrgStats }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const data = THEMES.map((theme) => ({
    name: t(`enums.theme.${theme}`),
    value: stats.figures.byTheme[theme] ?? 0,
    itemStyle: { color: THEME_COLORS[theme] },
  }));
  const option = {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0, itemWidth: 12 },
    series: [
      {
        type: 'pie',
        radius: ['38%', '66%'],
        center: ['50%', '44%'],
        avoidLabelOverlap: true,
        label: { formatter: '{c}' },
        data,
      },
    ],
  };
  return (
    <Card size="small" title={t('dashboard.chart.themes')} style={{ height: '100%' }}>
      {data.some((slice) => slice.value > 0) ? (
        <Chart option={option} height={isPhone ? 240 : 300} testId="chart-themes" />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.noActivities')} />
      )}
    </Card>
  );
}

/** Fixed-day compliance of each child org; a bar opens that org. Exempt orgs are named, not failed. */
export function ComplianceChart({ stats, search }: { stats: OrgStats; search: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  // Top to bottom in the table's order: ECharts draws a category axis from the bottom up.
  const children = [...stats.children].reverse();
  const value = (child: OrgStats['children'][number], key: 'held' | 'onFixedDay' | 'withPlan') => {
    if (isFixedDayExempt(child.org, child.figures.compliance)) return null;
    const rate = complianceRate(child.figures, key);
    return rate === null ? null : Math.round(rate * 1000) / 10;
  };
  // "Exempt" first: a long name is cut at its end, and the word must stay readable.
  const names = children.map((child) =>
    isFixedDayExempt(child.org, child.figures.compliance)
      ? `${t('exemptions.exempt')} · ${child.org.name}`
      : child.org.name,
  );
  const series = (['held', 'onFixedDay', 'withPlan'] as const).map((key, i) => ({
    type: 'bar',
    name: t(`dashboard.chart.${key}`),
    data: children.map((child) => value(child, key)),
    itemStyle: { color: [PARTY_RED, '#d48806', '#8c8c8c'][i] },
    barMaxWidth: 10,
  }));
  const option = {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: number | null) => (v === null ? '—' : `${v}%`),
    },
    legend: { top: 0, itemWidth: 14 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: {
      type: 'category',
      data: names,
      axisLabel: { width: isPhone ? 96 : 180, overflow: 'truncate' },
      triggerEvent: true,
    },
    series,
  };
  return (
    <Card size="small" title={t('dashboard.chart.compliance')}>
      <Chart
        option={option}
        height={Math.max(200, 60 + children.length * 34)}
        testId="chart-compliance"
        onClick={(event) => {
          const child =
            event.dataIndex !== undefined && event.componentType === 'series'
              ? children[event.dataIndex]
              : children[names.indexOf(String(event.value))];
          if (child) navigate(`/dashboard/${child.org.id}${search}`);
        }}
      />
    </Card>
  );
}
