import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CheckInResult } from '../../../common/schemas/attendance';
import { formatDateTime } from '../../components/china-time';
import { errorText } from '../../components/error-text';
import { Button } from '../../components/plain/button';
import { Result } from '../../components/plain/feedback';
import { type QueuedCheckIn, queue } from './offline-queue';
import type { Outcome } from './use-check-in';

function Answered({ result }: { result: CheckInResult }) {
  return (
    <div data-testid="checkin-result" data-status={result.status}>
      <Result
        // Already checked in is good news too, told apart by colour.
        status={result.status === 'checked_in' ? 'success' : 'already'}
        title={result.message}
        subTitle={`${result.activityTitle} · ${formatDateTime(result.checkedInAt)}`}
        extra={<HomeButton />}
      />
    </div>
  );
}

function Refused({ message }: { message: string }) {
  return (
    <div data-testid="checkin-result" data-status="error">
      <Result status="error" title={message} extra={<HomeButton />} />
    </div>
  );
}

function HomeButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Button size="large" onClick={() => navigate('/me')}>
      {t('checkIn.toMyPage')}
    </Button>
  );
}

/** Saved on the phone; replaced by the server's answer, on this screen, once the network is back. */
function Waiting({ item }: { item: QueuedCheckIn }) {
  const { t } = useTranslation();
  const current = useSyncExternalStore(queue.subscribe, () => queue.items().find((i) => i.id === item.id));
  const live = current?.outcome;
  const title = current?.activityTitle ?? item.activityTitle;
  const [kept, setKept] = useState(live);
  // Seen here, the answer need not wait for the member on their page too.
  useEffect(() => {
    if (!live) return;
    setKept(live);
    queue.forget(item.id);
  }, [live, item.id]);
  const outcome = live ?? kept;
  if (outcome)
    return 'result' in outcome ? <Answered result={outcome.result} /> : <Refused message={outcome.refused} />;
  return (
    <div data-testid="checkin-result" data-status="queued">
      <Result
        status="waiting"
        title={t('offline.savedOnPhone')}
        subTitle={[title, t('offline.madeAt', { time: formatDateTime(item.scannedAt) })]
          .filter(Boolean)
          .join(' · ')}
        extra={<HomeButton />}
      />
    </div>
  );
}

/** The answer, big enough to read at arm's length in a crowded room. */
export function CheckInResultView({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  if ('queued' in outcome) return <Waiting item={outcome.queued} />;
  if ('error' in outcome) return <Refused message={errorText(outcome.error, t)} />;
  return <Answered result={outcome.result} />;
}
