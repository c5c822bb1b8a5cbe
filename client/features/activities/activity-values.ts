import type { Dayjs } from 'dayjs';
import type { ActivityKind, ActivityType, Theme } from '../../../common/enums';
import type { Activity, ActivityCreate, ActivityUpdate } from '../../../common/schemas/activity';
import type { CalendarMonth } from '../../../common/schemas/calendar';
import { toInstant, toWallClock, wallClockOn } from '../../components/china-time';

/** The activity form's values: times as China wall clock in the pickers. */
export interface ActivityValues {
  type: ActivityType;
  title: string;
  theme?: Theme | null;
  kinds: ActivityKind[];
  startsAt?: Dayjs;
  endsAt?: Dayjs;
  venueId?: number | null;
  content?: string;
  responsibleMemberId?: number | null;
  massesInvited: boolean;
  shortReason?: string;
  reason?: string;
}

export type ActivityDraft = Partial<ActivityValues> & { planEntryId?: number };

/** The themed party day of a planned month, on its fixed date from 09:00 to 13:00. */
export function draftFromPlan(month: CalendarMonth): ActivityDraft {
  const { plan } = month;
  return {
    type: 'themed_party_day',
    planEntryId: plan?.id,
    theme: plan?.theme,
    title: plan?.title,
    kinds: plan?.kinds ?? [],
    venueId: plan?.venueId ?? undefined,
    startsAt: wallClockOn(month.fixedDate, 9),
    endsAt: wallClockOn(month.fixedDate, 13),
    massesInvited: false,
  };
}

export function valuesOf(activity: Activity): ActivityValues {
  return {
    type: activity.type,
    title: activity.title,
    theme: activity.theme,
    kinds: activity.kinds,
    startsAt: toWallClock(activity.startsAt),
    endsAt: toWallClock(activity.endsAt),
    venueId: activity.venue?.id ?? null,
    content: activity.content ?? undefined,
    responsibleMemberId: activity.responsibleMemberId,
    massesInvited: activity.massesInvited,
    shortReason: activity.shortReason ?? undefined,
  };
}

type Fields = Omit<ActivityCreate, 'orgId' | 'planEntryId'>;

export function fieldsOf(values: ActivityValues): Fields {
  return {
    type: values.type,
    title: values.title,
    theme: values.theme ?? null,
    kinds: values.kinds,
    startsAt: values.startsAt ? toInstant(values.startsAt) : '',
    endsAt: values.endsAt ? toInstant(values.endsAt) : '',
    venueId: values.venueId ?? null,
    content: values.content?.trim() || null,
    responsibleMemberId: values.responsibleMemberId ?? null,
    massesInvited: values.massesInvited,
    shortReason: values.shortReason?.trim() || null,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Only what changed is sent, so that the server asks for a reason only when time or venue moved. */
export function changesOf(activity: Activity, values: ActivityValues): ActivityUpdate {
  const before = fieldsOf(valuesOf(activity));
  const after = fieldsOf(values);
  const changed = Object.fromEntries(
    Object.entries(after).filter(([key, value]) => !same(value, before[key as keyof Fields])),
  ) as ActivityUpdate;
  const reason = values.reason?.trim();
  return reason ? { ...changed, reason } : changed;
}

/** Whether the change is one the members are told about with its reason. */
export function movesTimeOrVenue(activity: Activity, values: ActivityValues): boolean {
  const changes = changesOf(activity, values);
  return 'startsAt' in changes || 'endsAt' in changes || 'venueId' in changes;
}
