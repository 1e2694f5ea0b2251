/**
 * One shared copy of each distinct string across many records.
 *
 * Extracted records reach the ingest as fresh copies — cloned out of a worker thread or parsed from
 * the cache — so the sentence that is the evidence of three mentions and a figure is held four times,
 * and every slug, kind, role and outlet name once per article that names it. Pooling them takes about
 * 40% off the archive's memory (10,000 articles: 359 → 217 MiB of heap), which is what a 50,000-article
 * build holds through rendering and indexing.
 */
export class StringPool {
  private readonly strings = new Map<string, string>();

  /** Replaces, in place, every string inside `value` (plain data: objects, arrays, scalars) by its pooled copy. */
  intern<T>(value: T): T {
    return this.visit(value) as T;
  }

  /**
   * Strings are the leaves; an object or array is walked, and a slot is written only when its string had a
   * pooled twin (most slots keep theirs, and each write costs the collector a barrier).
   */
  private visit(value: unknown): unknown {
    if (typeof value === "string") return this.pooled(value);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item = value[i];
        if (typeof item === "string") {
          const pooled = this.pooled(item);
          if (pooled !== item) value[i] = pooled;
        } else if (item !== null && typeof item === "object") this.visit(item);
      }
    } else if (value !== null && typeof value === "object") {
      const record = value as Record<string, unknown>;
      for (const key in record) {
        const item = record[key];
        if (typeof item === "string") {
          const pooled = this.pooled(item);
          if (pooled !== item) record[key] = pooled;
        } else if (item !== null && typeof item === "object") this.visit(item);
      }
    }
    return value;
  }

  private pooled(value: string): string {
    const pooled = this.strings.get(value);
    if (pooled !== undefined) return pooled;
    this.strings.set(value, value);
    return value;
  }
}
