import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { accessibilityProblems } from './accessibility';
import { api, DESKTOP, login, newPage, screenshot } from './browser';
import { ownApp } from './own-app';

const app = await ownApp();

describe('a talk answers an "absent three times" alert', () => {
  it('the secretary starts it from the alert, records it, and the alert is seen to', async () => {
    const page = await newPage(DESKTOP, 'zh-CN', { app });
    await login(page, 'secretary1');
    const me = (await api(page, '/api/v1/me')).json;
    const branchId = me.roles.find((r: { role: string }) => r.role === 'secretary').orgId;
    const member = (
      await app.db.execute<{ id: number; name: string }>(
        sql`SELECT id, name FROM members WHERE org_id = ${branchId} AND id <> ${me.user.memberId} ORDER BY id LIMIT 1`,
      )
    ).rows[0]!;
    const alert = (
      await app.db.execute<{
        id: number;
      }>(sql`INSERT INTO alerts (key, kind, audience, org_id, member_id, params)
        VALUES (${`member_absent:e2e:${member.id}`}, 'member_absent', 'branch', ${branchId}, ${member.id},
                ${JSON.stringify({ name: member.name, since: 0 })}::jsonb) RETURNING id`)
    ).rows[0]!.id;

    await page.goto('/alerts');
    await page.getByTestId(`alert-talk-${alert}`).click();
    const modal = page.getByTestId('talk-modal');
    await modal.waitFor();
    await page.locator('#talk_topics').fill('了解到最近在外务工，商定每月参加一次线上学习');
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'talk-from-alert');
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect.poll(() => modal.isVisible()).toBe(false);
    // Seen to: it leaves the open alerts.
    await expect.poll(() => page.getByTestId(`alert-${alert}`).count()).toBe(0);
    const talks = (await api(page, `/api/v1/orgs/${branchId}/talks`)).json.items;
    expect(talks[0]).toMatchObject({ memberId: member.id, alertId: alert });
  });
});
