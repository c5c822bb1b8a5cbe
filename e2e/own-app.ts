import { afterAll, inject } from 'vitest';
import { testClock } from '../server/test/test-clock';
import { serveClone } from './serve-clone';

/**
 * An app of the spec's own, on a fresh clone of the demo county, with a clock the spec sets: for
 * a journey that needs the date to be one it chooses (a month before a fixed day, the fixed day
 * itself, the hour after the activity). Pages opened on it follow the same clock.
 */
export async function ownApp() {
  const clock = testClock();
  const { baseURL, db, close } = await serveClone(inject('testServer'), clock);
  afterAll(close);
  return { baseURL, clock, db };
}

export type OwnApp = Awaited<ReturnType<typeof ownApp>>;
