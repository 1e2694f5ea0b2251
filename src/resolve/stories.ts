/**
 * Stories: the articles that report one real-world event, across outlets.
 *
 * Each article becomes a TF-IDF vector over its stemmed words (the headline counted twice) and the
 * entities resolution gave it (people, organizations, places). Articles are then grouped by
 * average-link agglomerative clustering: two groups join while the mean similarity over all their
 * pairs of articles stays above a threshold. Single link, the usual baseline, chains a topic's two
 * events together through one pair of similar articles; average link asks the groups to be alike
 * as wholes. On the ECB+ story benchmark (each topic two similar events) this scores pairwise F1
 * 0.93 where TF-IDF single link scores 0.90 (README, "Benchmarks").
 *
 * Near-identical articles under two outlets are wire copies: the later one names the first as
 * `copyOf`, so a ledger counts them as one source.
 */
import type { ArticleRecord, PlaceKind, StoryRecord } from "../types.ts";
import { compareStrings, groupBy } from "../util/group.ts";
import { storyLedger } from "./ledger.ts";
import { STORY_SETTINGS } from "./settings.ts";
import { reservedSlugs } from "./slugs.ts";
import { forEachNumberedTerm, numberedTextTerms, type TextTermsCache, textTerms } from "./text-terms.ts";

/**
 * A unit-length TF-IDF vector as parallel arrays sorted by term number, so a dot product is one merge of
 * two lists.
 */
interface Vector {
  ids: Int32Array;
  weights: Float64Array;
}

/**
 * Terms numbered in the order the articles first use them, so vectors are arrays of numbers. A word's
 * term is its stem (src/resolve/text-terms.ts).
 */
