import { Card, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Ledger } from '../../../common/schemas/ledger';
import { monthName } from '../calendar/dates';

/** Twelve cells: activities held each month and how many of them have everything. */
export function MonthSummary({ ledger }: { ledger: Ledger }) {
  const { t, i18n } = useTranslation();
  return (
    <Card size="small" title={t('ledger.monthly')} data-testid="ledger-months">
      <Row gutter={[8, 8]}>
        {ledger.months.map((month) => {
          const complete = month.activities > 0 && month.complete === month.activities;
          const color = month.activities === 0 ? undefined : complete ? '#389e0d' : '#d46b08';
          return (
            <Col key={month.month} xs={6} sm={4} lg={2}>
              <div
                data-testid={`ledger-month-${month.month}`}
                data-complete={complete}
                style={{ textAlign: 'center', padding: 6, borderRadius: 6, background: '#fafafa' }}
              >
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {monthName(i18n.language, month.month)}
                </Typography.Text>
                <div style={{ fontWeight: 600, color }}>
                  {month.activities ? `${month.complete}/${month.activities}` : '—'}
                </div>
              </div>
            </Col>
          );
        })}
      </Row>
    </Card>
  );
}
