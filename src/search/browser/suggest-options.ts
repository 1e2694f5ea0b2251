// The entity suggestions' MiniSearch index: one module for the build that makes it (src/search/suggest-index.ts)
// and the search page that loads it (suggest.ts), so both make its terms the same way.
import type { AsPlainObject, Options, SearchOptions } from "minisearch";

export type SuggestKind = "person" | "party" | "organization" | "place" | "story";

/** A name the search page can suggest: an entity or a story. */
export interface SuggestDoc {
  id: number;
  kind: SuggestKind;
  name: string;
  /** Other spellings, abbreviations and short forms, "|"-separated. */
  variants: string;
  /** Its page, from the site's root folder ("people/x/index.html"). */
  path: string;
  articles: number;
  /** Whether the name is a value of the search page's filter of its kind. */
  filter: boolean;
}

/** What search/suggest.js hands to the page (window.__archiveSuggest). */
export interface SuggestData {
  version: 1;
  index: AsPlainObject;
}

/** Lower case, accents folded, apostrophes dropped ("Sarfraz's" → "sarfrazs" is not wanted: "sarfraz"). */
export function foldTerm(term: string): string | null {
  const folded = term
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/['’]s$/u, "")
    .replace(/['’.]/gu, "");
  return folded.length > 0 ? folded : null;
}

export const SUGGEST_OPTIONS: Options<SuggestDoc> = {
  fields: ["name", "variants"],
  storeFields: ["kind", "name", "variants", "path", "articles", "filter"],
  tokenize: (text) => text.split(/[^\p{L}\p{N}'’.]+/u).filter(Boolean),
  processTerm: foldTerm,
};

/**
 * Typo-tolerant: a word of four letters or more matches words one edit away (two from nine letters); a word
 * of three or more also matches the names it begins, as it is being typed.
 */
export const SUGGEST_SEARCH: SearchOptions = {
  boost: { name: 2 },
  prefix: (term) => term.length >= 3,
  fuzzy: (term) => (term.length >= 9 ? 2 : term.length >= 4 ? 1 : false),
  maxFuzzy: 2,
  combineWith: "OR",
};
