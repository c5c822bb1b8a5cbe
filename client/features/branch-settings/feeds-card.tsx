import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../components/error-text';
import { Button } from '../../components/plain/button';
import { Card } from '../../components/plain/card';
import { Note, Skeleton } from '../../components/plain/feedback';
import { useCalendarFeeds } from '../notices/queries';

function FeedLink({ label, url, testId }: { label: string; url: string | null; testId: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <span className="p-strong">{label}</span>
      {url ? (
        <div className="p-row" style={{ alignItems: 'flex-start' }}>
          <code style={{ fontSize: 12, wordBreak: 'break-all' }} data-testid={testId}>
            {url}
          </code>
          <Button
            size="small"
            onClick={() => void navigator.clipboard?.writeText(url).then(() => setCopied(true))}
          >
            {copied ? t('settings.copied') : t('settings.copy')}
          </Button>
        </div>
      ) : (
        <span className="p-muted">{t('settings.feedUnavailable')}</span>
      )}
    </div>
  );
}

/**
 * iCal addresses: the fixed days appear in the phone's own calendar app, with its reminders.
 * Plain HTML, for the member's phone page as well as the branch's settings.
 */
export function FeedsCard({ orgId }: { orgId?: number }) {
  const { t } = useTranslation();
  const { data, error, isPending } = useCalendarFeeds(orgId);
  return (
    <Card title={t('settings.feeds')} testId="feeds-card">
      <p className="p-muted" style={{ margin: 0 }}>
        {t('settings.feedsIntro')}
      </p>
      {error ? <Note tone="error">{errorText(error, t)}</Note> : null}
      {isPending ? (
        <Skeleton />
      ) : (
        <>
          {orgId !== undefined && (
            <FeedLink label={t('settings.branchFeed')} url={data?.branchUrl ?? null} testId="feed-branch" />
          )}
          <FeedLink label={t('settings.memberFeed')} url={data?.memberUrl ?? null} testId="feed-member" />
        </>
      )}
    </Card>
  );
}
