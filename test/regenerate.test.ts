/**
 * The daily loop: a new file dropped into seeds/ shows up in the archive and in search;
 * a removed one disappears from both. Watch mode rebuilds on its own and the open page
 * is told to reload.
 */
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser } from "playwright-core";
import { build } from "../src/pipeline/index.ts";
import { LiveReload } from "../src/serve/live-reload.ts";
import { type RunningServer, serveSite } from "../src/serve/server.ts";
import { watchAndRebuild } from "../src/serve/watch.ts";
import { checkBrowser, launchChromium } from "./helpers/chromium.ts";
import { waitForResults, waitForSearchReady } from "./helpers/search-page.ts";

const availability = checkBrowser();
const skip = availability.available ? false : availability.skipReason;

const scratch = mkdtempSync(path.join(os.tmpdir(), "news-archive-regen-"));
const seeds = path.join(scratch, "seeds");
const out = path.join(scratch, "site");
const cacheDir = path.join(scratch, "cache");

const NEW_SEED = `LAHORE: Police arrested 45 protesters outside the Punjab Assembly on Tuesday, officials said.
Punjab Information Minister Zubaida Qasmani said the Zephyrine march had no permit.
Published in Dawn, March 4th, 2026
`;

let server: RunningServer;
let browser: Browser;

/** Runs Pagefind's own search API in the served page and returns the result URLs. */
async function searchUrls(term: string): Promise<string[]> {
  // Through the search page, which merges the index's shards and the delta a rebuild leaves beside them.
  const page = await browser.newPage();
  await page.goto(new URL(`search/index.html?q=${encodeURIComponent(term)}`, server.url).href);
  assert.equal(await waitForSearchReady(page), "pagefind");
  await waitForResults(page, term);
  const urls = await page
    .locator(".pf-results .pf-result-link")
    .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
  await page.close();
  return urls;
}

describe("regenerate", { skip }, () => {
  before(async () => {
    cpSync("seeds", seeds, { recursive: true });
    await build({ seedsDir: seeds, outDir: out, cacheDir });
    server = await serveSite(out);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  test("a seed added to a built archive gets its page, its entities and its search hit; removed, they go", async () => {
    assert.deepEqual(await searchUrls("Zephyrine"), []);

    writeFileSync(path.join(seeds, "lahore-protest.txt"), NEW_SEED);
    const added = await build({ seedsDir: seeds, outDir: out, cacheDir });
    assert.deepEqual(added.parsed, ["lahore-protest.txt"], "only the new seed is parsed");
    const article = added.archive.articles.find((a) => a.source.file === "lahore-protest.txt")!;
    assert.ok(added.archive.people.some((p) => p.name === "Zubaida Qasmani"));
    const hits = await searchUrls("Zephyrine");
    assert.equal(hits.length, 1);
    assert.match(hits[0], new RegExp(`/articles/${article.slug}/`));
    const personPage = await (await fetch(new URL(`people/zubaida-qasmani/index.html`, server.url))).text();
    assert.match(personPage, /Zubaida Qasmani/);

    rmSync(path.join(seeds, "lahore-protest.txt"));
    const removed = await build({ seedsDir: seeds, outDir: out, cacheDir });
    assert.equal(removed.changes?.removed, 1);
    assert.deepEqual(await searchUrls("Zephyrine"), []);
    assert.equal((await fetch(new URL(`articles/${article.slug}/index.html`, server.url))).status, 404);
    assert.equal((await fetch(new URL("people/zubaida-qasmani/index.html", server.url))).status, 404);
  });

  test("watch mode rebuilds after a seed is dropped in, and tells open pages to reload", async () => {
    const liveReload = new LiveReload();
    const watched = await serveSite(out, { liveReload });
    const page = await browser.newPage();
    await page.goto(new URL("index.html", watched.url).href);
    const reloaded = page.waitForEvent("load", { timeout: 60_000 });
    let rebuilt: (files: string[]) => void;
    const rebuiltWith = new Promise<string[]>((resolve) => (rebuilt = resolve));
    const watcher = watchAndRebuild([seeds], async (changed) => {
      await build({ seedsDir: seeds, outDir: out, cacheDir });
      liveReload.reload();
      rebuilt(changed);
    });
    try {
      writeFileSync(path.join(seeds, "watch-story.txt"), NEW_SEED.replace("Zephyrine", "Quillfeather"));
      const changed = await rebuiltWith;
      assert.ok(changed.some((f) => f.endsWith("watch-story.txt")));
      await reloaded;
      assert.equal((await searchUrls("Quillfeather")).length, 1);
    } finally {
      watcher.close();
      await page.close();
      await watched.close();
    }
  });
});
