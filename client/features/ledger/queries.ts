import { useQuery } from '@tanstack/react-query';
import type { Ledger, LedgerVerification } from '../../../common/schemas/ledger';
import { api } from '../../api';
import { keys } from '../../query-keys';

export function useLedger(orgId: number | undefined, year: number) {
  return useQuery({
    queryKey: keys.ledgerOf(orgId ?? 0, year),
    queryFn: () => api.get<Ledger>(`/orgs/${orgId}/ledger`, { year }),
    enabled: orgId !== undefined,
  });
}

export function useLedgerVerification(orgId: number | undefined) {
  return useQuery({
    queryKey: keys.ledgerVerification(orgId ?? 0),
    queryFn: () => api.get<LedgerVerification>(`/orgs/${orgId}/ledger/verify`),
    enabled: orgId !== undefined,
  });
}
