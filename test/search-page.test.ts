/**
 * The search page a researcher can trust and cite, both ways it is opened (served: Pagefind; from disk: the
 * fallback index), at 390 and 1280 px: no sideways scrolling, filters before the results on phones, the same
 * articles and counts both ways (queries, a blank query browsing a filter, date sort keeping the undated, a typo
 * finding nothing and saying so), names suggested above the results (a variant spelling, a one-letter typo),
 * the search in the address (loaded, updated, gone back to), excerpts without the page's metadata, and no
 * axe-core violation. One site, one server, one browser.
 */
import assert from "node:assert/strict";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { type RunningServer, serveSite } from "../src/serve/server.ts";
import { axeViolations } from "./helpers/axe.ts";
import { buildFixtureSite, type FixtureSite } from "./helpers/build-fixture-site.ts";
import { checkBrowser, launchChromium } from "./helpers/chromium.ts";
import {
  openFilters,
  resultTitles,
  search,
  setFilter,
  sortBy,
  suggestedNames,
  summaryText,
  waitForResults,
  waitForSearchReady,
} from "./helpers/search-page.ts";

const projectRoot = fileURLToPath(new URL("..", import.meta.url));
const artifacts = path.join(projectRoot, "test-artifacts");

const availability = checkBrowser();
const skip = availability.available ? false : availability.skipReason;

const UNDATED = "PML-N and National Party in talks for electoral alliance";
const DATED_BALOCHISTAN = [
  "Violent clashes erupt across Balochistan, at least 129 dead",
  "Security forces kill at least 145 militants in Balochistan operations",
  "Terror spike triggers call for troop surge in Balochistan",
  "Opposition parties call off Balochistan protests after talks",
];

/** Queries whose results are compared both ways, as sets and (measured, not required) in best-match order. */
const RANKED = [
  "Balochistan",
  "militants killed",
  "talks",
  "security forces",
  "Balo",
  "Quetta",
  "February",
  "2026",
  "Islamabad",
  "Voice",
  "Chaudhry",
  "Balo killed",
  "secur forces ",
  "Balochistan ",
];

let site: FixtureSite;
let server: RunningServer;
let browser: Browser;
const problems: string[] = [];

type Engine = "pagefind" | "offline";
const ENGINES: Engine[] = ["pagefind", "offline"];

/** The search page as `engine` answers it, with `query` (the address's ?…), at `width` px. */
async function openSearch(engine: Engine, query = "", width = 1280, bypassCSP = false): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP });
  const page = await context.newPage();
  page.on("pageerror", (error) => problems.push(`${engine}: ${error.message}`));
  // axe-core (injected where the CSP is bypassed) reads stylesheets with XHR, which file: pages refuse.
  if (!bypassCSP) {
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`${engine}: console: ${message.text()}`);
    });
  }
  const base =
    engine === "offline"
      ? pathToFileURL(path.join(site.outDir, "search/index.html")).href
      : new URL("search/index.html", server.url).href;
  await page.goto(base + query);
  assert.equal(await waitForSearchReady(page), engine);
  return page;
}

const close = (page: Page) => page.context().close();
const queryOf = (page: Page) => new URL(page.url()).search;

if (skip) test("search page browser tests", { skip }, () => {});

