/**
 * The index stage: the rendered article pages → the site's search, for both ways the site is opened.
 *
 * - Pagefind's index in shards (pagefind/, pagefind-shards/ and pagefind-shards.json: src/search/pagefind.ts,
 *   planned by src/search/shards.ts), with the terms a reused shard lacks (src/search/vocabulary.ts);
 * - the fallback index for pages opened from disk (search/offline/: src/search/offline-index.ts), written
 *   while Pagefind indexes the first shard in its own process;
 * - the entity suggestions' MiniSearch index (search/suggest.js: src/search/suggest-index.ts);
 * - the search page's own scripts (assets/search.js, assets/search-terms.js, assets/stemmer.js): its
 *   TypeScript in src/search/browser/, bundled by src/search/page-scripts.ts.
 *
 * Pagefind reads only the article pages, so the stage may start once they are written, while the render
 * writes the rest (src/pipeline/site.ts); the suggestions and the offline index wait for the render's end.
 */
import type { RecordDigests } from "../archive/index.ts";
import type { Archive } from "../types.ts";
import { collectGarbageIfGrown } from "../util/memory.ts";
import { writeOfflineIndex } from "./offline-index.ts";
import { writeSearchPageScripts } from "./page-scripts.ts";
import { indexSearch, type SearchIndexResult } from "./pagefind.ts";
import { deltaLimit, SHARD_ARTICLES } from "./shards.ts";
import { writeSuggestIndex } from "./suggest-index.ts";

export { prepareSearchPageScripts } from "./page-scripts.ts";

export interface IndexOptions {
  /** Article slug → searchFingerprint (src/render/page-reuse.ts) of its page, from the render stage. */
  searchFingerprints: ReadonlyMap<string, string>;
  /** The search filters that have values (src/render/views/search-filters.ts), from the render stage. */
  filterKeys: ReadonlySet<string>;
  /** The site this one replaces: its search index is kept, and only the articles changed since are indexed. */
  previousDir?: string;
  /** Most articles per search-index shard (default SHARD_ARTICLES in src/search/shards.ts). */
  shardSize?: number;
  /**
   * The render's end, when the index stage starts before it (src/pipeline/site.ts). The entity suggestions,
   * which offer only the stories whose page was built, and the offline index, whose postings are not to be
   * held beside the render's views, wait for it.
   */
  siteRendered?: Promise<unknown>;
  /** This thread is still rendering: Pagefind is fed from a worker thread (src/search/pagefind-bundle.ts). */
  offThread?: boolean;
  /** Stops the indexing once aborted (the render beside it failed: SearchIndexOptions.signal). */
  signal?: AbortSignal;
  /** The archive's record digests, from the archive stage (SearchIndexOptions.recordDigests). */
  recordDigests?: RecordDigests;
}

/** Indexes the article pages already rendered into `output` (an absolute path) for search. */
export async function indexSite(archive: Archive, output: string, options: IndexOptions): Promise<SearchIndexResult> {
  await writeSearchPageScripts(output);
  return indexSearch(output, archive, {
    searchFingerprints: options.searchFingerprints,
    previousDir: options.previousDir,
    shardSize: options.shardSize,
    offThread: options.offThread,
    signal: options.signal,
    recordDigests: options.recordDigests,
    meanwhile: async (shardsFollow) => {
      await options.siteRendered;
      // When whole shards are being indexed, each Pagefind process beside this one holds a shard's pages in
      // memory: the render's views, garbage now, are collected before the offline index is built on top of
      // them, and that index's own garbage once it is written. A rebuild that indexes a delta, or nothing,
      // runs no such process and is about to end: each collection cost 0.4 s at 10,000 articles, 1–1.3 s at
      // 50,000.
      if (shardsFollow) collectGarbageIfGrown();
      await writeSuggestIndex(archive, output, options.filterKeys, options.previousDir);
      await writeOfflineIndex(archive, output, {
        filterable: options.filterKeys,
        searchFingerprints: options.searchFingerprints,
        previousDir: options.previousDir,
        deltaLimit: deltaLimit(options.shardSize ?? SHARD_ARTICLES),
      });
      if (shardsFollow) collectGarbageIfGrown();
    },
  });
}