class TermNumbers {
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
interface TermCounts {
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
): TermCounts {
  if (cache) {
    // The same terms in the same order as below, by their numbers in the cache.
    forEachNumberedTerm(numberedTextTerms(article.title, article.body, cache), (cached, count, inHeadline) =>
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
const octaveSteps = (n: number) => Math.floor(STORY_SETTINGS.idfStepsPerOctave * Math.log2(n));

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

/** (1 + ln tf) · inverseFrequency, unit length; terms every article has weigh nothing and are left out. */
function tfIdfVectors(articles: ArticleRecord[], numbers: TermNumbers, cache?: TextTermsCache): Vector[] {
  const counter = new TermCounter();
  const counts = articles.map((a) => termCounts(a, numbers, counter, cache));
  const df = new Int32Array(numbers.terms.length);
  for (const c of counts) for (const t of c.ids) df[t]++;
  // Each term's weight once, not once per article using it (the same value either way).
  const idf = new Float64Array(numbers.terms.length);
  for (let t = 0; t < idf.length; t++) idf[t] = inverseFrequency(articles.length, df[t]);
  // Every vector's terms and weights in two arrays, each vector a view of its stretch: a typed array of its own
  // per vector was 150,000 buffers at 50,000 articles, each tracked by the collector. Room for every term
  // counted; the few that weigh nothing leave their room unused.
  const total = counts.reduce((sum, c) => sum + c.ids.length, 0);
  const allIds = new Int32Array(total);
  const allWeights = new Float64Array(total);
  // A term's weight, by term number, while its article's vector is put together (zeroed again after).
  const scratch = new Float64Array(numbers.terms.length);
  let start = 0;
  return counts.map((c) => {
    let kept = 0;
    let norm = 0;
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
      weights[k] = scratch[ids[k]] / norm;
      scratch[ids[k]] = 0;
    }
    start += kept;
    return { ids, weights };
  });
}

/**
 * The cosine of unit vectors a and b, with a's weights spread by term number (0 where a lacks the term).
 * The products are summed in term order, and a term a lacks adds an exact 0: the same sum, bit for bit, as
 * merging the two lists.
 */
function cosineWith(spreadA: Float64Array, b: Vector): number {
  let sum = 0;
  for (let k = 0; k < b.ids.length; k++) sum += spreadA[b.ids[k]] * b.weights[k];
  return sum;
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

/**
 * Pairs of articles worth comparing: those sharing one of their heaviest terms. Comparing every
 * pair is quadratic; two reports of one event share their most distinctive words.
 */
function similarPairs(
  articles: ArticleRecord[],
  vectors: Vector[],
  numbers: TermNumbers,
): Map<number, Map<number, number>> {
  const df = new Int32Array(numbers.terms.length);
  for (const v of vectors) for (const t of v.ids) df[t]++;
  const longest = vectors.reduce((most, v) => Math.max(most, v.ids.length), 0);
  const scratch = { positions: new Int32Array(longest), weights: new Float64Array(longest) };
  // Each article's heaviest shared terms, and each such term's articles in ascending order.
  const indexTermsOf: number[][] = [];
  const byTerm = new Map<number, number[]>();
  vectors.forEach((v, i) => {
    // A word no other article has finds no pair: the heaviest words among those shared.
    const terms = heaviestShared(v, df, STORY_SETTINGS.indexTerms, numbers, scratch);
    indexTermsOf.push(terms);
    for (const t of terms) {
      const list = byTerm.get(t);
      if (list) list.push(i);
      else byTerm.set(t, [i]);
    }
  });
  // Pairs sharing enough of their heaviest terms, counted before any similarity is worked out. A
  // small archive compares every pair that shares one: there, two reports of one event may share
  // few of their heaviest words with each other, and comparing is cheap.
  const minShared = vectors.length <= STORY_SETTINGS.compareAllBelow ? 1 : STORY_SETTINGS.minSharedTerms;
  const facts = articles.map(eventFacts);
  const similar = new Map<number, Map<number, number>>(vectors.map((_, i) => [i, new Map()]));
  // Article i's weights laid out by term number while its row is compared (zeroed again after), so each
  // cosine is one pass over the other article's terms rather than a merge of two lists.
  const spread = new Float64Array(numbers.terms.length);
  // How many heaviest terms each later article shares with article i, counted in an array (zeroed again
  // after each article) rather than in a map per article: 50,000 articles' maps were millions of entries.
  const shared = new Int32Array(vectors.length);
  const later: number[] = [];
  for (let i = 0; i < vectors.length; i++) {
    for (const t of indexTermsOf[i]) {
      const list = byTerm.get(t) as number[];
      if (list.length > STORY_SETTINGS.maxPostings) continue; // a word many articles share tells no event
      for (let y = list.length - 1; y >= 0 && list[y] > i; y--) if (shared[list[y]]++ === 0) later.push(list[y]);
    }
    if (later.length === 0) continue;
    const vi = vectors[i] as Vector;
    for (let k = 0; k < vi.ids.length; k++) spread[vi.ids[k]] = vi.weights[k];
    for (const j of later) {
      const count = shared[j];
      shared[j] = 0;
      if (count < minShared) continue;
      const s =
        cosineWith(spread, vectors[j] as Vector) + corroboration(facts[i] as EventFacts, facts[j] as EventFacts);
      if (s <= 0) continue;
      (similar.get(i) as Map<number, number>).set(j, s);
      (similar.get(j) as Map<number, number>).set(i, s);
    }
    later.length = 0;
    for (let k = 0; k < vi.ids.length; k++) spread[vi.ids[k]] = 0;
  }
  return similar;
}

interface Candidate {
  mean: number;
  a: number;
  b: number;
  /** The groups' sizes when the mean was taken: a candidate whose groups have grown since is stale. */
  sizeA: number;
  sizeB: number;
}

/** Best mean first; ties to the lower-numbered groups, so the order never depends on the heap. */
const before = (x: Candidate, y: Candidate) =>
  x.mean > y.mean || (x.mean === y.mean && (x.a < y.a || (x.a === y.a && x.b < y.b)));

/** A binary max-heap of candidate joins. */
class CandidateHeap {
  private items: Candidate[] = [];
  push(item: Candidate): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(items[i], items[parent])) break;
      [items[i], items[parent]] = [items[parent], items[i]];
      i = parent;
    }
  }
  pop(): Candidate | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const [l, r] = [2 * i + 1, 2 * i + 2];
        let best = i;
        if (l < items.length && before(items[l], items[best])) best = l;
        if (r < items.length && before(items[r], items[best])) best = r;
        if (best === i) break;
        [items[i], items[best]] = [items[best], items[i]];
        i = best;
      }
    }
    return top;
  }
}

