// Names above the results: the people, parties, organizations, places and stories whose name or any
// variant matches the query, typo-tolerant, from the MiniSearch index of search/suggest.js
// (src/search/suggest-index.ts), a classic script loaded on first use, so it works from disk too.
import MiniSearch from "minisearch";
import { el, loadScript } from "./dom.ts";
import { foldTerm, SUGGEST_OPTIONS, SUGGEST_SEARCH, type SuggestDoc, type SuggestKind } from "./suggest-options.ts";

const KIND_LABELS: Record<SuggestKind, string> = {
  person: "Person",
  party: "Party",
  organization: "Organization",
  place: "Place",
  story: "Story",
};
/** Names shown at most, and the share of the best score a name needs to be shown with it. */
const MOST = 6;
const SHARE_OF_BEST = 0.25;

export interface Suggestion {
  doc: SuggestDoc;
  /** The variant the query matched, when it matched one and not the name. */
  variant: string | null;
}

/** `choose`: the page's way to browse a name's articles (its filter value) without reloading. */
export class Suggestions {
  private index: Promise<MiniSearch<SuggestDoc> | null> | null = null;
  private readonly siteRoot: URL;

  constructor(
    private readonly host: HTMLElement,
    private readonly url: string,
    private readonly choose: (kind: SuggestKind, name: string) => { href: string; go: () => void },
  ) {
    this.siteRoot = new URL("../", url);
  }

  /** The index, once loaded; null when it cannot load (the page works without suggestions). */
  private load(): Promise<MiniSearch<SuggestDoc> | null> {
    this.index ??= loadScript(this.url)
      .then(() => {
        const data = window.__archiveSuggest;
        return data ? MiniSearch.loadJS<SuggestDoc>(data.index, SUGGEST_OPTIONS) : null;
      })
      .catch(() => null);
    return this.index;
  }

  /** The names matching `text`, best first. */
  async find(text: string): Promise<Suggestion[]> {
    if (text.trim().length < 2) return [];
    const index = await this.load();
    if (!index) return [];
    const hits = index.search(text, SUGGEST_SEARCH);
    const best = hits[0]?.score ?? 0;
    return hits
      .filter((hit) => hit.score >= best * SHARE_OF_BEST)
      .slice(0, MOST)
      .map((hit) => {
        const doc = hit as unknown as SuggestDoc;
        const matched = new Set(hit.terms);
        const words = (name: string) => (SUGGEST_OPTIONS.tokenize?.(name) ?? []).map((w) => foldTerm(w) ?? "");
        const inName = words(doc.name).some((w) => matched.has(w));
        const variant = inName
          ? null
          : (doc.variants.split("|").find((v) => v && words(v).some((w) => matched.has(w))) ?? null);
        return { doc, variant };
      });
  }

  /** Draws `list` above the results (nothing when it is empty). */
  draw(list: Suggestion[], text: string): void {
    this.host.hidden = list.length === 0;
    if (list.length === 0) {
      this.host.replaceChildren();
      return;
    }
    const items = list.map(({ doc, variant }) => {
      const parts: (Node | string)[] = [
        el("span", { class: "search-suggestion__kind" }, KIND_LABELS[doc.kind]),
        " ",
        el("a", { href: new URL(doc.path, this.siteRoot).href }, doc.name),
      ];
      if (variant) parts.push(" ", el("span", { class: "search-suggestion__also" }, `(as “${variant}”)`));
      const count = `${doc.articles} ${doc.articles === 1 ? "article" : "articles"}`;
      if (doc.filter && doc.kind !== "story") {
        const { href, go } = this.choose(doc.kind, doc.name);
        const browse = el("a", { class: "search-suggestion__browse", href }, `show its ${count}`);
        browse.addEventListener("click", (event) => {
          event.preventDefault();
          go();
        });
        parts.push(" · ", browse);
      } else parts.push(` · ${count}`);
      return el("li", { class: "search-suggestion" }, ...parts);
    });
    this.host.replaceChildren(
      el("h2", { class: "search-suggestions__heading" }, `Names matching ${text}`),
      el("ul", { class: "search-suggestions__list" }, ...items),
    );
  }
}
