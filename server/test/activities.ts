import { expect } from 'vitest';
import type { Clock } from '../core/clock';
import type { Client } from './harness';

/** A half-day party lecture `days` ahead of the clock, scheduled by `by` (a branch's secretary). */
export async function lectureAhead(by: Client, clock: Clock, orgId: number, days: number, title: string) {
  const start = clock.now().getTime() + days * 86_400_000;
  const res = await by.post('/api/v1/activities', {
    orgId,
    type: 'party_lecture',
    title,
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 4 * 3_600_000).toISOString(),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; title: string };
}
