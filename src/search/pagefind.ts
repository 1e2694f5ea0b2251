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
 */
import { readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import * as pagefind from "pagefind";
import { reusePage } from "../render/page-reuse.ts";
import type { Archive } from "../types.ts";
import { ARTICLE_PAGES, articlePagePath } from "../urls.ts";
import { filesUnder } from "../util/files.ts";
import {
  MANIFEST_FILE,
  type ManifestShard,
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

export interface SearchIndexOptions {
  /** Article slug → searchFingerprint (src/render/page-reuse.ts) of its page. */
  searchFingerprints: ReadonlyMap<string, string>;
  /** The previous build's site, whose unchanged shards are linked instead of indexed. */
  previousDir?: string;
  /** Most articles per shard (default SHARD_ARTICLES). */
  shardSize?: number;
  /**
   * Runs once the first shard is handed to Pagefind: Pagefind indexes in a process of its own, so work
   * given here (the offline index) uses the other core instead of waiting its turn.
   */
  meanwhile?: () => Promise<unknown>;
}

export interface SearchIndexResult {
  shards: number;
  /** Shards linked from the previous build. */
  reused: number;
}

// keepIndexUrl: result links name index.html like every other link of the site.
const INDEX_CONFIG = { keepIndexUrl: true, forceLanguage: "en" } as const;
/** Where a shard's pages are gathered (as links) for Pagefind to read, inside the site while it is built. */
const STAGING_DIR = ".news-archive/index-staging";

function pagefindError(stage: string, errors: string[]): Error {
  return new Error(`pagefind (${stage}): ${errors.join("; ")}`);
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

/**
 * Pagefind's id of the record at `url` in a written bundle: the name of its fragment file. The hidden
 * vocabulary record's fragment is by far the largest, so the largest are read first.
 */
async function recordId(bundleDir: string, url: string): Promise<string> {
  const dir = path.join(bundleDir, "fragment");
  const names = await readdir(dir);
  const sizes = await Promise.all(names.map(async (name) => (await stat(path.join(dir, name))).size));
  const bySize = names.map((name, i) => ({ name, size: sizes[i] })).sort((a, b) => b.size - a.size);
  for (const { name } of bySize) {
    // A fragment is gzipped "pagefind_dcd" followed by the record's JSON.
    const text = gunzipSync(await readFile(path.join(dir, name))).toString("utf8");
    if ((JSON.parse(text.slice(text.indexOf("{"))) as { url?: string }).url === url) {
      return name.replace(/\.pf_fragment$/, "");
    }
  }
  throw new Error(`search index: the hidden record ${url} is missing from ${bundleDir}`);
}

/** Indexes one shard into `bundleDir` in a Pagefind process of its own; returns the hidden record's id. */
async function indexShard(
  output: string,
  plan: ShardPlan,
  vocabulary: string | null,
  onStarted: () => void,
): Promise<string | null> {
  const staging = path.join(output, STAGING_DIR);
  const bundleDir = path.join(output, plan.bundle);
  await rm(staging, { recursive: true, force: true });
  await linkAll(output, staging, plan.slugs.map(articlePagePath));
  const { index, errors } = await pagefind.createIndex(INDEX_CONFIG);
  try {
    if (!index) throw pagefindError("start", errors);
    const adding = index.addDirectory({ path: staging, glob: ARTICLE_PAGES });
    adding.catch(() => {}); // awaited below; must not count as unhandled meanwhile
    onStarted();
    const added = await adding;
    if (added.errors.length) throw pagefindError("read", added.errors);
    if (vocabulary !== null) {
      // Sorted by date, Pagefind scores a page by its position in the shard, and position 0 (score 0 at
      // any weight) would hide which shard a page came from (src/search/browser/search.ts): the hidden
      // record, dated before any article, takes it.
      const hidden = await index.addCustomRecord({
        url: VOCABULARY_URL,
        content: vocabulary,
        language: "en",
        sort: { date: "0000-00-00" },
      });
      if (hidden.errors.length) throw pagefindError("vocabulary", hidden.errors);
    }
    const written = await index.writeFiles({ outputPath: bundleDir });
    if (written.errors.length) throw pagefindError("write", written.errors);
  } finally {
    await pagefind.close();
    await rm(staging, { recursive: true, force: true });
  }
  return vocabulary === null ? null : recordId(bundleDir, VOCABULARY_URL);
}

export async function indexSearch(
  outDir: string,
  archive: Archive,
  options: SearchIndexOptions,
): Promise<SearchIndexResult> {
  const output = path.resolve(outDir);
  const plans = planShards(archive.articles, options.shardSize ?? SHARD_ARTICLES);
  // With one shard there is nothing to complete words from; with several, every shard needs every word.
  const vocabulary = plans.length > 1 ? searchVocabulary(archive) : null;
  const terms = vocabulary === null ? null : vocabularyTerms(vocabulary);
  const vocabularyId = terms === null ? null : termsId(terms);
  // The vocabulary is not part of a shard's fingerprint: a shard with an older one is reused (looseTermsOf).
  const salt = JSON.stringify({ pagefind: await pagefindVersion(), config: INDEX_CONFIG, sharded: terms !== null });
  const previousDir = options.previousDir ? path.resolve(options.previousDir) : null;
  const previous = previousDir && previousDir !== output ? await readShardManifest(previousDir) : null;
  const looseById = new Map<string, Promise<LooseTerm[] | null>>();
  /**
   * What a previous build's shard lacks of today's vocabulary; null when it must be indexed again. Worked out
   * once per vocabulary: the shards indexed in one build share theirs.
   */
  const looseTermsOf = (shard: ManifestShard): Promise<LooseTerm[] | null> => {
    const id = shard.vocabulary;
    if (id === vocabularyId) return Promise.resolve([]);
    if (terms === null || id === null || !previousDir) return Promise.resolve(null);
    let loose = looseById.get(id);
    if (!loose) {
      loose = readTerms(previousDir, id).then((known) => {
        const lacking = known ? looseTerms(known, terms) : null;
        return lacking && lacking.length <= MAX_LOOSE_TERMS ? lacking : null;
      });
      looseById.set(id, loose);
    }
    return loose;
  };

  let meanwhile: Promise<unknown> | null = null;
  const startMeanwhile = () => {
    if (meanwhile || !options.meanwhile) return;
    meanwhile = options.meanwhile();
    meanwhile.catch(() => {}); // awaited below; must not count as unhandled if indexing fails first
  };
  const manifest: ShardManifest = { version: 2, shards: [], loose: {} };
  let reused = 0;
  try {
    for (const plan of plans) {
      const fingerprint = shardFingerprint(plan.slugs, options.searchFingerprints, salt);
      const before = previous?.shards.find((shard) => shard.fingerprint === fingerprint);
      const loose = before ? await looseTermsOf(before) : null;
      const entry = { id: plan.id, bundle: plan.bundle, articles: plan.slugs.length, fingerprint };
      if (before && loose && previousDir && (await linkBundle(previousDir, before.bundle, output, plan.bundle))) {
        manifest.shards.push({ ...entry, hidden: before.hidden, vocabulary: before.vocabulary });
        if (before.vocabulary !== null && loose.length > 0) manifest.loose[before.vocabulary] = loose;
        reused++;
      } else {
        const hidden = await indexShard(output, plan, vocabulary, startMeanwhile);
        manifest.shards.push({ ...entry, hidden, vocabulary: vocabularyId });
      }
    }
    startMeanwhile(); // every shard was linked: nothing ran beside the offline index
  } finally {
    await meanwhile;
  }
  // The terms of each vocabulary a shard was indexed with, for the next build's looseTermsOf.
  for (const id of new Set(manifest.shards.map((shard) => shard.vocabulary))) {
    if (id === null) continue;
    if (id === vocabularyId && terms) await writeTerms(output, terms);
    else if (previousDir) await reusePage(previousDir, output, termsPath(id));
  }
  await writeFile(path.join(output, MANIFEST_FILE), serializeShardManifest(manifest));
  return { shards: plans.length, reused };
}

/** Links a previous build's bundle into this site; false when it is gone (the shard is indexed instead). */
async function linkBundle(previousDir: string, from: string, output: string, to: string): Promise<boolean> {
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
