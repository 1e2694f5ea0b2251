/**
 * The render stage: Archive → the site's pages in `outDir`, with Eleventy (src/render/eleventy-plugin.ts).
 *
 * renderPages writes only its own files — pages, each entity page's mentions.csv, each story's ledger.csv, assets/site.css, feed.xml,
 * sitemap.xml, seeds/ and the page manifest — and deletes nothing, so the archive's files and figures.csv
 * (src/archive) and the search index (src/search) may be written into the same folder before or after.
 * Give it an empty folder for a clean result: files left by an earlier, different archive stay.
 */
import path from "node:path";
import type { RecordDigests } from "../archive/index.ts";
import type { Archive } from "../types.ts";
import { checkArchive } from "./archive-schema.ts";
import { articlePagesKnown } from "./article-pages-known.ts";
import { originalUrls, writeEntityCsvs, writeStoryLedgerCsvs } from "./csv-exports.ts";
import { navigation } from "./eleventy-plugin.ts";
import { EleventyRuns, PAGES_PER_RUN } from "./eleventy-runs.ts";
import { entityPagesKnown } from "./entity-pages-known.ts";
import {
  checkedDigests,
  csvFingerprint,
  type KeptPageManifest,
  keyFingerprints,
  noManifest,
  type PageManifest,
  passedDigests,
  readPageManifest,
  reusePage,
  searchFingerprint,
  writePageManifest,
} from "./page-reuse.ts";
import { publishSeeds } from "./seeds.ts";
import { keptByListing } from "./site-overlay.ts";
import { storyPagesKnown } from "./story-pages-known.ts";
import type { ArticlePage } from "./views/articles.ts";
import type { EntityPage } from "./views/entities.ts";
import { buildSiteViews } from "./views/index.ts";
import { addPaged, noPagedOneOffs, oneOffPages } from "./views/one-off-pages.ts";
import type { PageKey } from "./views/page-key.ts";
import type { StoryPage } from "./views/stories.ts";

export { KeptPageManifest } from "./page-reuse.ts";

export interface RenderOptions {
  /** Folder of the seed files; when given, each article's seed is published at /seeds/<file> and linked. */
  seedsDir?: string;
  /** Article and entity pages per Eleventy run (default 3,000); see PAGES_PER_RUN. */
  pagesPerRun?: number;
  /**
   * The site this one replaces. Its pages whose inputs are unchanged are reused
   * (src/render/page-reuse.ts) instead of rendered again.
   */
  previousDir?: string;
  /** The archive's record digests, from the archive stage (src/archive); worked out here when not given. */
  recordDigests?: RecordDigests;
  /**
   * Called once, when every article page is on disk, with each article's search fingerprint: the index
   * stage reads only article pages, so it can start while the entity and story pages render
   * (src/pipeline/site.ts). When the render takes several Eleventy runs, the article pages get runs of their
   * own and this comes before the entity pages are rendered (`moreToRender`); otherwise it comes once the
   * render is done.
   */
  onArticlePagesWritten?: (forIndex: ArticlePagesWritten, moreToRender: boolean) => void;
  /** The page manifest the last build of this process wrote, kept in memory (`npm start`; src/render/page-reuse.ts). */
  keptManifest?: KeptPageManifest;
}

/** What the index stage needs of the render: known once the article pages are written. */
export type ArticlePagesWritten = Pick<RenderResult, "searchFingerprints" | "filterKeys">;

export interface RenderResult {
  /** HTML pages taken unchanged from `previousDir`, not rendered. */
  reused: number;
  /** Article slug → what its page gives the search index (searchFingerprint), for the index stage. */
  searchFingerprints: Map<string, string>;
  /** The search filters that have values, for the index stage. */
  filterKeys: ReadonlySet<string>;
  /** Article pages whose keys were worked out: the rest were known unchanged (src/render/article-pages-known.ts). */
  articleKeys: number;
  /** Story pages whose keys were worked out: the rest were known unchanged (src/render/story-pages-known.ts). */
  storyKeys: number;
  /** Entity pages whose pre-keys were worked out: the rest were carried (src/render/entity-pages-known.ts). */
  entityPreKeys: number;
  /** Article stamps worked out: the rest were the previous build's (src/render/entity-pages-known.ts). */
  articleStamps: number;
}

