import { Card, Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/api-error';
import { useCalendarFeeds } from '../notices/queries';

function FeedLink({ label, url, testId }: { label: string; url: string | null; testId: string }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={2}>
      <Typography.Text strong>{label}</Typography.Text>
      {url ? (
        <Typography.Paragraph
          copyable={{ text: url, tooltips: [t('settings.copy'), t('settings.copied')] }}
          style={{ marginBottom: 0, wordBreak: 'break-all' }}
          data-testid={testId}
        >
          <Typography.Text style={{ fontFamily: 'monospace', fontSize: 12 }}>{url}</Typography.Text>
        </Typography.Paragraph>
      ) : (
        <Typography.Text type="secondary">{t('settings.feedUnavailable')}</Typography.Text>
      )}
    </Flex>
  );
}

/** iCal addresses: the fixed days appear in the phone's own calendar app, with its reminders. */
export function FeedsCard({ orgId }: { orgId?: number }) {
  const { t } = useTranslation();
  const { data, error, isPending } = useCalendarFeeds(orgId);
  return (
    <Card size="small" title={t('settings.feeds')} data-testid="feeds-card">
      <Typography.Paragraph type="secondary">{t('settings.feedsIntro')}</Typography.Paragraph>
      <ErrorAlert error={error} />
      {isPending ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={12}>
          {orgId !== undefined && (
            <FeedLink label={t('settings.branchFeed')} url={data?.branchUrl ?? null} testId="feed-branch" />
          )}
          <FeedLink label={t('settings.memberFeed')} url={data?.memberUrl ?? null} testId="feed-member" />
        </Flex>
      )}
    </Card>
  );
}
