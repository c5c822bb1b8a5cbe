import { CloseOutlined } from '@ant-design/icons';
import { Button, Flex, Progress, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/api-error';
import { useAttendance, useCheckInCode } from '../attendance/queries';
import { QrImage } from './qr-image';
import { useNow } from './use-now';

const OVERLAY = {
  position: 'fixed',
  inset: 0,
  zIndex: 1100,
  background: '#fff',
  overflow: 'auto',
  padding: 16,
} as const;

/** What the secretary shows in the room: a rotating QR code, the same as six digits, and the count. */
export function QrView({
  activityId,
  title,
  onClose,
}: {
  activityId: number;
  title: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { data: code, error, refetch } = useCheckInCode(activityId);
  const { data: attendance } = useAttendance(activityId, 5_000);
  const now = useNow();
  const left = code ? Math.max(0, Math.ceil((Date.parse(code.expiresAt) - now) / 1000)) : 0;

  // A code past its time is useless on the screen: fetch the next one at once.
  useEffect(() => {
    if (code && left === 0) void refetch();
  }, [code, left, refetch]);

  // The page behind stays still while the code is shown, and Escape closes it like any dialog.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    const { style } = document.documentElement;
    const overflow = style.overflow;
    style.overflow = 'hidden';
    window.addEventListener('keydown', onKey);
    return () => {
      style.overflow = overflow;
      window.removeEventListener('keydown', onKey);
    };
  }, [onClose]);

  return (
    <div style={OVERLAY} data-testid="checkin-view" role="dialog" aria-label={t('checkIn.qrTitle')}>
      <Button
        icon={<CloseOutlined />}
        onClick={onClose}
        style={{ position: 'absolute', top: 16, right: 16 }}
        aria-label={t('common.close')}
        data-testid="checkin-close"
      />
      <Flex vertical align="center" gap={12} style={{ maxWidth: 560, margin: '0 auto', textAlign: 'center' }}>
        <Typography.Title level={3} style={{ margin: '8px 40px 0' }}>
          {title}
        </Typography.Title>
        <Typography.Text type="secondary">{t('checkIn.scanHint')}</Typography.Text>
        <ErrorAlert error={error} />
        {code && (
          <>
            <QrImage value={code.url} size={420} alt={t('checkIn.qrTitle')} />
            <Typography.Text type="secondary">{t('checkIn.orCode')}</Typography.Text>
            <Typography.Text
              data-testid="checkin-code"
              style={{
                fontSize: 56,
                fontWeight: 700,
                letterSpacing: 12,
                fontFamily: 'monospace',
                lineHeight: 1,
              }}
            >
              {code.code}
            </Typography.Text>
            <Progress
              percent={(left / code.periodSeconds) * 100}
              showInfo={false}
              size="small"
              style={{ width: 240 }}
            />
            <Typography.Text type="secondary">{t('checkIn.refreshIn', { seconds: left })}</Typography.Text>
          </>
        )}
        {attendance && (
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="checkin-present">
            {t('checkIn.presentCount', {
              present: attendance.counts.present,
              members: attendance.counts.members,
            })}
          </Typography.Title>
        )}
      </Flex>
    </div>
  );
}
