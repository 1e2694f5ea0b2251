/**
 * A query with more results than one page (RESULTS_PAGE in src/search/browser/results.ts): the search page
 * shows the first page and a "More results" button that shows the next, with either engine — Pagefind
 * over http, the from-disk index over file://. A new query starts again from the first page.
 */
import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import type { RunningServer } from "../src/serve/server.ts";
import type { Archive } from "../src/types.ts";
import { checkBrowser } from "./helpers/chromium.ts";
import { article, fixtureArchive } from "./helpers/fixture-archive.ts";
import { resultTitles, search, waitForResults, waitForSearchReady } from "./helpers/search-page.ts";
import { type ServedArchive, serveArchive } from "./helpers/served-archive.ts";

const availability = checkBrowser();
const skip = availability.available ? false : availability.skipReason;

/** More than two pages of results for one word, so the button is pressed twice. */
const MANY = 45;
const PAGE = 20;
const WORD = "caravanserai";

/** The fixture archive plus MANY articles that all name WORD, each on its own date. */
function archiveWithManyMatches(): Archive {
  const archive = fixtureArchive();
  for (let n = 1; n <= MANY; n++) {
    const day = String(1 + (n % 28)).padStart(2, "0");
    const month = String(1 + Math.floor(n / 28)).padStart(2, "0");
    archive.articles.push(
      article({
        slug: `caravan-report-${n}`,
        title: `Caravan report number ${n}`,
        body: `The ${WORD} on the old road was reopened, report ${n} said.`,
        date: `2020-${month}-${day}`,
        dateFrom: "text",
      }),
    );
  }
  return archive;
}

if (skip) test("search paging browser tests", { skip }, () => {});

describe("search results a page at a time", { skip }, () => {
  let site: ServedArchive;
  let outDir: string;
  let server: RunningServer;
  let browser: Browser;

  before(async () => {
    site = await serveArchive("paging", archiveWithManyMatches());
    ({ outDir, server, browser } = site);
  });

  after(async () => {
    await site?.close();
  });

  const more = (page: Page) => page.locator("button.search-more");

  /** Presses "More results" and waits until `count` results are drawn and loaded. */
  async function showMore(page: Page, count: number): Promise<string[]> {
    await more(page).click();
    await page.waitForFunction((n) => document.querySelectorAll(".pf-results > li.pf-result").length === n, count, {
      timeout: 10_000,
    });
    await waitForResults(page, WORD);
    return resultTitles(page);
  }

  for (const engine of ["pagefind", "offline"] as const) {
    test(`${engine}: ${MANY} matches are shown ${PAGE} at a time`, async () => {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      const url =
        engine === "pagefind"
          ? new URL("search/", server.url).href
          : pathToFileURL(path.join(outDir, "search", "index.html")).href;
      await page.goto(url);
      assert.equal(await waitForSearchReady(page), engine);

      const first = await search(page, WORD);
      assert.equal(first.length, PAGE);
      assert.match((await page.locator(".pf-summary").textContent()) ?? "", new RegExp(`^${MANY} results`));
      assert.equal(await more(page).isVisible(), true);

      const second = await showMore(page, 2 * PAGE);
      assert.deepEqual(second.slice(0, PAGE), first, "the first page stays in place");
      const all = await showMore(page, MANY);
      assert.equal(new Set(all).size, MANY);
      assert.ok(all.every((title) => title.startsWith("Caravan report number ")));
      assert.equal(await more(page).isVisible(), false, "no button once every result is shown");

      // A new query starts from the first page again.
      assert.equal((await search(page, `${WORD} old road`)).length, PAGE);
      assert.equal(await more(page).isVisible(), true);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
});
