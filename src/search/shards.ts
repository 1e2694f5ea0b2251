/**
 * How the Pagefind index is split into shards, and the manifest that lists them.
 *
 * Pagefind holds everything it indexes in memory until it writes: about 0.27 GiB per 1,000 article pages
 * here, so one index over 50,000 articles would need some 14 GiB. The article pages are therefore indexed
 * in shards of at most SHARD_ARTICLES each, by a fresh Pagefind process per shard, and the search page
 * (src/search/browser/search.ts) searches every shard and merges the results.
 *
 * - Shards are runs of whole publication years, oldest first (undated articles count as the oldest); a
 *   year larger than a shard is split at month boundaries, a month larger than a shard by count. So the
 *   shards' date ranges are disjoint and ordered, which lets the search page keep a sort by date across
 *   them, and a new article (usually the newest) changes one shard — the others are copied from the
 *   previous build (src/search/pagefind.ts).
 * - An archive of at most SHARD_ARTICLES articles is one shard: the index is exactly Pagefind's own.
 * - With several shards, each also holds one hidden record whose text is the vocabulary of the whole
 *   archive. Pagefind answers a word it cannot complete from its index with the longest indexed word that
 *   starts that word ("gw" for "gwadar"); a shard without the word would answer with such loose matches
 *   while the others answer exactly. With every word in every shard, each shard completes words as one
 *   index over everything would. The search page drops the hidden records (the manifest names them). A
 *   shard indexed before the archive gained words keeps its index; the manifest lists the terms it lacks,
 *   and the search page leaves it out of queries for them (src/search/vocabulary.ts).
 *
 * The manifest, MANIFEST_FILE at the site root, lists the shards newest first (the first is the primary
 * bundle, pagefind/) with the fingerprint of each shard's pages, which the next build compares.
 *
 * A rebuild after a few articles were added, changed or removed does not index a shard again: it keeps every
 * shard and indexes only those articles into a small *delta* bundle (DELTA_BUNDLE, with the hidden vocabulary
 * record), and the manifest lists the pages of the shards that the delta replaces or that left the archive
 * (superseded), which the search page drops (src/search/browser/pagefind-engine.ts). Which articles those are,
 * the build learns from the sidecar PAGES_FILE: each shard's pages as indexed, with their search fingerprints.
 * Past a size (SEARCH_INDEX.maxDeltaArticles) the build compacts: it plans the shards again, indexes those whose
 * articles changed, and the delta is gone (src/search/pagefind.ts).
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { formatDate } from "../render/format.ts";
import { SEARCH_INDEX } from "../settings.ts";
import type { Archive, ArticleRecord } from "../types.ts";
import { compareStrings } from "../util/group.ts";
import type { LooseTerm } from "./vocabulary.ts";

export const MANIFEST_FILE = "pagefind-shards.json";
export const PRIMARY_BUNDLE = "pagefind/";
export const SHARDS_DIR = "pagefind-shards";
/** The bundle of the articles added or changed since the shards were indexed. */
export const DELTA_BUNDLE = "pagefind-delta/";
/** The delta's id, as a shard's, in the search page's shard filter. */
export const DELTA_ID = "delta";
/** Each bundle's pages as indexed, for the next build (not published: the search page never reads it). */
export const PAGES_FILE = ".news-archive/search-pages.json";
/** Most articles per shard (src/settings.ts). */
export const SHARD_ARTICLES = SEARCH_INDEX.shardArticles;
/**
 * Most articles added, changed or removed that a rebuild puts in a delta before it compacts (src/settings.ts): at
 * most a fraction of a shard, so that small shards compact early too.
 */
export function deltaLimit(shardSize: number): number {
  const { maxDeltaArticles, maxDeltaShardFraction } = SEARCH_INDEX;
  return Math.min(maxDeltaArticles, Math.max(1, Math.floor(shardSize * maxDeltaShardFraction)));
}

/** The URL of each shard's hidden vocabulary record; no page is published there. */
export const VOCABULARY_URL = "/pagefind-vocabulary/";

