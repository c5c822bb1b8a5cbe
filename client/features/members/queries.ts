import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Account, MemberAccountCreate } from '../../../common/schemas/account';
import type {
  MemberCreate,
  MemberDetail,
  MemberListQuery,
  MemberPage,
  MemberTransfer,
  MemberUpdate,
  Revealed,
  RevealRequest,
  StatusChange,
} from '../../../common/schemas/member';
import { api } from '../../api';
import { keys } from '../../query-keys';

export function useMemberPage(query: Partial<MemberListQuery>) {
  return useQuery({
    queryKey: keys.memberPage(query),
    queryFn: () => api.get<MemberPage>('/members', query),
    // Keep the current page on screen while the next one loads, instead of flashing an empty table.
    placeholderData: keepPreviousData,
  });
}

export function useMember(id: number | undefined) {
  return useQuery({
    queryKey: keys.member(id ?? 0),
    queryFn: () => api.get<MemberDetail>(`/members/${id}`),
    enabled: id !== undefined,
  });
}

/** A member change can move them between lists, groups and orgs (counts), so all of those refetch. */
function useMemberMutation<Input, Result>(mutationFn: (input: Input) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.members }),
        queryClient.invalidateQueries({ queryKey: keys.orgs }),
        queryClient.invalidateQueries({ queryKey: keys.groups }),
      ]),
  });
}

export function useCreateMember() {
  return useMemberMutation((body: MemberCreate) => api.post<MemberDetail>('/members', body));
}

export function useUpdateMember(id: number) {
  return useMemberMutation((body: MemberUpdate) => api.patch<MemberDetail>(`/members/${id}`, body));
}

/** The full numbers for a reason; nothing cached changes (the audit log has a new row). */
export function useRevealMember(id: number) {
  return useMutation({
    mutationFn: (body: RevealRequest) => api.post<Revealed>(`/members/${id}/reveal`, body),
  });
}

export function useChangeStatus(id: number) {
  return useMemberMutation((body: StatusChange) => api.post<MemberDetail>(`/members/${id}/status`, body));
}

export function useTransferMember(id: number) {
  return useMemberMutation((body: MemberTransfer) => api.post<MemberDetail>(`/members/${id}/transfer`, body));
}

export function useCreateMemberAccount(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MemberAccountCreate) => api.post<Account>(`/members/${id}/account`, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.member(id) }),
        queryClient.invalidateQueries({ queryKey: keys.accounts }),
      ]),
  });
}
