/**
 * A query with more results than one page (RESULTS_PAGE in src/search/browser/results.ts): the search page
 * shows the first page and a "More results" button that shows the next, with either engine — Pagefind
 * over http, the from-disk index over file://. A new query starts again from the first page.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
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
        // One title a spreadsheet would run as a formula: the CSV neutralises it.
        title: `${n === MANY ? "=" : ""}Caravan report number ${n}`,
        body: `The ${WORD} on the old road was reopened, report ${n} said.`,
        date: `2020-${month}-${day}`,
        dateFrom: "text",
      }),
    );
  }
  return archive;
}

/** Presses "Download these results (CSV)" and returns the downloaded file's text. */
async function downloadCsv(page: Page, name = `search-${WORD}.csv`): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download these results (CSV)" }).click(),
  ]);
  assert.equal(download.suggestedFilename(), name);
  const file = await download.path();
  return readFile(file, "utf8");
}

/** RFC 4180 rows (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const match of text.matchAll(/((?:"(?:[^"]|"")*"|[^,\r\n]*)(?:,(?:"(?:[^"]|"")*"|[^,\r\n]*))*)\r\n/g)) {
    const cells = [...match[1].matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) =>
      m[1].startsWith('"') ? m[1].slice(1, -1).replaceAll('""', '"') : m[1],
    );
    rows.push(cells);
  }
  return rows;
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
      // A CSP violation (the CSV download included) is a console error.
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(`console: ${message.text()}`);
      });
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
      assert.ok(all.every((title) => /^=?Caravan report number /.test(title)));
      assert.equal(await more(page).isVisible(), false, "no button once every result is shown");

      // The CSV button exports every result, the same rows as drawn (title, date, outlet, archive path).
      const shown = await page.locator(".pf-results > li.pf-result").evaluateAll((items) =>
        items.map((li) => {
          const meta = li.querySelector(".search-result-meta")?.textContent ?? "";
          return [
            li.querySelector(".pf-result-link")?.textContent?.trim() ?? "",
            li.querySelector("time")?.getAttribute("datetime") ?? "",
            meta.includes(" · ") ? meta.slice(meta.indexOf(" · ") + 3) : "",
          ];
        }),
      );
      const csv = await downloadCsv(page);
      assert.ok(csv.startsWith("\uFEFFtitle,date,outlet,url,excerpt\r\n"), "BOM and header");
      assert.ok(!/[^\r]\n/.test(csv), "CRLF line ends");
      const rows = parseCsv(csv.slice(1)).slice(1);
      const neutralised = ([title, ...rest]: string[]) => [title.replace(/^=/, "'="), ...rest];
      assert.deepEqual(
        rows.map((row) => row.slice(0, 3)),
        shown.map(neutralised),
      );
      assert.ok(
        rows.some(([title]) => title === `'=Caravan report number ${MANY}`),
        "formula cell neutralised",
      );
      for (const [title, , , url, excerpt] of rows) {
        assert.equal(url, `/articles/caravan-report-${title.replace(/^'?=?Caravan report number /, "")}/`);
        assert.match(excerpt, new RegExp(`^The ${WORD} on the old road was reopened`), "the excerpt as plain text");
      }

      // A new query starts from the first page again; its CSV still has every result, not the page shown.
      assert.equal((await search(page, `${WORD} old road`)).length, PAGE);
      assert.equal(await more(page).isVisible(), true);
      assert.equal(parseCsv((await downloadCsv(page, `search-${WORD}-old-road.csv`)).slice(1)).length, 1 + MANY);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
});
