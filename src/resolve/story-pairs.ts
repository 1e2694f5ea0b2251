/**
 * Pairs of articles worth comparing for story grouping (src/resolve/stories.ts), with their similarity: those
 * sharing enough of their heaviest terms. Comparing every pair is quadratic; two reports of one event share
 * their most distinctive words.
 *
 * A build keeps its pairs for the next (`StoryPairsCache`; src/cache: `StoryPairsFile`). Two articles'
 * similarity depends on their own terms and entities, on the weights of those terms (each a function of how
 * many articles have it and of the archive's size, both in steps: src/resolve/story-vectors.ts) and on whether
 * a term they are indexed by is in too many articles to find pairs. A rebuild works out again the pairs of the
 * articles that are new or changed, or have a term whose weight, or whether another article has it, changed,
 * or are indexed by a term that crossed the limit; every other pair is kept as it was, and, the sums being
 * exact, is the number a cold build would work out.
 */
import { hash } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ArticleRecord } from "../types.ts";
import { codeVersion } from "../util/code-version.ts";
import { compareStrings } from "../util/group.ts";
import { STORY_SETTINGS } from "./settings.ts";
import {
  cosineWith,
  inverseFrequency,
  octaveSteps,
  spreadOut,
  type TermNumbers,
  type Vector,
  type WeighedArticles,
} from "./story-vectors.ts";

/** Each article's similarity to the articles it was compared with, both ways, by the articles' numbers. */
export type Similarities = Map<number, Map<number, number>>;

/** What a build keeps of its story pairs for the next: the articles, their terms and their pairs. */
export interface KeptPairs {
  /** Each article's story inputs (storyInputDigest), in the order the pairs number them. */
  digests: string[];
  /** Every term of those articles, and how many of them have it. */
  terms: string[];
  df: Int32Array;
  /** Article a's index terms (numbers into `terms`) are indexTerms[indexStart[a] .. indexStart[a + 1]). */
  indexStart: Int32Array;
  indexTerms: Int32Array;
  /** Pair p: articles pairA[p] < pairB[p], similarity pairS[p]. */
  pairA: Int32Array;
  pairB: Int32Array;
  pairS: Float64Array;
}

/** Story pairs kept from one build to the next. */
export interface StoryPairsCache {
  /** The last build's pairs, if they were made by this code. */
  kept(): KeptPairs | undefined;
  /** Keeps this build's; `compared` articles had their pairs worked out (the others' were kept). */
  keep(pairs: KeptPairs, compared: number): void;
}

const DAY_MS = 86_400_000;

/** What corroboration compares of an article, worked out once per article rather than once per pair. */
interface EventFacts {
  /** Publication day (days since the epoch), or null without a full date. */
  day: number | null;
  places: Set<string>;
  /** What the article counts ("militants killed"), whatever the number. */
  kinds: Set<string>;
}

function eventFacts(a: ArticleRecord): EventFacts {
  return {
    day: a.date && a.date.length >= 10 ? Date.parse(a.date) / DAY_MS : null,
    places: new Set(a.places),
    kinds: new Set(a.figures.map((f) => `${f.category}\u0000${f.outcome}`)),
  };
}

/**
 * Evidence of one event beyond wording: two articles published within days of each other that
 * name a place in common and count the same kinds of people (militants killed, civilians killed)
 * are following one event as its counts change; a debate on an attack shares few words with
 * the first report of it but reports the same tallies.
 */
function corroboration(a: EventFacts, b: EventFacts): number {
  if (a.day === null || b.day === null || Math.abs(a.day - b.day) > STORY_SETTINGS.corroborationDays) return 0;
  if (a.kinds.size === 0 || b.kinds.size === 0) return 0;
  if (![...a.places].some((p) => b.places.has(p))) return 0;
  let shared = 0;
  for (const kind of a.kinds) if (b.kinds.has(kind)) shared++;
  return (STORY_SETTINGS.corroborationWeight * shared) / Math.min(a.kinds.size, b.kinds.size);
}

/**
 * The terms of vector v shared with another article (df above 1), its `limit` heaviest, heaviest first,
 * ties by term: what firstOf would pick with that order, but comparing only the positions at least as heavy
 * as the limit-th weight (found by sorting the weights as numbers), not every position against the list
 * picked so far. `scratch` holds positions and weights (as long as the longest vector).
 */
