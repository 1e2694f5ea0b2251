// ───────── from disk: the fallback index (terms made by search-terms.js, as at build time) ─────────
//
// The index is classic scripts (search/offline/: src/search/offline-index.ts), each handing its data to
// window.__archiveSearch; the engine loads only the files a query needs and scores with BM25.
//
// delta.js, loaded with meta.js, holds the articles added or changed since the other files were written; the
// engine counts its documents with theirs and leaves out the ids it supersedes, and orders documents of one date
// (and of one score) by their place in the site's order (rank), so it answers as an index written whole would.
import { SEARCH_PAGE } from "../../settings.ts";
import { loadScript } from "./dom.ts";
import { DELTA_FILE, docShardFile, filterFile, termShardFile } from "./offline-files.ts";
import type { TermFunctions } from "./terms.ts";
import type {
  Counts,
  Engine,
  ExcerptSegment,
  FilterCounts,
  OfflineDelta,
  OfflineDoc,
  OfflineMeta,
  ResultLoader,
  Sort,
} from "./types.ts";

const decodeIds = (text: string): number[] => {
  const ids: number[] = [];
  let id = 0;
  for (const part of text ? text.split(",") : []) {
    id += Number.parseInt(part, 36);
    ids.push(id);
  }
  return ids;
};

/** [doc, tf, in title] of each posting. */
const decodePostings = (text: string): [doc: number, tf: number, title: boolean][] => {
  const out: [number, number, boolean][] = [];
  let id = 0;
  for (const part of text.split(",")) {
    const title = part.endsWith("*");
    const [delta, tf] = (title ? part.slice(0, -1) : part).split(":");
    id += Number.parseInt(delta, 36);
    out.push([id, tf === undefined ? 1 : Number.parseInt(tf, 36), title]);
  }
  return out;
};

/**
 * Query terms. Each also matches the words it begins ("balo" → "balochistan"), as Pagefind extends every word
 * of a query, typed or not; the word itself weighs more.
 */
function parseQuery(text: string, { stem, words }: TermFunctions): { terms: string[] } {
  return { terms: [...new Set(words(text).map(stem))] };
}

/** Words in an excerpt, as Pagefind's excerptLength (src/settings.ts). */
const EXCERPT_WORDS = SEARCH_PAGE.excerptWords;

/**
 * About 30 words with the hits in <mark> (Pagefind's excerpt, as HTML-free segments): like Pagefind, the
 * window holding the most hits, with its first hit near the middle.
 */
function excerptOf(text: string, terms: string[], { tokenize }: TermFunctions): ExcerptSegment[] {
  const all = [...text.matchAll(/\S+/g)].map((m) => m[0]);
  const hit = (word: string) => tokenize(word).some((t) => terms.some((term) => t.startsWith(term)));
  const hits = all.flatMap((word, at) => (hit(word) ? [at] : []));
  const last = Math.max(0, all.length - EXCERPT_WORDS);
  let start = 0;
  let most = 0;
  for (const at of hits) {
    const from = Math.min(last, Math.max(0, at - EXCERPT_WORDS / 2));
    const count = hits.filter((h) => h >= from && h < from + EXCERPT_WORDS).length;
    if (count > most) [start, most] = [from, count];
  }
  const shown = all.slice(start, start + EXCERPT_WORDS);
  const segments: ExcerptSegment[] = [];
  shown.forEach((word, i) => {
    segments.push([word, hit(word)]);
    if (i < shown.length - 1) segments.push([" ", false]);
  });
  return segments;
}

/** How much a document matches a term: its count, whether it is in the title, and the match's weight. */
interface Match {
  tf: number;
  title: number;
  weight: number;
}

/** BM25's parameters. */
const K1 = 1.2;
const B = 0.75;

