/**
 * The built fixture site opened straight from disk (file://, no server), as readers open the folder or
 * zip they were given: every page and its resources load, links lead somewhere, and search works through
 * the from-disk index (src/search/offline-index.ts) — finding the same articles as Pagefind does over http,
 * drawn in the same markup (Pagefind's Component UI's) by src/search/browser/search.ts.
 * Also: `npm run package` (src/package/zip.ts) writes a valid, deterministic zip of the site.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import zlib from "node:zlib";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { crc32, zipFolder } from "../src/package/zip.ts";
import { PAGE_MANIFEST } from "../src/render/page-reuse.ts";
import { type RunningServer, serveSite } from "../src/serve/server.ts";
import { buildFixtureSite, type FixtureSite, listFiles, writtenByCaller } from "./helpers/build-fixture-site.ts";
import { checkBrowser, launchChromium } from "./helpers/chromium.ts";
import { attackStory, sharedSurname } from "./helpers/fixture-archive.ts";
import { search, setFilter, sortBy, waitForSearchReady } from "./helpers/search-page.ts";

const availability = checkBrowser();
const skip = availability.available ? false : availability.skipReason;

let site: FixtureSite;
let browser: Browser;
let context: BrowserContext;
const requested: string[] = [];
const problems: string[] = [];

async function openFile(file: string): Promise<Page> {
  const page = await context.newPage();
  page.on("request", (request) => requested.push(request.url()));
  page.on("requestfailed", (request) => problems.push(`${file}: failed ${request.url()}`));
  page.on("pageerror", (error) => problems.push(`${file}: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`${file}: console: ${message.text()}`);
  });
  await page.goto(pathToFileURL(path.join(site.outDir, file)).href);
  return page;
}

if (skip) test("offline browser tests", { skip }, () => {});

/**
 * Run in the page: the element trees of the search page's parts, as tag.class[attribute names], leaving
 * out generated ids and the values they link. A string, so the page gets it as written (no transpiler helpers).
 */
const SHAPES = `(() => {
  const ignored = new Set(["id", "for", "href", "datetime", "value", "name", "aria-describedby"]);
  const shape = (el) => {
    const attributes = [...el.attributes].map((a) => a.name).filter((a) => a !== "class" && !ignored.has(a)).sort();
    const classes = [...el.classList].map((c) => "." + c).join("");
    const children = [...el.children].map(shape).join(",");
    return el.localName + classes + "[" + attributes.join(" ") + "]" + (children ? "(" + children + ")" : "");
  };
  const one = (selector) => {
    const el = document.querySelector(selector);
    return el ? shape(el) : "missing";
  };
  return {
    input: one("pagefind-input"),
    summary: one("pagefind-summary"),
    result: one(".pf-results > li.pf-result"),
    outletFilter: one('details.pf-filter-group[data-filter-name="outlet"]'),
    groups: [...document.querySelectorAll("details.pf-filter-group")].map((d) => d.dataset.filterName).join(","),
    text: document.querySelector(".pf-summary")?.textContent ?? "",
  };
})()`;

