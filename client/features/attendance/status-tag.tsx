import { useTranslation } from 'react-i18next';
import type { AttendanceStatus } from '../../../common/enums';
import { Tag, type Tone } from '../../components/plain/tag';

const TONES: Record<AttendanceStatus, Tone> = { present: 'success', leave: 'info', absent: 'default' };

/** Plain HTML: the member's phone page shows it as well as the secretary's lists. */
export function AttendanceTag({ status }: { status: AttendanceStatus }) {
  const { t } = useTranslation();
  return <Tag tone={TONES[status]}>{t(`enums.attendanceStatus.${status}`)}</Tag>;
}
