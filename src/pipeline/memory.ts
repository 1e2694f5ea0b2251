/**
 * Peak memory by stage, for `npm run build -- --memory`: the heap and resident set size sampled every
 * 200 ms, the highest of each kept per stage. Peak RSS of the whole process (GNU time) says how much a
 * build needs; this says which stage needs it — at 50,000 articles, the archive already holds most of the
 * heap when rendering starts.
 */
const MiB = 2 ** 20;

export class StagePeaks {
  private readonly peaks: { stage: string; heap: number; rss: number }[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(first: string) {
    this.peaks.push({ stage: first, heap: 0, rss: 0 });
    this.timer = setInterval(() => this.sample(), 200);
    this.timer.unref();
  }

  private sample(): void {
    const { heapUsed, rss } = process.memoryUsage();
    const current = this.peaks[this.peaks.length - 1];
    current.heap = Math.max(current.heap, heapUsed);
    current.rss = Math.max(current.rss, rss);
  }

  /** Ends the current stage (sampling it once more) and starts `next`. */
  enter(next: string): void {
    this.sample();
    this.peaks.push({ stage: next, heap: 0, rss: 0 });
  }

  /** Stops sampling (again, harmlessly, after a failed build); one line, e.g. "peak memory: ingest heap 627 MiB / RSS 983 MiB, render …". */
  finish(): string {
    this.sample();
    clearInterval(this.timer);
    const parts = this.peaks.map(
      ({ stage, heap, rss }) => `${stage} heap ${(heap / MiB).toFixed(0)} MiB / RSS ${(rss / MiB).toFixed(0)} MiB`,
    );
    return `peak memory: ${parts.join(", ")}`;
  }
}
