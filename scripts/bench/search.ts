/**
 * The search cost of a built site in a real browser: serve it on 127.0.0.1, open /search/,
 * type a query, and time the first result's appearance and count the bytes fetched for it.
 * Selectors are lenient because the search page's markup belongs to the site, not to us.
 *
 * The time is taken inside the page, from the query's input event to the first frame drawn after a
 * result link of the query is in the document: what a reader waits after typing. Watching from outside
 * added the driver's round trips, and its polling for the element ran on the page's own main thread.
 * The outside view (from before typing until the page reports the result) is kept as msSeenByDriver.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { Page, Request } from "playwright-core";
import { serveSite } from "../../src/serve/server.ts";
import { launchChromium } from "../../test/helpers/chromium.ts";

const DEFAULT_INPUT_SELECTOR =
  "pagefind-input input, pagefind-searchbox input, input[type=search], .pagefind-ui__search-input, input[type=text]";
/** Links only: Pagefind's component UI fills the list with link-less skeleton `.pf-result` items while it loads. */
const DEFAULT_RESULT_SELECTOR = "[class*=result] a[href], pagefind-results a[href], .pagefind-ui__result-link";
const SUMMARY_SELECTOR = "pagefind-summary, [class*=summary]";

/** The network is considered done for a query once nothing has finished loading for this long. */
const QUIET_MS = 500;
const STALE = "data-bench-stale";

export interface SearchOptions {
  siteDir: string;
  /** The first runs on a fresh page (cold: Pagefind's wasm and index chunks load); the rest are warm. */
  queries: string[];
  inputSelector?: string;
  resultSelector?: string;
  timeoutMs?: number;
}

export interface QueryCost {
  query: string;
  /** From the query's input event to the first frame after its first result link appears (in the page). */
  msToFirstResult: number;
  /** From before typing until the driver hears of that frame. */
  msSeenByDriver: number;
  bytes: number;
  requests: number;
  summary: string;
}

export type SearchReport =
  | { skipped: string }
  | { skipped?: undefined; pageLoadBytes: number; pageLoadRequests: number; queries: QueryCost[] };

interface Fetched {
  at: number;
  bytes: number;
}

/** Records every finished request with its body size, so a window of time can be summed. */
function recordFetches(page: Page): { fetched: Fetched[]; settled: () => Promise<void> } {
  const fetched: Fetched[] = [];
  const pending = new Set<Promise<void>>();
  page.on("requestfinished", (request: Request) => {
    const sized = request
      .sizes()
      .then((sizes) => {
        fetched.push({ at: performance.now(), bytes: sizes.responseBodySize });
      })
      .catch(() => {})
      .finally(() => pending.delete(sized));
    pending.add(sized);
  });
  return { fetched, settled: () => Promise.all(pending).then(() => {}) };
}

async function waitForQuietNetwork(fetched: Fetched[], limitMs = 5000): Promise<void> {
  const deadline = performance.now() + limitMs;
  while (performance.now() < deadline) {
    const last = fetched.at(-1)?.at ?? 0;
    if (performance.now() - last >= QUIET_MS) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function sumSince(fetched: Fetched[], since: number): { bytes: number; requests: number } {
  const window = fetched.filter((entry) => entry.at >= since);
  return { bytes: window.reduce((sum, entry) => sum + entry.bytes, 0), requests: window.length };
}

interface Watched {
  /** Resolves to milliseconds from the next input event to the frame after a fresh result link appears. */
  __firstResult: Promise<number>;
}

/**
 * Runs in the page: from the next input event, watch the document (no polling: a MutationObserver) for a
 * result link not marked stale, and time the frame after it appears.
 */
function watchForFirstResult([selector, stale, timeout]: readonly [string, string, number]): void {
  const watched = window as unknown as Watched;
  watched.__firstResult = new Promise<number>((resolve, reject) => {
    let typedAt = 0;
    // No function-valued locals here: tsx would wrap them in a helper the page does not have.
    const freshResult = `:is(${selector}):not([${stale}])`;
    const timer = setTimeout(() => reject(new Error(`no result for the query within ${timeout} ms`)), timeout);
    const observer = new MutationObserver(() => {
      if (!typedAt || !document.querySelector(freshResult)) return;
      observer.disconnect();
      clearTimeout(timer);
      requestAnimationFrame(() => resolve(performance.now() - typedAt));
    });
    document.addEventListener(
      "input",
      () => {
        typedAt = performance.now();
        observer.observe(document, { childList: true, subtree: true, attributes: true });
      },
      { capture: true, once: true },
    );
  });
}

export async function measureSearch(options: SearchOptions): Promise<SearchReport> {
  if (!existsSync(path.join(options.siteDir, "search", "index.html"))) {
    return { skipped: `no /search/ page in ${options.siteDir}` };
  }
  const inputSelector = options.inputSelector ?? DEFAULT_INPUT_SELECTOR;
  const resultSelector = options.resultSelector ?? DEFAULT_RESULT_SELECTOR;
  const timeout = options.timeoutMs ?? 30_000;
  const server = await serveSite(options.siteDir);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const { fetched, settled } = recordFetches(page);
    await page.goto(new URL("search/", server.url).href, { waitUntil: "networkidle" });
    await settled();
    const pageLoad = sumSince(fetched, 0);
    const input = page.locator(inputSelector).first();
    await input.waitFor({ state: "visible", timeout });

    const queries: QueryCost[] = [];
    for (const query of options.queries) {
      // Results of the previous query are marked, so only the new query's results count as "first".
      await page.evaluate(
        ([selector, stale]) => {
          for (const element of document.querySelectorAll(selector)) element.setAttribute(stale, "");
        },
        [resultSelector, STALE] as const,
      );
      await page.evaluate(watchForFirstResult, [resultSelector, STALE, timeout] as const);
      const started = performance.now();
      await input.fill(query);
      const msToFirstResult = await page.evaluate(() => (window as unknown as Watched).__firstResult);
      const msSeenByDriver = performance.now() - started;
      await waitForQuietNetwork(fetched);
      await settled();
      const summary = await page
        .locator(SUMMARY_SELECTOR)
        .first()
        .textContent({ timeout: 1000 })
        .catch(() => "");
      queries.push({
        query,
        msToFirstResult,
        msSeenByDriver,
        ...sumSince(fetched, started),
        summary: (summary ?? "").trim(),
      });
    }
    return { pageLoadBytes: pageLoad.bytes, pageLoadRequests: pageLoad.requests, queries };
  } finally {
    await browser.close();
    await server.close();
  }
}
