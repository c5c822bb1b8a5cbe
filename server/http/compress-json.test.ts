import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { tinyCounty } from '../test/fixtures';
import { testApp } from '../test/harness';
import { worthCompressing } from './compress-json';

const { db, as, clock } = await testApp();
const fx = await tinyCounty(db);
const county = await as('county');
const gzip = { 'accept-encoding': 'gzip, deflate, br' };

describe('JSON answers on a weak link', () => {
  it('come gzipped to a client that accepts it, and read back the same', async () => {
    const year = clock.now().getUTCFullYear() - 1;
    const url = `/api/v1/orgs/${fx.county.id}/stats?from=${year}-01-01&to=${year}-12-31`;
    const plain = await county.get(url);
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toContain('accept-encoding');

    const packed = await county.get(url, gzip);
    expect(packed.headers['content-encoding']).toBe('gzip');
    expect(packed.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(JSON.parse(gunzipSync(packed.rawPayload).toString('utf8'))).toEqual(plain.json());
  });

  it('stay as they are when small, or when they carry the session’s CSRF token', async () => {
    expect((await county.get('/api/v1/health', gzip)).headers['content-encoding']).toBeUndefined();
    const me = await county.get('/api/v1/me', gzip);
    expect(me.json().csrfToken).toBeTruthy();
    expect(me.headers['content-encoding']).toBeUndefined();
    // However many roles make it large, the answer with the token stays as it is.
    const json = 'application/json; charset=utf-8';
    expect(worthCompressing({ route: '/api/v1/me', contentType: json, length: 100_000 })).toBe(false);
    expect(worthCompressing({ route: '/api/v1/auth/login', contentType: json, length: 100_000 })).toBe(false);
    expect(worthCompressing({ route: '/api/v1/orgs/:id/ranking', contentType: json, length: 100_000 })).toBe(
      true,
    );
  });
});
