import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CalendarFeeds, Inbox, Webhook, WebhookInput } from '../../../common/schemas/notice';
import { api } from '../../api';
import { keys } from '../../query-keys';

/** New notices arrive when a secretary schedules; a minute's delay is fine for that. */
export function useInbox() {
  return useQuery({
    queryKey: keys.inbox,
    queryFn: () => api.get<Inbox>('/me/inbox'),
    refetchInterval: 60_000,
  });
}

function useInboxMutation<Input>(mutationFn: (input: Input) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    // The activity page counts notices read.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.inbox }),
        queryClient.invalidateQueries({ queryKey: keys.activities }),
      ]),
  });
}

export function useMarkRead() {
  return useInboxMutation((id: number) => api.post<{ ok: true }>(`/me/inbox/${id}/read`));
}

export function useMarkAllRead() {
  return useInboxMutation(() => api.post<{ ok: true }>('/me/inbox/read-all'));
}

export function useWebhook(orgId: number | undefined) {
  return useQuery({
    queryKey: keys.webhook(orgId ?? 0),
    queryFn: () => api.get<Webhook | null>(`/orgs/${orgId}/webhook`),
    enabled: orgId !== undefined,
  });
}

export function useSaveWebhook(orgId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WebhookInput) => api.put<Webhook>(`/orgs/${orgId}/webhook`, body),
    onSuccess: (webhook) => queryClient.setQueryData(keys.webhook(orgId), webhook),
  });
}

export function useCalendarFeeds(orgId: number | undefined) {
  return useQuery({
    queryKey: keys.calendarFeeds(orgId ?? 0),
    queryFn: () => api.get<CalendarFeeds>('/me/calendar-feeds', { orgId }),
  });
}
