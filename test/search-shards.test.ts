/**
 * The search index in shards (src/search/shards.ts, src/search/pagefind.ts, the merge in
 * src/search/browser/search.ts): how articles are split, that a search over several shards answers as one
 * index would (no loose matches from a shard that lacks the word, one order by date across shards), and
 * that a rebuild keeps the shards and indexes only the changed articles, into the delta
 * (test/search-delta.test.ts) — a shard that merely lacks a new word is left out of queries for it instead
 * (src/search/vocabulary.ts).
 */
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser } from "playwright-core";
import { renderSite } from "../src/pipeline/site.ts";
import { searchFingerprint } from "../src/render/page-reuse.ts";
import { Deferred } from "../src/render/views/deferred.ts";
import { buildSiteViews } from "../src/render/views/index.ts";
import {
  MANIFEST_FILE,
  PRIMARY_BUNDLE,
  planShards,
  type ShardedArticle,
  type ShardManifest,
} from "../src/search/shards.ts";
import { type RunningServer, serveSite } from "../src/serve/server.ts";
import type { Archive } from "../src/types.ts";
import { checkBrowser } from "./helpers/chromium.ts";
import { article, fixtureArchive } from "./helpers/fixture-archive.ts";
import { search, sortBy, waitForSearchReady } from "./helpers/search-page.ts";
import { type ServedArchive, serveArchive } from "./helpers/served-archive.ts";

const dated = (slug: string, date: string | null): ShardedArticle => ({ slug, date });

describe("planShards", () => {
  test("an archive that fits one shard is one shard, the primary bundle, newest first", () => {
    const plans = planShards([dated("b", "2020-01-02"), dated("a", null), dated("c", "2021-05-01")], 3);
    assert.deepEqual(plans, [{ id: "undated_2021", bundle: PRIMARY_BUNDLE, slugs: ["c", "b", "a"] }]);
  });

  test("whole years are packed oldest first, undated counting as the oldest", () => {
    const articles = [
      dated("u1", null),
      dated("a1", "2019-03-01"),
      dated("b1", "2020-01-01"),
      dated("b2", "2020-06-01"),
      dated("c1", "2021-01-01"),
      dated("c2", "2021-02-01"),
      dated("c3", "2021-03-01"),
    ];
    const plans = planShards(articles, 3);
    assert.deepEqual(
      plans.map((p) => [p.id, p.slugs]),
      [
        ["2021", ["c3", "c2", "c1"]],
        ["2020", ["b2", "b1"]],
        ["undated_2019", ["a1", "u1"]],
      ],
    );
    assert.equal(plans[0].bundle, PRIMARY_BUNDLE);
    assert.equal(plans[1].bundle, "pagefind-shards/2020/");
  });

  test("a year larger than a shard is split by month, a month larger than a shard by count", () => {
    const articles = [
      ...["01", "02", "03", "04", "05"].map((day) => dated(`jan-${day}`, `2022-01-${day}`)),
      dated("feb", "2022-02-01"),
      dated("mar", "2022-03-01"),
    ];
    const plans = planShards(articles, 2);
    assert.deepEqual(
      plans.map((p) => [p.id, p.slugs]),
      [
        ["2022-03", ["mar"]],
        ["2022-01.3_2022-02", ["feb", "jan-05"]],
        ["2022-01.2", ["jan-04", "jan-03"]],
        ["2022-01", ["jan-02", "jan-01"]],
      ],
    );
  });

  test("adding the newest article changes only the newest shards", () => {
    const articles = Array.from({ length: 9 }, (_, i) => dated(`a${i}`, `20${10 + i}-01-01`));
    const before = planShards(articles, 3);
    const after = planShards([...articles, dated("new", "2018-06-01")], 3);
    // 2016–2018 was full: 2018 now starts a shard of its own; the shards before are as they were.
    assert.deepEqual(
      after.map((p) => p.id),
      ["2018", "2016_2017", "2013_2015", "2010_2012"],
    );
    assert.deepEqual(after.slice(2), before.slice(1));
  });

  test("an archive without articles still has the primary bundle, empty", () => {
    assert.deepEqual(planShards([], 3), [{ id: "all", bundle: PRIMARY_BUNDLE, slugs: [] }]);
  });

  test("a shard size below one is refused", () => {
    assert.throws(() => planShards([dated("a", null)], 0), RangeError);
  });
});

