/**
 * A costly part of a view — an article's HTML, a map, a chart — made only when a template reads it.
 *
 * A rebuild fingerprints every page's view to find the few that changed (src/render/page-reuse.ts) and
 * renders only those; drawing 3,000 maps and converting 10,000 bodies to HTML just to fingerprint them
 * would cost more than rendering the changed pages. A Deferred's JSON — what a fingerprint hashes — is
 * what it is made from, so a page's fingerprint changes exactly when its drawing would.
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
