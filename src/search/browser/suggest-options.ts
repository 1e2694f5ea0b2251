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

/** A name as search/suggest.js carries it, compactly: [kind, name, variants, path less "index.html", articles, filter]. */
export type SuggestRow = [
  kind: number,
  name: string,
  variants: string,
  folder: string,
  articles: number,
  filter: 0 | 1,
];

const KINDS: SuggestKind[] = ["person", "party", "organization", "place", "story"];

export function toRow(doc: SuggestDoc): SuggestRow {
  const folder = doc.path.replace(/index\.html$/, "");
  return [KINDS.indexOf(doc.kind), doc.name, doc.variants, folder, doc.articles, doc.filter ? 1 : 0];
}

export function fromRow([kind, name, variants, folder, articles, filter]: SuggestRow, id: number): SuggestDoc {
  return { id, kind: KINDS[kind], name, variants, path: `${folder}index.html`, articles, filter: filter === 1 };
}

/**
 * What search/suggest.js hands to the page (window.__archiveSuggest): the MiniSearch index, and the names
 * by id (as rows: MiniSearch's own stored fields, an object per name, took twice the bytes).
 */
export interface SuggestData {
  version: 2;
  index: AsPlainObject;
  rows: SuggestRow[];
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
