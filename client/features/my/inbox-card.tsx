import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../components/china-time';
import { Card } from '../../components/plain/card';
import { Empty } from '../../components/plain/feedback';
import { Count } from '../../components/plain/tag';
import { useInbox } from '../notices/queries';

const SHOWN = 3;

export function InboxCard() {
  const { t } = useTranslation();
  const { data } = useInbox();
  const unread = data?.unread ?? 0;
  return (
    <Card
      title={
        <>
          {t('inbox.title')}
          <Count count={unread} label={t('inbox.openWithCount', { count: unread })} />
        </>
      }
      extra={<Link to="/inbox">{t('my.allNotices')}</Link>}
      testId="my-inbox"
    >
      {data?.items.length ? (
        data.items.slice(0, SHOWN).map((notice) => (
          <Link
            key={notice.id}
            to="/inbox"
            style={{ display: 'flex', flexDirection: 'column', color: 'inherit' }}
          >
            <span className={notice.read ? 'p-ellipsis' : 'p-ellipsis p-strong'}>{notice.title}</span>
            <span className="p-muted p-small">{formatDateTime(notice.createdAt)}</span>
          </Link>
        ))
      ) : (
        <Empty>{t('inbox.empty')}</Empty>
      )}
    </Card>
  );
}
