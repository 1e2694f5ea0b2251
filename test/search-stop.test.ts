/**
 * The index stage started beside the render (src/pipeline/site.ts) feeds Pagefind from a worker thread
 * (src/search/pagefind-bundle.ts), and stops when the render fails (SearchIndexOptions.signal).
 */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { type RenderResult, renderPages } from "../src/render/index.ts";
import { indexSite } from "../src/search/index.ts";
import { type BundleJob, indexBundleInWorker } from "../src/search/pagefind-bundle.ts";
import { articlePagePath } from "../src/urls.ts";
import { fixtureArchive } from "./helpers/fixture-archive.ts";

const scratch = mkdtempSync(path.join(os.tmpdir(), "news-archive-search-stop-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

const archive = fixtureArchive();
const site = path.join(scratch, "site");
let rendered: RenderResult;
before(async () => {
  rendered = await renderPages(archive, site);
});

const job = (bundle: string): BundleJob => ({
  bundleDir: path.join(scratch, bundle),
  pages: archive.articles.map((a) => ({
    file: path.join(site, articlePagePath(a.slug)),
    sourcePath: articlePagePath(a.slug),
  })),
  vocabulary: null,
});

test("a bundle indexed from a worker thread holds every page given", async () => {
  const ids = await indexBundleInWorker(job("whole"));
  assert.deepEqual([...ids.keys()].sort(), archive.articles.map((a) => `/${articlePagePath(a.slug)}`).sort());
});

test("a bundle indexed from a worker thread is given up when its signal is aborted", async () => {
  const stop = new AbortController();
  const failure = new Error("the render failed");
  await assert.rejects(
    indexBundleInWorker(job("given-up"), () => stop.abort(failure), stop.signal),
    failure,
  );
});

test("an index stage whose render failed indexes no bundle", async () => {
  const stop = new AbortController();
  const failure = new Error("the render failed");
  stop.abort(failure);
  await assert.rejects(
    indexSite(archive, site, {
      searchFingerprints: rendered.searchFingerprints,
      filterKeys: rendered.filterKeys,
      offThread: true,
      signal: stop.signal,
    }),
    failure,
  );
  assert.equal(existsSync(path.join(site, "pagefind")), false);
});
