import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  MemberReport,
  MemberReportInput,
  MemberReportList,
} from '../../../common/schemas/member-report';
import { api } from '../../api';
import { keys } from '../../query-keys';

export function useMyReports() {
  return useQuery({ queryKey: keys.myReports, queryFn: () => api.get<MemberReportList>('/me/reports') });
}

export function useWriteReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: MemberReportInput) => api.post<MemberReport>('/me/reports', input),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.myReports }),
  });
}

/** The reports of a group still waiting for their reply, for its leader. */
export function useGroupReports(groupId: number, enabled: boolean) {
  return useQuery({
    queryKey: keys.groupReports(groupId),
    queryFn: () => api.get<MemberReportList>(`/groups/${groupId}/member-reports`, { status: 'waiting' }),
    enabled,
  });
}

export function useReplyToReport(groupId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reply }: { id: number; reply: string }) =>
      api.post<MemberReport>(`/member-reports/${id}/reply`, { reply }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.groupReports(groupId) }),
  });
}
