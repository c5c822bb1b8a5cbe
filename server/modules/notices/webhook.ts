import { eq } from 'drizzle-orm';
import type { NoticeKind } from '../../../common/enums';
import type { Webhook, WebhookInput } from '../../../common/schemas/notice';
import type { Actor } from '../../access/actor';
import { authorize } from '../../access/policy';
import type { Db } from '../../db/open';
import { webhookDeliveries, webhooks } from '../../db/schema/index';
import { loadOrg } from '../orgs/orgs.service';
import { renderNotice } from './notices.service';

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
  delays: number[],
  orgId: number,
  notice: { id: number; kind: NoticeKind; body: string },
) {
  const job = (async () => {
    const [hook] = await db.select().from(webhooks).where(eq(webhooks.orgId, orgId));
    if (!hook?.enabled) return;
    const { title, body } = renderNotice(hook.locale, notice.kind, notice.body);
    const payload = JSON.stringify({ msgtype: 'text', text: { content: `${title}\n${body}` } });
    for (const [i, delay] of delays.entries()) {
      if (delay) await new Promise((r) => setTimeout(r, delay));
      let ok = false;
      let detail: string;
      try {
        const res = await fetch(hook.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: payload,
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        const text = (await res.text()).slice(0, 300);
        // Both robots answer 200 with `errcode: 0` on success and another errcode on refusal.
        ok = res.ok && !/"errcode"\s*:\s*[1-9]/.test(text);
        detail = `HTTP ${res.status} ${text}`;
      } catch (e) {
        detail = (e as Error).message;
      }
      await db.insert(webhookDeliveries).values({ orgId, noticeId: notice.id, attempt: i + 1, ok, detail });
      await db
        .update(webhooks)
        .set({ lastStatus: ok ? 'ok' : detail.slice(0, 200), lastAt: new Date() })
        .where(eq(webhooks.orgId, orgId));
      if (ok) return;
    }
  })().catch(() => {
    // Logged above per attempt; a broken database here must not crash the process either.
  });
  pendingDeliveries.add(job);
  void job.finally(() => pendingDeliveries.delete(job));
}

export async function getWebhook(db: Db, actor: Actor, orgId: number): Promise<Webhook | null> {
  const org = await loadOrg(db, actor, orgId);
  authorize(actor, 'activity.manage', org.path);
  const [hook] = await db.select().from(webhooks).where(eq(webhooks.orgId, orgId));
  return hook ? { ...hook, lastAt: hook.lastAt?.toISOString() ?? null } : null;
}

export async function saveWebhook(
  db: Db,
  actor: Actor,
  orgId: number,
  input: WebhookInput,
): Promise<Webhook> {
  const org = await loadOrg(db, actor, orgId);
  authorize(actor, 'activity.manage', org.path);
  const [hook] = await db
    .insert(webhooks)
    .values({ orgId, ...input })
    .onConflictDoUpdate({ target: webhooks.orgId, set: { ...input } })
    .returning();
  return { ...hook!, lastAt: hook!.lastAt?.toISOString() ?? null };
}
