// ───────── over http(s): Pagefind's JS API (pagefind/pagefind.js) ─────────
//
// The index comes in shards (pagefind-shards.json, newest first: src/search/shards.ts), each a
// Pagefind bundle, joined into one instance with Pagefind's mergeIndex (separate instances on one page
// share Pagefind's wasm memory and corrupt each other). The page drops each shard's hidden vocabulary
// record from the results, and leaves a shard out of a query for words it lacks (shardsLacking).
//
// After a rebuild that changed a few articles, the manifest's delta is one more bundle, joined last: it holds
// those articles as they are now, and lists the shards' pages it replaces or whose article left (superseded).
// The page drops those pages from results and takes them off Pagefind's filter counts, and places the delta's
// pages by date where the build says they go among the shards' (DeltaShard.points), so the answer is what one
// index over the archive gives: the same articles, counts and order by date.
//
// Two such instances: Pagefind counts every value of every loaded filter on each search, testing each
// filter page against the result list one by one, so at 10,000 articles a search with the filters loaded
// took 1–2 s against 50 ms without. `finder` (on the main thread) answers queries and loads only the
// filters a query selects; `counter` (in Pagefind's web worker) loads all filters once a filter group is
// opened, and its counts follow the results when they are ready.
import { SEARCH_PAGE } from "../../settings.ts";
import type { DeltaShard, ManifestShard, ShardManifest, SupersededPage } from "../shards.ts";
import type { LooseTerm } from "../vocabulary.ts";
import type { Counts, Engine, FilterCounts, ResultData, Sort } from "./types.ts";

/** The part of Pagefind's JS API the page uses. */
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<{
    url: string;
    excerpt?: string;
    meta?: Record<string, string>;
    /** The page's indexed text, and the positions (in its words, split at white space) of the words matched. */
    content?: string;
    locations?: number[];
  }>;
}
interface PagefindSearch {
  results: PagefindResult[];
  filters: FilterCounts;
  totalFilters: FilterCounts;
}
type PagefindFilters = Record<string, string[] | { any: string[] }>;
interface PagefindInstance {
  mergeIndex(basePath: string, options: Record<string, unknown>): Promise<void>;
  search(text: string | null, options: { filters: PagefindFilters; sort?: Sort }): Promise<PagefindSearch>;
  filters(): Promise<FilterCounts>;
  preload(text: string): Promise<void>;
}
interface PagefindModule {
  createInstance(options: Record<string, unknown>): PagefindInstance;
}

/** A Pagefind result as the page draws it; the excerpt's <mark>s become [text, marked] segments. */
function pagefindResult(data: Awaited<ReturnType<PagefindResult["data"]>>): ResultData {
  const excerpt: ResultData["excerpt"] = [];
  const parsed = new DOMParser().parseFromString(`<p>${data.excerpt || ""}</p>`, "text/html");
  for (const node of parsed.body.firstChild!.childNodes) {
    excerpt.push([node.textContent!, node.nodeName === "MARK"]);
  }
  const meta = data.meta || {};
  return {
    url: data.url,
    title: meta.title || data.url,
    date: meta.date || "",
    dateLabel: meta.date_label || meta.date || "",
    outlet: meta.outlet || "",
    excerpt,
  };
}

/**
 * Shard k (0 = newest) joins with Pagefind's indexWeight 1 + k·SHARD_MARK. Sorted by date, Pagefind
 * scores a page by its position in its own shard (0, 1, … from the oldest; negated for "asc"), and
 * merges shards by score, interleaving them; the mark, far too small to reorder a search by relevance,
 * tells each result's shard, so the shards' disjoint date ranges can follow each other instead. Position
 * 0 (score 0 at any weight) is always the shard's hidden record (src/search/pagefind.ts).
 */
const SHARD_MARK = 1e-9;
function shardOf(score: number): number {
  const weighted = Math.abs(score);
  const position = Math.round(weighted);
  return position === 0 ? 0 : Math.round((weighted - position) / (position * SHARD_MARK));
}

/** What the page must know of the delta to merge it: its place among the bundles and its pages' by date. */
interface DeltaOrder {
  /** Its k: joined after every shard. */
  index: number;
  points: DeltaShard["points"];
}

