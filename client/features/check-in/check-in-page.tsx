import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Card } from '../../components/plain/card';
import { Result, Spinner } from '../../components/plain/feedback';
import { useMyActivities } from '../my/queries';
import { queue } from './offline-queue';
import { CheckInResultView } from './result-view';
import { type Outcome, useCheckInWithPosition } from './use-check-in';

/** The token starts with its activity's id; the member's own list (last seen, if offline) names it. */
const activityOf = (token: string) => Number(token.split('.')[0]) || null;

/**
 * Where the QR code leads (`/check-in?t=…`). The auth gate sends a stranger to the login page and
 * back here, so scanning is the whole of the member's work.
 */
export function CheckInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('t');
  const { data: mine } = useMyActivities();
  const activityId = token ? activityOf(token) : null;
  const known = [mine?.next, ...(mine?.later ?? [])].find((a) => a && a.id === activityId);
  const { run } = useCheckInWithPosition();
  const [outcome, setOutcome] = useState<Outcome>();
  // One scan, one request (React's development mode runs effects twice).
  const sent = useRef<string | null>(null);
  const title = known?.title ?? null;

  useEffect(() => {
    if (!token || sent.current === token) return;
    sent.current = token;
    void run({ token }, title).then(setOutcome);
  }, [token, run, title]);

  // Kept before the member's list arrived (offline, from the phone's copy): name it now.
  const queued = outcome && 'queued' in outcome ? outcome.queued : null;
  useEffect(() => {
    if (queued && !queued.activityTitle && title) queue.name(queued.id, title);
  }, [queued, title]);

  return (
    <Card level={1} title={t('checkIn.title')}>
      {!token && <Result status="warning" title={t('checkIn.noToken')} />}
      {token && !outcome && (
        <div data-testid="checkin-pending">
          <Spinner label={t('checkIn.checkingIn')} />
          <p className="p-result-title" style={{ textAlign: 'center' }}>
            {t('checkIn.checkingIn')}
          </p>
          {title && (
            <p className="p-muted" style={{ textAlign: 'center' }}>
              {title}
            </p>
          )}
        </div>
      )}
      {outcome && <CheckInResultView outcome={outcome} />}
    </Card>
  );
}
