// The search page (templates/search.njk): one page, one look, two engines. Bundled into /assets/search.js,
// a classic script, by src/search/page-scripts.ts.
//
// - Served over http(s): Pagefind (pagefind/pagefind.js, its JS API) answers, over every shard of the index
//   (pagefind-engine.ts).
// - Opened from disk (file:, where browsers refuse JS modules, so Pagefind cannot load) — or when the
//   Pagefind bundle cannot load: the fallback index of classic scripts in search/offline/
//   (src/search/offline-index.ts, each calling window.__archiveSearch) answers instead (offline-engine.ts).
//
// Both engines give the same interface (types.ts: search, loadFilter, totals, lastCounts) to one page
// (page.ts), which fills the <pagefind-…> elements of templates/search.njk with the markup of Pagefind's
// Component UI (same elements, classes and attributes: input, summary, results with title, date, outlet and
// excerpt, filter pane), styled by its pagefind-component-ui.css. Its own UI script is not used: it draws a
// placeholder for every result and counts every filter on every search, seconds each at 10,000 articles.
//
// The search is in the page's address (url-state.ts); names matching the query are suggested above the results
// (suggest.ts, over the MiniSearch index of search/suggest.js).
//
// The page marks its state on .search-layout: data-engine ("pagefind" | "offline"), data-state ("loading"
// | "ready" | "searching" | "done" | "error") and data-query (the text the shown results answer).
import { offlineEngine } from "./offline-engine.ts";
import { startSearchPage } from "./page.ts";
import { pagefindEngine } from "./pagefind-engine.ts";
import type { Engine } from "./types.ts";

function main(): void {
  const root = document.querySelector<HTMLElement>(".search-layout");
  if (!root) return;
  const urlOf = (name: string) => new URL(root.dataset[name]!, document.baseURI).href;
  root.dataset.state = "loading";
  // Typing starts a search (after the input's debounce): results on screen no longer answer the box.
  root.addEventListener("input", (event) => {
    if ((event.target as Element).matches("input[type=search]")) root.dataset.state = "searching";
  });
  // The from-disk index's term functions (/assets/search-terms.js, loaded before this script).
  const { stem, words, tokenize } = globalThis.__archiveTerms;

  const failed = () => {
    document.querySelector(".search-error")?.removeAttribute("hidden");
    root.dataset.state = "error";
  };

  async function start(root: HTMLElement): Promise<void> {
    if (location.protocol !== "file:") {
      let engine: Engine | null = null;
      try {
        const filterNames = (root.dataset.filters || "").split(" ").filter(Boolean);
        engine = await pagefindEngine(urlOf("pagefind"), urlOf("shards"), filterNames);
      } catch {
        // A server without the MIME types JS modules and wasm need cannot serve Pagefind: use the fallback.
      }
      if (engine) return startSearchPage(root, engine, "pagefind", failed);
    }
    const engine = await offlineEngine(urlOf("offlineIndex"), { stem, words, tokenize });
    return startSearchPage(root, engine, "offline", failed);
  }

  start(root).catch(failed);
}

main();
