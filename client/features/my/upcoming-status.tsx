import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UpcomingActivity } from '../../../common/schemas/notice';

const STATUS_COLORS: Record<UpcomingActivity['myStatus'], string> = {
  present: 'success',
  leave: 'blue',
  leave_pending: 'processing',
  none: 'default',
};

export function UpcomingStatusTag({ status }: { status: UpcomingActivity['myStatus'] }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`my.status.${status}`)}</Tag>;
}

/** Leave is asked for before the day starts; afterwards the secretary marks attendance by hand. */
export const canAskLeave = (a: UpcomingActivity) =>
  a.myStatus === 'none' && Date.now() < Date.parse(a.startsAt);
