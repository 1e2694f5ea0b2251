/** Groups items by key, keeping first-seen key order (Map.groupBy arrives only in Node 21). */
export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** Equal lists, item by item (the same values, or the same objects). */
export function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Codepoint order, independent of the machine's locale: output must be byte-identical everywhere. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The first `limit` of `items` in `order`, as sorting them all and slicing would give (`order` must be a
 * total order), by insertion into a short list: a few out of hundreds, thousands of times per build.
 */
export function firstOf<T>(items: Iterable<T>, limit: number, order: (x: T, y: T) => number): T[] {
  const first: T[] = [];
  for (const item of items) {
    let at = first.length;
    while (at > 0 && order(item, first[at - 1]) < 0) at--;
    if (at >= limit) continue;
    first.splice(at, 0, item);
    if (first.length > limit) first.pop();
  }
  return first;
}