function heaviestShared(
  v: Vector,
  df: Int32Array,
  limit: number,
  numbers: TermNumbers,
  scratch: { positions: Int32Array; weights: Float64Array },
): number[] {
  const { positions } = scratch;
  let n = 0;
  for (let k = 0; k < v.ids.length; k++) if (df[v.ids[k]] > 1) positions[n++] = k;
  if (n > limit) {
    for (let p = 0; p < n; p++) scratch.weights[p] = v.weights[positions[p]];
    const least = nthSmallest(scratch.weights, n, n - limit);
    let kept = 0;
    for (let p = 0; p < n; p++) if (v.weights[positions[p]] >= least) positions[kept++] = positions[p];
    n = kept;
  }
  const heavier = (x: number, y: number) =>
    v.weights[y] - v.weights[x] || compareStrings(numbers.terms[v.ids[x]], numbers.terms[v.ids[y]]);
  return Array.from(positions.subarray(0, n))
    .sort(heavier)
    .slice(0, limit)
    .map((k) => v.ids[k]);
}

/**
 * The k-th smallest (from 0) of the first n values of `values`, which it reorders: what sorting them and taking
 * the k-th gives, found by selection (Hoare's), in time linear in n rather than n log n.
 */
export function nthSmallest(values: Float64Array, n: number, k: number): number {
  let low = 0;
  let high = n - 1;
  while (low < high) {
    const pivot = values[(low + high) >>> 1];
    let i = low;
    let j = high;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const swap = values[i];
        values[i] = values[j];
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) high = j;
    else if (k >= i) low = i;
    else return values[k];
  }
  return values[k];
}

/** Each record's story inputs digest, with the text key it was made with (`storyInputDigest`). */
const storyDigests = new WeakMap<ArticleRecord, { textKey: string; digest: string }>();

/**
 * Everything an article's similarities depend on besides the other articles: its slug, its text (by its key in
 * the text terms' cache), its date, its entities in order (the order its terms are counted in) and the kinds of
 * people it counts. Equal digests, equal inputs.
 */
function storyInputDigest(a: ArticleRecord, textKey: string): string {
  // A record's story inputs never change once it is made, and npm start keeps unchanged records between
  // saves (src/resolve/kept-records.ts): each record's digest is worked out once.
  const known = storyDigests.get(a);
  if (known?.textKey === textKey) return known.digest;
  const inputs = [
    a.slug,
    textKey,
    a.date,
    a.people,
    a.organizations,
    a.places,
    a.figures.map((f) => [f.category, f.outcome]),
  ];
  const digest = hash("sha1", JSON.stringify(inputs), "base64url");
  storyDigests.set(a, { textKey, digest });
  return digest;
}

/** Articles sharing at least this many index terms are compared. */
const minSharedFor = (articles: number) =>
  articles <= STORY_SETTINGS.compareAllBelow ? 1 : STORY_SETTINGS.minSharedTerms;

/** A term finds pairs unless it indexes more articles than this. */
const findsPairs = (postings: number) => postings <= STORY_SETTINGS.maxPostings;

/**
 * What a rebuild keeps of the last build's pairs: which articles are the same, which have vectors that did
 * not change, and their index terms, renumbered.
 */
class Reuse {
  /** This build's article number → the kept one, or -1. */
  private readonly keptOf: Int32Array;
  /** The kept article number → this build's, or -1. */
  private readonly currentOf: Int32Array;
  private readonly keptTermAt: Map<string, number>;
  /** This build's number of each kept term met so far, by its kept number (-1 not yet looked up, -2 none). */
  private readonly currentTermOf: Int32Array;
  /** 1 for an article whose vector may have changed. */
  readonly revectored: Uint8Array;

  constructor(
    private readonly kept: KeptPairs,
    digests: string[],
    weighed: WeighedArticles,
    private readonly numbers: TermNumbers,
  ) {
    const n = digests.length;
    const before = kept.digests.length;
    const keptAt = new Map(kept.digests.map((digest, k) => [digest, k]));
    this.keptOf = new Int32Array(n).fill(-1);
    this.currentOf = new Int32Array(before).fill(-1);
    digests.forEach((digest, i) => {
      const k = keptAt.get(digest);
      if (k !== undefined && this.currentOf[k] < 0) {
        this.keptOf[i] = k;
        this.currentOf[k] = i;
      }
    });
    this.keptTermAt = new Map(kept.terms.map((term, k) => [term, k]));
    this.currentTermOf = new Int32Array(kept.terms.length).fill(-1);
    // A term whose weight changed, or that another article now has or no longer has, changes the vectors
    // (or the index terms) of every article having it.
    const changed = new Uint8Array(numbers.terms.length);
    numbers.terms.forEach((term, t) => {
      const k = this.keptTermAt.get(term);
      const dfBefore = k === undefined ? 0 : kept.df[k];
      const weightNow = inverseFrequency(n, weighed.df[t]);
      const weightBefore = inverseFrequency(before, dfBefore);
      // Whether the term is shared follows from its weight in steps (one article and two are a step apart);
      // asked on its own all the same, so that this rule does not rest on how the steps are cut.
      const sharedNow = weightNow > 0 && weighed.df[t] > 1;
      const sharedBefore = weightBefore > 0 && dfBefore > 1;
      if (weightNow !== weightBefore || sharedNow !== sharedBefore) changed[t] = 1;
    });
    this.revectored = new Uint8Array(n);
    weighed.counts.forEach((c, i) => {
      if (this.keptOf[i] < 0 || c.ids.some((t) => changed[t] === 1)) this.revectored[i] = 1;
    });
  }