/** The fallback index as loaded so far: the files a query needs are loaded as it asks for them. */
class OfflineIndex {
  private readonly base: URL;
  private readonly loading = new Map<string, Promise<void>>();
  private readonly received = {
    meta: null as OfflineMeta | null,
    delta: undefined as OfflineDelta | null | undefined,
    terms: new Map<string, Record<string, string>>(),
    docs: new Map<number, OfflineDoc[]>(),
    filters: new Map<string, [string, string][]>(),
  };
  meta!: OfflineMeta;
  private keys: string[] = [];
  private lengths: number[] = [];
  private dates: string[] = [];
  private averageLength = 0;
  /** Documents that count (live): every id but those the delta supersedes. */
  private documents = 0;
  private delta: OfflineDelta | null = null;
  private superseded = new Set<number>();
  /** A document's place in the site's order: its id, or for a delta document where it goes among the others. */
  private rank: (doc: number) => number = (doc) => doc;
  /** name → Map(value → doc ids), for the filters loaded so far. */
  readonly filterDocs = new Map<string, Map<string, number[]>>();

  constructor(
    private readonly metaUrl: string,
    private readonly termFunctions: TermFunctions,
  ) {
    this.base = new URL(".", metaUrl);
    const received = this.received;
    window.__archiveSearch = {
      addMeta(meta) {
        received.meta = meta;
      },
      addTerms(key, terms) {
        received.terms.set(key, terms);
      },
      addDocs(n, docs) {
        received.docs.set(n, docs);
      },
      addFilter(name, values) {
        received.filters.set(name, values);
      },
      addDelta(delta) {
        received.delta = delta;
      },
    };
  }

  load(file: string): Promise<void> {
    if (!this.loading.has(file)) this.loading.set(file, loadScript(new URL(file, this.base).href));
    return this.loading.get(file)!;
  }

  async init(): Promise<void> {
    await Promise.all([this.load(new URL(this.metaUrl).pathname.split("/").pop()!), this.load(DELTA_FILE)]);
    const meta = this.received.meta;
    if (!meta) throw new Error("search index: meta.js did not register");
    if (this.received.delta === undefined) throw new Error("search index: delta.js did not register");
    this.meta = meta;
    this.keys = meta.keys;
    this.lengths = meta.docs ? meta.lengths.split(",").map((n) => Number.parseInt(n, 36)) : [];
    this.dates = meta.docs ? meta.dates.split(",") : [];
    const delta = this.received.delta;
    if (delta) {
      this.delta = delta;
      this.superseded = new Set(delta.superseded);
      this.lengths.push(...delta.lengths);
      this.dates.push(...delta.dates);
      this.rank = (doc) => (doc < delta.base ? doc : delta.ranks[doc - delta.base]);
    }
    this.documents = this.lengths.length - this.superseded.size;
    const total = this.lengths.reduce((sum, length, doc) => (this.superseded.has(doc) ? sum : sum + length), 0);
    this.averageLength = total / Math.max(1, this.documents);
  }

  /** The filters that have values, by name. */
  get filterList(): OfflineMeta["filters"] {
    return this.delta?.filterList ?? this.meta.filters;
  }

