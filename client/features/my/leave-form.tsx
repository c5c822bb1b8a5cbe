import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { errorText } from '../../components/error-text';
import { Button } from '../../components/plain/button';
import { useRequestLeave } from '../attendance/queries';

const MAX_REASON = 300;

/** Asking for leave, opened under the activity it is for: one line of reason, then send. */
export function LeaveForm({ activityId, onClose }: { activityId: number; onClose: (sent: boolean) => void }) {
  const { t } = useTranslation();
  const request = useRequestLeave(activityId);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const fieldId = `leave_reason_${activityId}`;
  const error = request.error;
  const fieldError = missing
    ? t('errors.validation.required', { field: t('fields.reason') })
    : error instanceof ApiError && error.field === 'reason'
      ? error.message
      : null;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return setMissing(true);
    request.mutate(reason.trim(), { onSuccess: () => onClose(true) });
  };

  return (
    <form onSubmit={submit} className="p-field" data-testid="leave-form" aria-label={t('my.leaveTitle')}>
      <label htmlFor={fieldId}>{t('fields.reason')}</label>
      <textarea
        id={fieldId}
        className="p-input"
        rows={3}
        maxLength={MAX_REASON}
        placeholder={t('my.leavePlaceholder')}
        value={reason}
        aria-invalid={fieldError ? true : undefined}
        aria-describedby={fieldError ? `${fieldId}_error` : undefined}
        onChange={(event) => {
          setReason(event.target.value);
          setMissing(false);
        }}
      />
      {fieldError && (
        <div id={`${fieldId}_error`} className="p-field-error" role="alert">
          {fieldError}
        </div>
      )}
      {error && !fieldError && (
        <div className="p-field-error" role="alert">
          {errorText(error, t)}
        </div>
      )}
      <div style={{ display: 'flex', gap: 8 }}>
        <Button kind="primary" type="submit" loading={request.isPending}>
          {t('my.leaveSubmit')}
        </Button>
        <Button onClick={() => onClose(false)}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
