/**
 * Articles as TF-IDF vectors, for story grouping (src/resolve/stories.ts): each article's stemmed words (the
 * headline counted twice) and the entities resolution gave it, weighed by how few articles share them.
 *
 * A weight is a whole number (the unit-length weight times WEIGHT_SCALE, rounded), so a cosine is a sum of
 * whole numbers below 2⁵³: exact, whatever order its terms are added in. Terms are numbered in the order
 * the articles first use them, which changes when an article is added before others; with exact sums, two
 * articles' similarity does not depend on it, and a rebuild may keep the similarities of articles whose
 * vectors did not change (src/resolve/story-pairs.ts) and still group exactly as a cold build does.
 */
import type { ArticleRecord } from "../types.ts";
import { STORY_SETTINGS } from "./settings.ts";
import { forEachNumberedTerm, numberedTextTerms, type TextTermsCache, textKey, textTerms } from "./text-terms.ts";

/**
 * A weight of 1 (a vector of one term). A product of two weights is at most 2⁵², and by Cauchy–Schwarz so is
 * a sum of them over two unit vectors (up to the rounding of each weight, far from 2⁵³).
 */
const WEIGHT_SCALE = 2 ** 26;
const PRODUCT_SCALE = WEIGHT_SCALE * WEIGHT_SCALE;

/**
 * A unit-length TF-IDF vector as parallel arrays sorted by term number, so a dot product is one merge of
 * two lists. Weights are whole numbers, in units of 1 / WEIGHT_SCALE.
 */
export interface Vector {
  ids: Int32Array;
  weights: Float64Array;
}

/**
 * Terms numbered in the order the articles first use them, so vectors are arrays of numbers. A word's
 * term is its stem (src/resolve/text-terms.ts).
 */
export class TermNumbers {
  readonly terms: string[] = [];
  private readonly numbers = new Map<string, number>();
  /** This grouping's number of each term of the cache's dictionary met so far, by the cache's number. */
  private readonly byCacheNumber: number[] = [];
  /** The number of each entity's term, by its slug: a term string made once per entity, not per mention. */
  private readonly byEntity = new Map<string, number>();

  of(term: string): number {
    let id = this.numbers.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.numbers.set(term, id);
      this.terms.push(term);
    }
    return id;
  }

  /** The number of a term already numbered, without numbering it. */
  numberOf(term: string): number | undefined {
    return this.numbers.get(term);
  }

  /** The number of entity `slug`'s term (`\u0000slug`): the same as `of` gives it. */
  ofEntity(slug: string): number {
    let id = this.byEntity.get(slug);
    if (id === undefined) {
      id = this.of(`\u0000${slug}`);
      this.byEntity.set(slug, id);
    }
    return id;
  }

  /** The number of the term `cache` numbers `cached`: the same as `of` gives it, looked up once per term. */
  ofCached(cached: number, cache: TextTermsCache): number {
    let id = this.byCacheNumber[cached];
    if (id === undefined) {
      id = this.of(cache.term(cached));
      this.byCacheNumber[cached] = id;
    }
    return id;
  }
}

/** An article's terms with their counts, in the order the article first uses each term. */
export interface TermCounts {
  ids: number[];
  counts: number[];
}

/** Counts terms into a scratch array shared by all articles (zeroed again after each). */
class TermCounter {
  private scratch = new Float64Array(1 << 16);
  private touched: number[] = [];

  add(id: number, n = 1): void {
    if (id >= this.scratch.length) {
      const grown = new Float64Array(Math.max(id + 1, this.scratch.length * 2));
      grown.set(this.scratch);
      this.scratch = grown;
    }
    if (this.scratch[id] === 0) this.touched.push(id);
    this.scratch[id] += n;
  }

  take(): TermCounts {
    const ids = this.touched;
    const counts = ids.map((id) => this.scratch[id]);
    for (const id of ids) this.scratch[id] = 0;
    this.touched = [];
    return { ids, counts };
  }
}

function termCounts(
  article: ArticleRecord,
  numbers: TermNumbers,
  counter: TermCounter,
  cache: TextTermsCache | undefined,
  key: string | undefined,
): TermCounts {
  if (cache) {
    // The same terms in the same order as below, by their numbers in the cache.
    forEachNumberedTerm(numberedTextTerms(article.title, article.body, cache, key), (cached, count, inHeadline) =>
      counter.add(numbers.ofCached(cached, cache), inHeadline ? count * STORY_SETTINGS.headlineWeight : count),
    );
  } else {
    const { title, body } = textTerms(article.title, article.body);
    for (let at = 0; at < title.terms.length; at++)
      counter.add(numbers.of(title.terms[at]), title.counts[at] * STORY_SETTINGS.headlineWeight);
    for (let at = 0; at < body.terms.length; at++) counter.add(numbers.of(body.terms[at]), body.counts[at]);
  }
  // Resolved entities as terms of their own: all spellings of one place are one term.
  for (const list of [article.people, article.organizations, article.places])
    for (const e of list) counter.add(numbers.ofEntity(e), STORY_SETTINGS.entityWeight);
  return counter.take();
}

/** Whole steps of an octave (STORY_SETTINGS.idfStepsPerOctave) in n, rounded down. */
export const octaveSteps = (n: number) => Math.floor(STORY_SETTINGS.idfStepsPerOctave * Math.log2(n));

