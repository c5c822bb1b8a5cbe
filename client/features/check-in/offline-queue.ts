import type { CheckInRequest, CheckInResult } from '../../../common/schemas/attendance';
import { ApiError, api } from '../../api';

/**
 * Check-ins made without a network, kept on the phone until they can be sent. Each carries the
 * instant the member scanned (or typed the code): the server judges the window at that instant,
 * and the QR token (or code) proves it was current then. Sending twice is harmless — the server
 * keeps the first check-in and answers "already checked in".
 */
export type QueuedCheckIn = {
  id: string;
  /** Whose it is: sent only in that user's session, never under whoever signs in next. */
  userId: number;
  request: CheckInRequest;
  scannedAt: string;
  activityTitle: string | null;
  outcome?: { result: CheckInResult } | { refused: string };
};

const STORAGE_KEY = 'vanguard.checkInQueue';
const listeners = new Set<() => void>();
let snapshot: QueuedCheckIn[] = read();

function read(): QueuedCheckIn[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(parsed) ? (parsed as QueuedCheckIn[]) : [];
  } catch {
    return [];
  }
}

function write(items: QueuedCheckIn[]) {
  snapshot = items;
  localStorage.setItem(STORAGE_KEY, JSON.stringify(items));
  for (const listener of listeners) listener();
}

// Another tab of the same phone sent or queued one.
window.addEventListener('storage', (event) => {
  if (event.key !== STORAGE_KEY) return;
  snapshot = read();
  for (const listener of listeners) listener();
});

export const queue = {
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  items: () => snapshot,
  add(userId: number, request: CheckInRequest, activityTitle: string | null, scannedAt: Date): QueuedCheckIn {
    const item = {
      // Not crypto.randomUUID: it exists only in a secure context, and a LAN over HTTP is not one.
      id: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`,
      userId,
      request,
      scannedAt: scannedAt.toISOString(),
      activityTitle,
    };
    write([...snapshot, item]);
    return item;
  },
  /** The activity's name, learnt after the check-in was kept (the page's data came later). */
  name(id: string, activityTitle: string) {
    write(snapshot.map((item) => (item.id === id ? { ...item, activityTitle } : item)));
  },
  forget(id: string) {
    write(snapshot.filter((item) => item.id !== id));
  },
};

/** The network, not the server, failed: worth trying again later. */
export function isUnreachable(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 0 || [502, 503, 504].includes(error.status));
}

let flushing: Promise<number> | null = null;

async function sendWaiting(userId: number): Promise<number> {
  let answered = 0;
  for (const item of snapshot.filter((i) => !i.outcome && i.userId === userId)) {
    let outcome: QueuedCheckIn['outcome'];
    try {
      const result = await api.post<CheckInResult>('/check-in', {
        ...item.request,
        scannedAt: item.scannedAt,
      });
      outcome = { result };
    } catch (error) {
      // The network again, or a session to sign in to again: it keeps waiting.
      if (isUnreachable(error) || (error instanceof ApiError && error.status === 401)) break;
      outcome = { refused: error instanceof Error ? error.message : String(error) };
    }
    write(snapshot.map((i) => (i.id === item.id ? { ...i, outcome } : i)));
    answered += 1;
  }
  return answered;
}

/**
 * Sends what waits, oldest first, once at a time however often it is called; stops at the first
 * network failure. Resolves to how many got an answer.
 */
export function flushQueue(userId: number): Promise<number> {
  flushing ??= sendWaiting(userId).finally(() => {
    flushing = null;
  });
  return flushing;
}
