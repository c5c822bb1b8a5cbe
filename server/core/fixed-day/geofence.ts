/** Metres between two WGS-84 points (haversine). */
export function distanceM(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

export type Venue = {
  lat: number | null;
  lng: number | null;
  radiusM: number | null;
  strict: boolean | null;
};
export type Position = { lat: number | null; lng: number | null };

/** What the venue's geofence says of a check-in sent from `position`. */
export type Fence =
  | { ok: true; noPosition: boolean }
  | { ok: false; reason: 'no_position' }
  | { ok: false; reason: 'too_far'; distance: number; radius: number };

/**
 * The venue's geofence, decided once: no fence passes; a position must be within the radius;
 * no position passes (and is marked) unless the venue is strict.
 */
export function judgePosition(venue: Venue, position: Position): Fence {
  if (venue.lat === null || venue.lng === null || venue.radiusM === null)
    return { ok: true, noPosition: false };
  if (position.lat === null || position.lng === null)
    return venue.strict ? { ok: false, reason: 'no_position' } : { ok: true, noPosition: true };
  const distance = Math.round(
    distanceM({ lat: venue.lat, lng: venue.lng }, { lat: position.lat, lng: position.lng }),
  );
  return distance <= venue.radiusM
    ? { ok: true, noPosition: false }
    : { ok: false, reason: 'too_far', distance, radius: venue.radiusM };
}
