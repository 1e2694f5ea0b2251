/**
 * Drives the search page (templates/search.njk + templates/assets/search.js) in a browser, whichever
 * engine answers: Pagefind over http, the from-disk index over file://. The page marks its state on
 * .search-layout: data-engine ("pagefind" | "offline"), data-state ("ready" | "searching" | "done" |
 * "error") and data-query (the text the shown results answer).
 */
import type { Page } from "playwright-core";

export async function waitForSearchReady(page: Page): Promise<string> {
  await page.waitForFunction(() => {
    const state = document.querySelector<HTMLElement>(".search-layout")?.dataset.state;
    return state !== undefined && state !== "searching";
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
}

/** Titles of the results shown, in order. */
export async function resultTitles(page: Page): Promise<string[]> {
  return (await page.locator(".search-results .search-result__title").allInnerTexts()).map((t) => t.trim());
}

/** Types `query` into the search box and returns the titles of the results once they are shown. */
export async function search(page: Page, query: string): Promise<string[]> {
  await page.locator("#search-input").fill(query);
  await waitForResults(page, query);
  return resultTitles(page);
}

/** Ticks (or unticks) the filter checkbox whose label starts with `value` in filter group `name`. */
export async function setFilter(page: Page, name: string, value: RegExp, checked: boolean): Promise<string[]> {
  const query = await page.locator("#search-input").inputValue();
  const group = page.locator(`details[data-filter-name="${name}"]`);
  if ((await group.getAttribute("open")) === null) await group.locator("summary").click();
  await group.getByRole("checkbox", { name: value }).setChecked(checked);
  await waitForResults(page, query);
  return resultTitles(page);
}

/** Chooses an order ("", "date:asc", "date:desc") and returns the titles in that order. */
export async function sortBy(page: Page, order: string): Promise<string[]> {
  const query = await page.locator("#search-input").inputValue();
  await page.locator("#search-sort").selectOption(order);
  await waitForResults(page, query);
  return resultTitles(page);
}
