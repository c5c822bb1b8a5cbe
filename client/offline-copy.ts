/**
 * The offline copy (`client/service-worker.js`). Browsers run service workers only in a secure
 * context — HTTPS, or localhost — so over plain HTTP on a LAN the page works online as before
 * and check-ins made without a network still wait on the open page (see `offline-queue.ts`).
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () =>
    void navigator.serviceWorker.register('/sw.js').catch(() => {
      // No offline copy this time; the page itself works.
    });
  // After the page's own downloads, so installing never competes with the first screen.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

/** After a logout, or a new login, the phone keeps nothing of the last user's data. */
export function forgetUserOffline(): void {
  void globalThis.caches?.delete('vanguard-data');
}