  /** Article i's index terms as the last build chose them, if its vector is unchanged. */
  indexTerms(i: number): number[] | undefined {
    if (this.revectored[i]) return undefined;
    const k = this.keptOf[i];
    const terms: number[] = [];
    for (let p = this.kept.indexStart[k]; p < this.kept.indexStart[k + 1]; p++) {
      const t = this.currentTerm(this.kept.indexTerms[p]);
      if (t === undefined) {
        this.revectored[i] = 1; // cannot be, an unchanged article having its terms; worked out again if it is
        return undefined;
      }
      terms.push(t);
    }
    return terms;
  }

  /** This build's number of kept term `k`, looked up by its text once however many articles it indexes. */
  private currentTerm(k: number): number | undefined {
    let t = this.currentTermOf[k];
    if (t === -1) {
      t = this.numbers.numberOf(this.kept.terms[k]) ?? -2;
      this.currentTermOf[k] = t;
    }
    return t === -2 ? undefined : t;
  }

  /**
   * 1 for each article whose pairs are worked out again: its vector changed, or one of its index terms
   * crossed the limit of articles it may index (its pairs through that term appear or go).
   */
  toCompare(byTerm: Map<number, number[]>): Uint8Array {
    const compare = Uint8Array.from(this.revectored);
    const postingsBefore = new Int32Array(this.kept.terms.length);
    for (const t of this.kept.indexTerms) postingsBefore[t]++;
    for (const [t, list] of byTerm) {
      const k = this.keptTermAt.get(this.numbers.terms[t]);
      if (findsPairs(list.length) !== findsPairs(k === undefined ? 0 : postingsBefore[k]))
        for (const i of list) compare[i] = 1;
    }
    return compare;
  }

  /** The kept pairs of articles neither of which is compared again, into `similar`. */
  keepPairs(similar: Similarities, compare: Uint8Array): void {
    const { pairA, pairB, pairS } = this.kept;
    for (let p = 0; p < pairA.length; p++) {
      const a = this.currentOf[pairA[p]];
      const b = this.currentOf[pairB[p]];
      if (a < 0 || b < 0 || compare[a] || compare[b]) continue;
      (similar.get(a) as Map<number, number>).set(b, pairS[p]);
      (similar.get(b) as Map<number, number>).set(a, pairS[p]);
    }
  }
}

/** Whether the last build's pairs can be kept: the archive's size in the same step, compared the same way. */
function reusable(kept: KeptPairs | undefined, articles: number): kept is KeptPairs {
  const before = kept?.digests.length ?? -1;
  return (
    kept !== undefined &&
    before > 0 &&
    octaveSteps(before) === octaveSteps(articles) &&
    minSharedFor(before) === minSharedFor(articles)
  );
}

/**
 * Pairs of articles worth comparing, with their similarity: those sharing one of their heaviest terms (in a
 * large archive, two of them). With `cache`, the last build's pairs that still hold are kept, and this
 * build's are kept for the next.
 */
export function similarPairs(
  articles: ArticleRecord[],
  weighed: WeighedArticles,
  numbers: TermNumbers,
  cache?: StoryPairsCache,
): Similarities {
  // How many articles have each term in their vector: a term weighing nothing is in none.
  const df = weighed.df.map((n, t) => (weighed.idf[t] > 0 ? n : 0));
  const keyed = cache && weighed.textKeys;
  const digests = keyed ? articles.map((a, i) => storyInputDigest(a, keyed[i])) : undefined;
  const kept = cache?.kept();
  const reuse = digests && reusable(kept, articles.length) ? new Reuse(kept, digests, weighed, numbers) : undefined;
  const longest = weighed.counts.reduce((most, c) => Math.max(most, c.ids.length), 0);
  const scratch = { positions: new Int32Array(longest), weights: new Float64Array(longest) };
  // Each article's heaviest shared terms, and each such term's articles in ascending order.
  const indexTermsOf: number[][] = [];
  const byTerm = new Map<number, number[]>();
  for (let i = 0; i < weighed.count; i++) {
    // A word no other article has finds no pair: the heaviest words among those shared.
    const terms =
      reuse?.indexTerms(i) ?? heaviestShared(weighed.vector(i), df, STORY_SETTINGS.indexTerms, numbers, scratch);
    indexTermsOf.push(terms);
    for (const t of terms) {
      const list = byTerm.get(t);
      if (list) list.push(i);
      else byTerm.set(t, [i]);
    }
  }
  const similar: Similarities = new Map();
  for (let i = 0; i < weighed.count; i++) similar.set(i, new Map());
  const compare = reuse?.toCompare(byTerm);
  if (reuse && compare) reuse.keepPairs(similar, compare);
  const compared = compareArticles(articles, weighed, indexTermsOf, byTerm, similar, numbers.terms.length, compare);
  if (cache && digests) cache.keep(keptPairs(digests, numbers, weighed.df, indexTermsOf, similar), compared);
  return similar;
}

