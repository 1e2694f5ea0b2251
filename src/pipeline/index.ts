/**
 * The whole build, stage by stage: ingest (read → clean → extract) → resolve → archive → render → index,
 * into a staging folder laid over the output (src/render/site-overlay.ts): the stages write only the files
 * that differ from the live site's, and the commit (src/pipeline/commit.ts) moves them in only when
 * everything has succeeded. A failed or interrupted build therefore leaves the previous site as it was.
 */
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { readArchive, writeArchiveFiles } from "../archive/index.ts";
import {
  type ChangeSummary,
  extractorVersion,
  FileCache,
  finishResolveCaches,
  type KeptCaches,
  namedKnowledge,
  openResolveCaches,
  type ReadAhead,
} from "../cache/index.ts";
import { ingestSeeds, type KeptExtractions, resolveRecords } from "../ingest/index.ts";
import type { Knowledge } from "../knowledge/index.ts";
import { type ReadResult, readSeeds } from "../read/index.ts";
import type { KeptPageManifest } from "../render/index.ts";
import { layOver, release } from "../render/site-overlay.ts";
import {
  type KeptRecords,
  type PersonSources,
  type RewrittenArticles,
  storyPairsVersion,
  textTermsVersion,
} from "../resolve/index.ts";
import type { Archive, ExtractedArticle, Rejected, SeedSource } from "../types.ts";
import { filesUnder } from "../util/files.ts";
import { compareStrings } from "../util/group.ts";
import { collectGarbage, collectGarbageIfGrown } from "../util/memory.ts";
import { escapeRegExp } from "../util/regexp.ts";
import { commitOverlay, FILE_LIST, fileListText, finishInterruptedCommit } from "./commit.ts";
import { knowledgeOf } from "./knowledge.ts";
import { acquireLock, isAlive } from "./lock.ts";
import { StagePeaks } from "./memory.ts";
import { progressReporter } from "./progress.ts";
import { renderAndIndexStages, type SiteResult, sitePages } from "./site.ts";
import { inputsDigester, type UpToDate, upToDate, writeBuildInputs } from "./up-to-date.ts";

export interface BuildOptions {
  seedsDir: string;
  outDir: string;
  /** Extra knowledge folders whose data files extend the project's. */
  knowledgeDirs?: string[];
  /** Where parsed seeds are cached between builds; null turns the cache off. Default `.cache`. */
  cacheDir?: string | null;
  /** Most articles per search-index shard (default SHARD_ARTICLES in src/search/shards.ts). */
  searchShardSize?: number;
  log?: (line: string) => void;
  /** Log each stage's peak heap and RSS after the summary line (`--memory`; src/pipeline/memory.ts). */
  memory?: boolean;
  /** Progress of long ingests (default: a counter on stderr). */
  onProgress?: (done: number, total: number) => void;
  /**
   * Extractions kept in memory from one build to the next of a long-lived process (`npm start`), so a
   * rebuild does not read the extraction cache again (src/ingest/kept.ts). A build that finds the site up
   * to date fills it from the cache in the background.
   */
  kept?: KeptExtractions;
  /**
   * Article, person and story records kept likewise, each reused while what it is made from is the same
   * (src/resolve/kept-records.ts).
   */
  keptRecords?: KeptRecords;
  /**
   * The page manifest the last build wrote, kept likewise while the site's file is that one
   * (src/render/page-reuse.ts).
   */
  keptManifest?: KeptPageManifest;
  /**
   * The resolve's cache files (the articles' words, the story pairs, …) kept likewise, and written only when
   * the caller flushes them (src/cache/kept-caches.ts).
   */
  keptCaches?: KeptCaches;
}

