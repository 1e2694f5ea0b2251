/** Slugs for the records resolve makes: articles, stories and entities. */
import { RESERVED_SLUGS } from "../urls.ts";

/** Hands out unique slugs in call order: the second claimant of "x" gets "x-2", and so on. */
export class SlugRegistry {
  private readonly taken = new Set<string>();
  /**
   * The number each base taken more than once tries next: every lower one is taken, since nothing is ever
   * given back. Trying them all again made n claims of one base n²/2 tries: a title an archive repeats
   * ("Letters to the editor") in thousands of articles cost seconds.
   */
  private readonly nextNumber = new Map<string, number>();

  claim(base: string): string {
    if (!this.taken.has(base)) {
      this.taken.add(base);
      return base;
    }
    let n = this.nextNumber.get(base) ?? 2;
    while (this.taken.has(`${base}-${n}`)) n++;
    const slug = `${base}-${n}`;
    this.taken.add(slug);
    this.nextNumber.set(base, n + 1);
    return slug;
  }
}

/**
 * A slug registry with the folder names a list's own pages take beside its items' pages already claimed
 * ("/articles/by-date/", "/people/by-name/"): an article titled "By date" gets "by-date-2".
 */
export function reservedSlugs(): SlugRegistry {
  const registry = new SlugRegistry();
  for (const name of RESERVED_SLUGS) registry.claim(name);
  return registry;
}
