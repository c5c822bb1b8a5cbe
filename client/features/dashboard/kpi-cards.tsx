import { Card, Col, Flex, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityType } from '../../../common/enums';
import type { OrgStats } from '../../../common/schemas/stats';
import { ExemptTag } from '../orgs/exemption-tags';
import { complianceRate, isFixedDayExempt, percent } from './figures';

function Kpi({
  id,
  title,
  value,
  unit,
  tone,
  children,
}: {
  id: string;
  title: string;
  value: ReactNode;
  unit?: string;
  tone?: 'danger' | 'warning' | 'success';
  children?: ReactNode;
}) {
  const color =
    tone === 'danger'
      ? '#cf1322'
      : tone === 'warning'
        ? '#d46b08'
        : tone === 'success'
          ? '#389e0d'
          : undefined;
  return (
    <Card size="small" style={{ height: '100%' }} data-testid={`kpi-${id}`}>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {title}
      </Typography.Text>
      <Flex align="baseline" gap={4} wrap style={{ margin: '4px 0' }}>
        <span
          style={{ fontSize: 26, fontWeight: 600, lineHeight: 1.2, color }}
          data-testid={`kpi-${id}-value`}
        >
          {value}
        </span>
        {unit && <Typography.Text type="secondary">{unit}</Typography.Text>}
      </Flex>
      {children && (
        <Flex vertical gap={2} style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>
          {children}
        </Flex>
      )}
    </Card>
  );
}

/** "Three meetings and one lesson" (三会一课). */
const MEETING_TYPES = [
  'branch_general_meeting',
  'branch_committee_meeting',
  'party_group_meeting',
  'party_lecture',
] as const satisfies readonly ActivityType[];

/** The figures of the org and period at a glance: what was held, who came, what is still open. */
export function KpiCards({ stats }: { stats: OrgStats }) {
  const { t } = useTranslation();
  const { figures, orgCounts } = stats;
  const { compliance } = figures;
  const exempt = isFixedDayExempt(stats.org, compliance);
  const held = complianceRate(figures, 'held');
  const meetings = MEETING_TYPES.reduce((sum, type) => sum + (figures.byType[type] ?? 0), 0);
  const cards = [
    // A branch has no orgs to count: its "three meetings and one lesson" say more.
    stats.org.level === 'branch' ? (
      <Kpi
        key="orgs"
        id="meetings"
        title={t('dashboard.kpi.meetings')}
        value={meetings}
        unit={t('dashboard.unit.times')}
      >
        <span>
          {MEETING_TYPES.map(
            (type) => `${t(`enums.activityType.${type}`)} ${figures.byType[type] ?? 0}`,
          ).join(' · ')}
        </span>
      </Kpi>
    ) : (
      <Kpi
        key="orgs"
        id="orgs"
        title={t('dashboard.kpi.branches')}
        value={orgCounts.branches}
        unit={t('dashboard.unit.orgs')}
      >
        <span>
          {t('dashboard.kpi.committees', { count: orgCounts.committees })} ·{' '}
          {t('dashboard.kpi.generalBranches', { count: orgCounts.generalBranches })}
        </span>
      </Kpi>
    ),
    <Kpi
      key="activities"
      id="activities"
      title={t('dashboard.kpi.activities')}
      value={figures.activities}
      unit={t('dashboard.unit.times')}
    >
      <span>{t('dashboard.kpi.themedDays', { count: figures.byType.themed_party_day ?? 0 })}</span>
    </Kpi>,
    <Kpi
      key="members"
      id="members"
      title={t('dashboard.kpi.memberTimes')}
      value={figures.memberTimes}
      unit={t('dashboard.unit.personTimes')}
    >
      <span>{t('dashboard.kpi.people', { count: figures.memberPeople })}</span>
    </Kpi>,
    <Kpi
      key="masses"
      id="masses"
      title={t('dashboard.kpi.massesTimes')}
      value={figures.massesTimes}
      unit={t('dashboard.unit.personTimes')}
    >
      <span>{t('dashboard.kpi.people', { count: figures.massesPeople })}</span>
    </Kpi>,
    <Kpi
      key="attendance"
      id="attendance"
      title={t('dashboard.kpi.attendanceRate')}
      value={percent(figures.attendanceRate)}
      tone={figures.attendanceRate !== null && figures.attendanceRate < 0.8 ? 'warning' : undefined}
    >
      <span>{t('dashboard.kpi.attendanceHint')}</span>
    </Kpi>,
    <Kpi
      key="ledger"
      id="ledger"
      title={t('dashboard.kpi.ledgerRate')}
      value={percent(figures.ledgerRate)}
      tone={figures.ledgerRate !== null && figures.ledgerRate < 1 ? 'warning' : undefined}
    >
      <span>
        {t('dashboard.kpi.ledgerComplete', { complete: figures.ledgerComplete, total: figures.activities })}
      </span>
    </Kpi>,
    <Kpi
      key="compliance"
      id="compliance"
      title={t('dashboard.kpi.fixedDay')}
      value={exempt ? <ExemptTag exemption="fixed_day" /> : percent(held)}
      tone={!exempt && held !== null && held < 1 ? 'warning' : undefined}
    >
      {!exempt && (
        <>
          <span>{t('dashboard.kpi.held', { count: compliance.held, due: compliance.due })}</span>
          <span>
            {t('dashboard.kpi.onFixedDay', { count: compliance.onFixedDay, due: compliance.due })} ·{' '}
            {t('dashboard.kpi.withPlan', { count: compliance.withPlan, due: compliance.due })}
          </span>
        </>
      )}
      {compliance.exemptBranches > 0 && (
        <span>{t('dashboard.kpi.exemptBranches', { count: compliance.exemptBranches })}</span>
      )}
    </Kpi>,
    <Kpi
      key="rectifications"
      id="rectifications"
      title={t('dashboard.kpi.openRectifications')}
      value={figures.openRectifications}
      unit={t('dashboard.unit.items')}
      tone={figures.overdueRectifications > 0 ? 'danger' : undefined}
    >
      <span style={figures.overdueRectifications > 0 ? { color: '#cf1322' } : undefined}>
        {t('dashboard.kpi.overdue', { count: figures.overdueRectifications })}
      </span>
    </Kpi>,
  ];
  return (
    <Row gutter={[12, 12]} data-testid="dashboard-kpis">
      {cards.map((card) => (
        <Col key={card.key} xs={12} md={8} xl={6}>
          {card}
        </Col>
      ))}
    </Row>
  );
}
