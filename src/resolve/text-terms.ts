/**
 * An article's words as story grouping counts them (src/resolve/stories.ts): the stems (porter2) of its
 * headline's and its body's words of two characters or more, each stem once with its count, in the order
 * the text first uses it.
 *
 * They depend on the text alone, and stemming every word of every article is most of what grouping 10,000
 * articles costs; so a build can keep them between builds in a TextTermsCache keyed by a hash of the text
 * (src/cache: `TextTermsFile`), and a rebuild stems only the new and changed articles.
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

/** Text terms kept between builds, by `textKey`; values are `encodeTerms` strings. */
export interface TextTermsCache {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
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

/** A stem is letters and digits only, so spaces and newlines can separate them. */
function encode({ title, body }: TextTerms): string {
  const line = ({ terms, counts }: CountedTerms) => terms.map((term, i) => `${term} ${counts[i]}`).join(" ");
  return `${line(title)}\n${line(body)}`;
}

function decode(text: string): TextTerms | null {
  const lines = text.split("\n");
  if (lines.length !== 2) return null;
  const [title, body] = lines.map((line): CountedTerms => {
    const parts = line ? line.split(" ") : [];
    const terms: string[] = [];
    const counts: number[] = [];
    for (let i = 0; i + 1 < parts.length; i += 2) {
      terms.push(parts[i]);
      counts.push(Number(parts[i + 1]));
    }
    return { terms, counts };
  });
  return { title, body };
}

/** The terms of an article's headline and body, from `cache` when it has them. */
export function textTerms(title: string, body: string, cache?: TextTermsCache): TextTerms {
  if (!cache) return { title: countTerms(title), body: countTerms(body) };
  const key = createHash("sha1").update(title).update("\u0000").update(body).digest("base64url");
  const cached = cache.get(key);
  const known = cached === undefined ? null : decode(cached);
  if (known) return known;
  const made = { title: countTerms(title), body: countTerms(body) };
  cache.set(key, encode(made));
  return made;
}