/**
 * The merged results sorted by date (`sort` given), shard after shard and each shard in its order, the delta's
 * pages each at its point among them; otherwise as Pagefind merged them.
 */
function orderResults(results: PagefindResult[], sort: Sort, delta: DeltaOrder | null): PagefindResult[] {
  const [direction] = Object.values(sort);
  if (!direction) return results;
  const sign = direction === "asc" ? 1 : -1;
  // Oldest first, a page at [k, p] comes after every page of shards above k, and after p's predecessors in k.
  const keyed = results.map((result, i) => {
    const shard = shardOf(result.score);
    const position = Math.round(Math.abs(result.score));
    const point = delta && shard === delta.index ? delta.points[position - 1] : null;
    // Points past those the build listed cannot happen; such a page keeps Pagefind's place (after the rest).
    const key: [number, number, number] = point
      ? [-point[0], point[1], position]
      : delta && shard === delta.index
        ? [1, 0, i]
        : [-shard, position, 0];
    return { result, key };
  });
  return keyed
    .sort((a, b) => sign * (a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2]))
    .map(({ result }) => result);
}

/** Counts (copied) less the filter values of `pages`; with `dropEmpty`, values left at 0 are gone, as in an index without them. */
function withoutPages(counts: FilterCounts, pages: Iterable<SupersededPage>, dropEmpty: boolean): FilterCounts {
  const out: FilterCounts = {};
  for (const [name, values] of Object.entries(counts)) out[name] = { ...values };
  for (const page of pages) {
    for (const [name, values] of Object.entries(page.filters)) {
      for (const value of values) if (out[name]?.[value] !== undefined) out[name][value] -= 1;
    }
  }
  if (dropEmpty) {
    for (const values of Object.values(out))
      for (const [value, n] of Object.entries(values)) if (n <= 0) delete values[value];
  }
  return out;
}

/**
 * Each filter's values by code point, as one index lists them: Pagefind's merge lists the first bundle's values
 * first, then the values only later bundles have.
 */
function inValueOrder(counts: FilterCounts): FilterCounts {
  return Object.fromEntries(
    Object.entries(counts).map(([name, values]) => [
      name,
      Object.fromEntries(Object.entries(values).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    ]),
  );
}

/**
 * Pagefind splits every query with Intl.Segmenter, whose first use loads the browser's segmentation data:
 * 65 ms in Chromium, once. Done while the page waits for typing, it is not part of the first query's wait.
 */
function warmUpSegmenter(): void {
  if (typeof Intl.Segmenter === "undefined") return;
  const lang = document.documentElement.lang || "en";
  setTimeout(() => {
    for (const _ of new Intl.Segmenter(lang, { granularity: "grapheme" }).segment("warm")) break;
  });
}

/** The same filters and values, each counting no article. */
function zeroCounts(counts: FilterCounts): FilterCounts {
  return Object.fromEntries(
    Object.entries(counts).map(([name, values]) => [name, Object.fromEntries(Object.keys(values).map((v) => [v, 0]))]),
  );
}

/** The synthetic filter (Pagefind's mergeFilter) naming each page's shard, so a query can leave shards out. */
const SHARD_FILTER = "__shard";

/** Words as Pagefind makes them of a query: lower case, punctuation dropped, accents folded. */
function pagefindWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]+/gu, "")
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .split(/\s+/)
    .filter(Boolean);
}

/**
 * Whether Pagefind's results really match `text`. A query word that begins no indexed word makes Pagefind
 * fall back to shorter forms of it ("balochistn" finds "baloch", a typo of five letters finds words of
 * one), where the fallback index finds nothing. A word falls back for every result alike, so the first
 * result tells: each query word (stemmed as Pagefind stems it) must begin a word it matched in the text, or
 * a word of its meta (outlet, authors, dateline, date: Pagefind searches them, and gives no location then).
 */
async function reallyMatches(text: string, first: PagefindResult): Promise<boolean> {
  const stem = window.__porter2?.stem;
  const data = await first.data();
  if (!stem || data.content === undefined || !data.locations) return true;
  const words = data.content.split(/[\r\n\s]+/g);
  const matched = [
    ...data.locations.map((at) => pagefindWords(words[at] ?? "").join("")),
    ...Object.values(data.meta ?? {}).flatMap((value) => value.split(/[\s-]+/).flatMap(pagefindWords)),
  ];
  return pagefindWords(text)
    .map((word) => stem(word))
    .every((term) => matched.some((word) => word.startsWith(term) || stem(word).startsWith(term)));
}

