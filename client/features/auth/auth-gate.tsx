import { Button, Result, Spin } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { errorText } from '../../components/api-error';
import { AppLayout } from '../../components/app-layout';
import { applyLocale } from '../../i18n';
import { MeContext } from './me-context';
import { useMe } from './queries';

/** Everything but the login page: wait for the session, send strangers to /login. */
export function AuthGate() {
  const { t } = useTranslation();
  const location = useLocation();
  const { data: me, error, isPending, refetch } = useMe();
  const savedLocale = me?.user.locale;

  useEffect(() => {
    if (savedLocale) void applyLocale(savedLocale);
  }, [savedLocale]);

  if (isPending) return <Spin fullscreen />;
  if (error) {
    return (
      <Result
        status="error"
        title={errorText(error, t)}
        extra={<Button onClick={() => refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  if (!me) return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  return (
    <MeContext value={me}>
      <AppLayout />
    </MeContext>
  );
}
