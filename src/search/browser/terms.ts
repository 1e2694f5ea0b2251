// How the from-disk search turns text into index terms. One file for both sides: the build
// (src/site/offline-index.ts evaluates it with node:vm) and the browser (the search page loads it
// before search.js), so the terms a query looks up are always made the way the index's were.
(() => {
  /**
   * A light English stemmer, so "killed", "kills" and "killing" meet at "kill" as they do in Pagefind
   * (which uses Snowball): plural -s/-es/-ies and -ed/-ing, with a doubled final consonant undone.
   */
  function stem(word) {
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
  function words(text) {
    const folded = text
      .normalize("NFKD")
      .replace(/\p{M}+/gu, "")
      .toLowerCase();
    return (folded.match(/[\p{L}\p{N}]+/gu) || []).filter((token) => token.length > 1);
  }

  /** Index terms of a text: its words, stemmed. */
  const tokenize = (text) => words(text).map(stem);

  globalThis.__archiveTerms = { stem, words, tokenize };
})();