/**
 * Average-link clustering over the sparse similarities (a pair never compared counts as 0), which it uses
 * up: their rows become the groups' sums. Deterministic: the best mean joins first, ties to the
 * lower-numbered groups.
 */
function averageLink(count: number, similar: Map<number, Map<number, number>>): number[][] {
  const members = new Map<number, number[]>();
  // Sum of similarities between two groups' articles, kept for every pair of groups that has one: each
  // article's row of similarities to begin with (a copy of each was 50,000 maps at 50,000 articles).
  const sums = similar;
  const heap = new CandidateHeap();
  const offer = (a: number, b: number, sum: number) => {
    const [x, y] = a < b ? [a, b] : [b, a];
    const sizeA = (members.get(x) as number[]).length;
    const sizeB = (members.get(y) as number[]).length;
    const mean = sum / (sizeA * sizeB);
    if (mean >= STORY_SETTINGS.joinThreshold) heap.push({ mean, a: x, b: y, sizeA, sizeB });
  };
  for (let i = 0; i < count; i++) members.set(i, [i]);
  for (const [a, row] of sums) for (const [b, s] of row) if (a < b) offer(a, b, s);
  for (let next = heap.pop(); next; next = heap.pop()) {
    const { a, b } = next;
    const groupA = members.get(a);
    const groupB = members.get(b);
    if (!groupA || !groupB || groupA.length !== next.sizeA || groupB.length !== next.sizeB) continue;
    const rowA = sums.get(a) as Map<number, number>;
    const rowB = sums.get(b) as Map<number, number>;
    for (const [c, s] of rowB) {
      if (c === a) continue;
      const joined = (rowA.get(c) ?? 0) + s;
      rowA.set(c, joined);
      const rowC = sums.get(c) as Map<number, number>;
      rowC.delete(b);
      rowC.set(a, joined);
    }
    rowA.delete(b);
    sums.delete(b);
    members.set(a, [...groupA, ...groupB]);
    members.delete(b);
    for (const [c, s] of rowA) offer(a, c, s);
  }
  return [...members.values()];
}

/** Oldest first, undated last, then by slug: the first article founds the story and names it. */
function chronological(a: ArticleRecord, b: ArticleRecord): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return compareStrings(a.date, b.date);
  }
  return compareStrings(a.slug, b.slug);
}

const countedByFrequency = (lists: string[][]): string[] => {
  // Most stories are one article (42,757 of 50,000): each of its items once, every count 1.
  if (lists.length === 1) return [...new Set(lists[0])].sort(compareStrings);
  const counts = new Map<string, number>();
  for (const list of lists) for (const x of new Set(list)) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts].sort((x, y) => y[1] - x[1] || compareStrings(x[0], y[0])).map(([x]) => x);
};

export interface StoryGrouping {
  stories: StoryRecord[];
  /** Article slug → its story's slug. */
  storyOf: Map<string, string>;
  /** Article slug → the earlier article it is a near-identical copy of (another outlet's wire copy). */
  copyOf: Map<string, string>;
}

/**
 * Groups resolved articles into stories. `forced` maps an article slug to the story its front
 * matter names: those articles form that story and are left out of the clustering. Any other
 * story's slug is its first article's, so the story keeps its name as later articles join it.
 */
