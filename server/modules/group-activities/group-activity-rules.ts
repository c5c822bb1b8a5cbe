import { invalidField } from '../../errors';

/** A few minutes' grace for a phone whose clock runs ahead. */
const CLOCK_SLACK_MS = 5 * 60_000;

/**
 * A group activity is recorded once it has happened: its end may not lie in the future. Returns
 * its start and end.
 */
export function heldBetween(startsAt: string, minutes: number, now: Date): { startsAt: Date; endsAt: Date } {
  const start = new Date(startsAt);
  const end = new Date(start.getTime() + minutes * 60_000);
  if (end.getTime() > now.getTime() + CLOCK_SLACK_MS)
    throw invalidField('startsAt', 'errors.groupActivity.future');
  return { startsAt: start, endsAt: end };
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** The leader's notes are the meeting's record: one paragraph per line, as plain text. */
export function notesAsMinutes(notes: string | undefined): string | null {
  const lines = (notes ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (!lines.length) return null;
  return lines.map((l) => `<p>${l.replace(/[&<>"']/g, (c) => ESCAPES[c]!)}</p>`).join('');
}
