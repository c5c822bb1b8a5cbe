import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { UpcomingActivity } from '../../../common/schemas/notice';
import { formatTimeRange } from '../../components/china-time';
import { Button } from '../../components/plain/button';
import { Card } from '../../components/plain/card';
import { Note } from '../../components/plain/feedback';
import { LeaveForm } from './leave-form';
import { canAskLeave, UpcomingStatusTag } from './upcoming-status';

/** What comes after the next activity, so a member who knows they will be away can say so now. */
export function LaterCard({ later }: { later: UpcomingActivity[] }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<number>();
  const [sent, setSent] = useState(false);
  if (!later.length) return null;
  return (
    <Card title={t('my.later')} testId="my-later">
      {sent && <Note tone="info">{t('my.leaveSent')}</Note>}
      {later.map((a) => (
        <div key={a.id} data-testid={`my-later-${a.id}`}>
          <div className="p-row">
            <div className="p-text">
              <Link to={`/activities/${a.id}`} className="p-ellipsis">
                {a.title}
              </Link>
              <span className="p-muted p-small">{formatTimeRange(a.startsAt, a.endsAt)}</span>
            </div>
            {canAskLeave(a) && asking !== a.id ? (
              <Button size="small" onClick={() => setAsking(a.id)} testId={`leave-request-${a.id}`}>
                {t('my.askLeave')}
              </Button>
            ) : (
              <UpcomingStatusTag status={a.myStatus} />
            )}
          </div>
          {asking === a.id && (
            <LeaveForm
              activityId={a.id}
              onClose={(done) => {
                setAsking(undefined);
                setSent(done);
              }}
            />
          )}
        </div>
      ))}
    </Card>
  );
}