/**
 * Ids of the shards to leave out of a query. A shard indexed before the archive gained a word lacks it, and
 * answers a query term it cannot complete with loose matches where a complete shard answers nothing; the
 * manifest lists the loose terms of each such shard's vocabulary (src/search/vocabulary.ts). Query
 * terms are made as Pagefind makes them — lower case, punctuation dropped, accents folded — and stemmed as
 * it stems them.
 */
function shardsLacking(
  text: string,
  shards: ManifestShard[],
  looseOf: (shard: ManifestShard) => LooseTerm[],
): string[] {
  const stem = window.__porter2?.stem;
  if (!stem || !shards.some((shard) => looseOf(shard).length)) return [];
  const terms = pagefindWords(text).map((word) => stem(word));
  return shards
    .filter((shard) =>
      looseOf(shard).some(([loose, from]) => terms.some((term) => term.length >= from && loose.startsWith(term))),
    )
    .map((shard) => shard.id);
}

/** The shards, joined: what both Pagefind instances are made of. */
interface JoinedShards {
  pagefind: PagefindModule;
  shards: ManifestShard[];
  looseOf: (shard: ManifestShard) => LooseTerm[];
  /** Pages never shown: the hidden records, and the shards' pages the delta supersedes. */
  dropped: ReadonlySet<string>;
  /** The superseded pages, by id. */
  superseded: ReadonlyMap<string, SupersededPage>;
  delta: DeltaOrder | null;
  /** A new instance over every shard; in Pagefind's web worker unless `noWorker`. */
  instance(noWorker: boolean): Promise<PagefindInstance>;
}

async function joinShards(bundleUrl: string, shardsUrl: string): Promise<JoinedShards> {
  const [pagefind, manifest] = await Promise.all([
    import(bundleUrl) as Promise<PagefindModule>,
    fetch(shardsUrl).then((response) => {
      if (!response.ok) throw new Error(`search: cannot load ${shardsUrl}`);
      return response.json() as Promise<ShardManifest>;
    }),
  ]);
  const siteRoot = new URL("../", bundleUrl);
  // The delta, if any, joins last, as one more shard that lacks no word.
  const shards: ManifestShard[] = manifest.delta ? [...manifest.shards, manifest.delta] : manifest.shards;
  const looseOf = (shard: ManifestShard) => (shard.vocabulary !== null && manifest.loose?.[shard.vocabulary]) || [];
  const [primary, ...others] = shards.map((shard) => new URL(shard.bundle, siteRoot).pathname);
  // Shards are named only when one may have to be left out: a filter more is work for every search.
  const someLoose = shards.some((shard) => looseOf(shard).length);
  const named = (i: number) => (someLoose ? { mergeFilter: { [SHARD_FILTER]: shards[i].id } } : {});
  const superseded = new Map((manifest.delta?.superseded ?? []).map((page) => [page.id, page]));
  const dropped = new Set([
    ...shards.map((shard) => shard.hidden).filter((id): id is string => Boolean(id)),
    ...superseded.keys(),
  ]);
  const delta = manifest.delta ? { index: manifest.shards.length, points: manifest.delta.points } : null;
  // Result URLs are site-absolute ("/articles/…"): prefix the path the site is served under.
  const options = { baseUrl: siteRoot.pathname, excerptLength: SEARCH_PAGE.excerptWords };
  const instance = async (noWorker: boolean) => {
    const created = pagefind.createInstance({
      ...options,
      ...named(0),
      basePath: primary,
      ...(noWorker ? { noWorker: true } : {}),
    });
    for (const [i, basePath] of others.entries()) {
      await created.mergeIndex(basePath, { ...options, ...named(i + 1), indexWeight: 1 + (i + 1) * SHARD_MARK });
    }
    return created;
  };
  return { pagefind, shards, looseOf, dropped, superseded, delta, instance };
}

