/**
 * The search index's delta (src/search/pagefind.ts, src/search/shards.ts, merged by
 * src/search/browser/pagefind-engine.ts): a rebuild after adding, changing and removing articles keeps every
 * shard and indexes only those articles, and the search page — served (Pagefind) and from disk (the offline
 * index) — answers as a cold build of the same archive does: the same articles, counts and order by date. Past
 * the delta's size the build compacts. Also with one shard, where a small archive's whole index would be indexed again.
 */
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { renderSite } from "../src/pipeline/site.ts";
import type { OfflineDelta, OfflineMeta } from "../src/search/browser/types.ts";
import { MANIFEST_FILE, type ShardManifest } from "../src/search/shards.ts";
import { type RunningServer, serveSite } from "../src/serve/server.ts";
import type { Archive } from "../src/types.ts";
import { checkBrowser, launchChromium } from "./helpers/chromium.ts";
import { article, fixtureArchive } from "./helpers/fixture-archive.ts";
import { openFilters, resultTitles, summaryText, waitForResults, waitForSearchReady } from "./helpers/search-page.ts";

const YEARS = ["2019", "2020", "2021", "2022"];
/** At this size the shards are 2026, 2022, 2020–2021 and undated–2019; the delta takes at most 4 articles. */
const SHARD_SIZE = 8;

/**
 * The fixture archive (seven articles of 2026, one undated) plus three convoy reports a year, and two more on
 * the day of the second 2020 report, so that pages share a date.
 */
function convoyArchive(): Archive {
  const archive = fixtureArchive();
  const convoy = (slug: string, title: string, body: string, date: string) =>
    archive.articles.push(article({ slug, title, body, date, dateFrom: "text" }));
  for (const year of YEARS) {
    for (const n of [1, 2, 3]) {
      const word = year === "2019" ? "caravanserai" : "caravan";
      convoy(
        `convoy-${year}-${n}`,
        `Convoy report ${year} number ${n}`,
        `The ${word} convoy crossed the pass, report ${n} of ${year} said.`,
        `${year}-0${n}-1${n}`,
      );
    }
  }
  for (const suffix of ["b", "d"]) {
    convoy(`convoy-2020-2${suffix}`, `Convoy report 2020 number 2${suffix}`, "A caravan convoy waited.", "2020-02-12");
  }
  return archive;
}

/** The archive after a new article (on a date other pages have, with a new word), a changed one and one removed. */
function editedArchive(): Archive {
  const archive = convoyArchive();
  archive.articles.push(
    article({
      slug: "convoy-2020-2c",
      title: "Convoy report 2020 number 2c",
      body: "A caravan convoy met a zeppelin at the pass.",
      date: "2020-02-12",
      dateFrom: "text",
    }),
  );
  const changed = archive.articles.find((a) => a.slug === "convoy-2021-1")!;
  // New words, and a date in an older shard's years: its page moves to where the delta puts it.
  changed.body = "The caravan convoy turned back at the checkpoint, the 2021 report said.";
  changed.date = "2019-06-01";
  archive.articles = archive.articles.filter((a) => a.slug !== "convoy-2022-3");
  return archive;
}

const readManifest = async (dir: string) =>
  JSON.parse(await readFile(path.join(dir, MANIFEST_FILE), "utf8")) as ShardManifest;

/** The from-disk index's delta.js, as the page receives it. */
async function readOfflineDelta(dir: string): Promise<OfflineDelta | null> {
  const text = await readFile(path.join(dir, "search/offline/delta.js"), "utf8");
  return JSON.parse(text.slice(text.indexOf("(") + 1, text.lastIndexOf(")"))) as OfflineDelta | null;
}
const offlineFile = (dir: string, file: string) => readFile(path.join(dir, "search/offline", file), "utf8");

let root: string;
const built = new Map<string, string>();
async function build(name: string, archive: Archive, options: { shardSize?: number; previous?: string } = {}) {
  const outDir = path.join(root, name);
  const result = await renderSite(archive, outDir, {
    searchShardSize: options.shardSize,
    previousDir: options.previous ? built.get(options.previous) : undefined,
  });
  built.set(name, outDir);
  return { outDir, result, manifest: await readManifest(outDir) };
}