export interface BuildResult {
  archive: Archive;
  rejected: Rejected[];
  pages: number;
  /** HTML pages reused from the previous site instead of rendered. */
  reused: number;
  parsed: string[];
  changes: ChangeSummary | null;
  timings: { ingest: number; render: number; index: number; total: number };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export async function build(options: BuildOptions): Promise<BuildResult> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const outDir = path.resolve(options.outDir);
  const knowledge = knowledgeOf(options.knowledgeDirs);
  const lock = await acquireLock(outDir);
  const staging = `${outDir}.building-${process.pid}`;
  const overlay = layOver(staging, outDir);
  const memory = options.memory ? new StagePeaks("ingest") : undefined;
  let ahead: ReadAhead | undefined;
  try {
    await recoverInterruptedBuilds(outDir);
    const cacheDir = options.cacheDir === undefined ? ".cache" : options.cacheDir;
    const version = extractorVersion(knowledge);
    const cache = cacheDir ? new FileCache(cacheDir, version, namedKnowledge(knowledge)) : undefined;
    options.kept?.use(version);
    options.keptRecords?.use(version);
    const read = await readSeeds(options.seedsDir, { known: cache?.knownSeeds() });
    const inputsOf = inputsDigester(knowledge, options);
    const made = await upToDate(outDir, inputsOf(read));
    if (made) {
      if (read.unread.size < read.sources.length) cache?.saveKnownSeeds(read.known);
      // Nothing was extracted to keep: the extractions are read in the background instead, read ahead as a
      // build's are.
      if (cache && options.kept) {
        const warming = cache.readAhead(notKept(read.sources, options.kept));
        options.kept.warm(read.sources, (source, intern) => cache.get(source, false, intern));
        void options.kept.warmed().then(() => warming.stop());
      }
      return unchangedSite(made, read, outDir, started, log);
    }
    // What the render may keep of the live site, listed beside the ingest and resolve.
    overlay.listLive();
    // The cached extractions the ingest will read, and the files the resolve keeps, read ahead off this thread.
    ahead = cache?.readAhead(notKept(read.sources, options.kept));
    // 1. ingest: read → clean → extract, each seed on its own (from the cache where it can)
    const seeds = await ingestSeeds(options.seedsDir, knowledge, {
      cache,
      read,
      kept: options.kept,
      onProgress: options.onProgress ?? progressReporter(),
    });
    // 2. resolve: across articles, one entity per real-world entity
    const { archive, rewritten, personSources } = resolveStage(seeds, knowledge, cacheDir, version, options);
    ahead?.stop();
    logProblems(archive, log);
    const changes = cache?.changes() ?? null;
    const ingested = performance.now();

    await rm(staging, { recursive: true, force: true });
    await mkdir(staging, { recursive: true });
    // 3. archive: the record files, their index archive.json, and figures.csv
    memory?.enter("archive");
    const recordDigests = await writeArchiveFiles(archive, staging, {
      previousDir: outDir,
      knowledgeVersion: knowledge.version,
      rewritten,
      personSources,
    });
    memory?.enter("render");
    // 4. render: the pages
    const siteOptions = {
      seedsDir: options.seedsDir,
      previousDir: outDir,
      searchShardSize: options.searchShardSize,
      recordDigests,
      keptManifest: options.keptManifest,
    };
    // 5. index: the search index, for a server and for pages opened from disk — started once the article
    // pages are written, beside the rest of the render
    const { rendered, indexed } = await renderAndIndexStages(archive, staging, siteOptions, () =>
      memory?.enter("index"),
    );
    memory?.enter("commit");
    // What the render and index stages made is garbage now, and a commit that replaces the site whole lists
    // every file of it: at 50,000 articles, with the render's garbage uncollected, that commit was the build's
    // peak (3.3 GiB). A build that indexed whole shards last collected while the offline index was live, so
    // the heap's growth since says nothing of its garbage: it collects whatever it grew. A commit laid over the
    // live site reads only its file list, and adds little: there the collection cost 0.4 s of a 7 s save at
    // 10,000 articles for no lower peak (`npm start` collects once the build is done).
    if (overlay.kept.size === 0) {
      if (indexed.total > indexed.reused) collectGarbage();
      else collectGarbageIfGrown();
    }
    await writeBuildInputs(staging, {
      // The seeds as the ingest read them: a file changed since its stat was taken was read again.
      digest: inputsOf(read),
      articles: archive.articles.length,
      rejected: archive.rejected,
      unmatchedCorrections: archive.unmatchedCorrections,
      searchShards: indexed.total,
    });
    const committed = await commitInto(staging, outDir, overlay);
    const site = sitePages(committed, rendered, indexed);
    cache?.saveManifest(); // only once the site is in place: a failed build must not hide its changes

    const timings = { ingest: ingested - started, ...site.timings, total: performance.now() - started };
    const counts = { articles: archive.articles.length, rejected: archive.rejected.length };
    log(summaryLine(counts, seeds.parsed, changes, site, outDir, timings));
    if (memory) log(memory.finish());
    return {
      archive,
      rejected: archive.rejected,
      pages: site.pages,
      reused: site.reused,
      parsed: seeds.parsed,
      changes,
      timings,
    };
  } finally {
    ahead?.stop();
    memory?.finish();
    release(overlay);
    await rm(staging, { recursive: true, force: true });
    await lock.release();
  }
}

