import { useQuery } from '@tanstack/react-query';
import { Alert, Col, Form } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Calendar } from '../../../common/schemas/calendar';
import { api } from '../../api';
import { keys } from '../../query-keys';

/**
 * A themed party day set off its month's fixed day is allowed, and said before saving: the
 * calendar and the dashboard will count it as "not on the fixed day" (未按固定日). Reads the
 * branch's calendar for that year, the same cached query as the calendar page.
 */
export function FixedDayWarning({ orgId }: { orgId: number }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const type: string | undefined = Form.useWatch('type', form);
  const startsAt: Dayjs | undefined = Form.useWatch('startsAt', form);
  const year = startsAt?.year();
  const { data: calendar } = useQuery({
    queryKey: keys.calendarOf(orgId, year ?? 0),
    queryFn: () => api.get<Calendar>(`/orgs/${orgId}/calendar`, { year }),
    enabled: type === 'themed_party_day' && year !== undefined && orgId > 0,
  });
  if (type !== 'themed_party_day' || !startsAt || !calendar) return null;
  const month = calendar.months.find((m) => m.month === startsAt.month() + 1);
  const day = startsAt.format('YYYY-MM-DD');
  if (!month || month.fixedDate === day) return null;
  return (
    <Col xs={24}>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('activity.offFixedDay', { date: month.fixedDate })}
        data-testid="off-fixed-day"
      />
    </Col>
  );
}
