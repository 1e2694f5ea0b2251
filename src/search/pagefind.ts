/**
 * Builds the Pagefind index over the rendered article pages (only they carry data-pagefind-body) with
 * Pagefind's Node API, in the shards of src/search/shards.ts: each shard's bundle (with Pagefind's
 * scripts, of which the search page uses pagefind.js and the Component UI's stylesheet) in its own folder,
 * the primary in <outDir>/pagefind/, and the manifest at <outDir>/pagefind-shards.json.
 *
 * Each shard is indexed by a Pagefind process of its own, closed before the next starts, so memory is
 * bounded by the shard, not the archive. A shard whose fingerprint matches one of the previous build's is
 * linked from that build instead of indexed again, even when the archive's vocabulary has grown since: the
 * manifest then lists the terms it lacks (src/search/vocabulary.ts).
 *
 * A rebuild after a few articles changed keeps every shard and indexes only those articles, into the delta
 * bundle (src/search/shards.ts); past SEARCH_INDEX.maxDeltaArticles it compacts instead: the shards are planned
 * again, the changed ones indexed whole, and there is no delta.
 *
 * Pages are given to Pagefind one by one, oldest first (oldestFirst), not read from a folder: Pagefind keeps the
 * order it was given among pages of one date when it sorts by date, and a folder's order is the file system's.
 */
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { RecordDigests } from "../archive/index.ts";
import { reusePage } from "../render/page-reuse.ts";
import { keptFolder, siteFile } from "../render/site-overlay.ts";
import type { Archive } from "../types.ts";
import { articlePagePath } from "../urls.ts";
import { filesUnder } from "../util/files.ts";
import {
  type BundleJob,
  INDEX_CONFIG,
  indexBundleHere,
  indexBundleInWorker,
  readFragment,
  recordIds,
} from "./pagefind-bundle.ts";
import {
  DELTA_BUNDLE,
  DELTA_ID,
  type DeltaShard,
  deltaLimit,
  type IndexedPage,
  type IndexedPages,
  MANIFEST_FILE,
  type ManifestShard,
  oldestFirst,
  PAGES_FILE,
  planShards,
  readShardManifest,
  SHARD_ARTICLES,
  type ShardManifest,
  type ShardPlan,
  searchVocabulary,
  serializeShardManifest,
  shardFingerprint,
  VOCABULARY_URL,
} from "./shards.ts";
import {
  type LooseTerm,
  looseTerms,
  MAX_LOOSE_TERMS,
  readTerms,
  termsId,
  termsPath,
  vocabularyTerms,
  writeTerms,
} from "./vocabulary.ts";
import { keptVocabulary, readVocabularyWords, VOCABULARY_WORDS_FILE } from "./vocabulary-words.ts";

export interface SearchIndexOptions {
  /** Article slug → searchFingerprint (src/render/page-reuse.ts) of its page. */
  searchFingerprints: ReadonlyMap<string, string>;
  /** The previous build's site, whose shards are kept (or, compacting, whose unchanged shards are linked). */
  previousDir?: string;
  /** Most articles per shard (default SHARD_ARTICLES). */
  shardSize?: number;
  /**
   * Runs once the first shard is handed to Pagefind: Pagefind indexes in a process of its own, so work
   * given here (the offline index) uses the other core instead of waiting its turn. `shardsFollow`: whole
   * shards are being indexed, each in a Pagefind process beside this one (not only a delta, or nothing).
   */
  meanwhile?: (shardsFollow: boolean) => Promise<unknown>;
  /** This thread is busy (rendering): Pagefind is fed from a worker thread (src/search/pagefind-bundle.ts). */
  offThread?: boolean;
  /** The archive's record digests (src/archive): an article whose digest is unchanged keeps its words. */
  recordDigests?: RecordDigests;
  /**
   * Once aborted (the render beside it failed: src/pipeline/site.ts), no further bundle is indexed, and one
   * being indexed from a worker thread is given up.
   */
  signal?: AbortSignal;
}

export interface SearchIndexResult {
  /** Shards, the delta not counted. */
  shards: number;
  /** Shards linked from the previous build. */
  reused: number;
  /** Articles in the delta bundle (0: none). */
  delta: number;
}

