/**
 * Pages of a list that grows with the archive (an entity's articles, the ledger's stories), made so that
 * an item added or removed changes few of them. Split by count from the newest, as a blog's "page 2,
 * page 3" are, one new article would move an item across every page boundary after it, and a rebuild
 * would render every page again; a reader's link to "page 7" would also show other items each time.
 *
 * So the pages go by date. A list shorter than twice `size` is one page. A longer one has a first page
 * listing its newest `size` items, and a page per year, newest first, holding that year's items; the
 * undated items, last in the list, have a page of their own. A period with twice `size` items or more is
 * cut: a year with twelve times `size` or more into a page per month (its items giving the year alone
 * get one of their own), any other period into pages of `size` numbered from its oldest, the newest
 * holding `size` to twice `size` − 1 (`countPages`). A new article changes the items of the first page and
 * of pages of its own year only (its month's, or its year's parts from its own to the newest); a page
 * beside those changes too when the name its link gives them changes, or a period is added.
 */
import { BY_DATE, fromSiteRoot } from "../../urls.ts";
import { formatDate } from "../format.ts";
import type { LinkView } from "./lookup.ts";

/** One page of a list: which of its items, and where and by what name the page goes. */
export interface StablePage {
  /** The page's folder under the list's, "2024", "2024-03", "2024-03/2" or "undated"; null for the first page. */
  path: string | null;
  /** What links to it say: the period ("March 2024"), or the dates a part of one spans; null for the first page. */
  name: string | null;
  /** The items it holds, by their positions in the list, in the list's order. */
  items: number[];
}

/** A period of the list: its folder, its name, and its items. */
interface Period {
  path: string;
  name: string;
  items: number[];
}

/** Items grouped by `keyOf` (whose name `nameOf` gives), in the order each group first appears. */
function periodsBy(
  items: readonly number[],
  dates: readonly (string | null)[],
  keyOf: (date: string) => string,
  nameOf: (key: string) => string,
): Period[] {
  const periods = new Map<string, Period>();
  for (const item of items) {
    const date = dates[item];
    const key = date === null ? "undated" : keyOf(date);
    let period = periods.get(key);
    if (!period) {
      period = { path: key, name: date === null ? "undated" : nameOf(key), items: [] };
      periods.set(key, period);
    }
    period.items.push(item);
  }
  return [...periods.values()];
}

/** Whether a list of `count` items is one page (`stablePages`). */
export const onePage = (count: number, size: number) => count < 2 * size;

/**
 * The pages of a newest-first list whose items have `dates` (ISO dates, a month or a year alone, or null),
 * the first page first, then from newer to older. The list is ordered by date, undated last.
 */
export function stablePages(dates: readonly (string | null)[], size: number): StablePage[] {
  const all = Array.from(dates, (_, at) => at);
  if (onePage(dates.length, size)) return [{ path: null, name: null, items: all }];
  const pages: StablePage[] = [{ path: null, name: null, items: all.slice(0, size) }];
  const year = (date: string) => date.slice(0, 4);
  // A month's key; a date giving the year alone keeps the year's, under a name saying so.
  const month = (date: string) => (date.length >= 7 ? date.slice(0, 7) : date.slice(0, 4));
  const monthName = (key: string) => (key.length === 4 ? `${key}, month not given` : formatDate(key));
  for (const byYear of periodsBy(all, dates, year, (key) => key)) {
    // Months average fewer than `size` items in a quieter year: its pages are cut by count instead.
    const byMonth = byYear.path !== "undated" && byYear.items.length >= 12 * size;
    const periods = byMonth ? periodsBy(byYear.items, dates, month, monthName) : [byYear];
    for (const period of periods) {
      const parts = countPages(period.items.length, size);
      for (const part of parts) {
        const items = period.items.slice(part.start, part.end);
        const partDates = items.map((item) => dates[item]);
        pages.push({
          path: part.number === null ? period.path : `${period.path}/${part.number}`,
          name: parts.length === 1 ? period.name : partName(period, part, partDates),
          items,
        });
      }
    }
  }
  return pages;
}

