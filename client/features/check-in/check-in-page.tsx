import { Card, Result, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { CheckInResult } from '../../../common/schemas/attendance';
import { CheckInResultView } from './result-view';
import { useCheckInWithPosition } from './use-check-in';

/**
 * Where the QR code leads (`/check-in?t=…`). The auth gate sends a stranger to the login page and
 * back here, so scanning is the whole of the member's work.
 */
export function CheckInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('t');
  const { run } = useCheckInWithPosition();
  const [outcome, setOutcome] = useState<{ result?: CheckInResult; error?: unknown }>();
  // One scan, one request (React's development mode runs effects twice).
  const sent = useRef<string | null>(null);

  useEffect(() => {
    if (!token || sent.current === token) return;
    sent.current = token;
    run({ token }).then(
      (result) => setOutcome({ result }),
      (error: unknown) => setOutcome({ error }),
    );
  }, [token, run]);

  return (
    <Card style={{ maxWidth: 480, margin: '0 auto' }}>
      {!token && <Result status="warning" title={t('checkIn.noToken')} />}
      {token && !outcome && (
        <Result icon={<Spin size="large" />} title={t('checkIn.checkingIn')} data-testid="checkin-pending" />
      )}
      {outcome && <CheckInResultView {...outcome} />}
    </Card>
  );
}
