import { describe, expect, it } from 'vitest';
import { testApp } from '../test/harness';

const { app } = await testApp();

describe('API documentation', () => {
  it('publishes an OpenAPI document with every route and its schemas', async () => {
    const res = await app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/v1/health',
      '/api/v1/auth/login',
      '/api/v1/me',
      '/api/v1/orgs/tree',
      '/api/v1/members',
      '/api/v1/orgs/{id}/groups',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    const login = doc.paths['/api/v1/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.required).toEqual(['username', 'password']);
  });

  it('serves the browsable docs', async () => {
    const res = await app.inject({ url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });

  it('answers an unknown API path with a JSON 404', async () => {
    const res = await app.inject({ url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
});