/** The sources whose extractions `kept` (npm start's memory) lacks: what a build or a warming reads from the cache. */
function notKept(sources: SeedSource[], kept: KeptExtractions | undefined): SeedSource[] {
  return kept ? sources.filter((source) => !kept.has(source)) : sources;
}

/**
 * The resolve stage. It empties `seeds.extracted`: the archive holds what it needs of the extractions, which
 * held to the end of the build were 0.5 GiB of a 50,000-article rebuild's peak (5.08 → 4.60 GiB). What it
 * keeps between builds (the articles' words, the re-dated events, the gazetteer's answers) is saved as soon as
 * it is done, once the extractions are garbage: the text terms are 86 MB of JSON at 50,000 articles, and held
 * to the end of the build they were live through every later stage. Each is a cache of what the same texts
 * and knowledge give, so a build that fails later leaves them right. With `keptCaches` (`npm start`), they are
 * kept in memory for the next build instead, and written when the caller flushes them.
 */
function resolveStage(
  seeds: { extracted: ExtractedArticle[]; rejected: Rejected[] },
  knowledge: Knowledge,
  cacheDir: string | null,
  version: string,
  { keptRecords, keptCaches }: Pick<BuildOptions, "keptRecords" | "keptCaches">,
): { archive: Archive; rewritten: RewrittenArticles; personSources: PersonSources } {
  const versions = { extractor: version, textTerms: textTermsVersion(), storyPairs: storyPairsVersion() };
  const caches = cacheDir ? (keptCaches?.open(cacheDir, versions) ?? openResolveCaches(cacheDir, versions)) : undefined;
  const rewritten: RewrittenArticles = new Set();
  const personSources: PersonSources = new WeakMap();
  const archive = resolveRecords(seeds.extracted, seeds.rejected, knowledge, {
    ...caches,
    rewritten,
    personSources,
    keptRecords,
  });
  seeds.extracted = [];
  if (caches && keptCaches) keptCaches.finish(caches);
  else if (caches) finishResolveCaches(caches)();
  return { archive, rewritten, personSources };
}

/** The rejected seeds and the corrections that matched nothing, a line each, as every build reports them. */
function logProblems(
  { rejected, unmatchedCorrections }: { rejected: Rejected[]; unmatchedCorrections: string[] },
  log: (line: string) => void,
): void {
  for (const r of rejected) log(`rejected ${r.file}${r.line ? `:${r.line}` : ""}: ${r.reason}`);
  for (const problem of unmatchedCorrections) log(`correction not applied: ${problem}`);
}

/**
 * The build's one line, e.g. "built 6 articles (1 new, …) … → _site [ingest 0.31 s, render 0.70 s, …]";
 * `note` goes after the folder ("up to date: …").
 */
function summaryLine(
  counts: { articles: number; rejected: number },
  parsed: string[],
  changes: ChangeSummary | null,
  site: SiteResult,
  outDir: string,
  timings: BuildResult["timings"],
  note?: string,
): string {
  const { searchShards } = site;
  const changed = changes
    ? `${changes.added} new, ${changes.changed} changed, ${changes.removed} removed, ${changes.unchanged} unchanged`
    : "cache off";
  return (
    `built ${counts.articles} articles (${changed}; ${parsed.length} parsed), ` +
    `${counts.rejected} rejected, ${site.pages} pages (${site.reused} unchanged), ` +
    `search index in ${searchShards.total} ${searchShards.total === 1 ? "shard" : "shards"} (${searchShards.reused} unchanged${searchShards.delta > 0 ? `, ${searchShards.delta} ${searchShards.delta === 1 ? "article" : "articles"} in the delta` : ""}) → ${path.relative(process.cwd(), outDir) || "."}${note ? `, ${note}` : ""} ` +
    `[ingest ${seconds(timings.ingest)}, render ${seconds(timings.render)}, index ${seconds(timings.index)}, ` +
    `total ${seconds(timings.total)}]`
  );
}

