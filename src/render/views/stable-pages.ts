/**
 * Pages of a list that grows at its head — newest first, as new articles arrive — numbered from its tail,
 * so that an addition changes the first page and leaves every other page as it was. Numbered from the head,
 * as a blog's "page 2, page 3" are, one new article would move an item across every page boundary, and a
 * rebuild would render all of them again; a reader's link to page 7 would also show other items each time.
 *
 * The first page (`number` null) lists the newest items: `size` to `2 × size − 1` of them once the list is
 * paged, all of them before (fewer than `2 × size`). Page 1 holds the oldest `size`, page 2 the next, and
 * so on up to the page just older than the first page's; each numbered page holds exactly `size` items.
 * When the first page reaches `2 × size` items it gives its oldest `size` to a new numbered page.
 */
import { formatDate } from "../format.ts";

export interface StableSlice {
  /** Null for the first page; else the page's number, 1 for the oldest items. */
  number: number | null;
  /** The slice of the newest-first list: items `start` to `end` (exclusive). */
  start: number;
  end: number;
}

/** The pages of a newest-first list of `count` items, the first page first, then from newer to older. */
export function stablePages(count: number, size: number): StableSlice[] {
  const numbered = count >= 2 * size ? Math.floor(count / size) - 1 : 0;
  const firstEnd = count - numbered * size;
  const slices: StableSlice[] = [{ number: null, start: 0, end: firstEnd }];
  for (let number = numbered; number >= 1; number--) {
    const end = count - (number - 1) * size;
    slices.push({ number, start: end - size, end });
  }
  return slices;
}

/**
 * What a numbered page is named by, the dates its items span, oldest to newest, from their dates newest
 * first: "3 March 2024 – 19 April 2024", one date when they share it, "… , and undated" when the page
 * reaches the undated items (which come last), "undated" when it holds only those. Made from the page's
 * own items, the name changes only when they do.
 */
export function spanName(newestFirst: readonly (string | null)[]): string {
  const dated = newestFirst.filter((date): date is string => date !== null);
  if (dated.length === 0) return "undated";
  const newest = formatDate(dated[0]);
  const oldest = formatDate(dated[dated.length - 1]);
  const span = oldest === newest ? oldest : `${oldest} – ${newest}`;
  return dated.length < newestFirst.length ? `${span}, and undated` : span;
}
