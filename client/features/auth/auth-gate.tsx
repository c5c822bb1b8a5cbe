import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { errorText } from '../../components/error-text';
import { Button } from '../../components/plain/button';
import { Result, Spinner } from '../../components/plain/feedback';
import { applyLocale } from '../../i18n';
import { MeContext } from './me-context';
import { useMe } from './queries';

/**
 * Everything but the login page: wait for the session, send strangers to /login. Plain HTML, as it
 * stands in front of the member's phone pages; the frame (phone or management) is the child route's.
 */
export function AuthGate() {
  const { t } = useTranslation();
  const location = useLocation();
  const { data: me, error, isPending, refetch } = useMe();
  const savedLocale = me?.user.locale;

  useEffect(() => {
    if (savedLocale) void applyLocale(savedLocale);
  }, [savedLocale]);

  if (isPending) return <Spinner label={t('common.loading')} />;
  if (error) {
    return (
      <main className="p-main">
        <Result
          status="error"
          title={errorText(error, t)}
          extra={<Button onClick={() => refetch()}>{t('common.retry')}</Button>}
        />
      </main>
    );
  }
  if (!me) return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  return (
    <MeContext value={me}>
      <Outlet />
    </MeContext>
  );
}