  /** Loads one filter's values (f-<name>.js) on first use. */
  async loadFilter(name: string): Promise<void> {
    if (this.filterDocs.has(name)) return;
    // A filter only the delta has values of has no file.
    if (this.meta.filters.some((filter) => filter.name === name)) await this.load(filterFile(name));
    const merged = new Map<string, number[]>();
    for (const [value, ids] of this.received.filters.get(name) || []) {
      const live = decodeIds(ids).filter((doc) => !this.superseded.has(doc));
      if (live.length) merged.set(value, live);
    }
    for (const [value, ids] of this.delta?.filters[name] || [])
      merged.set(value, [...(merged.get(value) ?? []), ...decodeIds(ids)]);
    // Built as an object, like Pagefind's filter counts, so the values keep the same order (numeric
    // keys such as years first, ascending; the others by code point, as the files list them).
    const byValue: Record<string, number[]> = {};
    for (const value of [...merged.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
      byValue[value] = merged.get(value)!;
    this.filterDocs.set(name, new Map(Object.entries(byValue)));
  }

  /** The shard of an exact term: the longest key that is a prefix of it. */
  private keyOf(term: string): string | null {
    let best: string | null = null;
    for (const key of this.keys) if (term.startsWith(key) && (best === null || key.length > best.length)) best = key;
    return best;
  }

  private keysFor(term: string, isPrefix: boolean): string[] {
    const found = new Set<string>();
    const own = this.keyOf(term);
    if (own !== null) found.add(own);
    if (isPrefix) for (const key of this.keys) if (key.startsWith(term)) found.add(key);
    return [...found];
  }

  /** The query's terms, once the index files that hold them are loaded. */
  async loadTerms(text: string): Promise<{ terms: string[] }> {
    const query = parseQuery(text, this.termFunctions);
    await Promise.all(
      query.terms.flatMap((term) => this.keysFor(term, true).map((key) => this.load(termShardFile(key)))),
    );
    return query;
  }

  /** doc → [tf, inTitle] for every index term matching `term` (as a prefix when asked). */
  private matches(term: string, isPrefix: boolean): Map<number, Match> {
    const byDoc = new Map<number, Match>();
    const sources = this.keysFor(term, isPrefix).map((key) => this.received.terms.get(key) || {});
    if (this.delta) sources.push(this.delta.terms);
    for (const shard of sources) {
      const names = isPrefix
        ? Object.keys(shard).filter((t) => t.startsWith(term))
        : Object.hasOwn(shard, term)
          ? [term]
          : [];
      for (const name of names) {
        const exact = name === term;
        for (const [doc, tf, title] of decodePostings(shard[name])) {
          if (this.superseded.has(doc)) continue;
          // Completions weigh a little less than the word itself.
          const weight = exact ? 1 : 0.8;
          const seen = byDoc.get(doc);
          const inTitle = title ? 1 : 0;
          if (!seen || seen.weight * (seen.tf + seen.title) < weight * (tf + inTitle)) {
            byDoc.set(doc, { tf, title: inTitle, weight });
          }
        }
      }
    }
    return byDoc;
  }

  /** BM25 score of every document matching all of `terms` (each also as a prefix). */
  scores(terms: string[]): Map<number, number> {
    let scores: Map<number, number> | null = null;
    for (const term of terms) {
      const byDoc = this.matches(term, true);
      const idf = Math.log(1 + (this.documents - byDoc.size + 0.5) / (byDoc.size + 0.5));
      const next = new Map<number, number>();
      for (const [doc, { tf, title, weight }] of byDoc) {
        if (scores && !scores.has(doc)) continue; // every term must match
        const norm = tf + K1 * (1 - B + (B * this.lengths[doc]) / this.averageLength);
        const score = weight * idf * ((tf * (K1 + 1)) / norm + 1.5 * title);
        next.set(doc, (scores ? scores.get(doc)! : 0) + score);
      }
      scores = next;
    }
    return scores || new Map();
  }

  /** Every document with score 0: what a blank query browses (through the filters selected). */
  everything(): Map<number, number> {
    const all = new Map<number, number>();
    for (let doc = 0; doc < this.lengths.length; doc++) if (!this.superseded.has(doc)) all.set(doc, 0);
    return all;
  }

  /**
   * The documents of `scores` in the order asked: by score, or by date with the undated ones after the
   * dated (by score among themselves); `undated` counts those when sorted by date.
   */
  ordered(scores: Map<number, number>, sort: Sort): { docs: number[]; undated: number } {
    const { dates, rank } = this;
    const inSiteOrder = (a: number, b: number) => rank(a) - rank(b) || a - b;
    const byScore = (a: number, b: number) => scores.get(b)! - scores.get(a)! || inSiteOrder(a, b);
    const docs = [...scores.keys()];
    if (!sort.date) return { docs: docs.sort(byScore), undated: 0 };
    const sign = sort.date === "asc" ? 1 : -1;
    const dated = docs
      .filter((doc) => dates[doc] !== "")
      .sort((a, b) => sign * (dates[a] < dates[b] ? -1 : dates[a] > dates[b] ? 1 : 0) || inSiteOrder(a, b));
    const undated = docs.filter((doc) => dates[doc] === "").sort(byScore);
    return { docs: [...dated, ...undated], undated: undated.length };
  }

  /** value → count over `docs`, for each loaded filter; values in the order of the filter file. */
  countsOver(docs: ReadonlySet<number> | null): FilterCounts {
    const counts: FilterCounts = {};
    for (const [name, map] of this.filterDocs) {
      counts[name] = {};
      for (const [value, ids] of map) counts[name][value] = docs ? ids.filter((id) => docs.has(id)).length : ids.length;
    }
    return counts;
  }

  /** A document of the doc files (not the delta's). */
  private async keptDoc(doc: number, docShard: number): Promise<OfflineDoc> {
    const shard = Math.floor(doc / docShard);
    await this.load(docShardFile(shard));
    return this.received.docs.get(shard)![doc - shard * docShard];
  }

  /** Loads a result's document when it is drawn. */
  result(doc: number, terms: string[]): ResultLoader {
    return async () => {
      const { docShard } = this.meta;
      const { delta } = this;
      const fromDelta = delta && doc >= delta.base ? delta.docs[doc - delta.base] : null;
      const [path, title, date, dateLabel, outlet, body] = fromDelta ?? (await this.keptDoc(doc, docShard));
      return {
        url: new URL(`../../${path}`, this.base).href,
        title,
        date,
        dateLabel,
        outlet,
        excerpt: excerptOf(body, terms, this.termFunctions),
      };
    };
  }
}

/**
 * The engine: search(text, filters, sort) → { results: [load()], filters, totalFilters }, like Pagefind's.
 * `terms` are the term functions of /assets/search-terms.js, as the build made the index's terms.
 */
export async function offlineEngine(metaUrl: string, terms: TermFunctions): Promise<Engine> {
  const index = new OfflineIndex(metaUrl, terms);
  await index.init();
  /** The articles of the last search, before and after its filters. */
  let last: { docs: Set<number>; unfiltered: Set<number> } | null = null;
  const countsOfLast = (): Counts | null =>
    last ? { filters: index.countsOver(last.docs), totalFilters: index.countsOver(last.unfiltered) } : null;
  return {
    filterNames: index.filterList.map((f) => f.name),
    loadFilter: (name) => index.loadFilter(name),
    totals: () => index.countsOver(null),
    lastCounts: countsOfLast,
    /** Loads the term files a query needs while the typing pause runs. */
    preload(text) {
      index.loadTerms(text).catch(() => {});
    },
    async search(text, selected, sort) {
      const { terms } = await index.loadTerms(text);
      await Promise.all(Object.keys(selected).map((name) => index.loadFilter(name)));
      // A blank query browses the filters' articles; a query lists the articles that have all its words.
      const scores = terms.length === 0 ? index.everything() : index.scores(terms);
      const unfiltered = new Set(scores.keys());
      // Like Pagefind's filters given as arrays: an article must carry every value selected.
      for (const [name, values] of Object.entries(selected)) {
        for (const value of values) {
          const allowed = new Set(index.filterDocs.get(name)?.get(value) || []);
          for (const doc of [...scores.keys()]) if (!allowed.has(doc)) scores.delete(doc);
        }
      }
      const { docs, undated } = index.ordered(scores, sort);
      last = { docs: new Set(docs), unfiltered };
      return { counts: countsOfLast(), results: docs.map((doc) => index.result(doc, terms)), undated };
    },
  };
}
