import { Alert, App, Button, type FormInstance, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../api';
import { errorText } from './error-text';

/** The server's refusal, readable where the user is looking (inside a modal, above a form). */
export function ErrorAlert({ error, testId }: { error: unknown; testId?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={errorText(error, t)}
      data-testid={testId}
      style={{ marginBottom: 16 }}
    />
  );
}

/**
 * Puts the message under the field the server named. A nested name such as `fixedDay.rule.day`
 * or `memberIds.2` lands on the form item that edits the whole value (`fixedDay`, `memberIds`).
 */
export function setFieldError(form: FormInstance, error: unknown): void {
  if (!(error instanceof ApiError) || !error.field) return;
  const path = error.field.split('.').filter((part) => !/^\d+$/.test(part));
  if (path.length === 0) return;
  const names = path.length > 1 ? [path, path.slice(0, 1)] : [path];
  form.setFields(names.map((name) => ({ name, errors: [error.message] })));
}

/** For actions without a form (delete, revoke): a toast with the server's message. */
export function useErrorToast(): (error: unknown) => void {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return (error) => {
    void message.error(errorText(error, t));
  };
}

/**
 * A page whose object is out of reach (not found, or not the viewer's to see): one message, and
 * none of the page's title, figures or actions, which would only show an id or an empty shell.
 */
export function OutOfReach({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status={error instanceof ApiError && error.status === 403 ? '403' : '404'}
      title={errorText(error, t)}
      extra={<Button onClick={() => navigate('/')}>{t('app.backHome')}</Button>}
      data-testid="out-of-reach"
    />
  );
}

/** Whether an error means the page's object is out of the viewer's reach, not a passing failure. */
export const isOutOfReach = (error: unknown) =>
  error instanceof ApiError && (error.status === 404 || error.status === 403);
