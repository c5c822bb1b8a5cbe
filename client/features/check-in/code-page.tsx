import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatTimeRange } from '../../components/china-time';
import { Button } from '../../components/plain/button';
import { Card } from '../../components/plain/card';
import { Empty } from '../../components/plain/feedback';
import { useMyActivities } from '../my/queries';
import { CheckInResultView } from './result-view';
import { type Outcome, useCheckInWithPosition } from './use-check-in';

/** For a phone whose camera cannot scan: the six digits shown under the QR code. */
export function CodePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const { data: mine } = useMyActivities();
  const next = mine?.next;
  const activityId = Number(params.get('activity')) || next?.id;
  const activity = [next, ...(mine?.later ?? [])].find((a) => a && a.id === activityId);
  const { run, isPending } = useCheckInWithPosition();
  const [outcome, setOutcome] = useState<Outcome>();
  const [code, setCode] = useState('');

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!activityId || code.length !== 6) return;
    setOutcome(undefined);
    void run({ activityId, code }, activity?.title ?? null).then(setOutcome);
  };

  return (
    <Card level={1} title={t('checkIn.codeTitle')}>
      {activityId ? (
        <>
          {activity && (
            <div>
              {activity.title}
              <br />
              <span className="p-muted">{formatTimeRange(activity.startsAt, activity.endsAt)}</span>
            </div>
          )}
          <form onSubmit={submit} style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
            <input
              className="p-input"
              value={code}
              onChange={(event) => setCode(event.target.value.replace(/\D/g, '').slice(0, 6))}
              inputMode="numeric"
              autoComplete="one-time-code"
              // biome-ignore lint/a11y/noAutofocus: the page exists to type these six digits
              autoFocus
              placeholder="000000"
              maxLength={6}
              aria-label={t('checkIn.codeLabel')}
              style={{
                height: 56,
                fontSize: 32,
                letterSpacing: 10,
                textAlign: 'center',
                fontFamily: 'monospace',
              }}
              data-testid="code-input"
            />
            <Button
              kind="primary"
              size="large"
              block
              type="submit"
              disabled={code.length !== 6}
              loading={isPending}
              testId="code-submit"
            >
              {t('checkIn.submit')}
            </Button>
          </form>
          {outcome && <CheckInResultView outcome={outcome} />}
        </>
      ) : (
        <Empty>{t('checkIn.nothingToCheckIn')}</Empty>
      )}
    </Card>
  );
}
