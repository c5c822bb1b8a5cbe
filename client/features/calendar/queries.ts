import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Calendar } from '../../../common/schemas/calendar';
import type {
  PlanEntry,
  PlanEntryInput,
  Recommendation,
  RecommendationInput,
} from '../../../common/schemas/plan';
import { api } from '../../api';
import { keys } from '../../query-keys';

export function useCalendar(orgId: number | undefined, year: number) {
  return useQuery({
    queryKey: keys.calendarOf(orgId ?? 0, year),
    queryFn: () => api.get<Calendar>(`/orgs/${orgId}/calendar`, { year }),
    enabled: orgId !== undefined,
  });
}

/** Themes recommended for the org's year by the org itself and every organization above it. */
export function useRecommendations(orgId: number | undefined, year: number) {
  return useQuery({
    queryKey: keys.recommendationsOf(orgId ?? 0, year),
    queryFn: () =>
      api.get<{ items: Recommendation[] }>(`/orgs/${orgId}/recommendations`, { year }).then((r) => r.items),
    enabled: orgId !== undefined,
    staleTime: 60_000,
  });
}

/** A plan shows in the calendar and in the ledger's materials. */
function usePlanMutation<Input, Result>(mutationFn: (input: Input) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.calendar }),
        queryClient.invalidateQueries({ queryKey: keys.ledger }),
      ]),
  });
}

const planPath = (orgId: number, year: number, month: number) => `/orgs/${orgId}/plans/${year}/${month}`;

export function useSavePlan(orgId: number, year: number, month: number) {
  return usePlanMutation((body: PlanEntryInput) => api.put<PlanEntry>(planPath(orgId, year, month), body));
}

export function useDeletePlan(orgId: number, year: number, month: number) {
  return usePlanMutation(() => api.delete<{ ok: true }>(planPath(orgId, year, month)));
}

export function useAdoptRecommendation(orgId: number, year: number) {
  return usePlanMutation(({ month, recommendationId }: { month: number; recommendationId: number }) =>
    api.post<PlanEntry>(`${planPath(orgId, year, month)}/adopt`, { recommendationId }),
  );
}

export function usePublishRecommendation(orgId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecommendationInput) =>
      api.post<Recommendation>(`/orgs/${orgId}/recommendations`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.recommendations }),
  });
}

export function useDeleteRecommendation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete<{ ok: true }>(`/recommendations/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.recommendations }),
  });
}
