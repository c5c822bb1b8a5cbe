import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/china-time';
import { Button } from '../../components/plain/button';
import { Note } from '../../components/plain/feedback';
import { refreshActivityViews } from '../activities/queries';
import { useSignedIn } from '../auth/me-context';
import { flushQueue, queue } from './offline-queue';

/** Check-ins saved on the phone go out when the network returns, and at once when a page opens online. */
export function useSendQueuedWhenOnline() {
  const queryClient = useQueryClient();
  const userId = useSignedIn().user.id;
  useEffect(() => {
    const send = () =>
      void flushQueue(userId).then((answered) => {
        if (answered) void refreshActivityViews(queryClient);
      });
    if (navigator.onLine) send();
    window.addEventListener('online', send);
    return () => window.removeEventListener('online', send);
  }, [queryClient, userId]);
}

/** Check-ins waiting on the phone, then the server's answer until the member has read it. */
export function QueueNotes() {
  const { t } = useTranslation();
  const userId = useSignedIn().user.id;
  const items = useSyncExternalStore(queue.subscribe, queue.items).filter((item) => item.userId === userId);
  return items.map((item) => {
    const what = [item.activityTitle, t('offline.madeAt', { time: formatDateTime(item.scannedAt) })]
      .filter(Boolean)
      .join(' · ');
    if (!item.outcome)
      return (
        <Note key={item.id} tone="info" testId="queued-check-in">
          {t('offline.savedOnPhone')} {what}
        </Note>
      );
    const outcome = item.outcome;
    return (
      <Note key={item.id} tone={'result' in outcome ? 'info' : 'error'} testId="sent-check-in">
        <div className="p-row">
          <span>
            {t('offline.sent')} {'result' in outcome ? outcome.result.message : outcome.refused} · {what}
          </span>
          <Button size="small" onClick={() => queue.forget(item.id)}>
            {t('offline.dismiss')}
          </Button>
        </div>
      </Note>
    );
  });
}
