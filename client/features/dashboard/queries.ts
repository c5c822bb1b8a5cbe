import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { OrgStats } from '../../../common/schemas/stats';
import { api, apiUrl } from '../../api';
import { keys } from '../../query-keys';

export function useOrgStats(orgId: number | undefined, from: string, to: string) {
  return useQuery({
    queryKey: keys.statsOf(orgId ?? 0, from, to),
    queryFn: () => api.get<OrgStats>(`/orgs/${orgId}/stats`, { from, to }),
    enabled: orgId !== undefined,
    // While the next org or period loads, the current figures stay on screen instead of a blank page.
    placeholderData: keepPreviousData,
  });
}

export function statsXlsxUrl(orgId: number, from: string, to: string): string {
  return apiUrl(`/orgs/${orgId}/stats.xlsx`, { from, to });
}
