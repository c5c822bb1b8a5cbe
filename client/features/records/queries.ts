import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ActivityRecords, MinutesInput } from '../../../common/schemas/record';
import { api } from '../../api';
import { keys } from '../../query-keys';

export function useRecords(activityId: number) {
  return useQuery({
    queryKey: keys.records(activityId),
    queryFn: () => api.get<ActivityRecords>(`/activities/${activityId}/records`),
  });
}

/** Every records call answers with the whole records; completeness shows on the activity and ledger. */
function useRecordsMutation<Input>(
  activityId: number,
  mutationFn: (input: Input) => Promise<ActivityRecords>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (records) => {
      queryClient.setQueryData(keys.records(activityId), records);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.activity(activityId) }),
        queryClient.invalidateQueries({ queryKey: keys.activityHistory(activityId) }),
        queryClient.invalidateQueries({ queryKey: keys.ledger }),
        queryClient.invalidateQueries({ queryKey: keys.calendar }),
      ]);
    },
  });
}

export function useSaveMinutes(activityId: number) {
  return useRecordsMutation(activityId, (body: MinutesInput) =>
    api.put<ActivityRecords>(`/activities/${activityId}/minutes`, body),
  );
}

export function useUploadFiles(activityId: number) {
  return useRecordsMutation(activityId, ({ files, reason }: { files: File[]; reason?: string }) => {
    const form = new FormData();
    for (const file of files) form.append('files', file, file.name);
    return api.postForm<ActivityRecords>(`/activities/${activityId}/files`, form, { reason });
  });
}

export function useDeleteFile(activityId: number) {
  return useRecordsMutation(activityId, ({ id, reason }: { id: number; reason?: string }) =>
    api.delete<ActivityRecords>(`/files/${id}`, { reason }),
  );
}