test("an article's search fingerprint follows what Pagefind indexes, not the panel or related list", () => {
  const page = buildSiteViews(fixtureArchive(), { linkSeeds: false })
    .articlePages()
    .find((a) => a.people.length > 0);
  assert.ok(page);
  const base = searchFingerprint(page);
  assert.equal(searchFingerprint({ ...page, related: [] }), base);
  assert.equal(searchFingerprint({ ...page, people: page.people.map((p) => ({ ...p, roles: ["Someone"] })) }), base);
  const longer = `${page.bodyHtml.value}<p>More.</p>`;
  assert.notEqual(searchFingerprint({ ...page, bodyHtml: new Deferred("a longer body", () => longer) }), base);
  const flipped = page.people.map((p) => ({ ...p, inSearchFilter: !p.inSearchFilter }));
  assert.notEqual(searchFingerprint({ ...page, people: flipped }), base, "a filter value more or less");
});

/** A word that only the 2019 articles have; the other years have a word it starts with. */
const RARE = "caravanserai";
const YEARS = ["2019", "2020", "2021", "2022"];

/**
 * The fixture archive (seven articles of 2026, one undated) plus three articles a year; at SHARD_SIZE the
 * shards are 2026, 2021–2022 and undated–2020.
 */
function archiveOverYears(): Archive {
  const archive = fixtureArchive();
  for (const year of YEARS) {
    for (const n of [1, 2, 3]) {
      const word = year === "2019" ? RARE : "caravan";
      archive.articles.push(
        article({
          slug: `convoy-${year}-${n}`,
          title: `Convoy report ${year} number ${n}`,
          body: `The ${word} convoy crossed the pass, report ${n} of ${year} said.`,
          date: `${year}-0${n}-1${n}`,
          dateFrom: "text",
        }),
      );
    }
  }
  return archive;
}
const SHARD_SIZE = 8;

const readManifest = async (dir: string) =>
  JSON.parse(await readFile(path.join(dir, MANIFEST_FILE), "utf8")) as ShardManifest;

