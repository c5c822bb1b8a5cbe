import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Alert, AlertList } from '../../../common/schemas/alert';
import { api } from '../../api';
import { keys } from '../../query-keys';

/** Alerts are raised by the scheduled jobs; a few minutes' delay in the badge is fine. */
export function useAlerts(status: 'open' | 'all', enabled = true) {
  return useQuery({
    queryKey: keys.alertsOf(status),
    queryFn: () => api.get<AlertList>('/alerts', { status }),
    refetchInterval: 120_000,
    enabled,
  });
}

export function useAcknowledgeAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<Alert>(`/alerts/${id}/ack`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.alerts }),
  });
}