async function pagefindVersion(): Promise<string> {
  const file = new URL("../package.json", import.meta.resolve("pagefind"));
  return (JSON.parse(await readFile(file, "utf8")) as { version: string }).version;
}

/** Links (or copies) `relativePaths` from `fromDir` into `toDir`, a few at a time. */
async function linkAll(fromDir: string, toDir: string, relativePaths: string[]): Promise<void> {
  for (let start = 0; start < relativePaths.length; start += 64) {
    const linked = await Promise.all(relativePaths.slice(start, start + 64).map((p) => reusePage(fromDir, toDir, p)));
    const missing = linked.indexOf(false);
    if (missing >= 0)
      throw new Error(`search index: cannot read ${path.join(fromDir, relativePaths[start + missing])}`);
  }
}

/** A page's URL in the index: its path from the site root (keepIndexUrl). */
const pageUrl = (slug: string) => `/${articlePagePath(slug)}`;

/** A bundle's pages as indexed, for PAGES_FILE; `slugs` oldest first, as they were given to Pagefind. */
function indexedPages(
  slugs: string[],
  archive: ReadonlyMap<string, { date: string | null }>,
  fingerprints: ReadonlyMap<string, string>,
  ids: ReadonlyMap<string, string>,
): IndexedPage[] {
  return slugs.map((slug) => {
    const id = ids.get(pageUrl(slug));
    if (!id) throw new Error(`search index: the page of ${slug} is missing from its bundle`);
    return [slug, archive.get(slug)?.date ?? null, fingerprints.get(slug) ?? "?", id];
  });
}

/**
 * Indexes `slugs` (oldest first) into `bundle` in a Pagefind process of its own, with the hidden vocabulary
 * record when `vocabulary` is given; returns every record's id by URL. `offThread`: fed from a worker thread
 * (src/search/pagefind-bundle.ts), because this thread is busy rendering; `signal`: see SearchIndexOptions.
 */
async function indexBundle(
  output: string,
  bundle: string,
  slugs: string[],
  vocabulary: string | null,
  onStarted: () => void,
  { offThread, signal }: Pick<SearchIndexOptions, "offThread" | "signal">,
): Promise<Map<string, string>> {
  signal?.throwIfAborted();
  const job: BundleJob = {
    bundleDir: path.join(output, bundle),
    // Where each page is now: staged, or kept in the live site (the overlay lives in this thread).
    pages: slugs.map((slug) => ({
      file: siteFile(path.join(output, articlePagePath(slug))),
      sourcePath: articlePagePath(slug),
    })),
    vocabulary,
  };
  return offThread ? indexBundleInWorker(job, onStarted, signal) : indexBundleHere(job, onStarted);
}

/** What `previous` (a manifest and its PAGES_FILE) says changed: the delta to index, and the pages it supersedes. */
interface DeltaPlan {
  /** Slugs of the articles not indexed as they are now, oldest first. */
  slugs: string[];
  superseded: { shard: ManifestShard; page: IndexedPage }[];
}

/**
 * The delta over the previous build's shards: the articles whose page is in no shard, or not as it is now, and
 * the shards' pages whose article changed or left. Null when the shards cannot be kept: they were indexed
 * otherwise, or the changes are too many (the build compacts).
 */
function planDelta(
  articles: Archive["articles"],
  fingerprints: ReadonlyMap<string, string>,
  previous: ShardManifest,
  pages: IndexedPages,
  limit: number,
): DeltaPlan | null {
  const indexed = new Map<string, string>();
  const superseded: DeltaPlan["superseded"] = [];
  for (const shard of previous.shards) {
    const shardPages = pages.bundles[shard.bundle];
    if (!shardPages || shardPages.length !== shard.articles) return null;
    for (const page of shardPages) {
      const [slug, , fingerprint] = page;
      if (fingerprints.get(slug) === fingerprint) indexed.set(slug, fingerprint);
      else superseded.push({ shard, page });
    }
  }
  const slugs = [...articles]
    .filter((article) => !indexed.has(article.slug))
    .sort(oldestFirst)
    .map((article) => article.slug);
  const supersededSlugs = new Set(superseded.map(({ page }) => page[0]));
  const changes = slugs.length + [...supersededSlugs].filter((slug) => !fingerprints.has(slug)).length;
  return changes > limit ? null : { slugs, superseded };
}