/**
 * The result of a build that found the site up to date (src/pipeline/up-to-date.ts): its summary and its
 * rejections as the build that made it reported them. Its archive is read from the site's archive files
 * when asked for.
 */
function unchangedSite(
  made: UpToDate,
  read: ReadResult,
  outDir: string,
  started: number,
  log: (line: string) => void,
): BuildResult {
  const { inputs, pages } = made;
  logProblems(inputs, log);
  const total = performance.now() - started;
  const files = read.sources.length;
  const changes = { added: 0, changed: 0, removed: 0, unchanged: files };
  const timings = { ingest: total, render: 0, index: 0, total };
  const site: SiteResult = {
    pages,
    reused: pages,
    searchShards: { total: inputs.searchShards, reused: inputs.searchShards, delta: 0 },
    timings: { render: 0, index: 0 },
  };
  const counts = { articles: inputs.articles, rejected: inputs.rejected.length };
  log(summaryLine(counts, [], changes, site, outDir, timings, "up to date: nothing changed since the last build"));
  let archive: Archive | undefined;
  return {
    get archive() {
      archive ??= readArchive(outDir);
      return archive;
    },
    rejected: inputs.rejected,
    pages,
    reused: pages,
    parsed: [],
    changes,
    timings,
  };
}

/**
 * A build killed mid-way leaves its staging folder behind, and — if killed between the two
 * renames of the swap — the previous site under its parked name. Restore that site and drop
 * the leftovers of builds whose process is gone.
 */
async function recoverInterruptedBuilds(outDir: string): Promise<void> {
  // A build killed while committing left a journal: finish its commit first (it names its staging folder).
  await finishInterruptedCommit(outDir);
  const parent = path.dirname(outDir);
  const base = path.basename(outDir);
  const leftover = new RegExp(`^${escapeRegExp(base)}\\.(building|previous)-(\\d+)$`);
  const entries = await readdir(parent).catch(() => [] as string[]);
  for (const name of entries.sort()) {
    const match = leftover.exec(name);
    if (!match || isAlive(Number(match[2]))) continue;
    const full = path.join(parent, name);
    if (match[1] === "previous") {
      try {
        await rename(full, outDir); // the site never got replaced: put it back
        continue;
      } catch {
        // outDir exists: the swap had finished, the parked copy is stale
      }
    }
    await rm(full, { recursive: true, force: true });
  }
}

/**
 * Puts the staged site in place and returns its files. When the build kept nothing of the live site (the
 * first build, or one after the code changed), the staging folder replaces it whole; otherwise the staged
 * files are committed one by one over the live site.
 */
async function commitInto(staging: string, outDir: string, overlay: ReturnType<typeof layOver>): Promise<string[]> {
  if (overlay.kept.size > 0) return (await commitOverlay(overlay)).files;
  const files = filesUnder(staging).map((file) => path.relative(staging, file).split(path.sep).join("/"));
  files.push(FILE_LIST);
  files.sort(compareStrings);
  await mkdir(path.dirname(path.join(staging, FILE_LIST)), { recursive: true });
  await writeFile(path.join(staging, FILE_LIST), fileListText(files));
  await swapInto(staging, outDir);
  return files;
}

/** Replaces `outDir` by `staging` with two renames, so readers never see a half-written site. */
async function swapInto(staging: string, outDir: string): Promise<void> {
  const previous = `${outDir}.previous-${process.pid}`;
  let hadPrevious = true;
  try {
    await rename(outDir, previous);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    hadPrevious = false;
  }
  await rename(staging, outDir);
  if (hadPrevious) await rm(previous, { recursive: true, force: true });
}
