/**
 * Peak memory by stage, for `npm run build -- --memory`: the heap and resident set size sampled every
 * 200 ms, the highest of each kept per stage. Peak RSS of the whole process (GNU time) says how much a
 * build needs; this says which stage needs it — at 50,000 articles, the archive already holds most of the
 * heap when rendering starts.
 */
const MiB = 2 ** 20;

interface Peak {
  stage: string;
  heap: number;
  rss: number;
  /** At the RSS peak: the heap V8 had reserved (used or not), and memory outside it (buffers, typed arrays). */
  heapTotal: number;
  external: number;
}

export class StagePeaks {
  private readonly peaks: Peak[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(first: string) {
    this.peaks.push({ stage: first, heap: 0, rss: 0, heapTotal: 0, external: 0 });
    this.timer = setInterval(() => this.sample(), 200);
    this.timer.unref();
  }

  private sample(): void {
    const { heapUsed, heapTotal, external, rss } = process.memoryUsage();
    const current = this.peaks[this.peaks.length - 1];
    current.heap = Math.max(current.heap, heapUsed);
    if (rss > current.rss) Object.assign(current, { rss, heapTotal, external });
  }

  /** Ends the current stage (sampling it once more) and starts `next`. */
  enter(next: string): void {
    this.sample();
    this.peaks.push({ stage: next, heap: 0, rss: 0, heapTotal: 0, external: 0 });
  }

  /**
   * Stops sampling (again, harmlessly, after a failed build); one line, e.g. "peak memory: ingest heap 627 MiB /
   * RSS 983 MiB (heap reserved 700, external 12), render …". What the RSS peak holds beyond the heap reserved and
   * the external memory is the worker threads' heaps, the code, and what the allocator has not returned.
   */
  finish(): string {
    this.sample();
    clearInterval(this.timer);
    const mib = (bytes: number) => (bytes / MiB).toFixed(0);
    const parts = this.peaks.map(
      ({ stage, heap, rss, heapTotal, external }) =>
        `${stage} heap ${mib(heap)} MiB / RSS ${mib(rss)} MiB (heap reserved ${mib(heapTotal)}, external ${mib(external)})`,
    );
    return `peak memory: ${parts.join(", ")}`;
  }
}
