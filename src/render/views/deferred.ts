/**
 * A costly part of a view — an article's HTML, a map, a chart — made only when a template reads it.
 *
 * Views are built for the pages a build renders, and the templates read each part once; a part made on
 * building the view would be made for nothing when the page is reused instead, and kept as long as the
 * view. A Deferred's JSON is what it is made from, so a fingerprint over a view (the article's search
 * fingerprint, src/render/page-reuse.ts) changes exactly when the part would.
 */
export class Deferred<T> {
  constructor(
    /** Everything `make` reads, as JSON-able data. */
    private readonly inputs: unknown,
    private readonly make: () => T,
  ) {}

  /**
   * The part itself, made on each reading: templates read it once (`{% set svg = map.svg.value %}`).
   * It is not kept: views live to the end of the render stage, and 50,000 pages' maps and bodies would
   * stay in memory with them.
   */
  get value(): T {
    return this.make();
  }

  toJSON(): unknown {
    return { deferred: this.inputs };
  }
}
