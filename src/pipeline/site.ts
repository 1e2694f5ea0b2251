/**
 * The output half of the pipeline for an Archive in memory: render (src/render), then index (src/search),
 * into one folder. The build (src/pipeline/index.ts) runs these two stages after the archive stage; tests
 * and tools that hold an Archive call renderSite.
 */
import path from "node:path";
import {
  type ArticlePagesWritten,
  type RenderOptions as PageOptions,
  type RenderResult,
  renderPages,
} from "../render/index.ts";
import { type IndexOptions, indexSite, prepareSearchPageScripts } from "../search/index.ts";
import type { Archive } from "../types.ts";
import { filesUnder } from "../util/files.ts";
import { collectGarbageIfGrown } from "../util/memory.ts";

/** The render stage's options, and the index stage's shard size. */
export interface RenderOptions extends PageOptions {
  /** Most articles per search-index shard (default SHARD_ARTICLES in src/search/shards.ts). */
  searchShardSize?: number;
}

export interface SiteResult {
  pages: number;
  /** HTML pages taken unchanged from `previousDir`, not rendered. */
  reused: number;
  /** Shards of the search index, and how many of them were taken unchanged from `previousDir`. */
  searchShards: { total: number; reused: number; delta: number };
  /** Milliseconds spent rendering pages (Eleventy) and indexing them for search (Pagefind and the offline index). */
  timings: { render: number; index: number };
}

/**
 * The render and index stages, timed. The index stage reads only the article pages, which the render writes
 * first, so a render of several Eleventy runs starts it as soon as they are on disk
 * (RenderOptions.onArticlePagesWritten): Pagefind indexes in a process of its own, fed from a worker thread,
 * while the entity and story pages render. What it does in this thread (the suggestions and the offline
 * index) waits for the render's end. A render of one run (a rebuild that changes a few pages) is followed by
 * the index stage. `onRendered` is called between the render's end and the index stage's.
 */
export async function renderAndIndexStages(
  archive: Archive,
  output: string,
  options: RenderOptions,
  onRendered?: () => void,
): Promise<{ rendered: RenderResult & { ms: number }; indexed: IndexStageResult }> {
  // Bundled in esbuild's process beside the render; a failure is reported when the index stage writes them.
  prepareSearchPageScripts().catch(() => {});
  let endRender!: (failure?: unknown) => void;
  const renderEnd = new Promise<void>((resolve, reject) => {
    endRender = (failure) => (failure === undefined ? resolve() : reject(failure));
  });
  renderEnd.catch(() => {}); // the render's own failure is the one reported
  let indexing: Promise<IndexStageResult> | undefined;
  const renderFailed = new AbortController();
  const startIndexing = (forIndex: ArticlePagesWritten, moreToRender: boolean) => {
    if (!moreToRender) return; // the render is as good as done: the index stage follows it
    const beside = { siteRendered: renderEnd, offThread: true, signal: renderFailed.signal };
    indexing = indexStage(archive, output, forIndex, options, beside);
    indexing.catch(() => {}); // awaited below, once the render is done
  };
  let rendered: RenderResult & { ms: number };
  try {
    rendered = await renderStage(archive, output, { ...options, onArticlePagesWritten: startIndexing });
  } catch (error) {
    endRender(error);
    // The index stops: no further shard, and the worker indexing one is stopped. Its Pagefind process exits
    // once its input closes and may still write a file into the staging folder as it does; the next build
    // empties that folder before using it (src/pipeline/index.ts), and a dead process's is removed.
    renderFailed.abort(error);
    await indexing?.catch(() => {});
    throw error;
  }
  endRender();
  onRendered?.();
  const indexed = await (indexing ?? indexStage(archive, output, rendered, options));
  return { rendered, indexed };
}

/** The render stage, timed; the views it built are garbage once it returns (see indexSite for when they are collected). */
async function renderStage(archive: Archive, output: string, options: PageOptions) {
  const started = performance.now();
  // What the ingest and archive stages left (the archive files' text, the extractions' copies) is garbage by
  // now: collected before the views are built on top of it. A rebuild's peak at 10,000 articles fell from
  // 1.48–1.60 to 1.24–1.25 GiB; at 50,000 it rose from 3.97 to 4.60 GiB, since V8 sets its next limit from
  // the heap this leaves (docs/performance.md, "Rebuilds").
  collectGarbageIfGrown();
  const rendered = await renderPages(archive, output, options);
  // The views are garbage now (renderPages kept them in its own scope): the index stage collects them when
  // whole shards are to be indexed beside it (src/search/index.ts).
  return { ...rendered, ms: performance.now() - started };
}

interface IndexStageResult {
  total: number;
  reused: number;
  delta: number;
  ms: number;
}

/** The index stage over the article pages the render stage wrote, timed. */
async function indexStage(
  archive: Archive,
  output: string,
  rendered: ArticlePagesWritten,
  options: RenderOptions,
  beside: Pick<IndexOptions, "siteRendered" | "offThread" | "signal"> = {},
): Promise<IndexStageResult> {
  const started = performance.now();
  const { shards, reused, delta } = await indexSite(archive, output, {
    searchFingerprints: rendered.searchFingerprints,
    filterKeys: rendered.filterKeys,
    previousDir: options.previousDir,
    shardSize: options.searchShardSize,
    recordDigests: options.recordDigests,
    ...beside,
  });
  return { total: shards, reused, delta, ms: performance.now() - started };
}

export async function renderSite(archive: Archive, outDir: string, options: RenderOptions = {}): Promise<SiteResult> {
  const output = path.resolve(outDir);
  const { rendered, indexed } = await renderAndIndexStages(archive, output, options);
  return sitePages(output, rendered, indexed);
}

/** What the two stages did, as the build's summary line tells it; `site` is the folder or its file list. */
export function sitePages(
  site: string | string[],
  rendered: { reused: number; ms: number },
  indexed: { total: number; reused: number; delta: number; ms: number },
): SiteResult {
  return {
    pages: typeof site === "string" ? countHtmlFiles(site) : site.filter((file) => file.endsWith(".html")).length,
    reused: rendered.reused,
    searchShards: { total: indexed.total, reused: indexed.reused, delta: indexed.delta },
    timings: { render: rendered.ms, index: indexed.ms },
  };
}

function countHtmlFiles(dir: string): number {
  return filesUnder(dir).filter((file) => file.endsWith(".html")).length;
}
