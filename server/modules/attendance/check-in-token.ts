import { createHmac, timingSafeEqual } from 'node:crypto';

export const PERIOD_SECONDS = 30;
const PERIOD_MS = PERIOD_SECONDS * 1000;

const mac = (key: Buffer, text: string) => createHmac('sha256', key).update(text).digest();
const period = (at: number) => Math.floor(at / PERIOD_MS);

/** The QR token and six-digit code of an activity for the 30-second period containing `at`. */
export function issue(key: Buffer, activityId: number, at: number) {
  const p = period(at);
  const signature = mac(key, `qr:${activityId}:${p}`).subarray(0, 16).toString('base64url');
  const code = String(mac(key, `code:${activityId}:${p}`).readUInt32BE(0) % 1_000_000).padStart(6, '0');
  return { token: `${activityId}.${p}.${signature}`, code, expiresAt: new Date((p + 1) * PERIOD_MS) };
}

export type TokenCheck = { ok: true; activityId: number } | { ok: false; reason: 'invalid' | 'expired' };

/**
 * A token is good in its own period and the one after, so a code scanned just before the screen
 * changes still works; anything older has expired. A wrong signature is a forgery.
 */
export function verifyToken(key: Buffer, token: string, at: number): TokenCheck {
  const [a, p, signature] = token.split('.');
  const activityId = Number(a);
  const tokenPeriod = Number(p);
  if (!Number.isInteger(activityId) || !Number.isInteger(tokenPeriod) || !signature)
    return { ok: false, reason: 'invalid' };
  // Compared as text: base64url decoding ignores the last character's spare bits, so two
  // different strings could otherwise pass as the same signature.
  const expected = Buffer.from(
    mac(key, `qr:${activityId}:${tokenPeriod}`).subarray(0, 16).toString('base64url'),
  );
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'invalid' };
  const now = period(at);
  if (tokenPeriod > now || tokenPeriod < now - 1) return { ok: false, reason: 'expired' };
  return { ok: true, activityId };
}

/**
 * The instants a token could have been scanned at, whatever its signature: from the start of its
 * period to the end of the next (see `verifyToken`). Null for what is not a token.
 */
export function tokenScanRange(token: string): { from: number; to: number } | null {
  const p = Number(token.split('.')[1]);
  return Number.isInteger(p) ? { from: p * PERIOD_MS, to: (p + 2) * PERIOD_MS - 1 } : null;
}

export function verifyCode(key: Buffer, activityId: number, code: string, at: number): boolean {
  return [at, at - PERIOD_MS].some((t) => issue(key, activityId, t).code === code);
}