/**
 * Where each dated delta page (`slugs`, oldest first) sorts by date among the shards' pages (DeltaShard.points):
 * after the last page, of all shards oldest first, that sorts before it.
 */
function deltaPoints(
  slugs: string[],
  articles: ReadonlyMap<string, { date: string | null }>,
  shards: ManifestShard[],
  pages: IndexedPages,
): DeltaShard["points"] {
  // The shards' dated pages, oldest first, with their shard and position (the hidden record holds position 0).
  const placed: { slug: string; date: string; shard: number; position: number }[] = [];
  for (let k = shards.length - 1; k >= 0; k--) {
    let position = shards[k].hidden === null ? 0 : 1;
    for (const [slug, date] of pages.bundles[shards[k].bundle]) {
      if (date !== null) placed.push({ slug, date, shard: k, position: position++ });
    }
  }
  const points: DeltaShard["points"] = [];
  for (const slug of slugs) {
    const date = articles.get(slug)?.date ?? null;
    if (date === null) continue;
    let low = 0;
    let high = placed.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (oldestFirst(placed[middle], { slug, date }) < 0) low = middle + 1;
      else high = middle;
    }
    const before = placed[low - 1];
    points.push(before ? [before.shard, before.position + 0.5] : [shards.length - 1, -0.5]);
  }
  return points;
}

async function readIndexedPages(siteDir: string): Promise<IndexedPages | null> {
  try {
    const pages = JSON.parse(await readFile(path.join(siteDir, PAGES_FILE), "utf8")) as IndexedPages;
    return pages?.version === 1 && pages.bundles ? pages : null;
  } catch {
    return null;
  }
}

/**
 * The archive's vocabulary (searchVocabulary), its unchanged articles' words taken from the previous site's
 * record (src/search/vocabulary-words.ts) when the records' digests are known; and the record for the next build.
 */
async function archiveVocabulary(
  archive: Archive,
  output: string,
  previousDir: string | null,
  digests: RecordDigests | undefined,
): Promise<string> {
  if (!digests) return searchVocabulary(archive);
  const recorded = previousDir ? await readVocabularyWords(previousDir) : null;
  const kept = keptVocabulary(archive, (article) => digests.get(article) ?? "", recorded);
  const file = path.join(output, VOCABULARY_WORDS_FILE);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, kept.file);
  return kept.vocabulary;
}