/**
 * Works out the similarity of the pairs sharing enough of their heaviest terms, into `similar`: every such
 * pair, or with `compare`, those of the articles it marks (with any other). Returns how many articles had
 * their pairs worked out.
 */
function compareArticles(
  articles: ArticleRecord[],
  weighed: WeighedArticles,
  indexTermsOf: number[][],
  byTerm: Map<number, number[]>,
  similar: Similarities,
  termCount: number,
  compare: Uint8Array | undefined,
): number {
  // Pairs sharing enough of their heaviest terms, counted before any similarity is worked out. A
  // small archive compares every pair that shares one: there, two reports of one event may share
  // few of their heaviest words with each other, and comparing is cheap.
  const minShared = minSharedFor(weighed.count);
  // Worked out once per article, when it is first in a pair compared.
  const facts: (EventFacts | undefined)[] = new Array(articles.length);
  const factsOf = (i: number) => {
    let known = facts[i];
    if (known === undefined) facts[i] = known = eventFacts(articles[i] as ArticleRecord);
    return known;
  };
  // Article i's weights laid out by term number while its row is compared (zeroed again after), so each
  // cosine is one pass over the other article's terms rather than a merge of two lists.
  const spread = new Float64Array(termCount);
  // How many heaviest terms each other article shares with article i, counted in an array (zeroed again
  // after each article) rather than in a map per article: 50,000 articles' maps were millions of entries.
  const shared = new Int32Array(weighed.count);
  const others: number[] = [];
  let compared = 0;
  for (let i = 0; i < weighed.count; i++) {
    if (compare && !compare[i]) continue;
    compared++;
    for (const t of indexTermsOf[i]) {
      const list = byTerm.get(t) as number[];
      if (!findsPairs(list.length)) continue; // a word many articles share tells no event
      if (compare) {
        // Each pair once: with a later article, or an earlier one not compared itself.
        for (const j of list) if ((j > i || (j < i && !compare[j])) && shared[j]++ === 0) others.push(j);
      } else
        for (let y = list.length - 1; y >= 0 && list[y] > i; y--) if (shared[list[y]]++ === 0) others.push(list[y]);
    }
    if (others.length === 0) continue;
    const vi = weighed.vector(i);
    spreadOut(vi, spread);
    for (const j of others) {
      const count = shared[j];
      shared[j] = 0;
      if (count < minShared) continue;
      const s = cosineWith(spread, weighed.vector(j)) + corroboration(factsOf(i), factsOf(j));
      if (s <= 0) continue;
      (similar.get(i) as Map<number, number>).set(j, s);
      (similar.get(j) as Map<number, number>).set(i, s);
    }
    others.length = 0;
    spreadOut(vi, spread, true);
  }
  return compared;
}

/** This build's pairs as the next keeps them (before the clustering uses `similar` up). */
function keptPairs(
  digests: string[],
  numbers: TermNumbers,
  df: Int32Array,
  indexTermsOf: number[][],
  similar: Similarities,
): KeptPairs {
  const indexStart = new Int32Array(indexTermsOf.length + 1);
  indexTermsOf.forEach((terms, i) => {
    indexStart[i + 1] = indexStart[i] + terms.length;
  });
  const indexTerms = Int32Array.from(indexTermsOf.flat());
  let pairs = 0;
  for (const [i, row] of similar) for (const j of row.keys()) if (i < j) pairs++;
  const pairA = new Int32Array(pairs);
  const pairB = new Int32Array(pairs);
  const pairS = new Float64Array(pairs);
  let p = 0;
  for (const [i, row] of similar) {
    for (const [j, s] of row) {
      if (i >= j) continue;
      pairA[p] = i;
      pairB[p] = j;
      pairS[p++] = s;
    }
  }
  return { digests, terms: [...numbers.terms], df, indexStart, indexTerms, pairA, pairB, pairS };
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** What kept pairs were made with: the code that weighs terms and compares articles, and the stemmer. */
export function storyPairsVersion(): string {
  return codeVersion(ROOT, [
    "src/resolve/stories.ts",
    "src/resolve/story-pairs.ts",
    "src/resolve/story-vectors.ts",
    "src/resolve/settings.ts",
    "src/resolve/text-terms.ts",
    "node_modules/porter2/package.json",
  ]);
}
