import { Flex, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/api-error';
import { VISUALLY_HIDDEN } from '../../components/visually-hidden';
import { FeedsCard } from '../branch-settings/feeds-card';
import { HistoryCard } from './history-card';
import { InboxCard } from './inbox-card';
import { LaterCard } from './later-card';
import { NextActivity } from './next-activity';
import { ProfileCard } from './profile-card';
import { useMyActivities } from './queries';

/** A member's page, made for a phone: what is next, the notices, and their own record. */
export function MyPage() {
  const { t } = useTranslation();
  const { data: mine, error, isPending } = useMyActivities();
  return (
    <Flex vertical gap={12} style={{ maxWidth: 560, margin: '0 auto' }}>
      {/* The cards say what each part is; the page's heading is for screen readers. */}
      <h1 style={VISUALLY_HIDDEN}>{t('app.menu.myActivities')}</h1>
      <ErrorAlert error={error} />
      {isPending ? <Skeleton active /> : mine && <NextActivity next={mine.next} />}
      <InboxCard />
      {mine && <LaterCard later={mine.later} />}
      {mine && <HistoryCard mine={mine} />}
      <ProfileCard />
      <FeedsCard />
    </Flex>
  );
}
