import type { Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newPage, PHONE } from './browser';

/** What a phone on a weak link downloads: compressed, and kept across visits. */
describe('delivering the web client', () => {
  it('sends scripts precompressed (gzip over plain HTTP) and hashed files as immutable; index.html is asked for again', async () => {
    const page = await newPage(PHONE);
    const responses: Response[] = [];
    page.on('response', (res) => {
      if (new URL(res.url()).pathname.startsWith('/assets/')) responses.push(res);
    });
    const index = await page.goto('/login');
    expect(await index!.headerValue('cache-control')).toBe('no-cache');
    await page.getByTestId('login-submit').waitFor();
    const scripts = responses.filter((r) => r.url().endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      expect(await script.headerValue('cache-control'), script.url()).toBe(
        'public, max-age=31536000, immutable',
      );
      // Over plain HTTP Chromium asks for gzip only; brotli is for HTTPS. Files under a kilobyte
      // are sent as they are: compressing them saves nothing.
      const encoding = await script.headerValue('content-encoding');
      if (encoding) expect(['br', 'gzip'], script.url()).toContain(encoding);
      else expect(Number(await script.headerValue('content-length')), script.url()).toBeLessThan(1024);
    }
  });
});
