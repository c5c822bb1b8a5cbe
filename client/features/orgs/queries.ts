import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Org, OrgCreate, OrgMove, OrgTree, OrgUpdate } from '../../../common/schemas/org';
import { api } from '../../api';
import { keys } from '../../query-keys';

export function useOrgTree() {
  return useQuery({
    queryKey: keys.orgTree,
    queryFn: () => api.get<OrgTree>('/orgs/tree'),
    staleTime: 60_000,
  });
}

export function useOrg(id: number | undefined) {
  return useQuery({
    queryKey: keys.org(id ?? 0),
    queryFn: () => api.get<Org>(`/orgs/${id}`),
    enabled: id !== undefined,
  });
}

/** Any change to one org can change its parent's counts and the tree, so all org data is refetched. */
function useOrgMutation<Input, Result>(mutationFn: (input: Input) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.orgs }),
  });
}

export function useCreateOrg() {
  return useOrgMutation((body: OrgCreate) => api.post<Org>('/orgs', body));
}

export function useUpdateOrg(id: number) {
  return useOrgMutation((body: OrgUpdate) => api.patch<Org>(`/orgs/${id}`, body));
}

export function useMoveOrg(id: number) {
  return useOrgMutation((body: OrgMove) => api.post<Org>(`/orgs/${id}/move`, body));
}

export function useDissolveOrg(id: number) {
  return useOrgMutation(() => api.delete<{ ok: true }>(`/orgs/${id}`));
}