before(async () => {
  root = await mkdtemp(path.join(tmpdir(), "news-archive-delta-"));
});
after(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe("a rebuild after a few changes", () => {
  test("keeps every shard and indexes only the new and changed articles into the delta", async () => {
    await build("cold", convoyArchive(), { shardSize: SHARD_SIZE });
    const { result, manifest } = await build("delta", editedArchive(), { shardSize: SHARD_SIZE, previous: "cold" });
    assert.deepEqual(result.searchShards, { total: 4, reused: 4, delta: 2 });
    assert.equal(manifest.delta?.articles, 2, "the new article and the changed one");
    assert.deepEqual(manifest.delta?.superseded.map((page) => page.url).sort(), [
      "/articles/convoy-2021-1/index.html",
      "/articles/convoy-2022-3/index.html",
    ]);
    assert.match(manifest.delta?.hidden ?? "", /^en_\w+$/, "the delta completes every word");
    // From disk too: the files of the cold build are kept, the two articles are in delta.js.
    const offline = await readOfflineDelta(built.get("delta")!);
    assert.deepEqual(
      offline?.docs.map(([url]) => url),
      ["articles/convoy-2020-2c/index.html", "articles/convoy-2021-1/index.html"],
    );
    assert.equal(offline?.superseded.length, 2);
    assert.equal(await offlineFile(built.get("delta")!, "meta.js"), await offlineFile(built.get("cold")!, "meta.js"));
    assert.equal(await readOfflineDelta(built.get("cold")!), null);

    // Nothing changed since: the delta is linked, not indexed again.
    const again = await build("delta-again", editedArchive(), { shardSize: SHARD_SIZE, previous: "delta" });
    assert.deepEqual(again.result.searchShards, { total: 4, reused: 4, delta: 2 });
    assert.deepEqual(again.manifest, manifest);

    // A cold build of the same archive has no delta.
    const fresh = await build("fresh", editedArchive(), { shardSize: SHARD_SIZE });
    assert.equal(fresh.manifest.delta, null);
    assert.equal(await readOfflineDelta(fresh.outDir), null);
  });

  test("the from-disk delta lists the filters as a cold build of the same archive does", async () => {
    // A new article of a year no other has: the year filter gains a value, and every filter is counted again.
    const withNewYear = () => {
      const archive = convoyArchive();
      archive.articles.push(
        article({
          slug: "convoy-2017",
          title: "Convoy report 2017",
          body: "The caravan convoy of 2017.",
          date: "2017-05-05",
          dateFrom: "text",
        }),
      );
      return archive;
    };
    await build("year-cold", convoyArchive(), { shardSize: SHARD_SIZE });
    await build("year-delta", withNewYear(), { shardSize: SHARD_SIZE, previous: "year-cold" });
    await build("year-fresh", withNewYear(), { shardSize: SHARD_SIZE });
    const filtersOf = async (name: string) => {
      const text = await offlineFile(built.get(name)!, "meta.js");
      return (JSON.parse(text.slice(text.indexOf("(") + 1, text.lastIndexOf(")"))) as OfflineMeta).filters;
    };
    const delta = await readOfflineDelta(built.get("year-delta")!);
    assert.ok(delta, "the new article is in the delta");
    assert.deepEqual(delta.filterList, await filtersOf("year-fresh"));
    assert.notDeepEqual(delta.filterList, await filtersOf("year-cold"), "the new year is counted");
  });

  test("compacts past the delta's size: the changed shards are indexed again and the delta is gone", async () => {
    const more = editedArchive();
    for (const slug of ["convoy-2019-1", "convoy-2019-2", "convoy-2022-1"]) {
      const target = more.articles.find((a) => a.slug === slug)!;
      target.body = `${target.body} The escort returned.`;
    }
    const { outDir, result, manifest } = await build("compacted", more, { shardSize: SHARD_SIZE, previous: "delta" });
    assert.equal(manifest.delta, null);
    assert.equal(await readOfflineDelta(outDir), null, "the from-disk index is written whole");
    // Every shard lost a word (the removed report's date) or changed: all are indexed again.
    assert.deepEqual(result.searchShards, { total: 4, reused: 0, delta: 0 });
    assert.deepEqual(
      manifest.shards.map((shard) => shard.articles),
      [7, 2, 8, 5],
    );
  });

  test("with one shard, a change indexes the delta, not the archive", async () => {
    await build("one-cold", convoyArchive());
    const { result, manifest } = await build("one-delta", editedArchive(), { previous: "one-cold" });
    assert.deepEqual(result.searchShards, { total: 1, reused: 1, delta: 2 });
    assert.equal(manifest.delta?.articles, 2);
    assert.equal(manifest.shards[0].hidden, null, "one shard has no hidden record");
    await build("one-fresh", editedArchive());
  });
});

const availability = checkBrowser();
const skip = availability.available ? false : availability.skipReason;
if (skip) test("search delta browser tests", { skip }, () => {});

/** Queries (the search page's address) whose answers must not depend on how the index was built. */
const QUERIES: { query: string; ordered?: boolean; counts?: boolean }[] = [
  { query: "?q=convoy&sort=date", ordered: true, counts: true },
  { query: "?q=convoy&sort=date-asc", ordered: true },
  { query: "?q=caravan&year=2020&sort=date", ordered: true, counts: true },
  { query: "?year=2019", ordered: true, counts: true },
  { query: "?q=zeppelin" },
  { query: "?q=checkpoint" },
  { query: "?q=caravanserai" },
];

describe("searching a site with a delta in Chromium", { skip }, () => {
  let browser: Browser;
  const servers = new Map<string, RunningServer>();

  before(async () => {
    browser = await launchChromium();
  });
  after(async () => {
    for (const server of servers.values()) await server.close();
    await browser?.close();
  });

  /** Every year's count in the filter pane, once the counts have settled. */
  async function yearCounts(page: Page): Promise<string[]> {
    await openFilters(page);
    const group = page.locator('details.pf-filter-group[data-filter-name="year"]');
    if ((await group.getAttribute("open")) === null) await group.locator("summary").click();
    await group.locator("label").first().waitFor({ state: "attached" });
    const read = () =>
      group
        .locator("label:not([data-pf-hidden])")
        .evaluateAll((labels) => labels.map((label) => label.textContent?.trim() ?? ""));
    let seen = await read();
    for (let round = 0; round < 40; round++) {
      await page.waitForTimeout(50);
      const now = await read();
      if (JSON.stringify(now) === JSON.stringify(seen)) return now;
      seen = now;
    }
    return seen;
  }

  async function answers(site: string, engine: "pagefind" | "offline"): Promise<Record<string, unknown>> {
    const outDir = built.get(site)!;
    let base: string;
    if (engine === "offline") base = pathToFileURL(path.join(outDir, "search/index.html")).href;
    else {
      if (!servers.has(site)) servers.set(site, await serveSite(outDir));
      base = new URL("search/index.html", servers.get(site)!.url).href;
    }
    const out: Record<string, unknown> = {};
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(base);
    assert.equal(await waitForSearchReady(page), engine);
    // Before any search, the filter pane counts every article.
    out.totals = await yearCounts(page);
    for (const { query, ordered, counts } of QUERIES) {
      // One page load per site: the next search comes as a step back in history would bring it.
      await page.evaluate((query) => {
        document.querySelector<HTMLElement>(".search-layout")!.dataset.state = "searching";
        history.pushState(null, "", query);
        dispatchEvent(new PopStateEvent("popstate"));
      }, query);
      await waitForResults(page, new URLSearchParams(query).get("q") ?? "");
      const titles = await resultTitles(page);
      out[query] = {
        titles: ordered ? titles : titles.sort(),
        summary: await summaryText(page),
        years: counts ? await yearCounts(page) : null,
      };
    }
    await page.close();
    assert.deepEqual(errors, []);
    return out;
  }

  for (const engine of ["pagefind", "offline"] as const) {
    test(`${engine}: the rebuilt site answers as a cold build of the same archive`, async () => {
      const delta = await answers("delta", engine);
      const fresh = await answers("fresh", engine);
      assert.deepEqual(delta, fresh);
      // The queries do tell: the edits show.
      const newest = delta["?q=convoy&sort=date"] as { titles: string[] };
      assert.ok(newest.titles.includes("Convoy report 2020 number 2c"));
      assert.ok(!newest.titles.includes("Convoy report 2022 number 3"));
      assert.deepEqual((delta["?q=zeppelin"] as { titles: string[] }).titles, ["Convoy report 2020 number 2c"]);
    });
  }

  test("pagefind, one shard: the rebuilt site answers as a cold build of the same archive", async () => {
    assert.deepEqual(await answers("one-delta", "pagefind"), await answers("one-fresh", "pagefind"));
  });
});
