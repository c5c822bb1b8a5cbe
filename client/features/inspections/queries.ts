import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Inspection,
  InspectionInput,
  Rectification,
  SpotCheck,
} from '../../../common/schemas/inspection';
import { api } from '../../api';
import { refreshOversightViews } from '../../components/refresh-oversight';
import { keys } from '../../query-keys';

export type RectificationFilter = 'open' | 'overdue' | 'answered' | 'closed' | 'all';

/** Inspections of the org and everything below it. */
export function useInspections(orgId: number | undefined, from: string, to: string) {
  return useQuery({
    queryKey: keys.inspectionsIn(orgId ?? 0, from, to),
    queryFn: () => api.get<Inspection[]>(`/orgs/${orgId}/inspections`, { from, to }),
    enabled: orgId !== undefined,
  });
}

export function useInspection(id: number | undefined) {
  return useQuery({
    queryKey: keys.inspection(id ?? 0),
    queryFn: () => api.get<Inspection>(`/inspections/${id}`),
    enabled: id !== undefined,
  });
}

export function useRectifications(orgId: number | undefined, status: RectificationFilter) {
  return useQuery({
    queryKey: keys.rectifications(orgId ?? 0, status),
    queryFn: () => api.get<Rectification[]>(`/orgs/${orgId}/rectifications`, { status }),
    enabled: orgId !== undefined,
  });
}

function useOversightMutation<Input, Result>(mutationFn: (input: Input) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => refreshOversightViews(queryClient) });
}

export function useCreateInspection() {
  return useOversightMutation((body: InspectionInput) => api.post<Inspection>('/inspections', body));
}

export function useAnswerRectification() {
  return useOversightMutation(({ id, answer }: { id: number; answer: string }) =>
    api.post<Rectification>(`/rectifications/${id}/answer`, { answer }),
  );
}

export function useCloseRectification() {
  return useOversightMutation((id: number) => api.post<Rectification>(`/rectifications/${id}/close`));
}

/** A new random draw each time: not cached. */
export function useSpotCheck(activityId: number) {
  return useMutation({
    mutationFn: (count: number) => api.get<SpotCheck>(`/activities/${activityId}/spot-check`, { count }),
  });
}
