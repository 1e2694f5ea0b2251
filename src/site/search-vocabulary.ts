/**
 * What a search-index shard indexed with an older vocabulary lacks, so that adding an article with a new
 * word indexes one shard again, not all of them.
 *
 * With several shards each holds a hidden record of the archive's whole vocabulary (src/site/search-shards.ts),
 * so each completes a word as one index over everything would. A new article usually brings a word no other
 * article has; indexing every shard again to teach them that word made adding one article to 10,000 cost three
 * Pagefind runs instead of one. Instead, a shard whose articles are unchanged keeps its index and the manifest
 * lists its *loose stems*: each new stem it lacks, with the length from which the stem's prefixes are ones the
 * shard cannot complete. A query term whose stem is such a prefix matches none of the shard's pages in a
 * complete index, while the stale shard would answer it with loose matches (Pagefind's fallback for a word it
 * cannot complete), so the search page (templates/assets/search.js) leaves the shard out of that query.
 *
 * Terms are compared as Pagefind compares them: folded to lower case without accents and stemmed with Snowball's
 * English stemmer (the porter2 package; Pagefind's stemmer implements the same algorithm). The terms taken from
 * the vocabulary are a superset of Pagefind's — every word whole, without its punctuation, and split at it — so
 * a shard's own pages always complete what the shard can complete, and it is never left out of a query they
 * answer.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { stem } from "porter2";

/** A stem a shard lacks, and the length of its shortest prefix the shard cannot complete. */
export type LooseStem = [stem: string, from: number];

/**
 * Most loose terms of a vocabulary before the shards indexed with it are indexed again: the search page loads
 * the lists (one per vocabulary still in use, about 15 bytes a term), so they stay within some kilobytes.
 */
export const MAX_LOOSE_STEMS = 1000;

/** Where the stems of each vocabulary a shard in the site was indexed with are kept, relative to the site. */
const STEMS_DIR = ".news-archive/search-stems";

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
export function vocabularyStems(vocabulary: string): string[] {
  const stems = new Set<string>();
  for (const piece of vocabulary.split(/\s+/)) {
    const whole = fold(piece).replace(/[^\p{L}\p{N}]+/gu, "");
    if (!whole) continue;
    stems.add(whole);
    stems.add(stem(whole));
    // Pagefind also splits where a lower-case letter meets a capital ("PkNAP": "pk", "nap").
    for (const part of piece.split(/[^\p{L}\p{N}]+|(?<=\p{Ll})(?=\p{Lu})/u)) if (part) stems.add(stem(fold(part)));
  }
  return [...stems].sort();
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
 * The loose stems of a shard indexed with `shardStems` in an archive whose stems are now `currentStems` (both
 * sorted), or null when the shard knows a stem the archive no longer has: its hidden record would complete
 * words no page has, so the shard is indexed again.
 */
export function looseStems(shardStems: readonly string[], currentStems: readonly string[]): LooseStem[] | null {
  const current = new Set(currentStems);
  if (shardStems.some((known) => !current.has(known))) return null;
  const known = new Set(shardStems);
  const loose: LooseStem[] = [];
  for (const candidate of currentStems) {
    if (known.has(candidate)) continue;
    // In sorted order, the stems sharing the longest prefix with the candidate are its neighbours.
    const at = lowerBound(shardStems, candidate);
    const shared = Math.max(
      at > 0 ? commonPrefixLength(candidate, shardStems[at - 1]) : 0,
      at < shardStems.length ? commonPrefixLength(candidate, shardStems[at]) : 0,
    );
    // A stem that starts a known stem is completed by it, whatever its length.
    if (shared < candidate.length) loose.push([candidate, shared + 1]);
  }
  return loose;
}

/** Name under which a vocabulary's stems are kept: a hash of them. */
export function stemsId(stems: readonly string[]): string {
  return createHash("sha256").update(stems.join("\n")).digest("base64url").slice(0, 16);
}

export async function writeStems(siteDir: string, stems: readonly string[]): Promise<void> {
  await mkdir(path.join(siteDir, STEMS_DIR), { recursive: true });
  await writeFile(path.join(siteDir, STEMS_DIR, `${stemsId(stems)}.txt`), `${stems.join("\n")}\n`);
}

/** The stems kept in `siteDir` under `id`, or null when there are none (or they do not match their name). */
export async function readStems(siteDir: string, id: string): Promise<string[] | null> {
  try {
    const text = await readFile(path.join(siteDir, STEMS_DIR, `${id}.txt`), "utf8");
    const stems = text.split("\n").filter(Boolean);
    return stemsId(stems) === id ? stems : null;
  } catch {
    return null;
  }
}

export const stemsPath = (id: string) => `${STEMS_DIR}/${id}.txt`;
