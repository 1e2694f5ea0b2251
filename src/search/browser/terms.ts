// How the from-disk search turns text into index terms. One module for both sides: the build
// (src/search/offline-index.ts imports it) and the browser (bundled into /assets/search-terms.js, which the
// search page loads before search.js: src/search/page-scripts.ts), so the terms a query looks up are always
// made the way the index's were.

/**
 * A light English stemmer, so "killed", "kills" and "killing" meet at "kill" as they do in Pagefind
 * (which uses Snowball): plural -s/-es/-ies and -ed/-ing, with a doubled final consonant undone.
 */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  let base = word;
  if (word.endsWith("ing") && word.length > 5) base = word.slice(0, -3);
  else if (word.endsWith("ed") && word.length > 4) base = word.slice(0, -2);
  else if (/(x|ch|sh|ss)es$/.test(word)) return word.slice(0, -2);
  else if (/[^su]s$/.test(word) && !word.endsWith("is")) return word.slice(0, -1);
  else return word;
  return /([bdfgmnprt])\1$/.test(base) ? base.slice(0, -1) : base;
}

/** Lower-case, accents folded, split on anything but letters and digits; one-character tokens dropped. */
export function words(text: string): string[] {
  const folded = text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
  return (folded.match(/[\p{L}\p{N}]+/gu) || []).filter((token) => token.length > 1);
}

/** Index terms of a text: its words, stemmed. */
export const tokenize = (text: string): string[] => words(text).map(stem);

/** What /assets/search-terms.js sets on the page, for search.js. */
export interface TermFunctions {
  stem: typeof stem;
  words: typeof words;
  tokenize: typeof tokenize;
}
