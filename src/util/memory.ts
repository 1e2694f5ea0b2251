/**
 * A full garbage collection on demand, for the points of a long build where a large batch of data has
 * just become garbage (an Eleventy run's pages, say).
 *
 * V8 lets garbage grow to a multiple of the live heap before it collects: a 10,000-article build that
 * never held more than 0.9 GiB live reached 2.7 GiB of memory. Collecting between batches keeps the
 * process near what it actually uses. V8 only hands `gc` to contexts created while --expose-gc is set,
 * so the flag is set at run time for one new context (the same way Jest's leak detector does) and
 * users need no command-line flag.
 */
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { RENDER } from "../settings.ts";

let gc: (() => void) | undefined;

/** The heap in use after the last collection made here. */
let heapAfterLast = 0;

/** A full collection now. */
export function collectGarbage(): void {
  if (!gc) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (exposed) gc = exposed;
    else {
      v8.setFlagsFromString("--expose-gc");
      gc = runInNewContext("gc") as () => void;
    }
  }
  gc();
  heapAfterLast = v8.getHeapStatistics().used_heap_size;
}

/**
 * A full collection when the heap has grown by RENDER.collectAfterGrowth since the last one, for the
 * points where a batch of data has become garbage: at most that much is garbage otherwise (V8's own
 * collections in between only make less of it).
 */
export function collectGarbageIfGrown(): void {
  if (v8.getHeapStatistics().used_heap_size - heapAfterLast >= RENDER.collectAfterGrowth) collectGarbage();
}
