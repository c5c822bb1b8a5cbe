import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../../api';
import { Brand } from '../../components/brand';
import { errorText } from '../../components/error-text';
import { Button } from '../../components/plain/button';
import { Card } from '../../components/plain/card';
import { Note } from '../../components/plain/feedback';
import { LanguageSwitch } from './language-switch';
import { useLogin, useMe } from './queries';

type Field = 'username' | 'password';

/** Plain HTML: the first page a member's phone loads, so it must come quickly over a weak link. */
export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { data: me } = useMe();
  const login = useLogin();
  const [values, setValues] = useState({ username: '', password: '' });
  const [missing, setMissing] = useState<Record<Field, boolean>>({ username: false, password: false });
  const [switchError, setSwitchError] = useState<unknown>();
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (me) return <Navigate to={from} replace />;

  const error = login.error;
  const fieldError = (field: Field): string | null => {
    if (missing[field]) return t(field === 'username' ? 'login.usernameRequired' : 'login.passwordRequired');
    return error instanceof ApiError && error.field === field ? error.message : null;
  };
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const blank = { username: !values.username.trim(), password: !values.password };
    setMissing(blank);
    if (blank.username || blank.password) return;
    login.mutate(values, { onSuccess: () => navigate(from, { replace: true }) });
  };
  const input = (field: Field, label: string, type: string, autoComplete: string) => {
    const message = fieldError(field);
    return (
      <div className="p-field">
        <label htmlFor={`login_${field}`}>{label}</label>
        <input
          id={`login_${field}`}
          className="p-input"
          type={type}
          autoComplete={autoComplete}
          value={values[field]}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `login_${field}_error` : undefined}
          onChange={(event) => {
            setValues({ ...values, [field]: event.target.value });
            setMissing({ ...missing, [field]: false });
          }}
          data-testid={`login-${field}`}
        />
        {message && (
          <div id={`login_${field}_error`} className="p-field-error">
            {message}
          </div>
        )}
      </div>
    );
  };

  return (
    <div className="p-page">
      <header className="p-header" style={{ justifyContent: 'space-between', padding: '0 16px' }}>
        <Brand />
        <LanguageSwitch onError={setSwitchError} />
      </header>
      <main className="p-main" style={{ maxWidth: 412, paddingTop: 48 }}>
        <Card>
          <h1 className="p-title" style={{ fontSize: 24 }}>
            {t('login.title')}
          </h1>
          <p className="p-muted" style={{ margin: 0 }}>
            {t('login.tagline')}
          </p>
          {switchError !== undefined && <Note tone="error">{errorText(switchError, t)}</Note>}
          {error && !fieldError('username') && !fieldError('password') && (
            <Note tone="error" testId="login-error">
              {errorText(error, t)}
            </Note>
          )}
          <form onSubmit={submit} noValidate style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
            {input('username', t('login.username'), 'text', 'username')}
            {input('password', t('fields.password'), 'password', 'current-password')}
            <Button
              kind="primary"
              type="submit"
              size="large"
              block
              loading={login.isPending}
              testId="login-submit"
            >
              {t('login.submit')}
            </Button>
          </form>
        </Card>
      </main>
      <footer className="p-footer">{t('app.footer')}</footer>
    </div>
  );
}
