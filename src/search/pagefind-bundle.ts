/**
 * One Pagefind bundle: article pages (oldest first) indexed into a folder by a Pagefind process of its own,
 * fed from this thread or, while this thread renders (the index stage started beside the render:
 * src/pipeline/site.ts), from a worker thread (src/search/pagefind-worker.ts). Pagefind's service takes its
 * messages through the thread that started it, and a thread running Eleventy rarely gets to its answers:
 * fed from that thread, the index waited for the render instead of running beside it.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import * as pagefind from "pagefind";
import { typescriptWorker } from "../ingest/typescript-worker.ts";
import { SEARCH_INDEX } from "../settings.ts";
import { VOCABULARY_URL } from "./shards.ts";

// keepIndexUrl: result links name index.html like every other link of the site.
export const INDEX_CONFIG = { keepIndexUrl: true, forceLanguage: "en" } as const;

function pagefindError(stage: string, errors: string[]): Error {
  return new Error(`pagefind (${stage}): ${errors.join("; ")}`);
}

/** A fragment as Pagefind writes it: gzipped "pagefind_dcd" followed by the record's JSON. */
interface Fragment {
  url: string;
  filters?: Record<string, string[]>;
}
export async function readFragment(file: string): Promise<Fragment> {
  const text = gunzipSync(await readFile(file)).toString("utf8");
  return JSON.parse(text.slice(text.indexOf("{"))) as Fragment;
}

/** URL → Pagefind's id (its fragment's name) of every record in a written bundle. */
export async function recordIds(bundleDir: string): Promise<Map<string, string>> {
  const dir = path.join(bundleDir, "fragment");
  const names = (await readdir(dir)).sort();
  const ids = new Map<string, string>();
  for (let start = 0; start < names.length; start += 64) {
    const batch = names.slice(start, start + 64);
    const fragments = await Promise.all(batch.map((name) => readFragment(path.join(dir, name))));
    for (const [i, fragment] of fragments.entries()) ids.set(fragment.url, batch[i].replace(/\.pf_fragment$/, ""));
  }
  return ids;
}

/** A bundle to index: plain data, so it goes to a worker as it is. */
export interface BundleJob {
  bundleDir: string;
  /** Oldest first: where each page's HTML is, and its path in the site (its URL in the index). */
  pages: { file: string; sourcePath: string }[];
  /** The hidden vocabulary record's text, or null for none. */
  vocabulary: string | null;
}

/** Indexes `job` from this thread; returns every record's id by URL. `onStarted`: once Pagefind is up. */
export async function indexBundleHere(job: BundleJob, onStarted: () => void = () => {}): Promise<Map<string, string>> {
  const { pages, vocabulary } = job;
  const { index, errors } = await pagefind.createIndex(INDEX_CONFIG);
  try {
    if (!index) throw pagefindError("start", errors);
    onStarted();
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
    // In order (Pagefind keeps the order it was given among pages of one date: src/search/pagefind.ts):
    // its service takes its messages one at a time as they arrive, so pages are sent ahead of its answers
    // (SEARCH_INDEX.pagesInFlight) in the order they are read, and the answers checked in that order. The
    // next page is read while Pagefind takes one.
    const inFlight: ReturnType<typeof index.addHTMLFile>[] = [];
    const checkOldest = async () => {
      const added = await inFlight.shift()!;
      if (added.errors.length) throw pagefindError("read", added.errors);
    };
    let next = pages.length ? readFile(pages[0].file, "utf8") : null;
    for (let i = 0; i < pages.length; i++) {
      const content = await next!;
      next = i + 1 < pages.length ? readFile(pages[i + 1].file, "utf8") : null;
      const adding = index.addHTMLFile({ sourcePath: pages[i].sourcePath, content });
      adding.catch(() => {}); // left unawaited when an earlier page fails: its failure is not another error
      inFlight.push(adding);
      if (inFlight.length >= SEARCH_INDEX.pagesInFlight) await checkOldest();
    }
    while (inFlight.length > 0) await checkOldest();
    const written = await index.writeFiles({ outputPath: job.bundleDir });
    if (written.errors.length) throw pagefindError("write", written.errors);
  } finally {
    await pagefind.close();
  }
  return recordIds(job.bundleDir);
}

/** What the worker answers: the record ids by URL, or why it failed. */
export type BundleAnswer = { ids: [string, string][] } | { error: string };

/**
 * Indexes `job` from a worker thread of its own; the same result as indexBundleHere. Aborting `signal`
 * stops the worker (Pagefind's process sees its input close) and rejects with the signal's reason.
 */
export function indexBundleInWorker(
  job: BundleJob,
  onStarted: () => void = () => {},
  signal?: AbortSignal,
): Promise<Map<string, string>> {
  signal?.throwIfAborted();
  const worker = typescriptWorker(new URL("./pagefind-worker.ts", import.meta.url), job);
  onStarted();
  let stop = () => {};
  return new Promise<Map<string, string>>((resolve, reject) => {
    stop = () => reject(signal?.reason);
    if (signal?.aborted) stop();
    signal?.addEventListener("abort", stop, { once: true });
    worker.once("message", (answer: BundleAnswer) =>
      "ids" in answer ? resolve(new Map(answer.ids)) : reject(new Error(answer.error)),
    );
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the search index's worker stopped with exit code ${code}`)));
  }).finally(() => {
    signal?.removeEventListener("abort", stop);
    return worker.terminate();
  });
}
