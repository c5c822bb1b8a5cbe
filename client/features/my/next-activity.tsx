import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isCheckInOpen } from '../../../common/check-in-window';
import type { MyActivities } from '../../../common/schemas/notice';
import { formatTimeRange } from '../../components/china-time';
import { Button } from '../../components/plain/button';
import { Card } from '../../components/plain/card';
import { Empty, Note } from '../../components/plain/feedback';
import { Icon } from '../../components/plain/icons';
import { useSignedIn } from '../auth/me-context';
import { LeaveForm } from './leave-form';
import { canAskLeave, UpcomingStatusTag } from './upcoming-status';

export function NextActivity({ next }: { next: MyActivities['next'] }) {
  const { t } = useTranslation();
  const { rules } = useSignedIn();
  const navigate = useNavigate();
  const [asking, setAsking] = useState(false);
  const [sent, setSent] = useState(false);

  if (!next) {
    return (
      <Card title={t('my.next')} testId="my-next-activity">
        <Empty>{t('my.noNext')}</Empty>
      </Card>
    );
  }
  const open = isCheckInOpen(next.startsAt, next.endsAt, rules);

  return (
    <Card title={t('my.next')} extra={<UpcomingStatusTag status={next.myStatus} />} testId="my-next-activity">
      <p className="p-title">
        <Link to={`/activities/${next.id}`}>{next.title}</Link>
      </p>
      <span>
        <Icon name="calendar" size={14} /> {formatTimeRange(next.startsAt, next.endsAt)}
      </span>
      {(next.venueName || next.address) && (
        <span>
          <Icon name="place" size={14} /> {[next.venueName, next.address].filter(Boolean).join(' · ')}
        </span>
      )}
      {next.myStatus !== 'present' && (
        <Button
          kind={open ? 'primary' : 'default'}
          size="huge"
          block
          onClick={() => navigate(`/check-in/code?activity=${next.id}`)}
          testId="my-check-in"
        >
          <Icon name="qr" />
          {t('my.checkIn')}
        </Button>
      )}
      {open && next.myStatus !== 'present' && <span className="p-muted p-small">{t('my.scanHint')}</span>}
      {sent && <Note tone="info">{t('my.leaveSent')}</Note>}
      {canAskLeave(next) &&
        (asking ? (
          <LeaveForm
            activityId={next.id}
            onClose={(done) => {
              setAsking(false);
              setSent(done);
            }}
          />
        ) : (
          <Button block size="large" onClick={() => setAsking(true)} testId="leave-request">
            {t('my.askLeave')}
          </Button>
        ))}
    </Card>
  );
}