/** Checks `archive` against its schema and renders its pages into `outDir`. */
export async function renderPages(
  archive: Archive,
  outDir: string,
  options: RenderOptions = {},
): Promise<RenderResult> {
  const { previousDir, keptManifest } = options;
  const previous = previousDir
    ? await (keptManifest ? keptManifest.read(previousDir) : readPageManifest(previousDir))
    : noManifest();
  const digests = options.recordDigests;
  // The records the previous build checked are not checked again.
  const passed = digests
    ? { digestOf: (record: object) => digests.get(record), passed: passedDigests(previous) }
    : undefined;
  const checked = checkArchive(archive, "archive", passed);
  const output = path.resolve(outDir);
  const linkSeeds = options.seedsDir !== undefined;
  if (options.seedsDir !== undefined) await publishSeeds(checked, options.seedsDir, output, options.previousDir);
  return writePages(checked, output, previous, { ...options, linkSeeds });
}

/** The digest of every record of the archive (each element of its lists). */
function* everyDigest(archive: Archive, digests: RecordDigests): Generator<string> {
  for (const value of Object.values(archive)) {
    if (!Array.isArray(value)) continue;
    for (const record of value) {
      const digest = typeof record === "object" && record !== null ? digests.get(record) : undefined;
      if (digest !== undefined) yield digest;
    }
  }
}

/** One kind of page built on demand (article, entity or story pages), as the render stage walks it. */
interface PagedKind<P> {
  count: number;
  /** Pages `start` to `end` (exclusive). */
  build(start: number, end: number): P[];
  /** Page `at` known without building it (src/render/views/page-key.ts). */
  key(at: number): PageKey;
  /**
   * Page `at` known without working out its key: where it goes and the previous build's fingerprint, when
   * that is sure to be its fingerprint now (src/render/views/entities.ts, preKey); else null.
   */
  known?(at: number): { permalink: string; csvPath: string | null; fingerprint: string } | null;
  /**
   * A page whose key is unchanged, not built: false when it cannot be kept for all that (the article's
   * search fingerprint is not on record), and the page is built and rendered.
   */
  keep?(at: number): boolean;
}

/** A page whose key is unchanged, remembered by its number. */
interface KeptPage {
  at: number;
  permalink: string;
  /** The page's CSV export, unchanged too. */
  csvPath: string | null;
}

/**
 * Builds the views and writes the site's pages into `output`: the pages of `previousDir` whose keys are
 * unchanged — article, entity, story and one-off pages — are linked (src/render/page-reuse.ts) without
 * building their article, entity or story views, the rest built and rendered, a run's worth (pagesPerRun)
 * at a time. Records every page's
 * fingerprint for the next build, and returns each article's search fingerprint for the search index.
 */
