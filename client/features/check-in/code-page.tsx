import { Button, Card, Empty, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { CheckInResult } from '../../../common/schemas/attendance';
import { formatTimeRange } from '../../components/china-time';
import { useMyActivities } from '../my/queries';
import { CheckInResultView } from './result-view';
import { useCheckInWithPosition } from './use-check-in';

/** For a phone whose camera cannot scan: the six digits shown under the QR code. */
export function CodePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const { data: mine } = useMyActivities();
  const next = mine?.next;
  const activityId = Number(params.get('activity')) || next?.id;
  const { run, isPending } = useCheckInWithPosition();
  const [outcome, setOutcome] = useState<{ result?: CheckInResult; error?: unknown }>();
  const [code, setCode] = useState('');

  const submit = () => {
    if (!activityId) return;
    setOutcome(undefined);
    run({ activityId, code }).then(
      (result) => setOutcome({ result }),
      (error: unknown) => setOutcome({ error }),
    );
  };

  return (
    <Card style={{ maxWidth: 480, margin: '0 auto' }} title={t('checkIn.codeTitle')}>
      {activityId ? (
        <Flex vertical gap={16}>
          {next && next.id === activityId && (
            <Typography.Text>
              {next.title}
              <br />
              <Typography.Text type="secondary">
                {formatTimeRange(next.startsAt, next.endsAt)}
              </Typography.Text>
            </Typography.Text>
          )}
          <Form onFinish={submit}>
            <Flex vertical gap={12}>
              <Input
                value={code}
                onChange={(event) => setCode(event.target.value.replace(/\D/g, '').slice(0, 6))}
                inputMode="numeric"
                autoComplete="one-time-code"
                autoFocus
                placeholder="000000"
                maxLength={6}
                size="large"
                aria-label={t('checkIn.codeLabel')}
                style={{ fontSize: 32, letterSpacing: 10, textAlign: 'center', fontFamily: 'monospace' }}
                data-testid="code-input"
              />
              <Button
                type="primary"
                size="large"
                block
                htmlType="submit"
                disabled={code.length !== 6}
                loading={isPending}
                data-testid="code-submit"
              >
                {t('checkIn.submit')}
              </Button>
            </Flex>
          </Form>
          {outcome && <CheckInResultView {...outcome} />}
        </Flex>
      ) : (
        <Empty description={t('checkIn.nothingToCheckIn')} />
      )}
    </Card>
  );
}
