import type { CheckInRequest, CheckInResult } from '../../../common/schemas/attendance';
import { ApiError } from '../../api';
import { useCheckIn } from '../attendance/queries';
import { useSignedIn } from '../auth/me-context';
import { isUnreachable, type QueuedCheckIn, queue } from './offline-queue';

export type Outcome = { result: CheckInResult } | { error: unknown } | { queued: QueuedCheckIn };

type Position = { lat: number; lng: number };

function currentPosition(timeout: number): Promise<Position | undefined> {
  if (!navigator.geolocation) return Promise.resolve(undefined);
  return new Promise((resolve) =>
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => resolve({ lat: coords.latitude, lng: coords.longitude }),
      () => resolve(undefined),
      { timeout, maximumAge: 60_000 },
    ),
  );
}

async function alreadyAllowed(): Promise<boolean> {
  try {
    return (await navigator.permissions.query({ name: 'geolocation' })).state === 'granted';
  } catch {
    return false;
  }
}

/** The server wants to know where the member is: the venue has a check-in area. */
function needsPosition(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.field === 'lat' || error.field === 'lng' || /position|location|geo|far|distance/i.test(error.code))
  );
}

/**
 * Check-in never waits on the position: it is sent when the browser already allows it, and asked
 * for only when the server answers that this venue needs it. A refusal or a timeout sends the
 * request without it, and the server's answer is shown as it is. Without a network the check-in
 * is kept on the phone with the instant it was made, and sent when the network returns.
 */
export function useCheckInWithPosition() {
  const checkIn = useCheckIn();
  const userId = useSignedIn().user.id;
  const run = async (request: CheckInRequest, activityTitle: string | null): Promise<Outcome> => {
    const scannedAt = new Date();
    const attempt = async (body: CheckInRequest): Promise<Outcome> => {
      try {
        return { result: await checkIn.mutateAsync(body) };
      } catch (error) {
        return isUnreachable(error)
          ? { queued: queue.add(userId, body, activityTitle, scannedAt) }
          : { error };
      }
    };
    const position = (await alreadyAllowed()) ? await currentPosition(3_000) : undefined;
    const first = await attempt({ ...request, ...position });
    if (!('error' in first) || position || !needsPosition(first.error)) return first;
    const asked = await currentPosition(10_000);
    return asked ? attempt({ ...request, ...asked }) : first;
  };
  return { run, isPending: checkIn.isPending };
}