/** What planning needs of an article: its page and its date. */
export type ShardedArticle = Pick<ArticleRecord, "slug" | "date">;

export interface ShardPlan {
  /** The first and last period of the shard ("undated", "2019", "2021-07", "2021-07.2"), joined by "_". */
  id: string;
  /** Bundle folder relative to the site root, with a trailing slash. */
  bundle: string;
  /** Slugs of the shard's articles, newest first. */
  slugs: string[];
}

export interface ManifestShard {
  id: string;
  bundle: string;
  articles: number;
  /** Hash of the shard's articles' search fingerprints (searchFingerprint) and the indexer's settings. */
  fingerprint: string;
  /** Pagefind's id of the hidden vocabulary record, which the search page drops; null with one shard. */
  hidden: string | null;
  /** Id of the terms of the vocabulary the shard was indexed with (src/search/vocabulary.ts); null with one shard. */
  vocabulary: string | null;
}

/** A shard's page that the delta replaces, or whose article left the archive: the search page drops it. */
export interface SupersededPage {
  /** The id of the shard that has it. */
  shard: string;
  url: string;
  /** Pagefind's id of the page (its fragment's name). */
  id: string;
  /** Its filter values, which Pagefind counts until the search page takes them off. */
  filters: Record<string, string[]>;
}

export interface DeltaShard extends ManifestShard {
  superseded: SupersededPage[];
  /**
   * Where each dated page of the delta sorts by date among the shards' pages, in the delta's own order by date:
   * [k, p] is after the page at position p of shard k (0 = newest) and before the one at p + 1 (positions as
   * Pagefind gives them sorted by date: src/search/browser/pagefind-engine.ts); p + 0.5 when placed after.
   */
  points: [shard: number, position: number][];
}

/** One page of a bundle, as indexed: its article, date, search fingerprint and Pagefind id. */
export type IndexedPage = [slug: string, date: string | null, fingerprint: string, id: string];

/** PAGES_FILE. */
export interface IndexedPages {
  version: 1;
  /** The indexer's settings: a delta is only made over shards indexed with the same. */
  indexer: string;
  /** Bundle → its pages in the order they were indexed (oldest first, as sortedOldestFirst). */
  bundles: Record<string, IndexedPage[]>;
}

export interface ShardManifest {
  version: 3;
  shards: ManifestShard[];
  /**
   * By vocabulary id, the terms of today's vocabulary that shards indexed with it lack; the search page
   * leaves those shards out of queries for them. Listed once per vocabulary, since the shards indexed in one
   * build share theirs; the vocabulary the last shards were indexed with lacks nothing and is not listed.
   */
  loose: Record<string, LooseTerm[]>;
  /** The articles added or changed since the shards were indexed, and what they replace; null when none. */
  delta: DeltaShard | null;
}

interface Period {
  key: string;
  articles: ShardedArticle[];
}

/** Consecutive runs of `articles` (oldest first) with the same key. */
function runsBy(articles: ShardedArticle[], keyOf: (a: ShardedArticle) => string): Period[] {
  const runs: Period[] = [];
  for (const article of articles) {
    const key = keyOf(article);
    const last = runs.at(-1);
    if (last?.key === key) last.articles.push(article);
    else runs.push({ key, articles: [article] });
  }
  return runs;
}

/** Splits `period` into periods of at most `size` articles: by month, then by count ("2021-07.2"). */
function splitPeriod(period: Period, size: number): Period[] {
  if (period.articles.length <= size) return [period];
  const months = period.key === "undated" ? [period] : runsBy(period.articles, (a) => a.date?.slice(0, 7) ?? "");
  return months.flatMap((month) => {
    if (month.articles.length <= size) return [month];
    const parts: Period[] = [];
    for (let start = 0; start < month.articles.length; start += size) {
      const part = start / size + 1;
      parts.push({
        key: part === 1 ? month.key : `${month.key}.${part}`,
        articles: month.articles.slice(start, start + size),
      });
    }
    return parts;
  });
}

