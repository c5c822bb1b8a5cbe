import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  RosterImportFailure,
  type RosterImportResult,
  type RosterProblem,
} from '../../../common/schemas/roster';
import { ApiError, api, apiUrl } from '../../api';
import { keys } from '../../query-keys';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const templateUrl = apiUrl('/roster/template.xlsx');
/** Masked, or with full phones and ID numbers for a reason the audit log keeps. */
export const exportUrl = (orgId: number, fullFor?: string) =>
  apiUrl(`/orgs/${orgId}/members.xlsx`, fullFor ? { full: 'true', reason: fullFor } : {});

/** The rows the server refused (422 roster_invalid carries them beside the error). */
export function rosterProblems(error: unknown): RosterProblem[] {
  if (!(error instanceof ApiError)) return [];
  const parsed = RosterImportFailure.safeParse(error.body);
  return parsed.success ? parsed.data.problems : [];
}

export function useImportRoster(orgId: number | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: Blob) =>
      api.upload<RosterImportResult>(`/orgs/${orgId}/members/import`, file, XLSX_TYPE),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.members }),
        queryClient.invalidateQueries({ queryKey: keys.orgs }),
        queryClient.invalidateQueries({ queryKey: keys.groups }),
      ]),
  });
}
