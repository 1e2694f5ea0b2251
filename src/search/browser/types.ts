// What the search page's two engines (Pagefind over http(s): pagefind-engine.ts; the fallback index from
// disk: offline-engine.ts) give the one page that draws them (page.ts), and the globals its scripts share.
import type { SuggestData } from "./suggest-options.ts";
import type { TermFunctions } from "./terms.ts";

/** Sort as Pagefind takes it: {} for best match, { date: "asc" | "desc" }. */
export type Sort = Record<string, string>;
/** Filter name → the values selected (an article must carry every one). */
export type Selected = Record<string, string[]>;
/** Filter name → value → number of articles, in the order the page lists the values. */
export type FilterCounts = Record<string, Record<string, number>>;

/** Counts of every loaded filter's values over a search's results, before and after its filters. */
export interface Counts {
  filters: FilterCounts;
  totalFilters: FilterCounts;
}

/** A piece of an excerpt, and whether it is a hit (drawn in <mark>). */
export type ExcerptSegment = [text: string, marked: boolean];

/** A result as the page draws it. */
export interface ResultData {
  url: string;
  title: string;
  date: string;
  dateLabel: string;
  outlet: string;
  excerpt: ExcerptSegment[];
}

/** Fetches a result's data: results are listed at once and loaded as they are drawn. */
export type ResultLoader = () => Promise<ResultData>;

export interface Found {
  /** The filters' counts over the results, when the engine has them (or once it has them). */
  counts: Counts | Promise<Counts | null> | null;
  results: ResultLoader[];
  /** Sorted by date: how many of the results, listed last, have no date (by best match among themselves). */
  undated: number;
}

export interface Engine {
  /** Filter names in Pagefind's order (by name), as the page lists them. */
  filterNames: string[];
  /** Loads a filter's values (and, for Pagefind, all of them) on first use. */
  loadFilter(name: string): Promise<void>;
  /** Counts of every value of the loaded filters over all articles (Pagefind's filters()). */
  totals(): FilterCounts;
  /** Counts over the last search, or null when there is none. */
  lastCounts(): Counts | Promise<Counts | null> | null;
  /** Starts loading what a query needs while typing pauses. */
  preload(text: string): void;
  /**
   * The articles matching every word of `text` (each also as a prefix, as Pagefind extends every word) and every value selected;
   * a blank `text` browses the articles of the values selected. Words the index lacks match nothing (no
   * falling back to shorter words). Sorted by date, the undated results follow the dated ones.
   */
  search(text: string, selected: Selected, sort: Sort): Promise<Found>;
}

/** What the fallback index's scripts (search/offline/*.js: src/search/offline-index.ts) call. */
export interface OfflineReceiver {
  addMeta(meta: OfflineMeta): void;
  addTerms(key: string, terms: Record<string, string>): void;
  addDocs(n: number, docs: OfflineDoc[]): void;
  addFilter(name: string, values: [value: string, ids: string][]): void;
  addDelta(delta: OfflineDelta | null): void;
}

/** meta.js of the fallback index. */
export interface OfflineMeta {
  version: number;
  docs: number;
  docShard: number;
  /** Base-36 BM25 lengths, comma-separated, by doc id. */
  lengths: string;
  /** YYYYMMDD or "", comma-separated, by doc id. */
  dates: string;
  keys: string[];
  filters: { name: string; values: number }[];
}

/**
 * delta.js of the fallback index: the articles added or changed since the other files were written, under the
 * doc ids after theirs, and the ids of theirs that are gone or replaced.
 */
export interface OfflineDelta {
  /** The other files' number of documents: the delta's documents are base, base + 1, … */
  base: number;
  /** Doc ids of the other files that no longer count. */
  superseded: number[];
  docs: OfflineDoc[];
  /** BM25 lengths, sort dates (YYYYMMDD or "") of the delta's documents. */
  lengths: number[];
  dates: string[];
  /** Where each delta document is in the site's order among the other files' ids (between ⌊rank⌋ and ⌈rank⌉). */
  ranks: number[];
  /** Term → postings (the delta's doc ids), as in a term file. */
  terms: Record<string, string>;
  /** Filter → [value, doc ids] of the delta's documents, as in a filter file. */
  filters: Record<string, [value: string, ids: string][]>;
  /** The filters that have values now, replacing meta.js's list. */
  filterList: OfflineMeta["filters"];
}

/** A document of the fallback index: path, title, date, date label, outlet, excerpt text. */
export type OfflineDoc = [path: string, title: string, date: string, dateLabel: string, outlet: string, body: string];

declare global {
  /** Set by /assets/search-terms.js (terms-script.ts). */
  var __archiveTerms: TermFunctions;
  interface Window {
    /** Set by /assets/stemmer.js: Snowball's English stemmer (src/search/page-scripts.ts). */
    __porter2?: { stem(word: string): string };
    /** Set by the offline engine for the fallback index's scripts to call. */
    __archiveSearch?: OfflineReceiver;
    /** Set by search/suggest.js (src/search/suggest-index.ts): the entity names' MiniSearch index. */
    __archiveSuggest?: SuggestData;
  }
}
