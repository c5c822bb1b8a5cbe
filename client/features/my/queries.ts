import { useQuery } from '@tanstack/react-query';
import type { MyActivities } from '../../../common/schemas/notice';
import { api } from '../../api';
import { keys } from '../../query-keys';

export function useMyActivities() {
  return useQuery({ queryKey: keys.myActivities, queryFn: () => api.get<MyActivities>('/me/activities') });
}
