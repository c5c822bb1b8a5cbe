import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from '../../components/plain/button';
import { Icon } from '../../components/plain/icons';
import { useInbox } from './queries';

/** The bell in the red bar with the unread count drawn on it; plain HTML, for both frames. */
export function InboxBadge() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data } = useInbox();
  const unread = data?.unread ?? 0;
  return (
    <Button
      kind="text"
      onClick={() => navigate('/inbox')}
      aria-label={t('inbox.openWithCount', { count: unread })}
      testId="inbox-badge"
      data-unread={unread}
      style={{ position: 'relative' }}
    >
      <Icon name="bell" />
      {/* The drawn number is a word of the button's name ("通知 3 条未读"), as a voice user says it. */}
      {unread > 0 && (
        <span
          className="p-count"
          style={{ position: 'absolute', top: 0, right: -2, height: 16, lineHeight: '16px', fontSize: 10 }}
        >
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </Button>
  );
}
