import { eq } from 'drizzle-orm';
import type { NoticeKind } from '../../../common/enums';
import type { Webhook, WebhookInput } from '../../../common/schemas/notice';
import type { Actor } from '../../access/actor';
import { loadOrg } from '../../access/load-org';
import { authorize } from '../../access/policy';
import type { Config } from '../../config';
import type { Db } from '../../db/open';
import { webhookDeliveries, webhooks } from '../../db/schema/index';
import { invalidField } from '../../errors';
import { renderNotice } from './notices.service';
import { allowedRobotHost, deliverableRobot, ROBOT_HOSTS } from './robot-address';

const TIMEOUT_MS = 5000;

/** Deliveries still under way; tests wait for them, the app never does. */
export const pendingDeliveries = new Set<Promise<void>>();

/**
 * Forwards a notice to the org's group-chat robot. WeCom and DingTalk robots both take
 * `{ msgtype: 'text', text: { content } }`. A failure is retried a few times and logged; it never
 * reaches the person who saved the activity.
 */
export function forwardNotice(
  db: Db,
  config: Pick<Config, 'webhookDelaysMs' | 'webhookHosts'>,
  orgId: number,
  notice: { id: number; kind: NoticeKind; body: string },
) {
  const job = (async () => {
    const [hook] = await db.select().from(webhooks).where(eq(webhooks.orgId, orgId));
    if (!hook?.enabled) return;
    const { title, body } = renderNotice(hook.locale, notice.kind, notice.body);
    const payload = JSON.stringify({ msgtype: 'text', text: { content: `${title}\n${body}` } });
    for (const [i, delay] of config.webhookDelaysMs.entries()) {
      if (delay) await new Promise((r) => setTimeout(r, delay));
      const { ok, detail } = await deliver(hook.url, payload, config.webhookHosts);
      await db.insert(webhookDeliveries).values({ orgId, noticeId: notice.id, attempt: i + 1, ok, detail });
      await db
        .update(webhooks)
        .set({ lastStatus: ok ? 'ok' : detail, lastAt: new Date() })
        .where(eq(webhooks.orgId, orgId));
      if (ok) return;
    }
  })().catch(() => {
    // Logged above per attempt; a broken database here must not crash the process either.
  });
  pendingDeliveries.add(job);
  void job.finally(() => pendingDeliveries.delete(job));
}

/**
 * One attempt. What is kept of the answer is its status and the robot's error code, never its
 * body: an address that is not a robot must not become a way to read another server's pages.
 */
async function deliver(url: string, payload: string, operatorHosts: string[]) {
  if (!(await deliverableRobot(url, operatorHosts)))
    return { ok: false, detail: 'refused: not a robot address' };
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: payload,
      // A redirect could lead anywhere, an internal address included.
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await res.text();
    // Both robots answer 200 with `errcode: 0` on success and another errcode on refusal.
    const errcode = Number(/"errcode"\s*:\s*(\d+)/.exec(text)?.[1] ?? 0);
    if (res.ok && errcode === 0) return { ok: true, detail: `HTTP ${res.status}` };
    return { ok: false, detail: errcode ? `HTTP ${res.status} errcode ${errcode}` : `HTTP ${res.status}` };
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause?.code;
    return { ok: false, detail: cause ?? (e as Error).name };
  }
}

export async function getWebhook(db: Db, actor: Actor, orgId: number): Promise<Webhook | null> {
  const org = await loadOrg(db, actor, orgId);
  authorize(actor, 'activity.manage', org.path);
  const [hook] = await db.select().from(webhooks).where(eq(webhooks.orgId, orgId));
  return hook ? { ...hook, lastAt: hook.lastAt?.toISOString() ?? null } : null;
}

export async function saveWebhook(
  db: Db,
  config: Pick<Config, 'webhookHosts'>,
  actor: Actor,
  orgId: number,
  input: WebhookInput,
): Promise<Webhook> {
  const org = await loadOrg(db, actor, orgId);
  authorize(actor, 'activity.manage', org.path);
  const allowed = [...ROBOT_HOSTS, ...config.webhookHosts];
  if (!allowedRobotHost(input.url, allowed))
    throw invalidField('url', 'errors.webhook.host', { hosts: ROBOT_HOSTS.join(', ') });
  const [hook] = await db
    .insert(webhooks)
    .values({ orgId, ...input })
    .onConflictDoUpdate({ target: webhooks.orgId, set: { ...input } })
    .returning();
  return { ...hook!, lastAt: hook!.lastAt?.toISOString() ?? null };
}