/**
 * A part's name: the dates it spans; its period's name and its number when its items give no day (the
 * undated, or those giving a year alone), whose parts the dates would not tell apart.
 */
function partName(period: Period, part: CountPart, dates: (string | null)[]): string {
  const withDays = dates.some((date) => date !== null && date.length >= 10);
  return withDays ? spanName(dates) : `${period.name}, ${part.number === null ? "latest" : `part ${part.number}`}`;
}

/** A part of a period cut by count: `number` null for its newest part, else 1 for its oldest. */
interface CountPart {
  number: number | null;
  start: number;
  end: number;
}

/**
 * A newest-first run of `count` items cut into parts of `size` numbered from its oldest, the newest part
 * holding `size` to 2 × `size` − 1 (all of them when fewer than 2 × `size`): an item added at the head
 * changes the newest part alone.
 */
export function countPages(count: number, size: number): CountPart[] {
  const numbered = count >= 2 * size ? Math.floor(count / size) - 1 : 0;
  const parts: CountPart[] = [{ number: null, start: 0, end: count - numbered * size }];
  for (let number = numbered; number >= 1; number--) {
    const end = count - (number - 1) * size;
    parts.push({ number, start: end - size, end });
  }
  return parts;
}

/**
 * The dates a part spans, oldest to newest, from its dates newest first: "3 March 2024 – 19 April 2024",
 * one date when they share it, "… , and undated" when the part reaches the undated items (which come
 * last), "undated" when it holds only those.
 */
export function spanName(newestFirst: readonly (string | null)[]): string {
  const dated = newestFirst.filter((date): date is string => date !== null);
  if (dated.length === 0) return "undated";
  const newest = formatDate(dated[0]);
  const oldest = formatDate(dated[dated.length - 1]);
  const span = oldest === newest ? oldest : `${oldest} – ${newest}`;
  return dated.length < newestFirst.length ? `${span}, and undated` : span;
}

/** One page of a list paged by `listPages`: the first, or one of a period (or part of one). */
export interface ListPage<T> {
  permalink: string;
  url: string;
  /** The list's first page, at the list's own URL: the newest items, and links to the older pages. */
  first: boolean;
  /** On an older page, its period ("2024", "March 2024") or the dates it spans; null on the first page. */
  heading: string | null;
  items: T[];
  /** How many items the whole list has, on the first page; null on the others, which never change for it. */
  total: number | null;
  /** The list's first page. */
  listUrl: string;
  /** On the first page, the older pages, newest first; else empty. */
  olderPages: LinkView[];
  /** The next page of newer items (the first page, from the newest older page), and of older ones. */
  newer: LinkView | null;
  older: LinkView | null;
}

/**
 * A newest-first list in stable pages at `listUrl`: the first page there, named `latest` in links ("Latest
 * stories"), the older ones under its BY_DATE folder. `dateOf` gives each item's date (the list is
 * ordered by it, undated last).
 */
export function listPages<T>(
  items: readonly T[],
  dateOf: (item: T) => string | null,
  list: { url: string; latest: string },
  size: number,
): ListPage<T>[] {
  const listUrl = list.url;
  const pages = stablePages(items.map(dateOf), size).map((stable): ListPage<T> => {
    const url = stable.path === null ? listUrl : `${listUrl}${BY_DATE}/${stable.path}/`;
    return {
      permalink: fromSiteRoot(url),
      url,
      first: stable.path === null,
      heading: stable.name,
      items: stable.items.map((at) => items[at]),
      total: stable.path === null ? items.length : null,
      listUrl,
      olderPages: [],
      newer: null,
      older: null,
    };
  });
  const link = (page: ListPage<T> | undefined): LinkView | null =>
    page ? { name: page.heading ?? list.latest, url: page.url } : null;
  pages.forEach((page, at) => {
    page.newer = link(pages[at - 1]);
    page.older = link(pages[at + 1]);
  });
  pages[0].olderPages = pages.slice(1).map((page) => link(page) as LinkView);
  return pages;
}
