import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditPage, AuditQuery } from '../../../common/schemas/audit';
import { api } from '../../api';
import { keys } from '../../query-keys';

export function useAudit(query: Partial<AuditQuery>) {
  return useQuery({
    queryKey: keys.audit(query),
    queryFn: () => api.get<AuditPage>('/audit', query),
    placeholderData: keepPreviousData,
  });
}
