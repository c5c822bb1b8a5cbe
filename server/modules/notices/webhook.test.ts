import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { tinyCounty } from '../../test/fixtures';
import { testApp } from '../../test/harness';
import { deliverableRobot } from './robot-address';
import { pendingDeliveries } from './webhook';

const plain = await testApp();
const fx = await tinyCounty(plain.db);
const secretary = await plain.as('secretary1');

/** An internal service that answers with something secret, or sends the caller elsewhere. */
async function internalService(answer: { status: number; body: string; location?: string }) {
  const server = http.createServer((_req, res) =>
    res.writeHead(answer.status, answer.location ? { location: answer.location } : {}).end(answer.body),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('the group-chat robot address', () => {
  it('by default only a WeCom or DingTalk robot may be saved, never an internal address', async () => {
    for (const url of [
      'http://127.0.0.1:5432/internal',
      'http://169.254.169.254/latest/meta-data',
      'https://example.com/hook',
    ]) {
      const res = await secretary.put(`/api/v1/orgs/${fx.b1.id}/webhook`, {
        url,
        kind: 'wecom',
        enabled: true,
      });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error).toMatchObject({ field: 'url', message: expect.stringContaining('企业微信') });
    }
    const robot = await secretary.put(`/api/v1/orgs/${fx.b1.id}/webhook`, {
      url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc',
      kind: 'wecom',
      enabled: true,
    });
    expect(robot.statusCode).toBe(200);
  });

  it('is checked again after resolving, before each delivery', async () => {
    expect(await deliverableRobot('http://127.0.0.1:8080/x', [])).toBe(false);
    expect(await deliverableRobot('http://[::1]/x', [])).toBe(false);
    // A known robot's name written as an internal address is not the robot.
    expect(await deliverableRobot('https://10.0.0.8/cgi-bin/webhook/send', [])).toBe(false);
    // The operator's own robot on the county's network.
    expect(await deliverableRobot('http://10.0.0.8:8080/send', ['10.0.0.8:8080'])).toBe(true);
  });

  it('keeps the status of a reply, never its body, and follows no redirect', async () => {
    const selfHosted = await testApp({ webhookHosts: ['127.0.0.1'] });
    const county = await selfHosted.as('secretary1');
    const secret = await internalService({ status: 500, body: 'SECRET-INTERNAL-PAGE' });
    const target = await internalService({ status: 200, body: '{"errcode":0}' });
    const redirecting = await internalService({ status: 302, body: '', location: `${target}/x` });
    for (const [url, status] of [
      [`${secret}/robot`, 'HTTP 500'],
      [`${redirecting}/robot`, 'HTTP 302'],
    ] as const) {
      expect(
        (await county.put(`/api/v1/orgs/${fx.b1.id}/webhook`, { url, kind: 'wecom', enabled: true }))
          .statusCode,
      ).toBe(200);
      const saved = await county.post('/api/v1/activities', {
        orgId: fx.b1.id,
        type: 'party_lecture',
        title: '通知测试',
        startsAt: new Date(Date.now() + 86_400_000).toISOString(),
        endsAt: new Date(Date.now() + 86_400_000 + 5 * 3_600_000).toISOString(),
      });
      expect(saved.statusCode).toBe(201);
      await Promise.all([...pendingDeliveries]);
      const hook = (await county.get(`/api/v1/orgs/${fx.b1.id}/webhook`)).json();
      expect(hook.lastStatus).toBe(status);
    }
    const { rows } = await selfHosted.db.execute<{ detail: string }>(
      sql`SELECT detail FROM webhook_deliveries`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => !r.detail.includes('SECRET'))).toBe(true);
  });
});
