/**
 * The site stage: Archive → static website in `outDir`.
 *
 * renderSite writes only its own files — pages, assets/, feed.xml, sitemap.xml, seeds/, the search index
 * (pagefind/, pagefind-shards/ and pagefind-shards.json: src/site/search-index.ts) and the search fallback
 * for pages opened from disk (search/offline/, src/site/offline-index.ts) —
 * and deletes nothing, so archive.json and figures.csv may be written into the same folder before or
 * after. Give it an empty folder for a clean result: files left by an earlier, different archive stay.
 */
import path from "node:path";
import { navigation, templatesDir } from "../../.eleventy.ts";
import type { Archive } from "../types.ts";
import { filesUnder } from "../util/files.ts";
import { collectGarbage } from "../util/memory.ts";
import { checkArchive } from "./archive-schema.ts";
import { EleventyRuns, PAGES_PER_RUN } from "./eleventy-runs.ts";
import { writeOfflineIndex } from "./offline-index.ts";
import {
  type PagedView,
  type PageManifest,
  pageFingerprint,
  readPageManifest,
  reusePage,
  searchFingerprint,
  writePageManifest,
} from "./page-reuse.ts";
import { indexSearch } from "./search-index.ts";
import { publishSeeds } from "./seeds.ts";
import { buildSiteViews } from "./views/index.ts";

export interface RenderOptions {
  /** Folder of the seed files; when given, each article's seed is published at /seeds/<file> and linked. */
  seedsDir?: string;
  /** Article and entity pages per Eleventy run (default 3,000); see PAGES_PER_RUN. */
  pagesPerRun?: number;
  /**
   * The site this one replaces. Its article and entity pages whose inputs are unchanged are reused
   * (src/site/page-reuse.ts) instead of rendered again, and so are its unchanged search-index shards.
   */
  previousDir?: string;
  /** Most articles per search-index shard (default SHARD_ARTICLES in src/site/search-shards.ts). */
  searchShardSize?: number;
}

export { templatesDir };

export interface RenderResult {
  pages: number;
  /** Article and entity pages taken unchanged from `previousDir`, not rendered. */
  reused: number;
  /** Shards of the search index, and how many of them were taken unchanged from `previousDir`. */
  searchShards: { total: number; reused: number };
  /** Milliseconds spent rendering pages (Eleventy) and indexing them for search (Pagefind and the offline index). */
  timings: { render: number; index: number };
}

function countHtmlFiles(dir: string): number {
  return filesUnder(dir).filter((file) => file.endsWith(".html")).length;
}

export async function renderSite(archive: Archive, outDir: string, options: RenderOptions = {}): Promise<RenderResult> {
  const started = performance.now();
  const checked = checkArchive(archive);
  const output = path.resolve(outDir);
  const linkSeeds = options.seedsDir !== undefined;
  if (options.seedsDir !== undefined) await publishSeeds(checked, options.seedsDir, output);
  const { reused, searchFingerprints, filterKeys } = await renderPages(checked, output, { ...options, linkSeeds });
  // The views are garbage now (renderPages kept them out of this scope): collect them before Pagefind
  // starts its own process.
  collectGarbage();
  const rendered = performance.now();
  const indexed = await indexSearch(output, checked, {
    searchFingerprints,
    previousDir: options.previousDir,
    shardSize: options.searchShardSize,
    // Collected once written: Pagefind indexes the later, larger shards beside what the index left behind.
    meanwhile: () => writeOfflineIndex(checked, output, filterKeys).then(collectGarbage),
  });
  return {
    pages: countHtmlFiles(output),
    reused,
    searchShards: { total: indexed.shards, reused: indexed.reused },
    timings: { render: rendered - started, index: performance.now() - rendered },
  };
}

/**
 * Builds the views and writes the site's pages into `output`: the article and entity pages of
 * `previousDir` whose fingerprints are unchanged are linked (src/site/page-reuse.ts), the rest rendered.
 * Article pages are built, fingerprinted and handed to Eleventy one run's worth (pagesPerRun) at a time,
 * so at most two such batches of them are in memory. Records every page's fingerprint for the next
 * build, and returns each article's search fingerprint for the search index.
 */
async function renderPages(
  archive: Archive,
  output: string,
  options: RenderOptions & { linkSeeds: boolean },
): Promise<{ reused: number; searchFingerprints: Map<string, string>; filterKeys: ReadonlySet<string> }> {
  const site = buildSiteViews(archive, { linkSeeds: options.linkSeeds });
  const { previousDir } = options;
  const pagesPerRun = options.pagesPerRun ?? PAGES_PER_RUN;
  const previous = previousDir ? await readPageManifest(previousDir) : {};
  const manifest: PageManifest = {};
  let reused = 0;
  const stale = async <P extends PagedView>(page: P): Promise<boolean> => {
    const fingerprint = pageFingerprint(page, navigation);
    manifest[page.permalink] = fingerprint;
    if (!previousDir || previous[page.permalink] !== fingerprint) return true;
    if (!(await reusePage(previousDir, output, page.permalink))) return true;
    reused++;
    return false;
  };
  const searchFingerprints = new Map<string, string>();
  const runs = new EleventyRuns(site.views, output, pagesPerRun);
  for (let start = 0; start < site.articleCount; start += pagesPerRun) {
    const pages = site.articlePages(start, start + pagesPerRun);
    for (const page of pages) searchFingerprints.set(page.slug, searchFingerprint(page));
    await runs.add(await filterAsync(pages, stale), []);
  }
  await runs.add([], await filterAsync(site.views.entities, stale));
  await runs.finish();
  await writePageManifest(output, manifest);
  return { reused, searchFingerprints, filterKeys: site.views.search.filterKeys };
}

/** `items` for which `keep` resolves true, in order; a few at a time, since each waits on the file system. */
async function filterAsync<T>(items: T[], keep: (item: T) => Promise<boolean>): Promise<T[]> {
  const kept: T[] = [];
  for (let start = 0; start < items.length; start += 64) {
    const slice = items.slice(start, start + 64);
    const verdicts = await Promise.all(slice.map(keep));
    kept.push(...slice.filter((_, i) => verdicts[i]));
  }
  return kept;
}

export { serveSite } from "./serve.ts";
