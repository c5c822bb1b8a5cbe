import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { Brand } from '../components/brand';
import { errorText } from '../components/error-text';
import { Button } from '../components/plain/button';
import { Note } from '../components/plain/feedback';
import { Icon } from '../components/plain/icons';
import { LanguageSwitch } from '../features/auth/language-switch';
import { useSignedIn } from '../features/auth/me-context';
import { isManager, useLogout } from '../features/auth/queries';
import { QueueNotes, useSendQueuedWhenOnline } from '../features/check-in/queue-notes';
import { InboxBadge } from '../features/notices/inbox-badge';
import { useOnline } from './use-online';

/**
 * The member's phone frame: the red bar, the page, and what the phone knows about the network.
 * Plain HTML only — this is what a member downloads on a weak link (see `main.tsx`).
 */
export function PhoneLayout() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const navigate = useNavigate();
  const logout = useLogout();
  const online = useOnline();
  const [failure, setFailure] = useState<unknown>();
  const onCheckIn = useLocation().pathname.startsWith('/check-in');
  useSendQueuedWhenOnline();

  return (
    <div className="p-page">
      <header className="p-header">
        <Brand />
        <div className="p-grow">
          <span className="p-name" data-testid="user-name">
            {me.user.name}
          </span>
          {isManager(me) && (
            // Those who also manage get back to their screens in one tap.
            <Link
              to="/"
              className="p-button p-text-button"
              style={{ color: '#fff' }}
              aria-label={t('app.workbench')}
            >
              <Icon name="home" />
            </Link>
          )}
          <InboxBadge />
          <LanguageSwitch onError={setFailure} />
          <Button
            kind="text"
            loading={logout.isPending}
            onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login') })}
            aria-label={t('app.logout')}
            testId="logout"
          >
            <Icon name="logout" />
          </Button>
        </div>
      </header>
      <main className="p-main">
        {!online && (
          <Note tone="warning" testId="offline-note">
            {t('offline.showingLastSeen')}
          </Note>
        )}
        {failure !== undefined && <Note tone="error">{errorText(failure, t)}</Note>}
        {/* The check-in screen shows its own check-in's state, big. */}
        {!onCheckIn && <QueueNotes />}
        <Outlet />
      </main>
    </div>
  );
}
