// ───────── the page: the Component UI's markup, drawn for either engine ─────────
// Mirrors <pagefind-input>, <pagefind-summary>, <pagefind-results> and <pagefind-filter-pane> of
// pagefind-component-ui.js, whose stylesheet the page uses: keep the two in step when Pagefind changes.
import { SEARCH_PAGE } from "../../settings.ts";
import { el } from "./dom.ts";
import { exportButton } from "./export.ts";
import { FilterPane } from "./filters.ts";
import { ResultList } from "./results.ts";
import { type Suggestion, Suggestions } from "./suggest.ts";
import type { Engine, Found, ResultLoader, Selected, Sort } from "./types.ts";
import { readState, type SearchState, stateQuery, writeState } from "./url-state.ts";

/** Results fetched before the list is drawn, and the typing pause before a search starts (src/settings.ts). */
const { filledAtOnce: FILLED_AT_ONCE, typingPauseMs: TYPING_PAUSE_MS } = SEARCH_PAGE;

const sortOf = (value: string): Sort => {
  const [key, direction] = value.split(":");
  return key ? { [key]: direction } : {};
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What the results answer: the query, or (a blank query browsing filters) the values selected. */
function answering(text: string, selected: Selected): string {
  if (text.trim()) return `for ${text}`;
  const values = Object.entries(selected).flatMap(([name, list]) => list.map((value) => `${name} ${value}`));
  return `with ${values.join(" and ")}`;
}

/**
 * The summary line: "8 results for killed; 3 undated results at the end", "2 results with person Sarfraz
 * Bugti", "No results for Balochistn; did you mean Balochistan?" (a link that searches for it).
 */
function summaryParts(page: Page, found: Found, text: string, selected: Selected, names: Suggestion[]) {
  const n = found.results.length;
  const what = answering(text, selected);
  if (n > 0) {
    const newest = !text.trim() && !page.sortSelect.value ? ", newest first" : "";
    const undated = found.undated ? `; ${plural(found.undated, "undated result", "undated results")} at the end` : "";
    return [`${plural(n, "result", "results")} ${what}${newest}${undated}`];
  }
  if (!text.trim()) return [`No results ${what}`];
  // With filters, the query's words may well be in the archive: the filters left nothing.
  if (Object.keys(selected).length > 0) return [`No results ${what} with the filters selected`];
  const alternative = names.find(({ doc }) => doc.name.toLowerCase() !== text.trim().toLowerCase());
  if (!alternative) return [`No results ${what}`];
  const { name } = alternative.doc;
  const state = { q: name, selected: {}, sort: page.sortSelect.value };
  const link = el("a", { href: stateQuery(state, page.engine.filterNames) || "?" }, name);
  link.addEventListener("click", (event) => {
    event.preventDefault();
    page.apply(state, "push");
  });
  return [`No results ${what}; did you mean `, link, "?"];
}

/** Screen-reader announcements, like the Component UI's announcer. */
function announcer(): (text: string) => void {
  const region = el("div", { role: "status", "aria-live": "polite", "aria-atomic": "true", "data-pf-sr-hidden": true });
  document.body.append(el("div", { "data-pagefind-announcer": true }, region));
  return (text) => {
    region.textContent = "";
    setTimeout(() => {
      region.textContent = text;
    }, 100);
  };
}

/** <pagefind-input>: the search box and its Clear button. */
function searchBox(host: Element): { input: HTMLInputElement; clear: HTMLElement } {
  const input = el("input", {
    id: "pf-input",
    class: "pf-input",
    type: "search",
    autocomplete: "off",
    autocapitalize: "none",
    enterkeyhint: "search",
    placeholder: host.getAttribute("placeholder") || "Search",
    "aria-describedby": "pf-input-hint",
  }) as HTMLInputElement;
  const clear = el("button", { class: "pf-input-clear", type: "button", "data-pf-suppressed": "true" }, "Clear");
  host.replaceChildren(
    el(
      "search",
      { class: "pf-input-wrapper", role: "search", "aria-label": "Search this site" },
      el("label", { for: "pf-input", "data-pf-sr-hidden": "true" }, "Search this site"),
      input,
      el("span", { id: "pf-input-hint", "data-pf-sr-hidden": "true" }, "Results will appear as you type"),
      clear,
    ),
  );
  return { input, clear };
}

/** How a search changes the page's address: a new history entry, the same entry, or not at all. */
type AddressChange = "push" | "replace" | "keep";

/** The page's parts, drawn into the elements of templates/search.njk. */
interface Page {
  root: HTMLElement;
  engine: Engine;
  input: HTMLInputElement;
  clear: HTMLElement;
  summary: HTMLElement;
  results: ResultList;
  filters: FilterPane;
  sortSelect: HTMLSelectElement;
  suggestions: Suggestions;
  announce: (text: string) => void;
  /** The results the CSV button exports (the last search's, with its query), and showing the button. */
  exported: { loaders: readonly ResultLoader[]; text: string };
  showExport: (count: number) => void;
  /** Shows `state` (the box, the filters, the order) and searches for it. */
  apply: (state: SearchState, address: AddressChange) => void;
}

/** Nothing asked: no results, no names; the filters count every article. */
function drawEmpty(page: Page): void {
  page.filters.searched = false;
  page.filters.counts = { available: {}, total: {} };
  page.results.draw([]);
  page.exported = { loaders: [], text: "" };
  page.showExport(0);
  page.suggestions.draw([], "");
  page.summary.replaceChildren();
}

/**
 * Searches for what the box, the filters and the order say, puts that in the address, and draws the results,
 * the names matching the query, the summary and the filter counts; a newer call supersedes an older one
 * still waiting. A blank query with filters browses their articles, newest first unless an order is chosen.
 * The page's state: "searching" while it runs, then "done".
 */
function searcher(page: Page): (address: AddressChange) => Promise<void> {
  const { root, engine, input, summary, results, filters, sortSelect } = page;
  let sequence = 0;
  return async (address) => {
    const mine = ++sequence;
    const text = input.value;
    const selected = filters.selection();
    if (address !== "keep")
      writeState({ q: text, selected, sort: sortSelect.value }, engine.filterNames, address === "push");
    root.dataset.state = "searching";
    page.showExport(0);
    const blank = text.trim() === "";
    if (blank && Object.keys(selected).length === 0) drawEmpty(page);
    else {
      const names = page.suggestions.find(text);
      summary.textContent = blank ? "Searching..." : `Searching for ${text}...`;
      results.list.setAttribute("aria-busy", "true");
      const sort = sortOf(blank && !sortSelect.value ? "date:desc" : sortSelect.value);
      const found = await engine.search(text, selected, sort);
      if (mine !== sequence) return;
      // The first results come filled, not as placeholders that wait a frame to ask for their data.
      const first = await Promise.all(found.results.slice(0, FILLED_AT_ONCE).map((load) => load()));
      // Results do not wait for the names (a larger file on first use), unless there are none: then the
      // summary offers the nearest name.
      const nearest = found.results.length ? [] : await names;
      if (mine !== sequence) return;
      filters.searched = true;
      results.draw(found.results, first);
      page.exported = { loaders: found.results, text };
      page.showExport(found.results.length);
      summary.replaceChildren(...summaryParts(page, found, text, selected, nearest));
      page.announce(summary.textContent ?? "");
      const suggested = await names;
      if (mine !== sequence) return;
      page.suggestions.draw(suggested, text);
      // Filter counts: with the results from disk; after them from Pagefind, once a filter group is open.
      const counted = await found.counts;
      if (mine !== sequence) return;
      filters.counts = counted
        ? { available: counted.filters, total: counted.totalFilters }
        : { available: {}, total: {} };
    }
    filters.drawAll();
    root.dataset.query = text;
    root.dataset.state = "done";
  };
}

/**
 * The filter pane's panel: open beside the results on wide screens; on narrow ones a closed panel above
 * them, its summary counting the values selected.
 */
function filterPanel(root: HTMLElement): (selected: number) => void {
  const panel = root.querySelector<HTMLDetailsElement>("details.search-filters");
  const count = root.querySelector<HTMLElement>(".search-filters__count");
  if (panel && matchMedia("(min-width: 52rem)").matches) panel.open = true;
  return (selected) => {
    if (count) count.textContent = selected ? ` (${selected} selected)` : "";
  };
}

/** Draws the search page for `engine`, and runs the search of the page's address (?q=&<filter>=&sort=), if any. */
export async function startSearchPage(root: HTMLElement, engine: Engine, engineName: string, failed: () => void) {
  const { input, clear } = searchBox(root.querySelector("pagefind-input")!);
  const summary = el("div", { class: "pf-summary" });
  root.querySelector("pagefind-summary")!.replaceChildren(summary);
  const moreButton = root.querySelector<HTMLButtonElement>(".search-more")!;
  const results = new ResultList(root.querySelector("pagefind-results")!, moreButton, failed);
  const sortSelect = document.getElementById("search-sort") as HTMLSelectElement;
  const countSelected = filterPanel(root);
  let run: (address: AddressChange) => Promise<void> = async () => {};
  const filters = new FilterPane(
    root.querySelector("pagefind-filter-pane")!,
    engine,
    () => {
      countSelected(Object.values(filters.selection()).flat().length);
      run("push").catch(failed);
    },
    failed,
  );
  const apply = (state: SearchState, address: AddressChange) => {
    input.value = state.q;
    clear.toggleAttribute("data-pf-suppressed", state.q === "");
    sortSelect.value = state.sort;
    filters.select(state.selected);
    countSelected(Object.values(state.selected).flat().length);
    run(address).catch(failed);
  };
  const browse = (kind: string, name: string) => {
    const state = { q: "", selected: { [kind]: [name] }, sort: "" };
    return { href: stateQuery(state, engine.filterNames) || "?", go: () => apply(state, "push") };
  };
  const suggestions = new Suggestions(
    root.querySelector<HTMLElement>(".search-suggestions")!,
    new URL(root.dataset.suggestUrl!, document.baseURI).href,
    browse,
  );
  const announce = announcer();
  // The site's root folder: the shards' manifest is there (templates/search.njk).
  const siteRoot = new URL(".", new URL(root.dataset.shards!, document.baseURI));
  const showExport = exportButton(
    root.querySelector<HTMLButtonElement>(".search-export")!,
    siteRoot,
    () => page.exported,
    announce,
    failed,
  );
  const page: Page = {
    root,
    engine,
    input,
    clear,
    summary,
    results,
    filters,
    sortSelect,
    suggestions,
    announce,
    exported: { loaders: [], text: "" },
    showExport,
    apply,
  };
  run = searcher(page);
  listen(page, run, moreButton, failed);
  root.dataset.engine = engineName;
  root.dataset.state = "ready";
  const state = readState(location.search, engine.filterNames);
  if (state.q || Object.keys(state.selected).length) apply(state, "keep");
  else sortSelect.value = state.sort;
  // Back and forward: the page shows the search of the address it returns to.
  window.addEventListener("popstate", () => apply(readState(location.search, engine.filterNames), "keep"));
}

/** The box, its Clear button, the order and "More results". */
function listen(
  page: Page,
  run: (address: AddressChange) => Promise<void>,
  moreButton: HTMLElement,
  failed: () => void,
) {
  const { input, clear, engine, sortSelect, results } = page;
  let timer: ReturnType<typeof setTimeout> | undefined;
  moreButton.addEventListener("click", () => results.more());
  input.addEventListener("input", () => {
    clear.toggleAttribute("data-pf-suppressed", input.value === "");
    clearTimeout(timer);
    if (input.value.trim() !== "") {
      engine.preload(input.value);
      page.suggestions.preload();
    }
    timer = setTimeout(() => run("replace").catch(failed), TYPING_PAUSE_MS);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    input.value = "";
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
  clear.addEventListener("click", () => {
    input.value = "";
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.focus();
  });
  sortSelect.addEventListener("change", () => run("push").catch(failed));
}