/**
 * Oldest first: undated, then by date; within a date by slug, the site's order reversed. Pages are given to
 * Pagefind in this order, and Pagefind keeps it among pages of one date when it sorts by date, so the build
 * knows where a delta page sorts among a shard's pages.
 */
export function oldestFirst(a: ShardedArticle, b: ShardedArticle): number {
  if (a.date !== b.date) {
    if (a.date === null) return -1;
    if (b.date === null) return 1;
    return compareStrings(a.date, b.date);
  }
  return compareStrings(b.slug, a.slug);
}

/**
 * The shards of an archive's article pages, newest first; the first is the primary bundle. An archive
 * without articles still has the primary, empty, so the search page finds an index to load.
 */
export function planShards(articles: readonly ShardedArticle[], size = SHARD_ARTICLES): ShardPlan[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`search shard size must be a positive integer`);
  const sorted = [...articles].sort(oldestFirst);
  const periods = runsBy(sorted, (a) => a.date?.slice(0, 4) ?? "undated").flatMap((p) => splitPeriod(p, size));
  // Pack whole periods, oldest first: a shard closes when the next period would not fit.
  const packed: Period[][] = [];
  let count = 0;
  for (const period of periods) {
    const open = packed.at(-1);
    if (open && count + period.articles.length <= size) {
      open.push(period);
      count += period.articles.length;
    } else {
      packed.push([period]);
      count = period.articles.length;
    }
  }
  if (packed.length === 0) return [{ id: "all", bundle: PRIMARY_BUNDLE, slugs: [] }];
  return packed.reverse().map((group, i) => {
    const first = group[0].key;
    const last = group.at(-1)!.key;
    const id = first === last ? first : `${first}_${last}`;
    return {
      id,
      bundle: i === 0 ? PRIMARY_BUNDLE : `${SHARDS_DIR}/${id}/`,
      slugs: group.flatMap((p) => p.articles.map((a) => a.slug)).reverse(),
    };
  });
}

/**
 * Every word Pagefind can index on an article page: whitespace-separated pieces of the text inside the
 * page's data-pagefind-body that is not data-pagefind-ignore, and of its meta (title, outlet, authors,
 * dateline, date: templates/_includes/layouts/article.njk), as written, so that Pagefind splits and stems
 * them as it does the pages. The template's own words (Undated, inferred, Unknown outlet) are in ignored
 * parts. Markdown marks left on a piece only add words no page has, which match nothing but the hidden record.
 */
export function searchVocabulary(archive: Archive): string {
  const words = new Set<string>();
  for (const article of archive.articles) articleWords(article, (word) => words.add(word));
  return [...words].sort(compareStrings).join(" ");
}

/** Gives each word of `article` that searchVocabulary takes, as often as it is written. */
export function articleWords(article: ArticleRecord, add: (word: string) => void): void {
  const parts = [article.title, article.subtitle, article.outlet, article.dateline, article.body, ...article.authors];
  // The date as the page shows it, its year (a filter's value) and as written (its date metadata, which
  // Pagefind searches too).
  if (article.date) parts.push(article.date, article.date.slice(0, 4), formatDate(article.date));
  for (const part of parts) if (part) for (const word of part.split(/\s+/)) if (word) add(word);
}

/** A shard's fingerprint: its articles' search fingerprints in order, salted with the indexer's settings. */
export function shardFingerprint(slugs: string[], searchFingerprints: ReadonlyMap<string, string>, salt: string) {
  const hash = createHash("sha256").update(salt);
  for (const slug of slugs) hash.update(`\n${slug} ${searchFingerprints.get(slug) ?? "?"}`);
  return hash.digest("base64url");
}

export async function readShardManifest(siteDir: string): Promise<ShardManifest | null> {
  try {
    const manifest = JSON.parse(await readFile(path.join(siteDir, MANIFEST_FILE), "utf8")) as ShardManifest;
    return manifest?.version === 3 && Array.isArray(manifest.shards) ? manifest : null;
  } catch {
    return null; // no previous site, or not one of ours: index every shard
  }
}

export function serializeShardManifest(manifest: ShardManifest): string {
  return `${JSON.stringify(manifest, null, 1)}\n`;
}
