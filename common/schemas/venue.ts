import { z } from 'zod';
import { VENUE_TYPES } from '../enums';
import { somethingToChange } from './common';

const VenueFields = {
  name: z.string().trim().min(1, 'errors.validation.required').max(100),
  type: z.enum(VENUE_TYPES),
  address: z.string().trim().max(200).nullable().optional(),
  /** WGS-84 coordinates; with a radius they let check-in require presence at the venue. */
  lat: z.number().min(-90).max(90).nullable().optional(),
  lng: z.number().min(-180).max(180).nullable().optional(),
  radiusM: z.number().int().min(20).max(5000).nullable().optional(),
  /** With a position and radius: a check-in that sends no position is refused, not just marked. */
  strict: z.boolean().optional(),
};

export const VenueCreate = z.object(VenueFields);
export type VenueCreate = z.infer<typeof VenueCreate>;
export const VenueUpdate = somethingToChange(z.object(VenueFields).partial());
export type VenueUpdate = z.infer<typeof VenueUpdate>;

export const Venue = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  name: z.string(),
  type: z.enum(VENUE_TYPES),
  address: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  radiusM: z.number().int().nullable(),
  strict: z.boolean(),
});
export type Venue = z.infer<typeof Venue>;
