/**
 * The built fixture site in headless Chromium, served on 127.0.0.1: navigation, search (Pagefind, drawn
 * by src/search/browser/search.ts) with filter, date sort and result meta, the figures ledger, screenshots (test-artifacts/) and axe-core accessibility checks.
 */
import assert from "node:assert/strict";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { type RunningServer, serveSite } from "../src/serve/server.ts";
import { axeViolations } from "./helpers/axe.ts";
import { buildFixtureSite, type FixtureSite } from "./helpers/build-fixture-site.ts";
import { checkBrowser, launchChromium } from "./helpers/chromium.ts";
import { attackStory, sharedSurname } from "./helpers/fixture-archive.ts";
import { search, setFilter, sortBy, waitForSearchReady } from "./helpers/search-page.ts";

const projectRoot = fileURLToPath(new URL("..", import.meta.url));
const artifacts = path.join(projectRoot, "test-artifacts");

const availability = checkBrowser();
const skip = availability.available ? false : availability.skipReason;

let site: FixtureSite;
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
/** Every URL the pages asked for, to prove nothing left the machine. */
const requested: string[] = [];
const pageErrors: string[] = [];

async function openPage(url: string, into: BrowserContext = context): Promise<Page> {
  const page = await into.newPage();
  page.on("request", (request) => requested.push(request.url()));
  page.on("pageerror", (error) => pageErrors.push(`${url}: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") pageErrors.push(`${url}: console: ${message.text()}`);
  });
  await page.goto(new URL(url, server.url).href);
  return page;
}

// A skipped run must show as skipped in the runner's summary, not as an empty pass.
if (skip) test("browser tests", { skip }, () => {});

describe("browser", { skip }, () => {
  before(async () => {
    site = await buildFixtureSite("browser-test");
    server = await serveSite(site.outDir);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await mkdir(artifacts, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (site) await rm(path.dirname(site.outDir), { recursive: true, force: true });
  });

  test("home → article → person → back", async () => {
    const page = await openPage("index.html");
    await page.screenshot({ path: path.join(artifacts, "home.png"), fullPage: true });
    await page
      .getByRole("link", { name: "Violent clashes erupt across Balochistan, at least 129 dead" })
      .first()
      .click();
    await page.waitForURL(/violent-clashes-erupt-across-balochistan\/index\.html$/);
    assert.equal(await page.locator("h1").textContent(), "Violent clashes erupt across Balochistan, at least 129 dead");
    await page.screenshot({ path: path.join(artifacts, "article.png"), fullPage: true });
    await page.locator(".panel").getByRole("link", { name: "Sarfraz Bugti" }).click();
    await page.waitForURL(/people\/sarfraz-bugti\/index\.html$/);
    assert.equal(await page.locator("h1").textContent(), "Sarfraz Bugti");
    assert.equal(await page.locator("#articles-heading + .article-list > li").count(), 2);
    await page.goBack();
    await page.waitForURL(/violent-clashes-erupt-across-balochistan\/index\.html$/);
    assert.match((await page.locator("h1").textContent()) ?? "", /Violent clashes/);
    await page.close();
  });

  test(`search finds "${sharedSurname}" in both articles, narrows by outlet and sorts by date`, async () => {
    const page = await openPage("search/index.html");
    assert.equal(await waitForSearchReady(page), "pagefind");
    // The page lists its filters closed, before any filter data is loaded.
    assert.equal(await page.locator("pagefind-filter-pane details.pf-filter-group").count(), 6);
    const both = await search(page, sharedSurname);
    assert.deepEqual([...both].sort(), [
      "Security forces kill at least 145 militants in Balochistan operations",
      "Violent clashes erupt across Balochistan, at least 129 dead",
    ]);
    // Each result shows its date and outlet.
    const metas = await page.locator(".pf-result .search-result-meta").allInnerTexts();
    assert.ok(metas.includes("2 February 2026 · Hum News"), metas.join(" | "));

    assert.deepEqual(await setFilter(page, "outlet", /Hum News/, true), [
      "Security forces kill at least 145 militants in Balochistan operations",
    ]);
    await setFilter(page, "outlet", /Hum News/, false);

    // "Balochistan" is in five articles, four of them dated. Sorted by date, Pagefind lists only the pages
    // that carry the sort key (data-pagefind-sort="date:…"); the page lists the undated one after them.
    const byDate = [
      "Violent clashes erupt across Balochistan, at least 129 dead", // 2026-02-01
      "Security forces kill at least 145 militants in Balochistan operations", // 2026-02-02 (inferred)
      "Terror spike triggers call for troop surge in Balochistan", // 2026-02-03
      "Opposition parties call off Balochistan protests after talks", // 2026-02-05
    ];
    const undated = "PML-N and National Party in talks for electoral alliance";
    assert.equal((await search(page, "Balochistan")).length, 5);
    assert.deepEqual(await sortBy(page, "date:asc"), [...byDate, undated]);
    assert.deepEqual(await sortBy(page, "date:desc"), [...byDate].reverse().concat(undated));
    await page.screenshot({ path: path.join(artifacts, "search.png"), fullPage: true });
    await page.close();
  });

  test("the figures ledger lists stories; a line leads to its claims side by side on the story's page", async () => {
    const page = await openPage("figures/index.html");
    await page
      .locator("article.ledger-story", { has: page.locator(`#ledger-${attackStory}`) })
      .getByRole("link", { name: "Militants killed" })
      .click();
    await page.waitForURL(new RegExp(`stories/${attackStory}/index\\.html#figures-militants-killed$`));
    const line = page.locator("#figures-militants-killed");
    assert.equal(await line.locator("h3").textContent(), "Militants killed");
    const values = await line.locator("tbody td.num strong").allInnerTexts();
    assert.deepEqual(values, ["at least 67", "30", "at least 145", "30", "over 177"]);
    assert.match((await line.locator(".ledger-summary").innerText()) ?? "", /67–177/);
    await page.close();
  });

  test("story page and stories index at 1280 and 390 px: no horizontal overflow; the ledger stacks on phones", async () => {
    for (const width of [1280, 390]) {
      const sized = await browser.newContext({ viewport: { width, height: 900 } });
      try {
        for (const url of [
          "stories/index.html",
          `stories/${attackStory}/index.html`,
          "figures/index.html",
          "places/index.html",
        ]) {
          const page = await openPage(url, sized);
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          assert.equal(overflow, 0, `${url} at ${width} px scrolls sideways by ${overflow} px`);
          if (url.startsWith("stories/") && url !== "stories/index.html") {
            await page.screenshot({ path: path.join(artifacts, `story-${width}.png`), fullPage: true });
            // On phones each claim is a block of labelled cells; at 1280 px a table row.
            const display = await page
              .locator("#figures-militants-killed tbody tr")
              .first()
              .evaluate((tr) => getComputedStyle(tr).display);
            assert.equal(display, width === 390 ? "block" : "table-row");
            const map = page.locator("svg.map");
            assert.ok((await map.boundingBox())!.width <= width, "the map fits the screen");
          }
          await page.close();
        }
      } finally {
        await sized.close();
      }
    }
  });

  test("feed.xml and sitemap.xml parse as XML in the browser", async () => {
    const page = await openPage("index.html");
    for (const file of ["feed.xml", "sitemap.xml"]) {
      const error = await page.evaluate(async (url) => {
        const text = await (await fetch(url)).text();
        const doc = new DOMParser().parseFromString(text, "application/xml");
        return doc.querySelector("parsererror")?.textContent ?? null;
      }, file);
      assert.equal(error, null, file);
    }
    await page.close();
  });

  test("axe-core finds no violations on any page type", async () => {
    // axe is injected as a script, which the pages' CSP rightly forbids; this context bypasses it.
    const axeContext = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const violations: string[] = [];
    try {
      for (const url of [
        "index.html",
        "articles/index.html",
        "articles/violent-clashes-erupt-across-balochistan/index.html",
        "articles/reader-letter-on-markup/index.html",
        "people/index.html",
        "people/by-articles/index.html",
        "people/sarfraz-bugti/index.html",
        "parties/np/index.html",
        "organizations/bla/index.html",
        "places/balochistan/index.html",
        "outlets/dawn/index.html",
        "timeline/index.html",
        "timeline/2026/index.html",
        "figures/index.html",
        "figures/militants-killed/index.html",
        "stories/index.html",
        `stories/${attackStory}/index.html`,
        "places/index.html",
        "report/index.html",
        "search/index.html",
      ]) {
        const page = await openPage(url, axeContext);
        if (url.startsWith("search/")) {
          await waitForSearchReady(page);
          await search(page, sharedSurname);
          await page.locator('details.pf-filter-group[data-filter-name="outlet"] summary').click();
        }
        for (const scheme of [null, "dark"] as const) {
          if (scheme) await page.emulateMedia({ colorScheme: scheme });
          const found = await axeViolations(page);
          violations.push(...found.map((v) => `${url}${scheme ? ` [${scheme}]` : ""}: ${v}`));
        }
        await page.close();
      }
      // The phone layouts (stacked rows, one column) of the new pages, too.
      const phone = await browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 } });
      try {
        for (const url of ["stories/index.html", `stories/${attackStory}/index.html`]) {
          const page = await openPage(url, phone);
          const found = await axeViolations(page);
          violations.push(...found.map((v) => `${url} [390 px]: ${v}`));
          await page.close();
        }
      } finally {
        await phone.close();
      }
    } finally {
      await axeContext.close();
    }
    assert.deepEqual(violations, []);
  });

  test("no request left 127.0.0.1 and no page raised an error", () => {
    const foreign = requested.filter((url) => !url.startsWith(server.url) && !url.startsWith("data:"));
    assert.deepEqual(foreign, []);
    assert.ok(
      requested.some((url) => /\/pagefind\/pagefind\.[^/]+\.pf_meta$/.test(url)),
      "Pagefind's index was loaded",
    );
    assert.deepEqual(
      requested.filter((url) => url.includes("/search/offline/")),
      [],
      "over http the fallback index is not loaded",
    );
    assert.deepEqual(pageErrors, []);
  });
});
