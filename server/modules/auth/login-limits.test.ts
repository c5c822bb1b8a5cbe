import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '../../db/schema/index';
import { testApp } from '../../test/harness';

const { app, db } = await testApp();

const login = (username: string, password: string, from: string) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
    remoteAddress: from,
  });

describe('sign-in limits', () => {
  it('forty guesses at once on one account are judged one after another: five are tried', async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => login('township1', 'nope', '10.5.0.1')),
    );
    const codes = answers.map((a) => a.statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(5);
    expect(codes.filter((c) => c === 429)).toHaveLength(35);
  });

  it('counts an account once however it is named, with a slower ceiling from every machine together', async () => {
    const [member] = await db.select({ phone: users.phone }).from(users).where(eq(users.username, 'member1'));
    expect(member!.phone).toMatch(/^1\d{10}$/);
    // Twenty machines, each guessing once, by username and by phone in turn.
    for (let i = 0; i < 20; i++) {
      const res = await login(i % 2 ? 'member1' : member!.phone!, 'nope', `10.6.0.${i}`);
      expect(res.statusCode, `guess ${i + 1}`).toBe(401);
    }
    const blocked = await login(member!.phone!, 'vanguard-demo', '10.6.1.1');
    expect(blocked.statusCode).toBe(429);
    const seconds = Number(/(\d+)/.exec(blocked.json().error.message)![1]);
    expect(seconds).toBeGreaterThan(60);
    expect(seconds).toBeLessThanOrEqual(15 * 60);
  });
});
