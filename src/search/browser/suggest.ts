// Names above the results: the people, parties, organizations, places and stories whose name or any
// variant matches the query, typo-tolerant, from the MiniSearch index of search/suggest.js
// (src/search/suggest-index.ts), a classic script loaded on first use, so it works from disk too.
import MiniSearch from "minisearch";
import { SEARCH_PAGE } from "../../settings.ts";
import { el, loadScript } from "./dom.ts";
import {
  foldTerm,
  fromRow,
  SUGGEST_OPTIONS,
  SUGGEST_SEARCH,
  type SuggestDoc,
  type SuggestKind,
  type SuggestRow,
} from "./suggest-options.ts";

const KIND_LABELS: Record<SuggestKind, string> = {
  person: "Person",
  party: "Party",
  organization: "Organization",
  place: "Place",
  story: "Story",
};
/** Names shown at most, and the share of the best score a name needs to be shown with it (src/settings.ts). */
const { suggestions: MOST, suggestionShareOfBest: SHARE_OF_BEST } = SEARCH_PAGE;

export interface Suggestion {
  doc: SuggestDoc;
  /** The variant the query matched, when it matched one and not the name. */
  variant: string | null;
}

const words = (name: string) => (SUGGEST_OPTIONS.tokenize?.(name) ?? []).map((w) => foldTerm(w) ?? "");

/**
 * How much of a name the query covers, weighing MiniSearch's score: "Balochistn" is nearer the place
 * Balochistan than the party Balochistan National Party-Mengal, and "Bugti" covers the variant "Bugti" of
 * Sarfraz Bugti whole. `variant`: the spelling it matched, when not the name.
 */
function covered(doc: SuggestDoc, matched: ReadonlySet<string>, score: number) {
  const share = (spelling: string) => {
    const tokens = words(spelling);
    return tokens.length ? tokens.filter((w) => matched.has(w)).length / tokens.length : 0;
  };
  let best = { spelling: doc.name, share: share(doc.name) };
  for (const spelling of doc.variants ? doc.variants.split("|") : []) {
    const s = share(spelling);
    if (s > best.share) best = { spelling, share: s };
  }
  const inName = words(doc.name).some((w) => matched.has(w));
  const variant = inName || best.spelling === doc.name ? null : best.spelling;
  return { score: score * (0.5 + 0.5 * best.share), variant };
}

/** `choose`: the page's way to browse a name's articles (its filter value) without reloading. */
export class Suggestions {
  private loaded: Promise<{ index: MiniSearch<SuggestDoc>; rows: SuggestRow[] } | null> | null = null;
  private readonly siteRoot: URL;

  constructor(
    private readonly host: HTMLElement,
    private readonly url: string,
    private readonly choose: (kind: SuggestKind, name: string) => { href: string; go: () => void },
  ) {
    this.siteRoot = new URL("../", url);
  }

  /** The index and its names, once loaded; null when they cannot load (the page works without suggestions). */
  private load() {
    this.loaded ??= loadScript(this.url)
      .then(() => {
        const data = window.__archiveSuggest;
        return data ? { index: MiniSearch.loadJS<SuggestDoc>(data.index, SUGGEST_OPTIONS), rows: data.rows } : null;
      })
      .catch(() => null);
    return this.loaded;
  }

  /** The names matching `text`, best first. */
  async find(text: string): Promise<Suggestion[]> {
    if (text.trim().length < 2) return [];
    const loaded = await this.load();
    if (!loaded) return [];
    const ranked = loaded.index
      .search(text, SUGGEST_SEARCH)
      .map((hit) => ({ hit, doc: fromRow(loaded.rows[hit.id], hit.id) }))
      .map(({ hit, doc }) => ({ doc, ...covered(doc, new Set(hit.terms), hit.score) }))
      .sort((a, b) => b.score - a.score);
    const best = ranked[0]?.score ?? 0;
    return ranked
      .filter(({ score }) => score >= best * SHARE_OF_BEST)
      .slice(0, MOST)
      .map(({ doc, variant }) => ({ doc, variant }));
  }

  /** Starts loading the names (on the first keystroke), so the first query's names come sooner. */
  preload(): void {
    this.load().catch(() => {});
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