describe("a site indexed in shards", () => {
  let root: string;
  let outDir: string;

  before(async () => {
    root = await mkdtemp(path.join(tmpdir(), "news-archive-shards-"));
    outDir = path.join(root, "out");
    await renderSite(archiveOverYears(), outDir, { searchShardSize: SHARD_SIZE });
  });

  after(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  test("the manifest lists the shards newest first, each with its hidden record", async () => {
    const manifest = await readManifest(outDir);
    assert.deepEqual(
      manifest.shards.map((s) => s.id),
      ["2026", "2021_2022", "undated_2020"],
    );
    assert.equal(manifest.shards[0].bundle, PRIMARY_BUNDLE);
    for (const shard of manifest.shards) {
      assert.match(shard.hidden ?? "", /^en_\w+$/, shard.id);
      const entry = JSON.parse(await readFile(path.join(outDir, shard.bundle, "pagefind-entry.json"), "utf8"));
      assert.equal(
        entry.languages.en.page_count,
        shard.articles + 1,
        `${shard.id}: its articles and the hidden record`,
      );
    }
  });

  test("a rebuild links the shards and indexes a changed article into the delta, whatever its words", async () => {
    const again = path.join(root, "again");
    const same = await renderSite(archiveOverYears(), again, { searchShardSize: SHARD_SIZE, previousDir: outDir });
    assert.deepEqual(same.searchShards, { total: 3, reused: 3, delta: 0 });
    assert.deepEqual(await readManifest(again), await readManifest(outDir));
    assert.equal((await readManifest(again)).delta, null);

    // A changed 2021 article, with no word the archive lacks: the shards are kept, the article is in the delta.
    const edited = archiveOverYears();
    const target = edited.articles.find((a) => a.slug === "convoy-2021-2");
    assert.ok(target);
    target.body = `The caravan convoy crossed the pass, report 1 of 2020 said.`;
    const third = path.join(root, "third");
    const changed = await renderSite(edited, third, { searchShardSize: SHARD_SIZE, previousDir: again });
    assert.deepEqual(changed.searchShards, { total: 3, reused: 3, delta: 1 });
    const { delta } = await readManifest(third);
    assert.equal(delta?.articles, 1);
    assert.deepEqual(
      delta?.superseded.map((page) => [page.shard, page.url]),
      [["2021_2022", "/articles/convoy-2021-2/index.html"]],
    );

    // A new word: the delta is indexed again with it; the shards list the stem they lack.
    target.body = `The caravan convoy met a zeppelin, report 2 of 2021 said.`;
    const fourth = path.join(root, "fourth");
    const newWord = await renderSite(edited, fourth, { searchShardSize: SHARD_SIZE, previousDir: third });
    assert.deepEqual(newWord.searchShards, { total: 3, reused: 3, delta: 1 });
    const manifest = await readManifest(fourth);
    const [vocabulary] = new Set(manifest.shards.map((shard) => shard.vocabulary));
    assert.ok(vocabulary && manifest.shards.every((shard) => shard.vocabulary === vocabulary));
    assert.notEqual(manifest.delta?.vocabulary, vocabulary);
    // One list for the vocabulary the shards share: the new word, and no word starts with z.
    assert.deepEqual(manifest.loose, { [vocabulary]: [["zeppelin", 1]] });

    // The article as it was: its page in its shard is current again, and there is no delta.
    const fifth = path.join(root, "fifth");
    const gone = await renderSite(archiveOverYears(), fifth, { searchShardSize: SHARD_SIZE, previousDir: fourth });
    assert.deepEqual(gone.searchShards, { total: 3, reused: 3, delta: 0 });
    assert.deepEqual(await readManifest(fifth), await readManifest(outDir));
  });
});

const availability = checkBrowser();
const skip = availability.available ? false : availability.skipReason;
if (skip) test("search shards browser tests", { skip }, () => {});

describe("searching several shards in Chromium", { skip }, () => {
  let site: ServedArchive;
  let server: RunningServer;
  let browser: Browser;

  before(async () => {
    site = await serveArchive("shard-search", archiveOverYears(), { searchShardSize: SHARD_SIZE });
    ({ server, browser } = site);
  });

  after(async () => {
    await site?.close();
  });

  test("a word one shard has finds only its articles, never the hidden records", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(new URL("search/", server.url).href);
    assert.equal(await waitForSearchReady(page), "pagefind");

    // The other shards have "caravan" but not RARE: without the hidden records they answered with it.
    assert.deepEqual((await search(page, RARE)).sort(), [
      "Convoy report 2019 number 1",
      "Convoy report 2019 number 2",
      "Convoy report 2019 number 3",
    ]);
    assert.equal(await page.locator(".pf-summary").textContent(), `3 results for ${RARE}`);
    assert.equal((await search(page, "caravan")).length, 12, "a prefix still completes in every shard");
    assert.deepEqual(await search(page, "zqxj"), []);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("after a rebuild that adds a word, the shards that lack it do not answer it with loose matches", async () => {
    // The shards are kept and the new article is in the delta; the shards have "caravan", where Pagefind would stop.
    const grown = archiveOverYears();
    grown.articles.push(
      article({
        slug: "caravanette-rally",
        title: "Caravanette rally",
        body: "A caravanette rally crossed the pass.",
        date: "2026-05-01",
        dateFrom: "text",
      }),
    );
    const rebuilt = path.join(path.dirname(site.outDir), "rebuilt");
    const result = await renderSite(grown, rebuilt, { searchShardSize: SHARD_SIZE, previousDir: site.outDir });
    assert.deepEqual(result.searchShards, { total: 3, reused: 3, delta: 1 });
    assert.equal((await readManifest(rebuilt)).delta?.articles, 1);
    const rebuiltServer = await serveSite(rebuilt);
    try {
      const page = await browser.newPage();
      await page.goto(new URL("search/", rebuiltServer.url).href);
      assert.equal(await waitForSearchReady(page), "pagefind");
      assert.deepEqual(await search(page, "caravanette"), ["Caravanette rally"]);
      assert.deepEqual(await search(page, "caravanettes"), ["Caravanette rally"], "stemmed as Pagefind stems");
      assert.equal((await search(page, "caravan")).length, 13, "a prefix the old shards complete still finds theirs");
      assert.deepEqual((await search(page, RARE)).length, 3);
      await page.close();
    } finally {
      await rebuiltServer.close();
    }
  });

  test("sorted by date, results run across shards in one order", async () => {
    const page = await browser.newPage();
    await page.goto(new URL("search/", server.url).href);
    await waitForSearchReady(page);
    await search(page, "convoy");
    const newest = await sortBy(page, "date:desc");
    const expected = YEARS.flatMap((year) => [3, 2, 1].map((n) => `Convoy report ${year} number ${n}`)).reverse();
    // Newest first: 2022 number 3 … 2019 number 1, twelve results from two shards.
    assert.deepEqual(
      newest,
      [...expected].sort((a, b) => (a < b ? 1 : -1)),
    );
    const oldest = await sortBy(page, "date:asc");
    assert.deepEqual(oldest, [...newest].reverse());
    await page.close();
  });
});