async function writePages(
  archive: Archive,
  output: string,
  previous: PageManifest,
  options: RenderOptions & { linkSeeds: boolean },
): Promise<RenderResult> {
  const site = buildSiteViews(archive, { linkSeeds: options.linkSeeds, recordDigests: options.recordDigests });
  const { previousDir } = options;
  const pagesPerRun = options.pagesPerRun ?? PAGES_PER_RUN;
  const manifest: PageManifest = noManifest();
  if (options.recordDigests) manifest.checked = checkedDigests(everyDigest(archive, options.recordDigests));
  let reused = 0;
  let articleKeys = 0;
  let storyKeys = 0;
  const webUrlOf = originalUrls(archive);
  const fingerprints = keyFingerprints(navigation);
  // The entities shown by another name than the previous build showed them by.
  const names = site.entityPreKeys.names();
  const renamed = new Set<string>();
  for (const [key, name] of Object.entries(previous.names ?? {})) {
    const now = names.get(key);
    if (now !== undefined && now !== name) renamed.add(key);
  }
  manifest.names = Object.fromEntries(names);
  // Laid over the live site, a kept page its listing has is known kept without asking (reusePage) for it.
  const keptAtOnce = previousDir ? await keptByListing(previousDir, output) : null;

  /**
   * Pages `start` to `end` of `kind` to render, and those whose CSV export is to be written: a page whose
   * key changed, or whose previous copy is gone; a CSV whose page is rendered or whose previous copy is
   * gone. Only those pages' views are built.
   */
  const staleIn = async <P>(
    kind: PagedKind<P>,
    start: number,
    end: number,
    onPage?: (page: P) => void,
  ): Promise<{ pages: P[]; csvs: P[] }> => {
    const stale = new Map<number, P>();
    const staleCsv = new Map<number, P>();
    const kept: KeptPage[] = [];
    const built = (at: number) => {
      const [page] = kind.build(at, at + 1);
      onPage?.(page);
      return page;
    };
    const fingerprinted = (at: number) => {
      const { permalink, csvPath, key } = kind.key(at);
      return { permalink, csvPath, fingerprint: fingerprints.ofKey(key) };
    };
    for (let at = start; at < Math.min(end, kind.count); at++) {
      const { permalink, csvPath, fingerprint } = kind.known?.(at) ?? fingerprinted(at);
      manifest.pages[permalink] = fingerprint;
      if (csvPath !== null) manifest.pages[csvPath] = csvFingerprint(fingerprint);
      if (!previousDir || previous.pages[permalink] !== fingerprint || (kind.keep && !kind.keep(at))) {
        const page = built(at);
        stale.set(at, page);
        if (csvPath !== null) staleCsv.set(at, page);
        continue;
      }
      kept.push({ at, permalink, csvPath });
    }
    // Then the file system: each kept page (and CSV) is linked from the previous site, or built to be
    // rendered if its copy has gone.
    const settle = ({ at, csvPath }: KeptPage, page: boolean, csv: boolean) => {
      if (page) reused++;
      if (page && csv) return;
      const view = built(at);
      if (!page) stale.set(at, view);
      if (csvPath !== null && !csv) staleCsv.set(at, view);
    };
    const asked: KeptPage[] = [];
    for (const keptPage of kept) {
      const { permalink, csvPath } = keptPage;
      if (keptAtOnce?.(permalink) && (csvPath === null || keptAtOnce(csvPath))) settle(keptPage, true, true);
      else asked.push(keptPage);
    }
    for (let from = 0; from < asked.length; from += 64) {
      const slice = asked.slice(from, from + 64);
      const verdicts = await Promise.all(
        slice.map(async ({ permalink, csvPath }) => {
          const page = await reusePage(previousDir as string, output, permalink);
          const csv = csvPath === null || (await reusePage(previousDir as string, output, csvPath));
          return { page, csv };
        }),
      );
      for (const [i, keptPage] of slice.entries()) settle(keptPage, verdicts[i].page, verdicts[i].csv);
    }
    const inOrder = (pages: Map<number, P>) => [...pages].sort(([a], [b]) => a - b).map(([, page]) => page);
    return { pages: inOrder(stale), csvs: inOrder(staleCsv) };
  };

  // The one-off pages (the lists, the timeline's years, the ledger, the feed): those whose keys are unchanged
  // are kept, the rest written by the first Eleventy run.
  const oneOffs = { templates: new Set<string>(), paged: noPagedOneOffs() };
  for (const page of oneOffPages(site.views)) {
    const fingerprint = fingerprints.ofJson(page.shows);
    manifest.pages[page.permalink] = fingerprint;
    const unchanged = previousDir !== undefined && previous.pages[page.permalink] === fingerprint;
    if (unchanged && (await reusePage(previousDir, output, page.permalink))) {
      if (page.permalink.endsWith(".html")) reused++;
      continue;
    }
    oneOffs.templates.add(page.template);
    if (page.paged) addPaged(oneOffs.paged, page.paged);
  }

  const searchFingerprints = new Map<string, string>();
  const runs = new EleventyRuns(site.views, output, pagesPerRun, oneOffs);
  const knownArticles = articlePagesKnown(site.articleDeps, site.articleCount, previous, manifest, {
    fingerprints,
    hasPrevious: previousDir !== undefined,
    renamed,
  });
  const articles: PagedKind<ArticlePage> = {
    count: site.articleCount,
    build: site.articlePages,
    key: (at) => {
      articleKeys++;
      return site.articleKey(at);
    },
    known: knownArticles.known,
    // An unchanged article's search fingerprint is the previous build's.
    keep: (at) => {
      const slug = site.articleSlug(at);
      const before = previous.search[slug];
      if (before !== undefined) searchFingerprints.set(slug, before);
      return before !== undefined;
    },
  };
  for (let start = 0; start < articles.count; start += pagesPerRun) {
    const { pages } = await staleIn(articles, start, start + pagesPerRun, (page) =>
      searchFingerprints.set(page.slug, searchFingerprint(page)),
    );
    await runs.add(pages, []);
  }
  // A render of several runs writes its last article pages now, in a short run of their own, so the index
  // stage can start on them; one of a single run (a rebuild that changes a few pages) is not split in two.
  const articlesFirst = runs.started;
  if (articlesFirst) {
    await runs.writeArticles();
    options.onArticlePagesWritten?.({ searchFingerprints, filterKeys: site.views.search.filterKeys }, true);
  }
  const knownEntities = entityPagesKnown(site.entityPreKeys, previous, manifest, {
    fingerprints,
    hasPrevious: previousDir !== undefined,
    renamed,
    restamped: knownArticles.restamped(),
    stampBefore: knownArticles.stampBefore,
  });
  const entities: PagedKind<EntityPage> = {
    count: site.entityCount,
    build: site.entityPages,
    key: site.entityKey,
    known: knownEntities.known,
  };
  for (let start = 0; start < entities.count; start += pagesPerRun) {
    const { pages, csvs } = await staleIn(entities, start, start + pagesPerRun);
    await writeEntityCsvs(output, csvs, webUrlOf);
    await runs.add([], pages);
  }
  const knownStories = storyPagesKnown(
    { inputs: site.storyInputs, placePoints: site.placePoints },
    previous,
    manifest,
    { fingerprints, hasPrevious: previousDir !== undefined, renamed },
  );
  const stories: PagedKind<StoryPage> = {
    count: site.storyCount,
    build: site.storyPages,
    key: (at) => {
      storyKeys++;
      return site.storyKey(at);
    },
    known: knownStories.known,
  };
  for (let start = 0; start < stories.count; start += pagesPerRun) {
    const { pages, csvs } = await staleIn(stories, start, start + pagesPerRun);
    await writeStoryLedgerCsvs(output, csvs);
    await runs.add([], [], pages);
  }
  await runs.finish();
  if (!articlesFirst) {
    options.onArticlePagesWritten?.({ searchFingerprints, filterKeys: site.views.search.filterKeys }, false);
  }
  manifest.search = Object.fromEntries(searchFingerprints);
  knownArticles.record();
  await writePageManifest(output, manifest, options.keptManifest);
  return {
    reused,
    searchFingerprints,
    filterKeys: site.views.search.filterKeys,
    articleKeys,
    storyKeys,
    entityPreKeys: knownEntities.preKeysMade(),
    articleStamps: site.entityPreKeys.stampsMade(),
  };
}
