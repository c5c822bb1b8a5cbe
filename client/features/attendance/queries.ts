import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AttendanceList,
  CheckInCode,
  CheckInRequest,
  CheckInResult,
  Guest,
  GuestInput,
  LeaveRequest,
  ManualAttendance,
} from '../../../common/schemas/attendance';
import { api } from '../../api';
import { keys } from '../../query-keys';
import { refreshActivityViews } from '../activities/queries';

export function useAttendance(activityId: number, refetchInterval: number | false) {
  return useQuery({
    queryKey: keys.attendance(activityId),
    queryFn: () => api.get<AttendanceList>(`/activities/${activityId}/attendance`),
    refetchInterval,
  });
}

/** The code rotates every 30 s; asking every few seconds keeps the screen no more than a moment behind. */
export function useCheckInCode(activityId: number) {
  return useQuery({
    queryKey: keys.checkInCode(activityId),
    queryFn: () => api.get<CheckInCode>(`/activities/${activityId}/check-in-code`),
    refetchInterval: 5_000,
    refetchIntervalInBackground: true,
    retry: false,
  });
}

function useAttendanceMutation<Input, Result>(mutationFn: (input: Input) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => refreshActivityViews(queryClient) });
}

export function useCheckIn() {
  return useAttendanceMutation((body: CheckInRequest) => api.post<CheckInResult>('/check-in', body));
}

export function useMarkAttendance(activityId: number) {
  return useAttendanceMutation(({ memberId, body }: { memberId: number; body: ManualAttendance }) =>
    api.put<unknown>(`/activities/${activityId}/attendance/${memberId}`, body),
  );
}

export function useRequestLeave(activityId: number) {
  return useAttendanceMutation((reason: string) =>
    api.post<LeaveRequest>(`/activities/${activityId}/leave`, { reason }),
  );
}

export function useDecideLeave() {
  return useAttendanceMutation(({ id, approve }: { id: number; approve: boolean }) =>
    api.post<LeaveRequest>(`/leave/${id}/decision`, { approve }),
  );
}

export function useAddGuest(activityId: number) {
  return useAttendanceMutation((body: GuestInput) =>
    api.post<Guest>(`/activities/${activityId}/guests`, body),
  );
}

export function useRemoveGuest() {
  return useAttendanceMutation((id: number) => api.delete<{ ok: true }>(`/guests/${id}`));
}