describe("the search page", { skip }, () => {
  before(async () => {
    site = await buildFixtureSite("search-page-test");
    server = await serveSite(site.outDir);
    browser = await launchChromium();
    await mkdir(artifacts, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (site) await rm(path.dirname(site.outDir), { recursive: true, force: true });
  });

  test("at 390 and 1280 px: no sideways scrolling, filters before results on phones, no axe violation", async () => {
    const violations: string[] = [];
    for (const engine of ENGINES) {
      for (const width of [390, 1280]) {
        const page = await openSearch(engine, "?q=Bugti", width, true);
        await waitForResults(page, "Bugti");
        // A string, so the page gets it as written (no transpiler helpers).
        const layout = (await page.evaluate(`(() => {
          const excerpt = document.querySelector(".pf-result-excerpt");
          return {
            scrollWidth: document.documentElement.scrollWidth,
            clientWidth: document.documentElement.clientWidth,
            filtersTop: document.querySelector(".search-filters").getBoundingClientRect().top,
            resultsTop: document.querySelector("pagefind-results").getBoundingClientRect().top,
            filtersOpen: document.querySelector(".search-filters").open,
            excerptLines: excerpt.getBoundingClientRect().height / parseFloat(getComputedStyle(excerpt).lineHeight),
          };
        })()`)) as {
          scrollWidth: number;
          clientWidth: number;
          filtersTop: number;
          resultsTop: number;
          filtersOpen: boolean;
          excerptLines: number;
        };
        const at = `${engine} at ${width} px`;
        assert.ok(layout.scrollWidth <= layout.clientWidth, `${at}: ${layout.scrollWidth} wide`);
        assert.ok(layout.excerptLines > 1.5, `${at}: the excerpt wraps (${layout.excerptLines} lines)`);
        if (width === 390) {
          assert.ok(layout.filtersTop < layout.resultsTop, `${at}: filters come first`);
          assert.equal(layout.filtersOpen, false, `${at}: filters start closed`);
          await openFilters(page);
          await page.locator('details.pf-filter-group[data-filter-name="person"] summary').click();
          await page
            .locator('details.pf-filter-group[data-filter-name="person"] label:not([data-pf-hidden])')
            .first()
            .waitFor();
          const opened = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(opened <= layout.clientWidth, `${at}: ${opened} wide with the filters open`);
          if (engine === "offline")
            await page.screenshot({ path: path.join(artifacts, "search-390.png"), fullPage: true });
        } else assert.equal(layout.filtersOpen, true, `${at}: filters open beside the results`);
        for (const scheme of ["light", "dark"] as const) {
          await page.emulateMedia({ colorScheme: scheme });
          const found = await axeViolations(page);
          violations.push(...found.map((v) => `${at} [${scheme}]: ${v}`));
        }
        await close(page);
      }
    }
    assert.deepEqual(violations, []);
  });

  test("the same articles and counts both ways: queries, filter browsing, date sort, typos", async (t) => {
    const answers: Record<string, Record<string, unknown>> = {};
    const orders: Record<string, Record<string, string[]>> = {};
    for (const engine of ENGINES) {
      const page = await openSearch(engine);
      const answer: Record<string, unknown> = {};
      // A blank query browses the articles of a filter value, newest first.
      answer.browse = await setFilter(page, "person", /^Sarfraz Bugti/, true);
      answer.browseSummary = await summaryText(page);
      assert.equal(queryOf(page), "?person=Sarfraz+Bugti", engine);
      await setFilter(page, "person", /^Sarfraz Bugti/, false);
      answer.browseOutlet = await setFilter(page, "outlet", /^Dawn/, true);
      await setFilter(page, "outlet", /^Dawn/, false);
      // Sorted by date, the undated result follows the dated ones, and the summary says so.
      answer.relevance = [...(await search(page, "Balochistan"))].sort();
      answer.oldest = await sortBy(page, "date:asc");
      answer.oldestSummary = await summaryText(page);
      answer.newest = await sortBy(page, "date:desc");
      await sortBy(page, "");
      // Excerpts come from the text, not the page's metadata lines (outlet · year, date, dateline).
      answer.excerpts = await page.locator(".pf-result-excerpt").allInnerTexts();
      // A query no word matches finds nothing, and says so, offering the nearest name.
      // The same articles (in each engine's best-match order, measured below), words of the page's meta
      // (outlet, date, dateline, authors) included.
      orders[engine] = {};
      for (const query of RANKED) {
        orders[engine][query] = await search(page, query);
        answer[query] = [...orders[engine][query]].sort();
      }
      for (const query of ["Balochistn", "Bugtti", "Sarfaraz", "zzyzx"]) {
        answer[query] = await search(page, query);
        answer[`${query} summary`] = await summaryText(page);
        answer[`${query} names`] = await suggestedNames(page);
      }
      await search(page, "Achakzai");
      answer.achakzai = await suggestedNames(page);
      answers[engine] = answer;
      await close(page);
    }
    const { offline } = answers;
    assert.deepEqual(offline.browse, [
      "Security forces kill at least 145 militants in Balochistan operations",
      "Violent clashes erupt across Balochistan, at least 129 dead",
    ]);
    assert.equal(offline.browseSummary, "2 results with person Sarfraz Bugti, newest first");
    assert.ok((offline.browseOutlet as string[]).length > 0);
    assert.equal((offline.relevance as string[]).length, 5);
    assert.deepEqual(offline.oldest, [...DATED_BALOCHISTAN, UNDATED]);
    assert.deepEqual(offline.newest, [...DATED_BALOCHISTAN].reverse().concat(UNDATED));
    assert.equal(offline.oldestSummary, "5 results for Balochistan; 1 undated result at the end");
    for (const engine of ENGINES) {
      for (const excerpt of answers[engine].excerpts as string[]) {
        assert.doesNotMatch(
          excerpt,
          /Undated|inferred|· 20\d\d|^(Dawn|Hum News|Quetta Voice)\b/,
          `${engine}: ${excerpt}`,
        );
      }
    }
    assert.deepEqual(offline.Balochistn, []);
    assert.equal(offline["Balochistn summary"], "No results for Balochistn; did you mean Balochistan?");
    assert.deepEqual(offline.Bugtti, []);
    assert.ok((offline["Bugtti names"] as string[]).includes("Person Sarfraz Bugti"), "a one-letter typo");
    assert.match(offline["Bugtti summary"] as string, /^No results for Bugtti; did you mean /);
    assert.ok((offline["Sarfaraz names"] as string[]).includes("Person Sarfraz Bugti"), "a variant spelling");
    assert.equal(offline["zzyzx summary"], "No results for zzyzx");
    assert.deepEqual(offline.achakzai, ["Person Asghar Khan Achakzai", "Person Mahmood Khan Achakzai"]);
    // Best match is each engine's own ranking (Pagefind's, with its title boost; BM25 from disk): measured.
    const sameOrder = RANKED.filter((query) => orders.pagefind[query].join("\n") === orders.offline[query].join("\n"));
    const sameFirst = RANKED.filter((query) => orders.pagefind[query][0] === orders.offline[query][0]);
    t.diagnostic(
      `best-match order the same both ways for ${sameOrder.length} of ${RANKED.length} queries, the first result for ${sameFirst.length}`,
    );
    // Excerpts may differ (each engine cuts its own); everything else is the same both ways.
    delete answers.offline.excerpts;
    delete answers.pagefind.excerpts;
    assert.deepEqual(answers.pagefind, answers.offline);
  });

  test("the search is in the address: loaded, updated on change, restored by back", async () => {
    for (const engine of ENGINES) {
      const page = await openSearch(engine, "?q=Balochistan&person=Sarfraz+Bugti&sort=date", 390);
      await waitForResults(page, "Balochistan");
      assert.equal(await page.locator("input.pf-input").inputValue(), "Balochistan", engine);
      assert.equal(await page.locator("#search-sort").inputValue(), "date:desc", engine);
      assert.deepEqual(await resultTitles(page), [DATED_BALOCHISTAN[1], DATED_BALOCHISTAN[0]], engine);
      assert.equal(await page.locator(".search-filters__count").textContent(), " (1 selected)", engine);
      await openFilters(page);
      await page.locator('details.pf-filter-group[data-filter-name="person"] summary').click();
      assert.ok(await page.getByRole("checkbox", { name: /^Sarfraz Bugti/ }).isChecked(), engine);

      assert.equal((await setFilter(page, "person", /^Sarfraz Bugti/, false)).length, 5, engine);
      assert.equal(queryOf(page), "?q=Balochistan&sort=date", engine);
      await sortBy(page, "");
      assert.equal(queryOf(page), "?q=Balochistan", engine);
      await search(page, "Bugti");
      assert.equal(queryOf(page), "?q=Bugti", `${engine}: typing replaces the entry`);

      await page.goBack();
      await waitForResults(page, "Balochistan");
      assert.equal(queryOf(page), "?q=Balochistan&sort=date", engine);
      assert.equal(await page.locator("#search-sort").inputValue(), "date:desc", engine);
      await page.goBack();
      await waitForResults(page, "Balochistan");
      assert.deepEqual(await resultTitles(page), [DATED_BALOCHISTAN[1], DATED_BALOCHISTAN[0]], engine);
      assert.ok(await page.getByRole("checkbox", { name: /^Sarfraz Bugti/ }).isChecked(), engine);
      await close(page);
    }
    assert.deepEqual(problems, []);
  });
});
