import type { DbOrTx } from '../db/open';
import { perHandle } from '../db/per-handle';
import type { Actor } from './actor';

const TTL_MS = 5000;
const MAX_ENTRIES = 50_000;

/**
 * Who a session cookie belongs to, remembered for a few seconds: on the morning of a fixed day
 * every check-in would otherwise begin with the same lookup. This instance forgets a session the
 * moment it changes here (logout, password, language, roles); another instance sharing the
 * database may trust it for at most TTL_MS more.
 */
class SessionCache {
  private entries = new Map<string, { actor: Actor; until: number }>();

  get(token: string): Actor | undefined {
    const hit = this.entries.get(token);
    if (!hit) return undefined;
    if (hit.until < performance.now()) {
      this.entries.delete(token);
      return undefined;
    }
    return hit.actor;
  }

  set(token: string, actor: Actor) {
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, { actor, until: performance.now() + TTL_MS });
  }

  forgetToken(token: string) {
    this.entries.delete(token);
  }

  forgetUser(userId: number) {
    for (const [token, { actor }] of this.entries) if (actor.userId === userId) this.entries.delete(token);
  }
}

/** One cache per database handle, so each app (and each test's app) has its own. */
export const sessionCache = perHandle((_db: DbOrTx) => new SessionCache());
