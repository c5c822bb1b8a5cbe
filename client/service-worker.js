/*
 * The phone's offline copy of Vanguard. Built into /sw.js by `scripts/service-worker.ts`, which
 * replaces SHELL with the member pages' files and VERSION with their hash.
 *
 * - The app shell (index.html, the phone pages' scripts and styles, both languages) is cached at
 *   install, so the member's page opens without a network.
 * - Other hashed files are cached the first time they are fetched: they never change.
 * - The member's own data (who they are, their activities, their notices) is fetched from the
 *   network first and kept as last seen, for when there is none; the page deletes it at logout
 *   and login (`client/shell/service-worker.ts`).
 * - Nothing else is cached, and nothing that changes data ever goes through the cache.
 */
const SHELL = self.__SHELL__;
const VERSION = self.__VERSION__;
const SHELL_CACHE = `vanguard-shell-${VERSION}`;
const DATA_CACHE = 'vanguard-data';
const LAST_SEEN = ['/api/v1/me', '/api/v1/me/activities', '/api/v1/me/inbox', '/api/v1/me/calendar-feeds'];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith('vanguard-shell-') && name !== SHELL_CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

async function networkFirst(request, cacheName, fallbackUrl) {
  try {
    const response = await fetch(request);
    if (response.ok) {
      const copy = response.clone();
      await caches.open(cacheName).then((cache) => cache.put(fallbackUrl ?? request, copy));
    }
    return response;
  } catch (error) {
    const cached = await caches.match(fallbackUrl ?? request);
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const copy = response.clone();
    await caches.open(SHELL_CACHE).then((cache) => cache.put(request, copy));
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && !url.pathname.startsWith('/api/')) {
    // Every page is the one index.html; offline, the copy from install (or the last visit) answers.
    event.respondWith(networkFirst(request, SHELL_CACHE, '/index.html'));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));
  } else if (LAST_SEEN.includes(url.pathname)) {
    event.respondWith(networkFirst(request, DATA_CACHE));
  }
});
