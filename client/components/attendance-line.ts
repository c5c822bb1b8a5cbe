import type { TFunction } from 'i18next';

/**
 * "党员 15/16（请假 1），群众 3": present over the members expected, with those on approved leave
 * named apart. The ledger and the dashboard say it the same way.
 */
export function attendanceLine(
  t: TFunction,
  { present, members, leave, masses }: { present: number; members: number; leave: number; masses: number },
): string {
  return t(leave ? 'attendance.lineWithLeave' : 'attendance.line', { present, members, leave, masses });
}
