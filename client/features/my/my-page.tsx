import { useTranslation } from 'react-i18next';
import { errorText } from '../../components/error-text';
import { Note, Skeleton } from '../../components/plain/feedback';
import { FeedsCard } from '../branch-settings/feeds-card';
import { GroupCard } from './group-card';
import { HistoryCard } from './history-card';
import { InboxCard } from './inbox-card';
import { LaterCard } from './later-card';
import { NextActivity } from './next-activity';
import { ProfileCard } from './profile-card';
import { useMyActivities } from './queries';
import { ReportsCard } from './reports-card';

/** A member's page, made for a phone: what is next, the notices, and their own record. */
export function MyPage() {
  const { t } = useTranslation();
  const { data: mine, error, isPending } = useMyActivities();
  return (
    <>
      {/* The cards say what each part is; the page's heading is for screen readers. */}
      <h1 className="p-visually-hidden">{t('app.menu.myActivities')}</h1>
      {error ? <Note tone="error">{errorText(error, t)}</Note> : null}
      {isPending ? <Skeleton /> : mine && <NextActivity next={mine.next} />}
      <InboxCard />
      <GroupCard />
      <ReportsCard />
      {mine && <LaterCard later={mine.later} />}
      {mine && <HistoryCard mine={mine} />}
      <ProfileCard />
      <FeedsCard />
    </>
  );
}
