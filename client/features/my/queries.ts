import { useQuery } from '@tanstack/react-query';
import type { MyActivities } from '../../../common/schemas/notice';
import { api } from '../../api';
import { keys } from '../../query-keys';

/** Also asked at start on the member's pages (`main.tsx`), beside who is signed in. */
export const myActivitiesQuery = {
  queryKey: keys.myActivities,
  queryFn: () => api.get<MyActivities>('/me/activities'),
};

export function useMyActivities() {
  return useQuery(myActivitiesQuery);
}
