import type { TFunction } from 'i18next';
import type { Activity } from '../../../common/schemas/activity';
import type { AttendanceList } from '../../../common/schemas/attendance';
import { formatTimeRange } from '../../components/china-time';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * The minutes' first draft, from what Vanguard already holds: when, where, who presided, the
 * theme, who came, who was on leave and who was absent. The secretary writes only what was said
 * and decided.
 */
export function minutesDraft(
  t: TFunction,
  activity: Activity,
  attendance: AttendanceList | undefined,
): string {
  const names = (status: 'leave' | 'absent') =>
    (attendance?.members ?? []).filter((m) => m.status === status).map((m) => m.name);
  const lines = [
    t('records.draft.title', { title: activity.title }),
    t('records.draft.time', { time: formatTimeRange(activity.startsAt, activity.endsAt) }),
    activity.venue && t('records.draft.venue', { venue: activity.venue.name }),
    activity.responsibleName && t('records.draft.presided', { name: activity.responsibleName }),
    activity.theme && t('records.draft.theme', { theme: t(`enums.theme.${activity.theme}`) }),
    attendance &&
      t('records.draft.attendance', {
        members: attendance.counts.members,
        present: attendance.counts.present,
        leave: attendance.counts.leave,
        masses: attendance.counts.masses,
      }),
    names('leave').length > 0 && t('records.draft.onLeave', { names: names('leave').join('、') }),
    names('absent').length > 0 && t('records.draft.absent', { names: names('absent').join('、') }),
    t('records.draft.content'),
  ].filter((line): line is string => Boolean(line));
  return lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('');
}
