import type { QueryClient } from '@tanstack/react-query';
import { keys } from '../query-keys';

/**
 * What an inspection, a rectification, a scheme or an exemption can change: the dashboard's
 * figures, the ranking's scores, the checklists' automatic items, the alerts and the reports' drafts.
 */
export function refreshOversightViews(queryClient: QueryClient) {
  return Promise.all(
    [keys.stats, keys.inspections, keys.rankings, keys.checklists, keys.alerts, keys.reports].map(
      (queryKey) => queryClient.invalidateQueries({ queryKey }),
    ),
  );
}
