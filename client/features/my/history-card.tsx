import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyActivities } from '../../../common/schemas/notice';
import { formatDateTime } from '../../components/china-time';
import { Button } from '../../components/plain/button';
import { Card } from '../../components/plain/card';
import { Empty } from '../../components/plain/feedback';
import { RateRing } from '../../components/plain/rate-ring';
import { AttendanceTag } from '../attendance/status-tag';

/** The latest few; the rest on request, so the page stays short on a phone. */
const SHOWN = 6;

export function HistoryCard({ mine }: { mine: MyActivities }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const items = all ? mine.history : mine.history.slice(0, SHOWN);
  const percent = mine.rate === null ? null : Math.round(mine.rate * 100);
  return (
    <Card
      title={t('my.history')}
      extra={
        percent !== null && (
          <span className="p-rate">
            <span className="p-muted" aria-hidden>
              {t('my.rate')}
            </span>
            <RateRing percent={percent} label={`${t('my.rate')} ${percent}%`} />
          </span>
        )
      }
      testId="my-history"
    >
      {mine.history.length ? (
        <>
          {items.map((item) => (
            <div key={item.id} className="p-row">
              <div className="p-text">
                <Link to={`/activities/${item.id}`} className="p-ellipsis">
                  {item.title}
                </Link>
                <span className="p-muted p-small">{formatDateTime(item.startsAt)}</span>
              </div>
              <AttendanceTag status={item.status} />
            </div>
          ))}
          {!all && mine.history.length > SHOWN && (
            <Button kind="link" onClick={() => setAll(true)}>
              {t('my.showAll', { count: mine.history.length })}
            </Button>
          )}
        </>
      ) : (
        <Empty>{t('my.noHistory')}</Empty>
      )}
    </Card>
  );
}
