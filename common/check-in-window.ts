/** How long before an activity's start check-in opens, and how long after its end it stays open. */
export type CheckInWindowRules = { checkInBeforeMinutes: number; checkInAfterMinutes: number };

/**
 * The instants (ms) between which a member may check in to an activity: the one definition the
 * server's check-in, its refusal's explanation and the phone's buttons all use.
 */
export function checkInWindow(
  startsAt: string | Date,
  endsAt: string | Date,
  rules: CheckInWindowRules,
): { opens: number; closes: number } {
  return {
    opens: new Date(startsAt).getTime() - rules.checkInBeforeMinutes * 60_000,
    closes: new Date(endsAt).getTime() + rules.checkInAfterMinutes * 60_000,
  };
}

export function isCheckInOpen(
  startsAt: string | Date,
  endsAt: string | Date,
  rules: CheckInWindowRules,
  now = Date.now(),
): boolean {
  const { opens, closes } = checkInWindow(startsAt, endsAt, rules);
  return now >= opens && now <= closes;
}

export function isCheckInOver(
  startsAt: string | Date,
  endsAt: string | Date,
  rules: CheckInWindowRules,
  now = Date.now(),
): boolean {
  return now > checkInWindow(startsAt, endsAt, rules).closes;
}
