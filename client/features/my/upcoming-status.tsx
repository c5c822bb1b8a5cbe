import { useTranslation } from 'react-i18next';
import type { UpcomingActivity } from '../../../common/schemas/notice';
import { Tag, type Tone } from '../../components/plain/tag';

const TONES: Record<UpcomingActivity['myStatus'], Tone> = {
  present: 'success',
  leave: 'info',
  leave_pending: 'warning',
  none: 'default',
};

export function UpcomingStatusTag({ status }: { status: UpcomingActivity['myStatus'] }) {
  const { t } = useTranslation();
  return <Tag tone={TONES[status]}>{t(`my.status.${status}`)}</Tag>;
}

/** Leave is asked for before the day starts; afterwards the secretary marks attendance by hand. */
export const canAskLeave = (a: UpcomingActivity) =>
  a.myStatus === 'none' && Date.now() < Date.parse(a.startsAt);
