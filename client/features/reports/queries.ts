import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AnnualReport, ReportInput, ReportSummary } from '../../../common/schemas/report';
import { api, apiUrl } from '../../api';
import { keys } from '../../query-keys';

/** The saved report, or Vanguard's fresh draft from the year's records (`fresh`). */
export function useReport(orgId: number | undefined, year: number) {
  return useQuery({
    queryKey: keys.reportOf(orgId ?? 0, year),
    queryFn: () => api.get<AnnualReport>(`/orgs/${orgId}/reports/${year}`),
    enabled: orgId !== undefined,
    // The text being edited must not be replaced by a refetch behind the secretary's back.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

function useReportMutation<Input>(
  orgId: number,
  year: number,
  mutationFn: (input: Input) => Promise<AnnualReport>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (report) => {
      queryClient.setQueryData(keys.reportOf(orgId, year), report);
      return queryClient.invalidateQueries({ queryKey: [...keys.reports, 'list'] });
    },
  });
}

export function useSaveReport(orgId: number, year: number) {
  return useReportMutation(orgId, year, (body: ReportInput) =>
    api.put<AnnualReport>(`/orgs/${orgId}/reports/${year}`, body),
  );
}

/** Saves what is on screen, then submits it: what was read is what goes up. */
export function useSubmitReport(orgId: number, year: number) {
  return useReportMutation(orgId, year, async (body: ReportInput) => {
    await api.put<AnnualReport>(`/orgs/${orgId}/reports/${year}`, body);
    return api.post<AnnualReport>(`/orgs/${orgId}/reports/${year}/submit`);
  });
}

/** A new draft from the data; nothing is saved until the secretary saves it. */
export function useRedraft(orgId: number, year: number) {
  return useMutation({ mutationFn: () => api.post<AnnualReport>(`/orgs/${orgId}/reports/${year}/redraft`) });
}

export function reportFileUrl(orgId: number, year: number, format: 'pdf' | 'docx'): string {
  return apiUrl(`/orgs/${orgId}/reports/${year}/report.${format}`);
}

/** The reports of the branches under a supervisor's org. */
export function useReportSummaries(orgId: number | undefined, year: number) {
  return useQuery({
    queryKey: keys.reportsUnder(orgId ?? 0, year),
    queryFn: () => api.get<ReportSummary[]>(`/orgs/${orgId}/reports`, { year }),
    enabled: orgId !== undefined,
  });
}
