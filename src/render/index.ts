/**
 * The render stage: Archive → the site's pages in `outDir`, with Eleventy (src/render/eleventy-plugin.ts).
 *
 * renderPages writes only its own files — pages, each entity page's mentions.csv, each story's ledger.csv, assets/site.css, feed.xml,
 * sitemap.xml, seeds/ and the page manifest — and deletes nothing, so archive.json and figures.csv
 * (src/archive) and the search index (src/search) may be written into the same folder before or after.
 * Give it an empty folder for a clean result: files left by an earlier, different archive stay.
 */
import path from "node:path";
import type { Archive } from "../types.ts";
import { checkArchive } from "./archive-schema.ts";
import { originalUrls, writeEntityCsvs, writeStoryLedgerCsvs } from "./csv-exports.ts";
import { navigation } from "./eleventy-plugin.ts";
import { EleventyRuns, PAGES_PER_RUN } from "./eleventy-runs.ts";
import {
  csvFingerprint,
  type PagedView,
  type PageManifest,
  pageFingerprint,
  readPageManifest,
  reusePage,
  searchFingerprint,
  writePageManifest,
} from "./page-reuse.ts";
import { publishSeeds } from "./seeds.ts";
import type { EntityPage } from "./views/entities.ts";
import { buildSiteViews } from "./views/index.ts";

export interface RenderOptions {
  /** Folder of the seed files; when given, each article's seed is published at /seeds/<file> and linked. */
  seedsDir?: string;
  /** Article and entity pages per Eleventy run (default 3,000); see PAGES_PER_RUN. */
  pagesPerRun?: number;
  /**
   * The site this one replaces. Its article and entity pages whose inputs are unchanged are reused
   * (src/render/page-reuse.ts) instead of rendered again.
   */
  previousDir?: string;
}

export interface RenderResult {
  /** Article and entity pages taken unchanged from `previousDir`, not rendered. */
  reused: number;
  /** Article slug → what its page gives the search index (searchFingerprint), for the index stage. */
  searchFingerprints: Map<string, string>;
  /** The search filters that have values, for the index stage. */
  filterKeys: ReadonlySet<string>;
}

/** Checks `archive` against its schema and renders its pages into `outDir`. */
export async function renderPages(
  archive: Archive,
  outDir: string,
  options: RenderOptions = {},
): Promise<RenderResult> {
  const checked = checkArchive(archive);
  const output = path.resolve(outDir);
  const linkSeeds = options.seedsDir !== undefined;
  if (options.seedsDir !== undefined) await publishSeeds(checked, options.seedsDir, output, options.previousDir);
  return writePages(checked, output, { ...options, linkSeeds });
}

/**
 * Builds the views and writes the site's pages into `output`: the article and entity pages of
 * `previousDir` whose fingerprints are unchanged are linked (src/render/page-reuse.ts), the rest rendered.
 * Article, entity and story pages are built, fingerprinted and handed to Eleventy one run's worth
 * (pagesPerRun) at a time, so at most two such batches of them are in memory. Records every page's fingerprint for the next
 * build, and returns each article's search fingerprint for the search index.
 */
async function writePages(
  archive: Archive,
  output: string,
  options: RenderOptions & { linkSeeds: boolean },
): Promise<RenderResult> {
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
  /**
   * A page's CSV export beside it is reused with the page when its own fingerprint — the page's and the
   * original addresses of the page's articles, which the CSV lists and the page does not — is unchanged.
   */
  const webUrlOf = originalUrls(archive);
  const reuseCsv = async (page: PagedView, csvPath: string | null, slugs: string[]): Promise<boolean> => {
    if (csvPath === null) return true;
    const fingerprint = csvFingerprint(
      manifest[page.permalink],
      slugs.map((slug) => webUrlOf(slug) ?? ""),
    );
    manifest[csvPath] = fingerprint;
    return !!previousDir && previous[csvPath] === fingerprint && (await reusePage(previousDir, output, csvPath));
  };
  const searchFingerprints = new Map<string, string>();
  const runs = new EleventyRuns(site.views, output, pagesPerRun);
  for (let start = 0; start < site.articleCount; start += pagesPerRun) {
    const pages = site.articlePages(start, start + pagesPerRun);
    for (const page of pages) searchFingerprints.set(page.slug, searchFingerprint(page));
    await runs.add(await filterAsync(pages, stale), []);
  }
  /** A page's CSV is written when the page is rendered or the CSV's own fingerprint changed. */
  const staleCsv =
    <P extends PagedView>(
      rendered: ReadonlySet<P>,
      csvOf: (page: P) => string | null,
      slugsOf: (page: P) => string[],
    ) =>
    (page: P) =>
      reuseCsv(page, csvOf(page), slugsOf(page)).then((reusedCsv) => rendered.has(page) || !reusedCsv);
  const entitySlugs = (entity: EntityPage) => entity.articles.map((item) => item.slug);
  // Entity pages a slice at a time, like the article pages, each slice's CSV exports with it.
  for (let start = 0; start < site.entityCount; start += pagesPerRun) {
    const pages = site.entityPages(start, start + pagesPerRun);
    const entities = await filterAsync(pages, stale);
    const csvs = await filterAsync(
      pages,
      staleCsv(new Set(entities), (e) => e.csvPath, entitySlugs),
    );
    await writeEntityCsvs(output, csvs, webUrlOf);
    await runs.add([], entities);
  }
  // Story pages likewise, each slice's ledger CSVs with it.
  for (let start = 0; start < site.storyCount; start += pagesPerRun) {
    const pages = site.storyPages(start, start + pagesPerRun);
    const stories = await filterAsync(pages, stale);
    const csvs = await filterAsync(
      pages,
      staleCsv(
        new Set(stories),
        (s) => s.ledgerCsvPath,
        () => [],
      ),
    );
    await writeStoryLedgerCsvs(output, csvs);
    await runs.add([], [], stories);
  }
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
