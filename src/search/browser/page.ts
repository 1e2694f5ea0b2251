// ───────── the page: the Component UI's markup, drawn for either engine ─────────
// Mirrors <pagefind-input>, <pagefind-summary>, <pagefind-results> and <pagefind-filter-pane> of
// pagefind-component-ui.js, whose stylesheet the page uses: keep the two in step when Pagefind changes.
import { SEARCH_PAGE } from "../../settings.ts";
import { el } from "./dom.ts";
import { FilterPane } from "./filters.ts";
import { ResultList } from "./results.ts";
import type { Engine, Sort } from "./types.ts";

/** Results fetched before the list is drawn, and the typing pause before a search starts (src/settings.ts). */
const { filledAtOnce: FILLED_AT_ONCE, typingPauseMs: TYPING_PAUSE_MS } = SEARCH_PAGE;

const sortOf = (value: string): Sort => {
  const [key, direction] = value.split(":");
  return key ? { [key]: direction } : {};
};

const resultsText = (n: number, term: string) =>
  n === 0 ? `No results for ${term}` : `${n} ${n === 1 ? "result" : "results"} for ${term}`;

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

/** The page's parts, drawn into the elements of templates/search.njk. */
interface Page {
  root: HTMLElement;
  engine: Engine;
  input: HTMLInputElement;
  summary: HTMLElement;
  results: ResultList;
  filters: FilterPane;
  sortSelect: HTMLSelectElement;
  announce: (text: string) => void;
}

/**
 * Searches for what the box holds, and draws the results, the summary and the filter counts; a newer call
 * supersedes an older one still waiting. The page's state: "searching" while it runs, then "done".
 */
function searcher(page: Page): () => Promise<void> {
  const { root, engine, input, summary, results, filters } = page;
  let sequence = 0;
  return async () => {
    const mine = ++sequence;
    const text = input.value;
    root.dataset.state = "searching";
    if (text.trim() === "") {
      // Like the Component UI (not in faceted mode): no term, no results; the filters count everything.
      filters.searched = false;
      filters.counts = { available: {}, total: {} };
      results.draw([]);
      summary.textContent = "";
    } else {
      summary.textContent = `Searching for ${text}...`;
      results.list.setAttribute("aria-busy", "true");
      const found = await engine.search(text, filters.selection(), sortOf(page.sortSelect.value));
      if (mine !== sequence) return;
      // The first results come filled, not as placeholders that wait a frame to ask for their data.
      const first = await Promise.all(found.results.slice(0, FILLED_AT_ONCE).map((load) => load()));
      if (mine !== sequence) return;
      filters.searched = true;
      results.draw(found.results, first);
      const n = found.results.length;
      summary.textContent = resultsText(n, text);
      page.announce(resultsText(n, text));
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

/** Draws the search page for `engine` and runs the query of the page's address (?q=), if any. */
export async function startSearchPage(root: HTMLElement, engine: Engine, engineName: string, failed: () => void) {
  const announce = announcer();
  const { input, clear } = searchBox(root.querySelector("pagefind-input")!);
  const summary = el("div", { class: "pf-summary" });
  root.querySelector("pagefind-summary")!.replaceChildren(summary);
  const moreButton = root.querySelector<HTMLButtonElement>(".search-more")!;
  const results = new ResultList(root.querySelector("pagefind-results")!, moreButton, failed);
  const sortSelect = document.getElementById("search-sort") as HTMLSelectElement;
  let run: () => Promise<void> = async () => {};
  const filters = new FilterPane(
    root.querySelector("pagefind-filter-pane")!,
    engine,
    () => run().catch(failed),
    failed,
  );
  run = searcher({ root, engine, input, summary, results, filters, sortSelect, announce });
  let timer: ReturnType<typeof setTimeout> | undefined;

  moreButton.addEventListener("click", () => results.more());
  input.addEventListener("input", () => {
    clear.toggleAttribute("data-pf-suppressed", input.value === "");
    clearTimeout(timer);
    if (input.value.trim() !== "") engine.preload(input.value);
    timer = setTimeout(() => run().catch(failed), TYPING_PAUSE_MS);
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
  sortSelect.addEventListener("change", () => run().catch(failed));

  root.dataset.engine = engineName;
  root.dataset.state = "ready";
  const q = new URLSearchParams(location.search).get("q") || "";
  if (q) {
    input.value = q;
    clear.removeAttribute("data-pf-suppressed");
    await run();
  }
}
