/**
 * An article's words as story grouping counts them (src/resolve/stories.ts): the stems (porter2) of its
 * headline's and its body's words of two characters or more, each stem once with its count, in the order
 * the text first uses it.
 *
 * They depend on the text alone, and stemming every word of every article is most of what grouping 10,000
 * articles costs; so a build can keep them between builds in a TextTermsCache keyed by a hash of the text
 * (src/cache: `TextTermsFile`), and a rebuild stems only the new and changed articles. The cache keeps each
 * text's terms as numbers into one dictionary of terms: read back, they are numbers, not a string per word
 * of every article (15 million strings, and as many lookups of them, at 50,000 articles).
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { stem } from "porter2";
import { codeVersion } from "../util/code-version.ts";

/** Words of a text: runs of letters and digits, lower-cased; numbers kept (a magnitude or a count tells events apart). */
const WORD = /[\p{L}\p{N}]+/gu;

/** Distinct terms of a text in first-use order, with how many times each occurs. */
export interface CountedTerms {
  terms: string[];
  counts: number[];
}

export interface TextTerms {
  title: CountedTerms;
  body: CountedTerms;
}

/**
 * A text's terms as a cache keeps them: whole numbers separated by spaces — the number of the headline's
 * terms, then a term number and its count for each term, the headline's then the body's, each in first-use
 * order. A term number is the term's place in the cache's dictionary (`TextTermsCache.term`). One string per
 * text, read without making any other (`forEachNumberedTerm`): as an array, each number took a pointer's
 * 8 bytes, and 50,000 articles' terms 0.2 GiB more than their strings.
 */
export type NumberedTerms = string;

/** Calls `use` with each term of `numbered` in order: its number in the cache, its count, and whether the headline's. */
export function forEachNumberedTerm(
  numbered: NumberedTerms,
  use: (cacheNumber: number, count: number, inHeadline: boolean) => void,
): void {
  let headlineTerms = -1;
  let term = -1;
  let value = 0;
  let seen = 0;
  for (let at = 0; at <= numbered.length; at++) {
    const code = at < numbered.length ? numbered.charCodeAt(at) : 32;
    if (code !== 32) {
      value = value * 10 + (code - 48);
      continue;
    }
    if (headlineTerms < 0) headlineTerms = value;
    else if (term < 0) term = value;
    else {
      use(term, value, seen < headlineTerms);
      seen++;
      term = -1;
    }
    value = 0;
  }
}

/** Text terms kept between builds, by a hash of the text (`textTerms`). */
export interface TextTermsCache {
  get(key: string): NumberedTerms | undefined;
  /** Keeps `terms` under `key`, numbering the terms the dictionary lacks; returns them numbered. */
  set(key: string, terms: TextTerms): NumberedTerms;
  /** The term numbered `id`. */
  term(id: number): string;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** What cached terms were made with: this file and the stemmer. */
export function textTermsVersion(): string {
  return codeVersion(ROOT, ["src/resolve/text-terms.ts", "node_modules/porter2/package.json"]);
}

/** Stems by word, kept for the life of the process: `npm start` rebuilds in one process and meets the same words. */
const stems = new Map<string, string>();

function stemOf(word: string): string {
  let stemmed = stems.get(word);
  if (stemmed === undefined) {
    stemmed = stem(word);
    stems.set(word, stemmed);
  }
  return stemmed;
}

function countTerms(text: string): CountedTerms {
  const at = new Map<string, number>();
  const terms: string[] = [];
  const counts: number[] = [];
  for (const [word] of text.toLowerCase().matchAll(WORD)) {
    if (word.length < 2) continue;
    const term = stemOf(word);
    const index = at.get(term);
    if (index === undefined) {
      at.set(term, terms.length);
      terms.push(term);
      counts.push(1);
    } else counts[index]++;
  }
  return { terms, counts };
}

/** The terms of an article's headline and body. */
export function textTerms(title: string, body: string): TextTerms {
  return { title: countTerms(title), body: countTerms(body) };
}

/** What a TextTermsCache keeps an article's terms under: a hash of its headline and body. */
export function textKey(title: string, body: string): string {
  return createHash("sha1").update(title).update("\u0000").update(body).digest("base64url");
}

/** The terms of an article's headline and body, numbered, from `cache` when it has them (else kept there). */
export function numberedTextTerms(
  title: string,
  body: string,
  cache: TextTermsCache,
  key = textKey(title, body),
): NumberedTerms {
  return cache.get(key) ?? cache.set(key, textTerms(title, body));
}
