import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { GroupCreate, GroupUpdate, PartyGroup } from '../../../common/schemas/group';
import type {
  GroupSystemsInput,
  GroupSystemsKept,
  GroupSystemsSetting,
  GroupSystemsSummary,
} from '../../../common/schemas/group-system';
import { api } from '../../api';
import { keys } from '../../query-keys';

export function useGroups(orgId: number) {
  return useQuery({
    queryKey: keys.groupsOf(orgId),
    queryFn: () => api.get<{ items: PartyGroup[] }>(`/orgs/${orgId}/groups`),
  });
}

/** A group change moves members in and out of groups and changes the branch's group count. */
function useGroupMutation<Input, Result>(orgId: number, mutationFn: (input: Input) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.groupsOf(orgId) }),
        queryClient.invalidateQueries({ queryKey: keys.org(orgId) }),
        queryClient.invalidateQueries({ queryKey: keys.members }),
      ]),
  });
}

export function useSaveGroup(orgId: number, groupId: number | undefined) {
  return useGroupMutation(orgId, (body: GroupCreate | GroupUpdate) =>
    groupId === undefined
      ? api.post<PartyGroup>(`/orgs/${orgId}/groups`, body)
      : api.patch<PartyGroup>(`/groups/${groupId}`, body),
  );
}

export function useDeleteGroup(orgId: number) {
  return useGroupMutation(orgId, (groupId: number) => api.delete<{ ok: true }>(`/groups/${groupId}`));
}

export function useGroupSystems(orgId: number) {
  return useQuery({
    queryKey: keys.groupSystemsOf(orgId),
    queryFn: () => api.get<GroupSystemsSetting>(`/orgs/${orgId}/group-systems`),
  });
}

export function useGroupSystemsKept(orgId: number, year: number) {
  return useQuery({
    queryKey: keys.groupSystemsKept(orgId, year),
    queryFn: () => api.get<GroupSystemsKept>(`/orgs/${orgId}/group-systems/kept`, { year }),
  });
}

/** New frequencies judge every group again: the kept records follow the setting. */
export function useSaveGroupSystems(orgId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: GroupSystemsInput) =>
      api.put<GroupSystemsSetting>(`/orgs/${orgId}/group-systems`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.groupSystemsOf(orgId) }),
  });
}

export function useGroupSystemsSummary(orgId: number, from: string, to: string) {
  return useQuery({
    queryKey: keys.groupSystemsSummary(orgId, from, to),
    queryFn: () => api.get<GroupSystemsSummary>(`/orgs/${orgId}/group-systems/summary`, { from, to }),
  });
}
