import { chinaDate, monthRange } from '../../../common/dates';
import type { FixedDayState } from '../../../common/enums';
import type { ActivitySummary } from '../../../common/schemas/activity';
import type { Calendar } from '../../../common/schemas/calendar';
import type { Actor } from '../../access/actor';
import { can } from '../../access/policy';
import { loadBranch } from '../../core/fixed-day/fixed-day-org';
import { fixedDaysOfYear } from '../../core/fixed-day/fixed-days';
import type { Db } from '../../db/open';
import { activitiesBetween } from '../activities/index';
import { plansOfYear, presentPlan } from '../plans/index';

/** The month's fixed-day state: a warning to read, never a lock. */
function stateOf(
  fixedDate: string,
  today: string,
  hasPlan: boolean,
  partyDays: ActivitySummary[],
  now: Date,
): FixedDayState {
  const live = partyDays.filter((a) => a.status !== 'cancelled');
  const held = live.filter((a) => new Date(a.startsAt) <= now);
  // The same test as the dashboard's "on the fixed day": the day the themed party day began.
  if (held.length)
    return held.some((a) => chinaDate(new Date(a.startsAt)) === fixedDate) ? 'held' : 'held_off_day';
  if (live.length) return 'scheduled';
  if (fixedDate < today) return 'missed';
  return hasPlan ? 'planned' : 'missing_plan';
}

/** A branch's year (or one month of it): fixed days placed by its rule, plans and activities. */
export async function getCalendar(
  db: Db,
  actor: Actor,
  orgId: number,
  year: number,
  month: number | undefined,
  now: Date,
): Promise<Calendar> {
  const org = await loadBranch(db, actor, orgId, 'activity.read');
  const days = fixedDaysOfYear(org.fixedDay, year, actor.locale);
  const plans = await plansOfYear(db, orgId, year);
  const first = month ?? 1;
  const last = month ?? 12;
  const activities = await activitiesBetween(
    db,
    orgId,
    monthRange(year, first).from,
    monthRange(year, last).to,
  );
  const today = chinaDate(now);
  const months = days
    .filter((d) => d.month >= first && d.month <= last)
    .map((d) => {
      const { from, to } = monthRange(year, d.month);
      const inMonth = activities.filter((a) => new Date(a.startsAt) >= from && new Date(a.startsAt) < to);
      const plan = plans.find((p) => p.month === d.month);
      const partyDays = inMonth.filter((a) => a.type === 'themed_party_day');
      return {
        ...d,
        state: stateOf(d.fixedDate, today, Boolean(plan), partyDays, now),
        plan: plan ? presentPlan(plan) : null,
        activities: inMonth,
      };
    });
  return { orgId, year, fixedDay: org.fixedDay, canManage: can(actor, 'activity.manage', org.path), months };
}
