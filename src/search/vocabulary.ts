/**
 * What a search-index shard indexed with an older vocabulary lacks, so that adding an article with a new
 * word indexes one shard again, not all of them.
 *
 * With several shards each holds a hidden record of the archive's whole vocabulary (src/search/shards.ts),
 * so each completes a word as one index over everything would. A new article usually brings a word no other
 * article has; indexing every shard again to teach them that word made adding one article to 10,000 cost three
 * Pagefind runs instead of one. Instead, a shard whose articles are unchanged keeps its index and the manifest
 * lists its *loose terms*: each term of today's vocabulary it lacks, with the length from which the term's
 * prefixes are ones the shard cannot complete. A query term that is such a prefix matches none of the shard's
 * pages in a complete index, while the stale shard would answer it with loose matches (Pagefind's fallback for
 * a word it cannot complete), so the search page (src/search/browser/search.ts) leaves the shard out of that query.
 *
 * Terms are words as Pagefind matches them: folded to lower case without accents and stemmed with Snowball's
 * English stemmer (the porter2 package; Pagefind's stemmer implements the same algorithm). The terms taken from a
 * vocabulary are a superset of what Pagefind indexes of it (see vocabularyTerms; test/search-vocabulary.test.ts
 * checks it against Pagefind's own index), so a shard's own pages complete what the shard can complete, and it
 * is never left out of a query they answer.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { stem } from "porter2";
import { SEARCH_INDEX } from "../settings.ts";

/** A term a shard lacks, and the length of its shortest prefix the shard cannot complete. */
export type LooseTerm = [term: string, from: number];

/** Most loose terms of a vocabulary before the shards indexed with it are indexed again (src/settings.ts). */
export const MAX_LOOSE_TERMS = SEARCH_INDEX.maxLooseTerms;

/** Where the terms of each vocabulary a shard in the site was indexed with are kept, relative to the site. */
const TERMS_DIR = ".news-archive/vocabulary-terms";

/** Lower case, accents folded, as Pagefind folds both pages and queries. */
const fold = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();

/**
 * Terms of a whitespace-separated vocabulary, sorted: a superset of those Pagefind indexes of it, as far as a
 * query can reach them. Each word whole and split as Pagefind splits it, stemmed, and whole unstemmed too:
 * Pagefind leaves a word it cannot stem as written ("peace…"), and a query, stripped of punctuation, reaches
 * such a word through the prefixes of its letters.
 */
export function vocabularyTerms(vocabulary: string): string[] {
  const terms = new Set<string>();
  for (const piece of vocabulary.split(/\s+/)) {
    const whole = fold(piece).replace(/[^\p{L}\p{N}]+/gu, "");
    if (!whole) continue;
    terms.add(whole);
    terms.add(stem(whole));
    // Pagefind also splits where a lower-case letter meets a capital ("PkNAP": "pk", "nap").
    for (const part of piece.split(/[^\p{L}\p{N}]+|(?<=\p{Ll})(?=\p{Lu})/u)) if (part) terms.add(stem(fold(part)));
  }
  return [...terms].sort();
}

const commonPrefixLength = (a: string, b: string) => {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
};

/** Index of the first of `sorted` not below `value`. */
function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The loose terms of a shard indexed with `shardTerms` in an archive whose terms are now `currentTerms` (both
 * sorted), or null when the shard knows a term the archive no longer has: its hidden record would complete
 * words no page has, so the shard is indexed again.
 *
 * With `knownGone`, such a shard is kept: beside a delta, the pages that had the term are superseded (no page of
 * the archive has it), so the words the shard completes with it find only pages the search page drops, as a
 * complete index finds none; a shard completing with it never falls back to loose matches either.
 */
export function looseTerms(
  shardTerms: readonly string[],
  currentTerms: readonly string[],
  knownGone = false,
): LooseTerm[] | null {
  const current = new Set(currentTerms);
  if (!knownGone && shardTerms.some((known) => !current.has(known))) return null;
  const known = new Set(shardTerms);
  const loose: LooseTerm[] = [];
  for (const candidate of currentTerms) {
    if (known.has(candidate)) continue;
    // In sorted order, the terms sharing the longest prefix with the candidate are its neighbours.
    const at = lowerBound(shardTerms, candidate);
    const shared = Math.max(
      at > 0 ? commonPrefixLength(candidate, shardTerms[at - 1]) : 0,
      at < shardTerms.length ? commonPrefixLength(candidate, shardTerms[at]) : 0,
    );
    // A term that starts a known term is completed by it, whatever its length.
    if (shared < candidate.length) loose.push([candidate, shared + 1]);
  }
  return loose;
}

/** Name under which a vocabulary's terms are kept: a hash of them. */
export function termsId(terms: readonly string[]): string {
  return createHash("sha256").update(terms.join("\n")).digest("base64url").slice(0, 16);
}

export async function writeTerms(siteDir: string, terms: readonly string[]): Promise<void> {
  await mkdir(path.join(siteDir, TERMS_DIR), { recursive: true });
  await writeFile(path.join(siteDir, TERMS_DIR, `${termsId(terms)}.txt`), `${terms.join("\n")}\n`);
}

/** The terms kept in `siteDir` under `id`, or null when there are none (or they do not match their name). */
export async function readTerms(siteDir: string, id: string): Promise<string[] | null> {
  try {
    const text = await readFile(path.join(siteDir, TERMS_DIR, `${id}.txt`), "utf8");
    const terms = text.split("\n").filter(Boolean);
    return termsId(terms) === id ? terms : null;
  } catch {
    return null;
  }
}

export const termsPath = (id: string) => `${TERMS_DIR}/${id}.txt`;
