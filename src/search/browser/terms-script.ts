// Entry point of /assets/search-terms.js (src/search/page-scripts.ts): the term functions, for search.js.
import { stem, tokenize, words } from "./terms.ts";

globalThis.__archiveTerms = { stem, words, tokenize };
