/**
 * Drives the search page (templates/search.njk + src/search/browser/search.ts) in a browser, whichever
 * engine answers: Pagefind over http, the from-disk fallback over file://, both drawn by search.js.
 * The page marks its state on .search-layout: data-engine ("pagefind" | "offline"), data-state ("loading"
 * | "ready" | "searching" | "done" | "error") and data-query (the text the shown results answer).
 * The search's state is in the page's address (?q=&<filter>=&sort=: src/search/browser/url-state.ts).
 * Both are drawn in the Component UI's markup: input.pf-input, .pf-results > li.pf-result (a placeholder with
 * aria-hidden until its data loads, when it scrolls into view), details.pf-filter-group[data-filter-name].
 */
import type { Page } from "playwright-core";

export async function waitForSearchReady(page: Page): Promise<string> {
  await page.waitForFunction(() => {
    const state = document.querySelector<HTMLElement>(".search-layout")?.dataset.state;
    return state === "ready" || state === "done" || state === "error";
  });
  const root = page.locator(".search-layout");
  if ((await root.getAttribute("data-state")) === "error") throw new Error("the search page could not load its index");
  return (await root.getAttribute("data-engine")) ?? "";
}

/** Waits until the results on screen answer `query` (after typing, a filter or a new order). */
export async function waitForResults(page: Page, query: string): Promise<void> {
  await page.waitForFunction(
    (q) => {
      const root = document.querySelector<HTMLElement>(".search-layout");
      return root?.dataset.state === "done" && root.dataset.query === q;
    },
    query,
    { timeout: 10_000 },
  );
  // Results load their data as they scroll into view: bring each placeholder into view until none is left.
  for (let round = 0; round < 200; round++) {
    const left = await page.evaluate(() => {
      const placeholders = document.querySelectorAll(".pf-results > li.pf-result[aria-hidden]");
      placeholders[0]?.scrollIntoView({ block: "nearest" });
      return placeholders.length;
    });
    if (left === 0) return;
    await page.waitForTimeout(25);
  }
  throw new Error("search results did not finish loading");
}

/** Titles of the results shown, in order. */
export async function resultTitles(page: Page): Promise<string[]> {
  return (await page.locator(".pf-results .pf-result-link").allInnerTexts()).map((t) => t.trim());
}

/** The search box (in <pagefind-input>). */
export const searchInput = (page: Page) => page.locator("pagefind-input input.pf-input");

/** Types `query` into the search box and returns the titles of the results once they are shown. */
export async function search(page: Page, query: string): Promise<string[]> {
  await searchInput(page).fill(query);
  await waitForResults(page, query);
  return resultTitles(page);
}

/** Opens the filters' panel (closed above the results on narrow screens) if it is closed. */
export async function openFilters(page: Page): Promise<void> {
  const panel = page.locator("details.search-filters");
  if ((await panel.getAttribute("open")) === null) await panel.locator("summary").first().click();
}

/** Ticks (or unticks) the filter checkbox whose label starts with `value` in filter group `name`. */
export async function setFilter(page: Page, name: string, value: RegExp, checked: boolean): Promise<string[]> {
  const query = await searchInput(page).inputValue();
  await openFilters(page);
  const group = page.locator(`details.pf-filter-group[data-filter-name="${name}"]`);
  if ((await group.getAttribute("open")) === null) await group.locator("summary").click();
  await page.locator(".search-layout").evaluate((el) => {
    el.dataset.state = "searching";
  });
  await group.getByRole("checkbox", { name: value }).setChecked(checked);
  await waitForResults(page, query);
  return resultTitles(page);
}

/** Chooses an order ("", "date:asc", "date:desc") and returns the titles in that order. */
export async function sortBy(page: Page, order: string): Promise<string[]> {
  const query = await searchInput(page).inputValue();
  await page.locator(".search-layout").evaluate((el) => {
    el.dataset.state = "searching";
  });
  await page.locator("#search-sort").selectOption(order);
  await waitForResults(page, query);
  return resultTitles(page);
}

/** The summary line above the results. */
export async function summaryText(page: Page): Promise<string> {
  return ((await page.locator(".pf-summary").textContent()) ?? "").trim();
}

/** The names suggested above the results, as "Kind Name". */
export async function suggestedNames(page: Page): Promise<string[]> {
  return page
    .locator(".search-suggestion")
    .evaluateAll((items) =>
      items.map(
        (li) => `${li.querySelector(".search-suggestion__kind")?.textContent} ${li.querySelector("a")?.textContent}`,
      ),
    );
}