/** The Pagefind engine over the shards of `shardsUrl`, the primary bundle's pagefind.js at `bundleUrl`. */
export async function pagefindEngine(bundleUrl: string, shardsUrl: string, filterNames: string[]): Promise<Engine> {
  const joined = await joinShards(bundleUrl, shardsUrl);
  const { shards, looseOf, dropped, superseded, delta } = joined;
  const shown = (result: PagefindResult) => !dropped.has(result.id);
  const supersededIn = (results: PagefindResult[]) =>
    results.flatMap((result) => superseded.get(result.id) ?? []) satisfies SupersededPage[];
  const finder = await joined.instance(true);
  warmUpSegmenter();
  let counter: PagefindInstance | null = null;
  let counterReady: Promise<void> | null = null;
  let allTotals: FilterCounts | null = null;
  let last: { text: string | null; selected: PagefindFilters } | null = null;
  let counting: Promise<unknown> = Promise.resolve();
  /**
   * Counts of every filter value over the last search (Pagefind's filters and totalFilters), or null when
   * a newer search came first. Counts run one at a time and skip superseded searches, so typing does not
   * queue up counts the worker would work through one by one.
   */
  const countsOfLast = (): Promise<Counts | null> => {
    const asked = last!;
    const counts = counting.then(async () => {
      if (asked !== last) return null;
      const counted = await counter!.search(asked.text, { filters: asked.selected });
      if (superseded.size === 0) return { filters: counted.filters, totalFilters: counted.totalFilters };
      // Pagefind counted the superseded pages among the results too: before the filters (totalFilters, all
      // pages for a blank query), and after them.
      const filtered = supersededIn(counted.results);
      const unfiltered =
        asked.text === null
          ? superseded.values()
          : Object.keys(asked.selected).length === 0
            ? filtered
            : supersededIn((await finder.search(asked.text, { filters: {} })).results);
      return {
        filters: withoutPages(counted.filters, filtered, false),
        totalFilters: withoutPages(counted.totalFilters, unfiltered, false),
      };
    });
    counting = counts.catch(() => null);
    return counts;
  };
  return {
    filterNames,
    async loadFilter() {
      counterReady ??= (async () => {
        const instance = await joined.instance(false);
        allTotals = inValueOrder(withoutPages(await instance.filters(), superseded.values(), true));
        counter = instance;
      })();
      await counterReady;
    },
    totals() {
      return allTotals || {};
    },
    lastCounts() {
      return last && counter ? countsOfLast() : null;
    },
    /** Fetches the index chunks a query needs while the typing pause runs (as Pagefind's debouncedSearch does). */
    preload(text) {
      finder.preload(text).catch(() => {});
    },
    async search(text, selected, sort) {
      const blank = text.trim() === "";
      const lacking = blank ? [] : shardsLacking(text, shards, looseOf);
      if (lacking.length === shards.length) {
        // No shard can complete a term (cannot happen: the shards indexed last know every word).
        last = null;
        return { counts: null, results: [], undated: 0 };
      }
      const filters: PagefindFilters = lacking.length
        ? { ...selected, [SHARD_FILTER]: { any: shards.map((s) => s.id).filter((id) => !lacking.includes(id)) } }
        : selected;
      const query = blank ? null : text;
      let results = orderResults((await finder.search(query, { filters, sort })).results.filter(shown), sort, delta);
      let undated = 0;
      if (sort.date) {
        // Sorted by date, Pagefind lists only the pages that carry a date: the others follow, by best match.
        const dated = new Set(results.map((result) => result.id));
        const all = (await finder.search(query, { filters })).results;
        const rest = all.filter((result) => shown(result) && !dated.has(result.id));
        results = [...results, ...rest];
        undated = rest.length;
      }
      if (!blank && results.length > 0 && !(await reallyMatches(text, results[0]))) {
        // Nothing really matches: no results, and every filter value counts none.
        last = null;
        const none = zeroCounts(allTotals || {});
        return { counts: counter ? { filters: none, totalFilters: none } : null, results: [], undated: 0 };
      }
      last = { text: query, selected: filters };
      return {
        counts: counter ? countsOfLast() : null,
        results: results.map((result) => async () => pagefindResult(await result.data())),
        undated,
      };
    },
  };
}
