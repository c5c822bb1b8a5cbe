import type { CheckInRequest } from '../../../common/schemas/attendance';
import { ApiError } from '../../api';
import { useCheckIn } from '../attendance/queries';

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
 * request without it, and the server's answer is shown as it is.
 */
export function useCheckInWithPosition() {
  const checkIn = useCheckIn();
  const run = async (request: CheckInRequest) => {
    const position = (await alreadyAllowed()) ? await currentPosition(3_000) : undefined;
    try {
      return await checkIn.mutateAsync({ ...request, ...position });
    } catch (error) {
      if (position || !needsPosition(error)) throw error;
      const asked = await currentPosition(10_000);
      if (!asked) throw error;
      return await checkIn.mutateAsync({ ...request, ...asked });
    }
  };
  return { run, isPending: checkIn.isPending };
}
