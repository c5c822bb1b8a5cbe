import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BranchChecklist,
  Checklist,
  ChecklistInput,
  ChecklistScoreInput,
  SelfAssessmentInput,
} from '../../../common/schemas/checklist';
import { api } from '../../api';
import { keys } from '../../query-keys';

/** The checklist that applies at the org for the year: its own, or the nearest supervisor's. */
export function useChecklist(orgId: number | undefined, year: number) {
  return useQuery({
    queryKey: keys.checklistOf(orgId ?? 0, year),
    queryFn: () => api.get<Checklist>(`/orgs/${orgId}/checklist/${year}`),
    enabled: orgId !== undefined,
  });
}

export function useSaveChecklist(orgId: number, year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChecklistInput) => api.put<Checklist>(`/orgs/${orgId}/checklist/${year}`, body),
    // Every branch below answers the new items.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.checklists }),
  });
}

export function useBranchChecklist(branchId: number | undefined, year: number) {
  return useQuery({
    queryKey: keys.branchChecklist(branchId ?? 0, year),
    queryFn: () => api.get<BranchChecklist>(`/orgs/${branchId}/checklist/${year}/answers`),
    enabled: branchId !== undefined,
  });
}

function useAnswerMutation<Input>(branchId: number, year: number, part: 'self' | 'score') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, body }: { itemId: number; body: Input }) =>
      api.put<BranchChecklist>(`/orgs/${branchId}/checklist/${year}/items/${itemId}/${part}`, body),
    onSuccess: (checklist) => queryClient.setQueryData(keys.branchChecklist(branchId, year), checklist),
  });
}

export function useSelfAssess(branchId: number, year: number) {
  return useAnswerMutation<SelfAssessmentInput>(branchId, year, 'self');
}

export function useScoreItem(branchId: number, year: number) {
  return useAnswerMutation<ChecklistScoreInput>(branchId, year, 'score');
}
