import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Account, AccountCreate, RoleGrant } from '../../../common/schemas/account';
import { api } from '../../api';
import { keys } from '../../query-keys';

export function useAccounts(orgId: number | undefined) {
  return useQuery({
    queryKey: keys.accountsOf(orgId),
    queryFn: () => api.get<{ items: Account[] }>('/accounts', { orgId }),
    placeholderData: keepPreviousData,
  });
}

function useAccountMutation<Input, Result>(mutationFn: (input: Input) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.accounts }),
  });
}

export function useCreateAccount() {
  return useAccountMutation((body: AccountCreate) => api.post<Account>('/accounts', body));
}

export function useGrantRole(accountId: number) {
  return useAccountMutation((body: RoleGrant) => api.post<Account>(`/accounts/${accountId}/roles`, body));
}

export function useRevokeRole() {
  return useAccountMutation(({ accountId, bindingId }: { accountId: number; bindingId: number }) =>
    api.delete<unknown>(`/accounts/${accountId}/roles/${bindingId}`),
  );
}