export function groupStories(
  articles: ArticleRecord[],
  forced: Map<string, string> = new Map(),
  kindOf: (place: string) => PlaceKind | undefined = () => undefined,
  /** Articles' words from earlier builds (src/resolve/text-terms.ts). */
  textTermsCache?: TextTermsCache,
): StoryGrouping {
  const free = articles.filter((a) => !forced.has(a.slug));
  const numbers = new TermNumbers();
  const vectors = tfIdfVectors(free, numbers, textTermsCache);
  const similar = similarPairs(free, vectors, numbers);
  // What the wire copies are found among, kept before the clustering uses the similarities up.
  const nearCopies = nearIdentical(similar);
  const groups: { slug: string | null; articles: ArticleRecord[] }[] = [
    ...[
      ...groupBy(
        articles.filter((a) => forced.has(a.slug)),
        (a) => forced.get(a.slug) as string,
      ),
    ].map(([slug, group]) => ({ slug, articles: group })),
    ...averageLink(free.length, similar).map((group) => ({ slug: null, articles: group.map((i) => free[i]) })),
  ];
  const slugs = reservedSlugs();
  for (const group of groups) if (group.slug) group.slug = slugs.claim(group.slug);
  const storyOf = new Map<string, string>();
  const stories = groups.map((group): StoryRecord => {
    const ordered = group.articles.sort(chronological);
    const founder = ordered[0];
    const slug = group.slug ?? slugs.claim(founder.slug);
    for (const a of ordered) storyOf.set(a.slug, slug);
    const dates = ordered.map((a) => a.date).filter((d): d is string => d !== null);
    return {
      slug,
      title: founder.title,
      articles: ordered.map((a) => a.slug),
      start: dates[0] ?? null,
      end: dates.length ? dates.reduce((x, y) => (compareStrings(x, y) >= 0 ? x : y)) : null,
      outlets: countedByFrequency(ordered.map((a) => (a.outletSlug ? [a.outletSlug] : []))),
      people: countedByFrequency(ordered.map((a) => a.people)),
      organizations: countedByFrequency(ordered.map((a) => a.organizations)),
      places: countedByFrequency(ordered.map((a) => a.places)),
      figures: [],
    };
  });
  // The ledger needs each article's copyOf, known once every story is.
  const copyOf = wireCopies(free, nearCopies, storyOf);
  const bySlug = new Map(articles.map((a) => [a.slug, a]));
  for (const story of stories) {
    const members = story.articles.map((slug) => {
      const article = bySlug.get(slug) as ArticleRecord;
      return { ...article, copyOf: copyOf.get(slug) ?? null };
    });
    story.figures = storyLedger(members, kindOf);
  }
  stories.sort((a, b) => compareStrings(b.start ?? "", a.start ?? "") || compareStrings(a.slug, b.slug));
  return { stories, storyOf, copyOf };
}

/** Each article's pairs as similar as a wire copy (STORY_SETTINGS.copyThreshold) and more. */
function nearIdentical(similar: Map<number, Map<number, number>>): Map<number, [number, number][]> {
  const near = new Map<number, [number, number][]>();
  for (const [x, row] of similar) {
    for (const [y, s] of row) {
      if (s < STORY_SETTINGS.copyThreshold) continue;
      const list = near.get(x);
      if (list) list.push([y, s]);
      else near.set(x, [[y, s]]);
    }
  }
  return near;
}

/**
 * Wire copies: an article nearly identical to an earlier one of its story from another outlet
 * (a republished agency story is not a second source). Copies of a copy name the original.
 * `similar`: each article's pairs as similar as a copy (nearIdentical).
 */
function wireCopies(
  articles: ArticleRecord[],
  similar: Map<number, [number, number][]>,
  storyOf: Map<string, string>,
): Map<string, string> {
  const copyOf = new Map<string, string>();
  const order = articles.map((_, i) => i).sort((x, y) => chronological(articles[x], articles[y]));
  const rank = new Map(order.map((i, r) => [i, r]));
  for (const x of order) {
    const later = articles[x];
    const originals = (similar.get(x) ?? [])
      .filter(([y]) => {
        const earlier = articles[y];
        return (
          (rank.get(y) as number) < (rank.get(x) as number) &&
          earlier.outletSlug !== later.outletSlug &&
          storyOf.get(earlier.slug) === storyOf.get(later.slug)
        );
      })
      .sort((p, q) => (rank.get(p[0]) as number) - (rank.get(q[0]) as number));
    if (originals.length) {
      const original = articles[originals[0][0]].slug;
      copyOf.set(later.slug, copyOf.get(original) ?? original);
    }
  }
  return copyOf;
}
