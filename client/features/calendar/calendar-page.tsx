import { PlusOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Row, Segmented, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { FIXED_DAY_STATES } from '../../../common/enums';
import type { CalendarMonth } from '../../../common/schemas/calendar';
import { ErrorAlert, useErrorToast } from '../../components/api-error';
import { chinaMonth, chinaYear } from '../../components/china-time';
import { Page } from '../../components/page';
import { YearSwitch } from '../../components/year-switch';
import { ActivityFormModal } from '../activities/activity-form-modal';
import { type ActivityDraft, draftFromPlan } from '../activities/activity-values';
import { fixedDayText } from '../orgs/fixed-day-text';
import { useOrgParam } from '../orgs/use-org-param';
import { BranchLinks } from './branch-links';
import { MonthCard } from './month-card';
import { MonthView } from './month-view';
import { PlanModal } from './plan-modal';
import { useAdoptRecommendation, useCalendar, useRecommendations } from './queries';
import { StateTag } from './state-tag';

type View = 'year' | 'month';

function intParam(value: string | null, min: number, max: number): number | undefined {
  const n = Number(value);
  return value && Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}

/** Year, view and month live in the URL, so a link opens the same view and back works. */
function useCalendarParams() {
  const [params, setParams] = useSearchParams();
  const year = intParam(params.get('year'), 2000, 2100) ?? chinaYear();
  const view: View = params.get('view') === 'month' ? 'month' : 'year';
  const month = intParam(params.get('month'), 1, 12) ?? chinaMonth();
  const go = (next: { year?: number; view?: View; month?: number }) => {
    const merged = { year, view, month, ...next };
    setParams({ year: String(merged.year), view: merged.view, month: String(merged.month) });
  };
  return { year, view, month, go };
}

export function CalendarPage() {
  const { t } = useTranslation();
  const { orgId, org } = useOrgParam();
  const { year, view, month, go } = useCalendarParams();
  const { data: calendar, error, isPending } = useCalendar(orgId, year);
  // The month's number, so that the open plan editor follows the calendar as it refetches (an adopted theme).
  const [planMonth, setPlanMonth] = useState<number | null>(null);
  const [draft, setDraft] = useState<ActivityDraft | null>(null);
  const shown = calendar?.months.find((m) => m.month === month);
  const editing = calendar?.months.find((m) => m.month === planMonth);

  const { data: recommendations } = useRecommendations(orgId, year);
  const adopt = useAdoptRecommendation(orgId ?? 0, year);
  const showError = useErrorToast();
  const recommendedFor = (m: CalendarMonth) => {
    const item = recommendations?.find((r) => r.month === m.month);
    return (
      item && {
        title: item.title,
        adopting: adopt.isPending && adopt.variables?.month === m.month,
        // The plan is the recommendation; the activity form opens on the fixed day, filled from it.
        onAdoptAndSchedule: () =>
          adopt.mutate(
            { month: m.month, recommendationId: item.id },
            { onSuccess: (plan) => setDraft(draftFromPlan({ ...m, plan })), onError: showError },
          ),
      }
    );
  };
  const card = (m: CalendarMonth) => ({
    month: m,
    ...(calendar?.canManage && {
      onEditPlan: () => setPlanMonth(m.month),
      onSchedule: () => setDraft(draftFromPlan(m)),
      recommended: recommendedFor(m),
    }),
  });

  return (
    <Page
      title={t('calendar.title', { org: org?.name ?? '' })}
      extra={
        <>
          <Segmented<View>
            value={view}
            onChange={(next) => go({ view: next })}
            options={[
              { value: 'year', label: t('calendar.yearView') },
              { value: 'month', label: t('calendar.monthView') },
            ]}
          />
          <YearSwitch year={year} onChange={(next) => go({ year: next })} />
          {calendar?.canManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDraft({})}
              data-testid="activity-create"
            >
              {t('calendar.newActivity')}
            </Button>
          )}
        </>
      }
    >
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Flex gap={8} wrap align="center">
          {calendar && (
            <Typography.Text type="secondary">
              {t('calendar.rule', { rule: fixedDayText(t, calendar.fixedDay) })}
            </Typography.Text>
          )}
          {calendar &&
            FIXED_DAY_STATES.map((state) => {
              const count = calendar.months.filter((m) => m.state === state).length;
              return count ? (
                <Flex key={state} gap={2} align="center">
                  <StateTag state={state} />
                  <Typography.Text type="secondary">×{count}</Typography.Text>
                </Flex>
              ) : null;
            })}
        </Flex>
        {orgId !== undefined && <BranchLinks orgId={orgId} year={year} />}
      </Flex>
      <ErrorAlert error={error} />
      {isPending && <Skeleton active />}
      {calendar && view === 'year' && (
        <Row gutter={[16, 16]} data-testid="calendar-year">
          {calendar.months.map((m) => (
            <Col key={m.month} xs={24} sm={12} lg={8} xxl={6}>
              <MonthCard {...card(m)} onOpenMonth={() => go({ view: 'month', month: m.month })} />
            </Col>
          ))}
        </Row>
      )}
      {calendar && view === 'month' && shown && orgId !== undefined && (
        <MonthView
          orgId={orgId}
          year={year}
          {...card(shown)}
          onMonthChange={(nextYear, nextMonth) => go({ year: nextYear, month: nextMonth })}
        />
      )}
      {editing && orgId !== undefined && (
        <PlanModal orgId={orgId} year={year} month={editing} onClose={() => setPlanMonth(null)} />
      )}
      {draft && orgId !== undefined && (
        <ActivityFormModal mode={{ kind: 'create', orgId, draft }} onClose={() => setDraft(null)} />
      )}
    </Page>
  );
}
