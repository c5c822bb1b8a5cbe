/** A small seeded PRNG (mulberry32): the demo county comes out the same on every machine. */
export function createRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  /** Picks by weight: `[[value, weight], …]`. */
  const weighted = <T>(table: readonly (readonly [T, number])[]): T => {
    const total = table.reduce((s, [, w]) => s + w, 0);
    let r = next() * total;
    for (const [value, w] of table) {
      r -= w;
      if (r < 0) return value;
    }
    return table[table.length - 1]![0];
  };
  return { next, int, pick, weighted };
}
export type Random = ReturnType<typeof createRandom>;
