import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Venue, VenueCreate, VenueUpdate } from '../../../common/schemas/venue';
import { api } from '../../api';
import { keys } from '../../query-keys';

/** The org's own venues and those its ancestors set up (a township's square serves its villages). */
export function useVenues(orgId: number | undefined) {
  return useQuery({
    queryKey: keys.venuesOf(orgId ?? 0),
    queryFn: () => api.get<{ items: Venue[] }>(`/orgs/${orgId}/venues`).then((reply) => reply.items),
    enabled: orgId !== undefined,
    staleTime: 60_000,
  });
}

function useVenueMutation<Input, Result>(mutationFn: (input: Input) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.venues }),
  });
}

export function useCreateVenue(orgId: number) {
  return useVenueMutation((body: VenueCreate) => api.post<Venue>(`/orgs/${orgId}/venues`, body));
}

export function useUpdateVenue() {
  return useVenueMutation(({ id, body }: { id: number; body: VenueUpdate }) =>
    api.patch<Venue>(`/venues/${id}`, body),
  );
}

export function useDeleteVenue() {
  return useVenueMutation((id: number) => api.delete<{ ok: true }>(`/venues/${id}`));
}
