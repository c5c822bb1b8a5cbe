import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type CheckInWindowRules, isCheckInOpen } from '../../../common/check-in-window';
import type {
  Activity,
  ActivityChange,
  ActivityCreate,
  ActivitySummary,
  ActivityUpdate,
} from '../../../common/schemas/activity';
import { api } from '../../api';
import { keys } from '../../query-keys';
import { useSignedIn } from '../auth/me-context';

/** What an activity's change can show up in: its own page, the calendar, the ledger, members' pages. */
export function refreshActivityViews(queryClient: QueryClient) {
  return Promise.all(
    [keys.activities, keys.calendar, keys.ledger, keys.myActivities, keys.inbox].map((queryKey) =>
      queryClient.invalidateQueries({ queryKey }),
    ),
  );
}

export function useActivitiesIn(orgId: number | undefined, from: string, to: string) {
  return useQuery({
    queryKey: keys.activitiesIn(orgId ?? 0, from, to),
    queryFn: () =>
      api.get<{ items: ActivitySummary[] }>(`/orgs/${orgId}/activities`, { from, to }).then((r) => r.items),
    enabled: orgId !== undefined,
  });
}

/** While members are checking in, counts and completeness follow them every few seconds. */
export function useActivity(id: number | undefined) {
  const { rules } = useSignedIn();
  return useQuery({
    queryKey: keys.activity(id ?? 0),
    queryFn: () => api.get<Activity>(`/activities/${id}`),
    enabled: id !== undefined,
    refetchInterval: (query) => (query.state.data && isLive(query.state.data, rules) ? 5_000 : false),
  });
}

export function isLive(activity: Activity, rules: CheckInWindowRules, now = Date.now()): boolean {
  return activity.status === 'scheduled' && isCheckInOpen(activity.startsAt, activity.endsAt, rules, now);
}

export function useActivityHistory(id: number) {
  return useQuery({
    queryKey: keys.activityHistory(id),
    queryFn: () => api.get<{ items: ActivityChange[] }>(`/activities/${id}/history`).then((r) => r.items),
  });
}

function useActivityMutation<Input>(mutationFn: (input: Input) => Promise<Activity>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => refreshActivityViews(queryClient) });
}

export function useCreateActivity() {
  return useActivityMutation((body: ActivityCreate) => api.post<Activity>('/activities', body));
}

export function useUpdateActivity(id: number) {
  return useActivityMutation((body: ActivityUpdate) => api.patch<Activity>(`/activities/${id}`, body));
}

export function useCancelActivity(id: number) {
  return useActivityMutation((reason: string) => api.post<Activity>(`/activities/${id}/cancel`, { reason }));
}
