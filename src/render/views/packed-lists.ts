/**
 * Many short lists of whole numbers as views of one Int32Array. A typed array of its own per list (one per
 * article, at 50,000 articles) has a buffer of its own, each of which the collector tracks; views of one
 * buffer are plain objects. `fill(i, push)` pushes list i's numbers: no iterator or list is made per list,
 * and the numbers go straight into the typed array, which grows by doubling (its buffer is outside the
 * young generation the collector copies).
 */
export function packLists(count: number, fill: (i: number, push: (n: number) => void) => void): Int32Array[] {
  let values = new Int32Array(Math.max(16, count * 4));
  let length = 0;
  const push = (n: number) => {
    if (length === values.length) {
      const grown = new Int32Array(values.length * 2);
      grown.set(values);
      values = grown;
    }
    values[length++] = n;
  };
  const ends = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    fill(i, push);
    ends[i] = length;
  }
  const flat = values.slice(0, length);
  const views: Int32Array[] = new Array(count);
  for (let i = 0; i < count; i++) views[i] = flat.subarray(i === 0 ? 0 : ends[i - 1], ends[i]);
  return views;
}