/**
 * ln(N / df) for a term that `withTerm` of the archive's `articles` articles have, N and df each rounded down
 * to a step of an octave: the difference of two whole numbers of steps, times ln 2. Exact weights change a little for every
 * term of every article when one article is added (N becomes N + 1), and the joins near the threshold then
 * come out otherwise: adding one article to 10,000 changed 17–47 stories it did not join. Rounded, a term's
 * weight changes only when its count, or the archive's, crosses a step. A term every article has weighs 0.
 */
export function inverseFrequency(articles: number, withTerm: number): number {
  if (withTerm >= articles) return 0;
  return ((octaveSteps(articles) - octaveSteps(withTerm)) / STORY_SETTINGS.idfStepsPerOctave) * Math.LN2;
}

export interface WeighedArticles {
  /** How many articles. */
  count: number;
  /**
   * Article i's vector: (1 + ln tf) · inverseFrequency, unit length; terms weighing nothing left out. Worked
   * out when first asked for: a rebuild that keeps most pairs needs few.
   */
  vector(i: number): Vector;
  /** Each article's terms and counts, those weighing nothing included. */
  counts: TermCounts[];
  /** How many of the articles have each term, and its weight (inverseFrequency), by term number. */
  df: Int32Array;
  idf: Float64Array;
  /** Each article's text's key in the cache (textKey), when there is a cache. */
  textKeys: string[] | undefined;
}

/**
 * Each article record's text key, by the record. A record's headline and body never change once it is made,
 * and `npm start` gives an unchanged article the last build's record (src/resolve/kept-records.ts): its key
 * is not hashed again on every save.
 */
const recordTextKeys = new WeakMap<ArticleRecord, string>();

function articleTextKey(a: ArticleRecord): string {
  let key = recordTextKeys.get(a);
  if (key === undefined) {
    key = textKey(a.title, a.body);
    recordTextKeys.set(a, key);
  }
  return key;
}

/** The articles' TF-IDF vectors, terms numbered by `numbers`. */
export function tfIdfVectors(articles: ArticleRecord[], numbers: TermNumbers, cache?: TextTermsCache): WeighedArticles {
  const counter = new TermCounter();
  const textKeys = cache ? articles.map(articleTextKey) : undefined;
  const counts = articles.map((a, i) => termCounts(a, numbers, counter, cache, textKeys?.[i]));
  const df = new Int32Array(numbers.terms.length);
  for (const c of counts) for (const t of c.ids) df[t]++;
  // Each term's weight once, not once per article using it (the same value either way).
  const idf = new Float64Array(numbers.terms.length);
  for (let t = 0; t < idf.length; t++) idf[t] = inverseFrequency(articles.length, df[t]);
  // Every vector's terms and weights in two arrays, each vector a view of its stretch: a typed array of its own
  // per vector was 150,000 buffers at 50,000 articles, each tracked by the collector. Room for every term
  // counted; the few that weigh nothing leave their room unused.
  const starts = new Int32Array(counts.length + 1);
  counts.forEach((c, i) => {
    starts[i + 1] = starts[i] + c.ids.length;
  });
  const allIds = new Int32Array(starts[counts.length]);
  const allWeights = new Float64Array(starts[counts.length]);
  // A term's weight, by term number, while an article's vector is put together (zeroed again after).
  const scratch = new Float64Array(numbers.terms.length);
  const made: (Vector | undefined)[] = new Array(counts.length);
  const vector = (i: number): Vector => {
    const known = made[i];
    if (known) return known;
    const c = counts[i] as TermCounts;
    const start = starts[i];
    let kept = 0;
    let norm = 0;
    // In the article's own order of terms, so the norm does not depend on how terms are numbered.
    for (let at = 0; at < c.ids.length; at++) {
      const t = c.ids[at];
      const w = (1 + Math.log(c.counts[at])) * idf[t];
      if (w > 0) {
        allIds[start + kept++] = t;
        scratch[t] = w;
        norm += w * w;
      }
    }
    norm = Math.sqrt(norm) || 1;
    const ids = allIds.subarray(start, start + kept).sort(); // a typed array sorts by value
    const weights = allWeights.subarray(start, start + kept);
    for (let k = 0; k < kept; k++) {
      weights[k] = Math.round((scratch[ids[k]] / norm) * WEIGHT_SCALE);
      scratch[ids[k]] = 0;
    }
    const v = { ids, weights };
    made[i] = v;
    return v;
  };
  return { count: counts.length, vector, counts, df, idf, textKeys };
}

/** Lays out vector `v`'s weights by term number in `spread` (or clears them, with `clear`). */
export function spreadOut(v: Vector, spread: Float64Array, clear = false): void {
  for (let k = 0; k < v.ids.length; k++) spread[v.ids[k]] = clear ? 0 : v.weights[k];
}

/**
 * The cosine of unit vectors a and b, with a's weights spread by term number (0 where a lacks the term). Each
 * product and every partial sum is a whole number below 2⁵³, so the sum is exact and the same in any order.
 */
export function cosineWith(spreadA: Float64Array, b: Vector): number {
  let sum = 0;
  for (let k = 0; k < b.ids.length; k++) sum += spreadA[b.ids[k]] * b.weights[k];
  return sum / PRODUCT_SCALE;
}
