// <pagefind-results> and the "More results" button: results drawn a page at a time, each a placeholder
// until it scrolls into view (the first few come filled).
import { SEARCH_PAGE } from "../../settings.ts";
import { el } from "./dom.ts";
import type { ResultData, ResultLoader } from "./types.ts";

/** Results are shown a page at a time, this many (src/settings.ts). */
export const RESULTS_PAGE = SEARCH_PAGE.resultsPage;

const resultItem = (result: ResultData) =>
  el(
    "li",
    { class: "pf-result" },
    el(
      "div",
      { class: "pf-result-card" },
      el(
        "div",
        { class: "pf-result-content" },
        el("p", { class: "pf-result-title" }, el("a", { class: "pf-result-link", href: result.url }, result.title)),
        el(
          "p",
          { class: "search-result-meta" },
          result.date ? el("time", { datetime: result.date }, result.dateLabel || result.date) : "Undated",
          ...(result.outlet ? [` · ${result.outlet}`] : []),
        ),
        ...(result.excerpt.length
          ? [
              el(
                "p",
                { class: "pf-result-excerpt" },
                ...result.excerpt.map(([text, marked]) => (marked ? el("mark", {}, text) : text)),
              ),
            ]
          : []),
      ),
    ),
  );

const placeholder = () =>
  el(
    "li",
    { class: "pf-result", "aria-hidden": "true" },
    el(
      "div",
      { class: "pf-result-card" },
      el("div", { class: "pf-skeleton pf-skeleton-image" }),
      el(
        "div",
        { class: "pf-result-content" },
        el("p", { class: "pf-result-title pf-skeleton pf-skeleton-title" }),
        el("p", { class: "pf-result-excerpt pf-skeleton pf-skeleton-excerpt" }),
      ),
    ),
  );

/** The results list, inside <pagefind-results>. */
export class ResultList {
  readonly list = el("ul", { class: "pf-results", "aria-label": "Search results", "aria-busy": "false" });
  /** Results found by the last search; the first `shown` of them are drawn. */
  private loaders: ResultLoader[] = [];
  private shown = RESULTS_PAGE;
  /** Placeholder element → [result index, loader], for the placeholders not yet in view. */
  private pending = new Map<Element, [number, ResultLoader]>();
  private observer: IntersectionObserver | null = null;

  constructor(
    host: Element,
    private readonly moreButton: HTMLButtonElement,
    private readonly failed: () => void,
  ) {
    host.replaceChildren(this.list);
  }

  /** Draws the next page of results; for the "More results" button. */
  more(): void {
    const from = this.shown;
    this.shown += RESULTS_PAGE;
    this.drawPlaceholders(from);
  }

  /**
   * Like the Component UI, a placeholder per result shown, each filled when it scrolls into view; `first`:
   * the data of the first results, fetched before drawing, drawn filled.
   */
  draw(loaders: ResultLoader[], first: ResultData[] = []): void {
    this.observer?.disconnect();
    this.list.replaceChildren();
    this.list.setAttribute("aria-busy", "false");
    this.loaders = loaders;
    this.shown = RESULTS_PAGE;
    this.pending = new Map();
    this.observer = new IntersectionObserver((entries) => this.fill(entries), { rootMargin: "50px", threshold: 0.01 });
    first.forEach((result, index) => {
      const item = resultItem(result);
      item.setAttribute("data-pf-result-index", String(index));
      this.list.append(item);
    });
    this.drawPlaceholders(first.length);
  }

  /** Fills the placeholders that came into view. */
  private fill(entries: IntersectionObserverEntry[]): void {
    const { pending, observer } = this;
    for (const entry of entries) {
      if (!entry.isIntersecting || !pending.has(entry.target)) continue;
      const [index, loadResult] = pending.get(entry.target)!;
      pending.delete(entry.target);
      observer!.unobserve(entry.target);
      const slot = entry.target;
      loadResult()
        .then((result) => {
          const item = resultItem(result);
          item.setAttribute("data-pf-result-index", String(index));
          slot.replaceWith(item);
        })
        .catch(this.failed);
    }
  }

  private drawPlaceholders(from: number): void {
    this.loaders.slice(from, this.shown).forEach((loadResult, offset) => {
      const index = from + offset;
      const slot = placeholder();
      slot.setAttribute("data-pf-result-index", String(index));
      this.pending.set(slot, [index, loadResult]);
      this.list.append(slot);
      this.observer!.observe(slot);
    });
    this.moreButton.hidden = this.loaders.length <= this.shown;
  }
}
