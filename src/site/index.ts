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
import Eleventy from "@11ty/eleventy";
import { configureSite, navigation, templatesDir } from "../../.eleventy.ts";
import type { Archive } from "../types.ts";
import { filesUnder } from "../util/files.ts";
import { checkArchive } from "./archive-schema.ts";
import { writeOfflineIndex } from "./offline-index.ts";
import {
  type PagedView,
  type PageManifest,
  pageFingerprint,
  readPageManifest,
  reusePage,
  searchFingerprints,
  writePageManifest,
} from "./page-reuse.ts";
import { indexSearch } from "./search-index.ts";
import { publishSeeds } from "./seeds.ts";
import { buildSiteViews, type SiteViews } from "./views/index.ts";

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

/**
 * Eleventy keeps every page it renders in memory until its run ends, so a large archive is
 * rendered in several runs of at most this many article and entity pages each: memory stays
 * bounded, and the output is the same as one run's.
 */
const PAGES_PER_RUN = 3000;

/** The views sliced for each run; the first run also writes the one-off pages and entity indexes. */
function pageBatches(views: SiteViews, size: number): SiteViews[] {
  const pages = [...views.paged.articles.map((a) => ({ a })), ...views.paged.entities.map((e) => ({ e }))];
  const batches: SiteViews[] = [];
  for (let start = 0; start === 0 || start < pages.length; start += size) {
    const slice = pages.slice(start, start + size);
    batches.push({
      ...views,
      paged: {
        articles: slice.flatMap((p) => ("a" in p ? [p.a] : [])),
        entities: slice.flatMap((p) => ("e" in p ? [p.e] : [])),
        entityIndexes: start === 0 ? views.entityIndexes : [],
      },
    });
  }
  return batches;
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
  const views = buildSiteViews(checked, { linkSeeds });
  const { toRender, reused } = await reuseUnchangedPages(views, output, options.previousDir);
  await renderPages(toRender, output, options.pagesPerRun ?? PAGES_PER_RUN);
  const { filterKeys } = views.search;
  const fingerprints = searchFingerprints(views.articles);
  // The views (every page's data and HTML) are garbage by now, before Pagefind starts its own process.
  const rendered = performance.now();
  const indexed = await indexSearch(output, checked, {
    searchFingerprints: fingerprints,
    previousDir: options.previousDir,
    shardSize: options.searchShardSize,
    meanwhile: () => writeOfflineIndex(checked, output, filterKeys),
  });
  return {
    pages: countHtmlFiles(output),
    reused,
    searchShards: { total: indexed.shards, reused: indexed.reused },
    timings: { render: rendered - started, index: performance.now() - rendered },
  };
}

/**
 * Links into `output` the article and entity pages of `previousDir` whose fingerprints are unchanged,
 * records every page's fingerprint for the next build, and returns the views left to render.
 */
async function reuseUnchangedPages(
  views: SiteViews,
  output: string,
  previousDir: string | undefined,
): Promise<{ toRender: SiteViews; reused: number }> {
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
  const articles = await filterAsync(views.articles, stale);
  const entities = await filterAsync(views.entities, stale);
  await writePageManifest(output, manifest);
  return { toRender: { ...views, paged: { ...views.paged, articles, entities } }, reused };
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

async function renderPages(views: SiteViews, output: string, pagesPerRun: number): Promise<void> {
  for (const [run, batch] of pageBatches(views, pagesPerRun).entries()) {
    const eleventy = new Eleventy(templatesDir, output, {
      // No config file: the views are handed over here, not read from disk by the CLI entry of .eleventy.ts.
      configPath: false,
      quietMode: true,
      config: (eleventyConfig) => configureSite(eleventyConfig, batch, { singlePages: run === 0 }),
    });
    // The build prints its own one-line summary; Eleventy's would be a second one.
    eleventy.disableLogger();
    await eleventy.write();
  }
}

export { serveSite } from "./serve.ts";
