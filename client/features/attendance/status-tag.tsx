import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AttendanceStatus } from '../../../common/enums';

const COLORS: Record<AttendanceStatus, string> = { present: 'success', leave: 'blue', absent: 'default' };

export function AttendanceTag({ status }: { status: AttendanceStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status]}>{t(`enums.attendanceStatus.${status}`)}</Tag>;
}