describe("opened from disk", { skip }, () => {
  before(async () => {
    site = await buildFixtureSite("offline-test");
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  });

  after(async () => {
    await browser?.close();
    if (site) await rm(path.dirname(site.outDir), { recursive: true, force: true });
  });

  test("home → article → person → back over file://", async () => {
    const page = await openFile("index.html");
    assert.match(page.url(), /^file:/);
    await page
      .getByRole("link", { name: "Violent clashes erupt across Balochistan, at least 129 dead" })
      .first()
      .click();
    await page.waitForURL(/^file:.*violent-clashes-erupt-across-balochistan\/index\.html$/);
    await page.locator(".panel").getByRole("link", { name: "Sarfraz Bugti" }).click();
    await page.waitForURL(/^file:.*people\/sarfraz-bugti\/index\.html$/);
    assert.equal(await page.locator("h1").textContent(), "Sarfraz Bugti");
    await page.goBack();
    await page.waitForURL(/violent-clashes-erupt-across-balochistan\/index\.html$/);
    assert.match((await page.locator("h1").textContent()) ?? "", /Violent clashes/);
    await page.close();
  });

  test("stories index → story page over file://: the map and the coverage timeline draw, the map's places lead to their pages", async () => {
    const page = await openFile("stories/index.html");
    await page.getByRole("link", { name: "Violent clashes erupt across Balochistan, at least 129 dead" }).click();
    await page.waitForURL(new RegExp(`^file:.*stories/${attackStory}/index\\.html$`));
    const map = page.locator("svg.map");
    const box = await map.boundingBox();
    assert.ok(box && box.width > 300 && box.height > 150, `the map is drawn (${JSON.stringify(box)})`);
    assert.equal(await map.locator("circle").count(), 3);
    // Styled by the stylesheet, loaded from disk: the sea is not the default black fill.
    assert.notEqual(await map.locator(".map-sea").evaluate((el) => getComputedStyle(el).fill), "rgb(0, 0, 0)");
    assert.ok(((await page.locator("svg.coverage").boundingBox())?.height ?? 0) > 20, "the coverage timeline is drawn");
    await page.locator(".map-lists").getByRole("link", { name: "Harnai" }).click();
    await page.waitForURL(/^file:.*places\/harnai\/index\.html$/);
    assert.equal(await page.locator("h1").textContent(), "Harnai");
    await page.close();
  });

  test("every page loads with its CSS, and every link, seed and export it names is a file", async () => {
    const targets = new Set<string>();
    // One tab walks every page: opening a tab per page is slow.
    const page = await openFile("index.html");
    for (const file of (await listFiles(site.outDir)).filter((f) => f.endsWith(".html"))) {
      await page.goto(pathToFileURL(path.join(site.outDir, file)).href);
      // site.css sets the header's border; unstyled, it would be 0px.
      const border = await page.locator(".site-header").evaluate((el) => getComputedStyle(el).borderBottomWidth);
      if (border === "0px") problems.push(`${file}: site.css not applied`);
      const refs = await page.evaluate(() =>
        [...document.querySelectorAll("a[href], link[href], script[src], img[src]")].map(
          (el) => (el as HTMLAnchorElement).href || (el as HTMLScriptElement).src,
        ),
      );
      for (const ref of refs) if (ref.startsWith("file:")) targets.add(ref.replace(/[#?].*$/, ""));
    }
    await page.close();
    for (const target of targets) {
      const file = fileURLToPath(target);
      const relative = path.relative(site.outDir, file).split(path.sep).join("/");
      if (writtenByCaller.has(relative)) continue;
      if (!existsSync(file) || !statSync(file).isFile()) problems.push(`link to a missing file: ${relative}`);
    }
    assert.ok(
      [...targets].some((t) => t.includes("/seeds/")),
      "seed links checked",
    );
    assert.deepEqual(problems, []);
  });

  test(`search from disk finds "${sharedSurname}", shows date and outlet, filters and sorts`, async () => {
    const page = await openFile("search/index.html");
    assert.equal(await waitForSearchReady(page), "offline");
    const filterFiles = () => requested.filter((url) => /\/search\/offline\/f-[a-z]+\.js$/.test(url));
    assert.deepEqual(filterFiles(), [], "no filter's values load before a filter is opened");
    assert.deepEqual([...(await search(page, sharedSurname))].sort(), [
      "Security forces kill at least 145 militants in Balochistan operations",
      "Violent clashes erupt across Balochistan, at least 129 dead",
    ]);
    const metas = await page.locator(".pf-result .search-result-meta").allInnerTexts();
    assert.ok(metas.includes("2 February 2026 · Hum News"), metas.join(" | "));
    const marks = await page.locator(".pf-result-excerpt mark").allInnerTexts();
    assert.ok(
      marks.some((m) => m.includes(sharedSurname)),
      "excerpts highlight the term",
    );

    assert.deepEqual(await setFilter(page, "outlet", /Hum News/, true), [
      "Security forces kill at least 145 militants in Balochistan operations",
    ]);
    assert.deepEqual(
      filterFiles().map((url) => url.split("/").pop()),
      ["f-outlet.js"],
      "a filter's values load when it is opened",
    );
    await setFilter(page, "outlet", /Hum News/, false);

    assert.equal((await search(page, "Balochistan")).length, 5);
    assert.equal((await setFilter(page, "person", /Sarfraz Bugti/, true)).length, 2);
    await setFilter(page, "person", /Sarfraz Bugti/, false);
    assert.deepEqual(await sortBy(page, "date:asc"), [
      "Violent clashes erupt across Balochistan, at least 129 dead",
      "Security forces kill at least 145 militants in Balochistan operations",
      "Terror spike triggers call for troop surge in Balochistan",
      "Opposition parties call off Balochistan protests after talks",
      "PML-N and National Party in talks for electoral alliance", // undated: after the dated ones
    ]);
    await sortBy(page, "");
    // While typing, the last word matches the words it begins.
    assert.equal((await search(page, "Balochis")).length, 5);

    // Only the index shards the queries needed were loaded, as classic scripts.
    const shards = requested.filter((url) => /\/search\/offline\/t[^/]*\.js$/.test(url));
    const all = (await listFiles(path.join(site.outDir, "search/offline"))).filter((f) => f.startsWith("t"));
    assert.ok(shards.length > 0 && new Set(shards).size < all.length, `${new Set(shards).size} of ${all.length}`);
    await page.close();
    assert.deepEqual(problems, []);
    assert.deepEqual(
      requested.filter((url) => !url.startsWith("file:") && !url.startsWith("data:")),
      [],
    );
  });

  describe("the same articles from disk as from Pagefind over http", () => {
    let server: RunningServer;
    before(async () => {
      server = await serveSite(site.outDir);
    });
    after(async () => {
      await server?.close();
    });
    /** The search page as each engine answers it: from disk, and over http. */
    const searchPages = () =>
      [
        ["offline", pathToFileURL(path.join(site.outDir, "search/index.html")).href],
        ["pagefind", new URL("search/index.html", server.url).href],
      ] as const;

    const queries = [
      sharedSurname,
      "Balochistan",
      "militants killed",
      "Achakzai",
      "protests",
      "talks",
      "Quetta",
      "security forces",
      "Balo",
      "zzyzx",
    ];

    test(queries.join(", "), async () => {
      const answers: Record<string, Record<string, string[]>> = {};
      for (const [engine, url] of searchPages()) {
        const page = await context.newPage();
        await page.goto(url);
        assert.equal(await waitForSearchReady(page), engine);
        answers[engine] = {};
        for (const query of queries) answers[engine][query] = [...(await search(page, query))].sort();
        await search(page, "Balochistan");
        answers[engine]["Balochistan, outlet Dawn"] = [...(await setFilter(page, "outlet", /^Dawn/, true))].sort();
        await setFilter(page, "outlet", /^Dawn/, false);
        await setFilter(page, "person", /^Sarfraz Bugti/, true);
        answers[engine]["Balochistan, people Sarfraz Bugti and Mohsin Naqvi"] = [
          ...(await setFilter(page, "person", /^Mohsin Naqvi/, true)),
        ].sort();
        // The values still offered, with their counts, once those filters apply.
        answers[engine]["person values"] = await page
          .locator('details[data-filter-name="person"] label:not([data-pf-hidden])')
          .allInnerTexts();
        answers[engine]["ordered by date"] = await sortBy(page, "date:desc");
        await page.close();
      }
      assert.ok(answers.offline[sharedSurname].length === 2, "the queries find something");
      assert.deepEqual(answers.offline, answers.pagefind);
    });

    test("both engines draw the same markup: same elements, classes and attributes", async () => {
      const shapes: Record<string, Record<string, string>> = {};
      for (const [engine, url] of searchPages()) {
        const page = await context.newPage();
        await page.goto(url);
        assert.equal(await waitForSearchReady(page), engine);
        await search(page, sharedSurname);
        await setFilter(page, "outlet", /Hum News/, true);
        shapes[engine] = await page.evaluate(SHAPES);
        await page.close();
      }
      assert.equal(shapes.offline.groups, "organization,outlet,party,person,place,year");
      assert.deepEqual(shapes.offline, shapes.pagefind);
    });
  });
});

describe("npm run package", () => {
  let zipSite: FixtureSite;
  before(async () => {
    zipSite = await buildFixtureSite("package-test");
  });
  after(async () => {
    if (zipSite) await rm(path.dirname(zipSite.outDir), { recursive: true, force: true });
  });

  /** The entries of a zip, read back through its central directory (no ZIP64 here: few files). */
  function readZip(zip: Buffer): Map<string, Buffer> {
    const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const count = zip.readUInt16LE(end + 10);
    let at = zip.readUInt32LE(end + 16);
    const out = new Map<string, Buffer>();
    for (let i = 0; i < count; i++) {
      assert.equal(zip.readUInt32LE(at), 0x02014b50);
      const method = zip.readUInt16LE(at + 10);
      const crc = zip.readUInt32LE(at + 16);
      const size = zip.readUInt32LE(at + 20);
      const nameLength = zip.readUInt16LE(at + 28);
      const extraLength = zip.readUInt16LE(at + 30);
      const local = zip.readUInt32LE(at + 42);
      const name = zip.subarray(at + 46, at + 46 + nameLength).toString("utf8");
      const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const raw = zip.subarray(dataAt, dataAt + size);
      const data = method === 8 ? zlib.inflateRawSync(raw) : Buffer.from(raw);
      assert.equal(crc32(data), crc, `crc of ${name}`);
      out.set(name, data);
      at += 46 + nameLength + extraLength;
    }
    return out;
  }

  test("zips every file of the site under one folder, byte-identical on a second run", async () => {
    const root = path.dirname(zipSite.outDir);
    const first = path.join(root, "a.zip");
    const second = path.join(root, "b.zip");
    await zipFolder(zipSite.outDir, first, { prefix: "news-archive-site" });
    await zipFolder(zipSite.outDir, second, { prefix: "news-archive-site" });
    const bytes = await readFile(first);
    assert.ok(bytes.equals(await readFile(second)), "deterministic");
    const entries = readZip(bytes);
    const files = await listFiles(zipSite.outDir);
    assert.deepEqual(
      [...entries.keys()].sort(),
      files.map((f) => `news-archive-site/${f}`),
    );
    for (const file of ["index.html", "search/offline/meta.js", "assets/search.js"]) {
      assert.ok(
        entries.get(`news-archive-site/${file}`)?.equals(await readFile(path.join(zipSite.outDir, file))),
        file,
      );
    }
  });

  test("scripts/package.ts zips the site into a file inside it, leaving out that file and the build's notes", async () => {
    const repoRoot = fileURLToPath(new URL("..", import.meta.url));
    const zipName = "news-archive-site.zip";
    const out = path.join(zipSite.outDir, zipName);
    assert.ok(existsSync(path.join(zipSite.outDir, PAGE_MANIFEST)), "the rendered site has the build's notes");
    try {
      const { stdout } = await promisify(execFile)(
        "npx",
        ["tsx", "scripts/package.ts", "--site", zipSite.outDir, "--out", out],
        { cwd: repoRoot },
      );
      assert.match(stdout, /^packaged \d+ files/m);
      assert.ok(existsSync(out), "the zip is written");
      const names = [...readZip(await readFile(out)).keys()];
      assert.ok(!names.includes(`news-archive-site/${zipName}`), "the zip does not contain itself");
      const notes = `news-archive-site/${path.posix.dirname(PAGE_MANIFEST)}/`;
      assert.deepEqual(
        names.filter((name) => name.startsWith(notes)),
        [],
        "no entry of the build's notes",
      );
      assert.ok(names.includes("news-archive-site/index.html"));
    } finally {
      await rm(out, { force: true });
    }
  });
});
