/**
 * Many small reads, made in a worker thread and paced by what answers them. A file or folder already in the
 * operating system's page cache reads fastest one after another: 50,000 cache entries in 0.5 s, against
 * 1.0–1.3 s through eight asynchronous reads at a time. One on the disk reads fastest several at once: the
 * same entries took 11.3 s one after another and 2.2–2.7 s eight at a time. So each batch's first reads are
 * made one after another and timed, and the rest of the batch several at a time when those took the disk's
 * time. Kept out of src/util, which the extraction cache's key covers (src/cache/index.ts).
 */

/** Items per batch, and how many of them are read first, one after another, to time them. */
const BATCH = 256;
const PROBE = 16;
/** A read slower than this on average came from the disk: one in memory takes 10–20 µs, one on the disk 0.2 ms. */
const DISK_READ_MS = 0.05;
/** Reads in flight at once when they come from the disk. */
const LANES = 8;

/** Reads each of `items`, in order within a batch: with `readNow` from memory, `readLater` from the disk. */
export async function pacedReads<T>(
  items: readonly T[],
  readNow: (item: T) => void,
  readLater: (item: T) => Promise<void>,
): Promise<void> {
  for (let from = 0; from < items.length; from += BATCH) {
    const batch = items.slice(from, from + BATCH);
    const probed = batch.slice(0, PROBE);
    const started = performance.now();
    for (const item of probed) readNow(item);
    const rest = batch.slice(PROBE);
    if ((performance.now() - started) / probed.length <= DISK_READ_MS) {
      for (const item of rest) readNow(item);
      continue;
    }
    let next = 0;
    const lane = async () => {
      while (next < rest.length) await readLater(rest[next++]);
    };
    await Promise.all(Array.from({ length: LANES }, lane));
  }
}
