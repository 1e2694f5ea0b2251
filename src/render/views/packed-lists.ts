/**
 * Many short lists of whole numbers as views of one Int32Array. A typed array of its own per list (one per
 * article, at 50,000 articles) has a buffer of its own, each of which the collector tracks; views of one
 * buffer are plain objects.
 */
export function packLists(count: number, listAt: (i: number) => Iterable<number>): Int32Array[] {
  const values: number[] = [];
  const ends = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    for (const n of listAt(i)) values.push(n);
    ends[i] = values.length;
  }
  const flat = Int32Array.from(values);
  const views: Int32Array[] = new Array(count);
  for (let i = 0; i < count; i++) views[i] = flat.subarray(i === 0 ? 0 : ends[i - 1], ends[i]);
  return views;
}
