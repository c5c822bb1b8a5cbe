import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { GroupActivity, GroupActivityInput, MyGroup } from '../../../common/schemas/group';
import { api } from '../../api';
import { keys } from '../../query-keys';

export function useMyGroups() {
  return useQuery({
    queryKey: keys.myGroups,
    queryFn: async () => (await api.get<{ items: MyGroup[] }>('/me/groups')).items,
  });
}

/** One request: the meeting as JSON in `body`, the photo beside it, so nothing arrives half. */
export function useRecordGroupActivity(groupId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ input, photo }: { input: GroupActivityInput; photo: File | null }) => {
      const form = new FormData();
      form.append('body', JSON.stringify(input));
      if (photo) form.append('files', photo, photo.name);
      return api.postForm<GroupActivity>(`/groups/${groupId}/activities`, form);
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: keys.myGroups });
      void client.invalidateQueries({ queryKey: keys.myActivities });
    },
  });
}

/** The leader has seen to a slipped system: acknowledged for the secretary too. */
export function useAcknowledgeGroupAlert() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post(`/alerts/${id}/ack`),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.myGroups }),
  });
}
