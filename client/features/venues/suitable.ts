import { type ActivityKind, VENUE_TYPES_FOR_KIND, type VenueType } from '../../../common/enums';
import type { Venue } from '../../../common/schemas/venue';

/** The venue types that suit any of the chosen kinds (seed 004: each kind has its place). */
export function suitableTypes(kinds: readonly ActivityKind[]): Set<VenueType> {
  return new Set(kinds.flatMap((kind) => VENUE_TYPES_FOR_KIND[kind]));
}

/** Suitable venues first, the rest after: a choice is offered, never forced. */
export function splitBySuitability(venues: readonly Venue[], kinds: readonly ActivityKind[]) {
  const types = suitableTypes(kinds);
  return {
    suitable: venues.filter((venue) => types.has(venue.type)),
    others: venues.filter((venue) => !types.has(venue.type)),
  };
}