export async function indexSearch(
  outDir: string,
  archive: Archive,
  options: SearchIndexOptions,
): Promise<SearchIndexResult> {
  const output = path.resolve(outDir);
  const shardSize = options.shardSize ?? SHARD_ARTICLES;
  const plans = planShards(archive.articles, shardSize);
  const fingerprints = options.searchFingerprints;
  const bySlug = new Map(archive.articles.map((article) => [article.slug, article]));
  const previousDir = options.previousDir ? path.resolve(options.previousDir) : null;
  // The vocabulary's terms are kept even with one shard, whose pages alone complete words: beside a delta it
  // is a shard like another, left out of queries for the words it lacks.
  const vocabulary = await archiveVocabulary(archive, output, previousDir, options.recordDigests);
  const terms = vocabularyTerms(vocabulary);
  const vocabularyId = termsId(terms);
  const sharded = plans.length > 1;
  const version = await pagefindVersion();
  const indexer = JSON.stringify({ pagefind: version, config: INDEX_CONFIG });
  // The vocabulary is not part of a shard's fingerprint: a shard with an older one is reused (looseTermsOf).
  const salt = JSON.stringify({ pagefind: version, config: INDEX_CONFIG, sharded });
  const previous = previousDir && previousDir !== output ? await readShardManifest(previousDir) : null;
  const previousPages = previous && previousDir ? await readIndexedPages(previousDir) : null;
  const looseById = new Map<string, Promise<LooseTerm[] | null>>();
  /**
   * What a previous build's shard lacks of today's vocabulary; null when it must be indexed again. Worked out
   * once per vocabulary (and `knownGone`): the shards indexed in one build share theirs.
   */
  const looseTermsOf = (shard: ManifestShard, knownGone: boolean): Promise<LooseTerm[] | null> => {
    const id = shard.vocabulary;
    if (id === vocabularyId) return Promise.resolve([]);
    if (id === null || !previousDir) return Promise.resolve(null);
    const key = `${id} ${knownGone}`;
    let loose = looseById.get(key);
    if (!loose) {
      loose = readTerms(previousDir, id).then((known) => {
        const lacking = known ? looseTerms(known, terms, knownGone) : null;
        return lacking && lacking.length <= MAX_LOOSE_TERMS ? lacking : null;
      });
      looseById.set(key, loose);
    }
    return loose;
  };

  let meanwhile: Promise<unknown> | null = null;
  const startMeanwhile = (shardsFollow: boolean) => {
    if (meanwhile || !options.meanwhile) return;
    meanwhile = options.meanwhile(shardsFollow);
    meanwhile.catch(() => {}); // awaited below; must not count as unhandled if indexing fails first
  };
  const manifest: ShardManifest = { version: 3, shards: [], loose: {}, delta: null };
  const pages: IndexedPages = { version: 1, indexer, bundles: {} };
  let reused = 0;
  try {
    const limit = deltaLimit(shardSize);
    const keep =
      previous && previousPages?.indexer === indexer && previousDir
        ? planDelta(archive.articles, fingerprints, previous, previousPages, limit)
        : null;
    const kept =
      keep && previous && previousPages && previousDir
        ? await keepShards(previousDir, previous, previousPages, keep)
        : null;
    if (kept) {
      reused = previous!.shards.length;
    } else {
      if (keep && previous) {
        // What keeping linked or indexed is dropped: compacting links or indexes each bundle afresh.
        const bundles = [...previous.shards.map((shard) => shard.bundle), DELTA_BUNDLE];
        await Promise.all(bundles.map((bundle) => rm(path.join(output, bundle), { recursive: true, force: true })));
      }
      manifest.shards = [];
      manifest.loose = {};
      manifest.delta = null;
      pages.bundles = {};
      await compact();
    }
    startMeanwhile(false); // every shard was linked: nothing ran beside the offline index

    /** Keeps every shard of the previous build and indexes the delta; false when it cannot (then compact). */
    async function keepShards(
      previousDir: string,
      previous: ShardManifest,
      previousPages: IndexedPages,
      keep: DeltaPlan,
    ): Promise<boolean> {
      const loose = await Promise.all(previous.shards.map((shard) => looseTermsOf(shard, true)));
      if (loose.some((terms) => terms === null)) return false;
      for (const shard of previous.shards) {
        if (!(await linkBundle(previousDir, shard.bundle, output, shard.bundle))) return false;
      }
      previous.shards.forEach((shard, i) => {
        manifest.shards.push(shard);
        pages.bundles[shard.bundle] = previousPages.bundles[shard.bundle];
        if (shard.vocabulary !== null && loose[i]!.length > 0) manifest.loose[shard.vocabulary] = loose[i]!;
      });
      if (keep.slugs.length === 0 && keep.superseded.length === 0) return true;
      // The delta always holds the hidden record: beside the shards it must complete every word.
      const fingerprint = shardFingerprint(keep.slugs, fingerprints, `${salt} ${vocabularyId}`);
      const before = previous.delta;
      let ids: Map<string, string>;
      if (
        before?.fingerprint === fingerprint &&
        previousPages.bundles[before.bundle] &&
        (await linkBundle(previousDir, before.bundle, output, DELTA_BUNDLE))
      ) {
        ids = new Map(previousPages.bundles[before.bundle].map(([slug, , , id]) => [pageUrl(slug), id]));
        if (before.hidden) ids.set(VOCABULARY_URL, before.hidden);
      } else {
        ids = await indexBundle(output, DELTA_BUNDLE, keep.slugs, vocabulary, () => startMeanwhile(false), options);
      }
      const superseded = await Promise.all(
        keep.superseded.map(async ({ shard, page: [slug, , , id] }) => {
          const fragment = await readFragment(path.join(previousDir, shard.bundle, "fragment", `${id}.pf_fragment`));
          return { shard: shard.id, url: pageUrl(slug), id, filters: fragment.filters ?? {} };
        }),
      );
      const deltaPages = indexedPages(keep.slugs, bySlug, fingerprints, ids);
      // A delta page with the same id as a page it supersedes would be dropped with it (Pagefind names a page by
      // a hash of what it indexed): compact instead.
      const deltaIds = new Set(deltaPages.map(([, , , id]) => id));
      if (superseded.some(({ id }) => deltaIds.has(id))) return false;
      pages.bundles[DELTA_BUNDLE] = deltaPages;
      manifest.delta = {
        id: DELTA_ID,
        bundle: DELTA_BUNDLE,
        articles: keep.slugs.length,
        fingerprint,
        hidden: ids.get(VOCABULARY_URL) ?? null,
        vocabulary: vocabularyId,
        superseded,
        points: deltaPoints(keep.slugs, bySlug, manifest.shards, pages),
      };
      return true;
    }

    /** Plans the shards again: links those whose articles are as indexed, indexes the others; no delta. */
    async function compact(): Promise<void> {
      for (const plan of plans) await compactShard(plan);
    }

    async function compactShard(plan: ShardPlan): Promise<void> {
      const fingerprint = shardFingerprint(plan.slugs, fingerprints, salt);
      const before = previous?.shards.find((shard) => shard.fingerprint === fingerprint);
      const loose = before ? await looseTermsOf(before, false) : null;
      const entry = { id: plan.id, bundle: plan.bundle, articles: plan.slugs.length, fingerprint };
      const oldestFirstSlugs = [...plan.slugs].reverse();
      if (before && loose && previousDir && (await linkBundle(previousDir, before.bundle, output, plan.bundle))) {
        manifest.shards.push({ ...entry, hidden: before.hidden, vocabulary: before.vocabulary });
        if (before.vocabulary !== null && loose.length > 0) manifest.loose[before.vocabulary] = loose;
        pages.bundles[plan.bundle] =
          previousPages?.indexer === indexer && previousPages.bundles[before.bundle]
            ? previousPages.bundles[before.bundle]
            : indexedPages(oldestFirstSlugs, bySlug, fingerprints, await recordIds(path.join(output, plan.bundle)));
        reused++;
      } else {
        const ids = await indexBundle(
          output,
          plan.bundle,
          oldestFirstSlugs,
          sharded ? vocabulary : null,
          () => startMeanwhile(true),
          options,
        );
        manifest.shards.push({ ...entry, hidden: ids.get(VOCABULARY_URL) ?? null, vocabulary: vocabularyId });
        pages.bundles[plan.bundle] = indexedPages(oldestFirstSlugs, bySlug, fingerprints, ids);
      }
    }
  } finally {
    await meanwhile;
  }
  // The terms of each vocabulary a shard was indexed with, for the next build's looseTermsOf.
  const vocabularies = new Set([...manifest.shards, manifest.delta].map((shard) => shard?.vocabulary ?? null));
  for (const id of vocabularies) {
    if (id === null) continue;
    if (id === vocabularyId) await writeTerms(output, terms);
    else if (previousDir) await reusePage(previousDir, output, termsPath(id));
  }
  await writeFile(path.join(output, MANIFEST_FILE), serializeShardManifest(manifest));
  await mkdir(path.dirname(path.join(output, PAGES_FILE)), { recursive: true });
  await writeFile(path.join(output, PAGES_FILE), `${JSON.stringify(pages)}\n`);
  return { shards: manifest.shards.length, reused, delta: manifest.delta?.articles ?? 0 };
}

/** Links a previous build's bundle into this site; false when it is gone (the shard is indexed instead). */
async function linkBundle(previousDir: string, from: string, output: string, to: string): Promise<boolean> {
  // Laid over the live site, a bundle kept where it is is kept by the live site's listing, file by file.
  if (from === to && ((await keptFolder(previousDir, output, from)) ?? 0) > 0) return true;
  const source = path.join(previousDir, from);
  let files: string[];
  try {
    files = filesUnder(source).map((file) => path.relative(source, file));
  } catch {
    return false;
  }
  if (files.length === 0) return false;
  await linkAll(source, path.join(output, to), files);
  return true;
}
