import { describe, expect, it } from 'vitest';
import { testApp } from '../test/harness';

const plain = await testApp();
const behindHttps = await testApp({ publicUrl: 'https://dangjian.example.cn' });

const policyOf = async (app: typeof plain.app) =>
  String((await app.inject({ url: '/api/v1/health' })).headers['content-security-policy']);

describe('the content security policy', () => {
  it('over plain HTTP does not ask the browser to upgrade the page’s scripts to https', async () => {
    const policy = await policyOf(plain.app);
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('upgrade-insecure-requests');
  });

  it('asks for the upgrade where the app is served over HTTPS', async () => {
    expect(await policyOf(behindHttps.app)).toContain('upgrade-insecure-requests');
  });
});

describe('hashed assets', () => {
  it('carry only the headers that apply to a script, not the document policy', async () => {
    const res = await plain.app.inject({ url: '/assets/none.js' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBeUndefined();
    expect(res.headers['x-frame-options']).toBeUndefined();
    // Anything else still gets the whole set.
    expect((await plain.app.inject({ url: '/me' })).headers['content-security-policy']).toBeDefined();
  });
});
