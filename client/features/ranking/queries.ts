import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  PublishedRanking,
  PublishedRankingSummary,
  Ranking,
  ScoringScheme,
  ScoringSchemeInput,
} from '../../../common/schemas/ranking';
import { api, apiUrl } from '../../api';
import type { PeriodChoice } from '../../components/period';
import { refreshOversightViews } from '../../components/refresh-oversight';
import { keys } from '../../query-keys';

/** The live ranking of the branches below the org, scored now from the records. */
export function useRanking(orgId: number | undefined, { period, year, index }: PeriodChoice) {
  return useQuery({
    queryKey: keys.rankingOf(orgId ?? 0, period, year, index),
    queryFn: () => api.get<Ranking>(`/orgs/${orgId}/ranking`, { period, year, index }),
    enabled: orgId !== undefined,
  });
}

export function rankingXlsxUrl(orgId: number, { period, year, index }: PeriodChoice): string {
  return apiUrl(`/orgs/${orgId}/ranking.xlsx`, { period, year, index });
}

export function usePublishRanking(orgId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ period, year, index }: PeriodChoice) =>
      api.post<PublishedRanking>(`/orgs/${orgId}/rankings`, { period, year, index }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.rankings }),
  });
}

/** Rankings published at the org or above it: what a branch secretary sees of where they stand. */
export function usePublishedRankings(orgId: number | undefined) {
  return useQuery({
    queryKey: keys.publishedRankings(orgId ?? 0),
    queryFn: () => api.get<PublishedRankingSummary[]>(`/orgs/${orgId}/rankings`),
    enabled: orgId !== undefined,
  });
}

export function usePublishedRanking(id: number | undefined) {
  return useQuery({
    queryKey: keys.publishedRanking(id ?? 0),
    queryFn: () => api.get<PublishedRanking>(`/rankings/${id}`),
    enabled: id !== undefined,
  });
}

export function useScoringScheme(orgId: number | undefined, year: number) {
  return useQuery({
    queryKey: keys.scoringScheme(orgId ?? 0, year),
    queryFn: () => api.get<ScoringScheme>(`/orgs/${orgId}/scoring-scheme/${year}`),
    enabled: orgId !== undefined,
  });
}

export function useSaveScheme(orgId: number, year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ScoringSchemeInput) =>
      api.put<ScoringScheme>(`/orgs/${orgId}/scoring-scheme/${year}`, body),
    onSuccess: (scheme) => {
      queryClient.setQueryData(keys.scoringScheme(orgId, year), scheme);
      return refreshOversightViews(queryClient);
    },
  });
}
