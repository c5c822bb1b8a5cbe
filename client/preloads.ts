/**
 * The API answers index.html asks for with the page itself (its `<link rel="preload">`), which the
 * first matching `fetch` of the page takes instead of asking the server.
 */
const PRELOADED = ['/api/v1/me/activities'];

/**
 * After signing in: an answer preloaded before, still unread (the page opened at the login screen),
 * says "not signed in", or speaks of whoever was signed in then, and would be taken by the new
 * user's first page. Reading it once takes it off the shelf; where it was read already this asks
 * the server once more, and the answer is dropped all the same.
 */
export async function dropPreloads(): Promise<void> {
  await Promise.all(
    PRELOADED.map((url) =>
      fetch(url, { headers: { accept: 'application/json' } })
        .then((response) => response.arrayBuffer())
        .catch(() => undefined),
    ),
  );
}
