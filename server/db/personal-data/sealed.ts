import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { customType } from 'drizzle-orm/pg-core';
import type { DataKey, KeyRing } from './key-ring';

/**
 * Phones and ID numbers are stored sealed (AES-256-GCM, a fresh nonce each time) beside a blind
 * index (an HMAC of the normalized value) that finds a row by its exact value — login by phone,
 * a duplicate ID number — without the database ever holding the value itself.
 *
 * The ring is the process's: the columns below seal and open through it wherever Drizzle reads
 * or writes them, so no service handles ciphertext.
 */
let ring: KeyRing | null = null;

export function installKeyRing(keys: KeyRing): void {
  ring = keys;
}

function keys(): KeyRing {
  if (!ring) throw new Error('personal-data keys are not loaded (openPersonalData runs at start)');
  return ring;
}

const VERSION = 'v1';
/** The database's check constraints hold every sealed column to this shape. */
export const SEALED_PREFIX = `${VERSION}.`;
export const isSealed = (stored: string) => stored.startsWith(SEALED_PREFIX);

export function seal(plain: string, key: DataKey = keys().current): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.seal, nonce);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${VERSION}.${key.id}.${Buffer.concat([nonce, body, cipher.getAuthTag()]).toString('base64url')}`;
}

/** The sealing key's id, for rotation to find what it has not moved yet. */
export const sealedWith = (stored: string) => stored.split('.')[1];

export function unseal(stored: string): string {
  // A row written before sealing existed is read as it is until the start seals it.
  if (!isSealed(stored)) return stored;
  const [, id, encoded] = stored.split('.');
  const key = keys().byId.get(id!);
  if (!key) throw new Error(`personal data sealed with key ${id}, which the key ring does not hold`);
  const raw = Buffer.from(encoded!, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key.seal, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(raw.length - 16));
  return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString(
    'utf8',
  );
}

/** "139 1234-5678" and "13912345678" are one phone; "…123x" and "…123X" one ID number. */
const normalized = (value: string) => value.replace(/[\s-]/g, '').toUpperCase();

export function blindIndex(value: string, key: DataKey = keys().current): string {
  return createHmac('sha256', key.index).update(normalized(value)).digest('base64url');
}

/** The value's index under every key of the ring, so a lookup also finds rows not yet rotated. */
export function blindIndexes(value: string): string[] {
  return [...keys().byId.values()].map((key) => blindIndex(value, key));
}

/** A text column stored sealed; Drizzle hands the service the plain value. */
export const sealedText = customType<{ data: string; driverData: string }>({
  dataType: () => 'text',
  toDriver: (value) => seal(value),
  fromDriver: (value) => unseal(value),
});

type Personal = { phone?: string | null; idNumber?: string | null };
type Indexed<T> = T & { phoneHmac?: string | null; idNumberHmac?: string | null };

/**
 * The values to write with their blind indexes beside them; a field the write leaves alone
 * (undefined) keeps its index too, and an empty phone is no phone. The database refuses a sealed
 * value without its index, so a write that forgets this fails instead of losing the lookup.
 */
export function withBlindIndexes<T extends Personal>(values: T): Indexed<T> {
  const out: Indexed<T> = { ...values };
  for (const [field, index] of [
    ['phone', 'phoneHmac'],
    ['idNumber', 'idNumberHmac'],
  ] as const) {
    if (!(field in values) || values[field] === undefined) continue;
    const value = values[field] || null;
    (out as Personal)[field] = value;
    out[index] = value === null ? null : blindIndex(value);
  }
  return out;
}

/** A row read with raw SQL, its sealed fields opened. */
export function unsealFields<T extends Record<string, unknown>>(row: T, fields: readonly (keyof T)[]): T {
  const out = { ...row };
  for (const f of fields) if (typeof out[f] === 'string') out[f] = unseal(out[f] as string) as T[typeof f];
  return out;
}
