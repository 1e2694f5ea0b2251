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
import type { KeptRecords } from "./kept-records.ts";
import { storyLedger } from "./ledger.ts";
import { STORY_SETTINGS } from "./settings.ts";
import { reservedSlugs } from "./slugs.ts";
import { type Similarities, type StoryPairsCache, similarPairs } from "./story-pairs.ts";
import { TermNumbers, tfIdfVectors } from "./story-vectors.ts";
import type { TextTermsCache } from "./text-terms.ts";

export type { KeptPairs, StoryPairsCache } from "./story-pairs.ts";
export { nthSmallest } from "./story-pairs.ts";
export { inverseFrequency } from "./story-vectors.ts";

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
function averageLink(count: number, similar: Similarities): number[][] {
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
  /** The last build's pairs of similar articles, and where this build's are kept (src/resolve/story-pairs.ts). */
  storyPairs?: StoryPairsCache,
  /** The last build's story records, reused where made of the same (src/resolve/kept-records.ts). */
  kept?: KeptRecords,
): StoryGrouping {
  const free = articles.filter((a) => !forced.has(a.slug));
  const numbers = new TermNumbers();
  const similar = similarPairs(free, tfIdfVectors(free, numbers, textTermsCache), numbers, storyPairs);
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
  const ordered = groups.map((group) => {
    const members = group.articles.sort(chronological);
    const slug = group.slug ?? slugs.claim(members[0].slug);
    for (const a of members) storyOf.set(a.slug, slug);
    return { slug, members };
  });
  // The ledger needs each article's copyOf, known once every story is.
  const copyOf = wireCopies(free, nearCopies, storyOf);
  const stories = ordered.map(({ slug, members }) => {
    const make = () => storyRecord(slug, members, copyOf, kindOf);
    if (!kept) return make();
    const copies = members.map((a) => copyOf.get(a.slug) ?? null);
    const placeKinds = members.flatMap((a) => a.figures.map((f) => (f.place === null ? undefined : kindOf(f.place))));
    return kept.story(slug, { articles: members, copies, placeKinds }, make);
  });
  stories.sort((a, b) => compareStrings(b.start ?? "", a.start ?? "") || compareStrings(a.slug, b.slug));
  return { stories, storyOf, copyOf };
}

/** The record of story `slug` of `ordered` articles (oldest first), its ledger counting `copyOf`'s wire copies once. */
function storyRecord(
  slug: string,
  ordered: ArticleRecord[],
  copyOf: Map<string, string>,
  kindOf: (place: string) => PlaceKind | undefined,
): StoryRecord {
  const founder = ordered[0];
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
    figures: storyLedger(
      ordered.map((article) => ({ ...article, copyOf: copyOf.get(article.slug) ?? null })),
      kindOf,
    ),
  };
}

/** Each article's pairs as similar as a wire copy (STORY_SETTINGS.copyThreshold) and more. */
function nearIdentical(similar: Similarities): Map<number, [number, number][]> {
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
