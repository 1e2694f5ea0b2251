/**
 * A tiny seeded PRNG (mulberry32) and helpers. The corpus must be byte-identical for the
 * same article count and seed, so nothing here may touch Math.random or the clock.
 */

export type Random = () => number;

/** mulberry32: 32-bit state, period 2^32, good enough to vary synthetic text. */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * One independent stream per article, so article i can be generated on its own (the
 * rebuild benchmark adds article N without generating the N before it).
 */
export function articleRandom(corpusSeed: number, index: number): Random {
  let h = Math.imul(corpusSeed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return mulberry32(h ^ (h >>> 16));
}

export function randomInt(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

export function chance(random: Random, probability: number): boolean {
  return random() < probability;
}

export function hex32(random: Random): string {
  return Math.floor(random() * 4294967296)
    .toString(16)
    .padStart(8, "0");
}
