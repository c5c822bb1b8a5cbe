/**
 * One of something per database handle (a cache, a batcher, a key), made on first use, so each
 * app (and each test's app) has its own and it goes when the handle does.
 */
export function perHandle<H extends object, T>(make: (handle: H) => T): (handle: H) => T {
  const made = new WeakMap<H, T>();
  return (handle) => {
    let t = made.get(handle);
    if (t === undefined) {
      t = make(handle);
      made.set(handle, t);
    }
    return t;
  };
}
