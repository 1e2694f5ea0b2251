/** Article summaries (for lists) and full article pages with their entity panel and related articles. */
import type { ArticleRecord, Discarded, EventDate, Figure } from "../../types.ts";
import { formatDate } from "../format.ts";
import { renderArticleBody } from "../markdown.ts";
import { articleUrl, seedUrl } from "../urls.ts";
import type { ArchiveGraph } from "./graph.ts";
import type { EntityRef, LinkView, Lookup } from "./lookup.ts";

export interface ArticleSummary {
  slug: string;
  url: string;
  title: string;
  date: string | null;
  dateLabel: string;
  dateInferred: boolean;
  outlet: LinkView | null;
  dateline: string | null;
}

export interface PersonInArticle extends EntityRef {
  roles: string[];
  parties: EntityRef[];
}

export interface FigureView extends Figure {
  label: string;
}

export interface RelatedArticle extends ArticleSummary {
  shared: number;
  sharedNames: string[];
}

export interface EventView extends EventDate {
  dateLabel: string;
}

export interface ArticlePage extends ArticleSummary {
  permalink: string;
  subtitle: string | null;
  authors: string[];
  dateEvidence: string | null;
  year: string | null;
  bodyHtml: string;
  people: PersonInArticle[];
  parties: EntityRef[];
  organizations: EntityRef[];
  places: EntityRef[];
  figures: FigureView[];
  events: EventView[];
  related: RelatedArticle[];
  discarded: Discarded[];
  seedFile: string;
  seedUrl: string | null;
  duplicates: string[];
  flags: string[];
  urlOriginal: string | null;
}

const RELATED_LIMIT = 5;

export function figureLabel(figure: Pick<Figure, "category" | "outcome">): string {
  const text = `${figure.category} ${figure.outcome.replace(/-/g, " ")}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const summaryCache = new WeakMap<Lookup, WeakMap<ArticleRecord, ArticleSummary>>();

/** The list entry of an article; one shared object per article and lookup (views never change it). */
export function summarize(article: ArticleRecord, lookup: Lookup): ArticleSummary {
  let summaries = summaryCache.get(lookup);
  if (!summaries) {
    summaries = new WeakMap();
    summaryCache.set(lookup, summaries);
  }
  const known = summaries.get(article);
  if (known) return known;
  const summary: ArticleSummary = {
    slug: article.slug,
    url: articleUrl(article.slug),
    title: article.title,
    date: article.date,
    dateLabel: formatDate(article.date),
    dateInferred: article.dateFrom === "inferred",
    outlet: article.outletSlug ? lookup.entity("outlet", article.outletSlug) : null,
    dateline: article.dateline,
  };
  summaries.set(article, summary);
  return summary;
}

/** Set bits of a 32-bit word. */
function popcount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Entities in more articles than this are counted as bit sets, the rest through their postings. */
function commonThreshold(articles: number): number {
  return Math.max(64, Math.ceil(articles / 64));
}
const MAX_COMMON_WORDS = 8;

/**
 * For each article (by number in graph.sorted), the articles sharing the most entities with it; ties go
 * to the newer article. Rare entities are counted through their postings; the few entities most
 * articles name ("Pakistan") are bits in a small set per article, so their shared count is a popcount
 * instead of a walk over thousands of postings per article.
 */
export function relatedArticles(graph: ArchiveGraph, lookup: Lookup): RelatedArticle[][] {
  const { sorted, keys, postings } = graph;
  const n = sorted.length;
  const threshold = commonThreshold(n);
  // The most common entities (by postings, up to 32 × MAX_COMMON_WORDS), each given one bit.
  const common = postings
    .map((list, id) => ({ id, size: list.length }))
    .filter(({ size }) => size > threshold)
    .sort((a, b) => b.size - a.size || a.id - b.id)
    .slice(0, 32 * MAX_COMMON_WORDS);
  const bitOf = new Int32Array(postings.length).fill(-1);
  common.forEach(({ id }, bit) => {
    bitOf[id] = bit;
  });
  const words = Math.ceil(common.length / 32);
  const bits = new Int32Array(n * words);
  // Multiplicity of every entity in each article is 1 unless entityKeysOf repeats a key; repeats are
  // counted through postings like rare entities, so bit sets stay exact.
  const repeats = Uint8Array.from(keys, (ids) => (new Set(ids).size !== ids.length ? 1 : 0));
  keys.forEach((ids, at) => {
    if (repeats[at]) return;
    for (const id of ids) if (bitOf[id] >= 0) bits[at * words + (bitOf[id] >>> 5)] |= 1 << (bitOf[id] & 31);
  });
  const sparse = new Int32Array(n);
  const touched: number[] = [];
  const own = new Int32Array(words);

  return sorted.map((article, self) => {
    const ownKeys = new Set(keys[self]);
    own.fill(0);
    for (const id of ownKeys) {
      const bit = bitOf[id];
      if (bit >= 0) own[bit >>> 5] |= 1 << (bit & 31);
    }
    for (const id of ownKeys) {
      const bit = bitOf[id];
      for (const other of postings[id]) {
        // Common entities of ordinary articles are counted from the bit sets below.
        if (bit >= 0 && !repeats[other]) continue;
        if (sparse[other] === 0) touched.push(other);
        sparse[other]++;
      }
    }
    // The words of the own bit set that have bits, so the scan below reads only those.
    const ownWords: number[] = [];
    for (let w = 0; w < words; w++) if (own[w] !== 0) ownWords.push(w);
    const [w0 = 0, w1 = 0] = ownWords;
    const mask0 = ownWords.length > 0 ? own[w0] : 0;
    const mask1 = ownWords.length > 1 ? own[w1] : 0;
    const rest = ownWords.slice(2);
    // Most shared first, then page order (newest first): the top RELATED_LIMIT, kept in order.
    const best: number[] = [];
    const score: number[] = [];
    let floor = 0; // a candidate must share more than this to enter `best`
    for (let other = 0; other < n; other++) {
      let count = sparse[other];
      if (repeats[other] === 0) {
        const base = other * words;
        count += popcount(mask0 & bits[base + w0]) + popcount(mask1 & bits[base + w1]);
        for (const w of rest) count += popcount(own[w] & bits[base + w]);
      }
      if (count <= floor || sorted[other].slug === article.slug) continue;
      let at = best.length;
      while (at > 0 && score[at - 1] < count) at--;
      best.splice(at, 0, other);
      score.splice(at, 0, count);
      if (best.length > RELATED_LIMIT) {
        best.pop();
        score.pop();
      }
      if (best.length === RELATED_LIMIT) floor = score[RELATED_LIMIT - 1];
    }
    for (const other of touched) sparse[other] = 0;
    touched.length = 0;
    return best.map((other) => {
      const shared = Array.from(keys[other]).filter((id) => ownKeys.has(id));
      return {
        ...summarize(sorted[other], lookup),
        shared: shared.length,
        sharedNames: shared.map((id) => lookup.entity(graph.kindOf[id], graph.slugOf[id]).name),
      };
    });
  });
}

export function articlePage(
  article: ArticleRecord,
  related: RelatedArticle[],
  lookup: Lookup,
  options: { linkSeeds: boolean },
): ArticlePage {
  const summary = summarize(article, lookup);
  const details = new Map(article.peopleDetail.map((d) => [d.slug, d]));
  return {
    ...summary,
    permalink: `articles/${article.slug}/index.html`,
    subtitle: article.subtitle,
    authors: article.authors,
    dateEvidence: article.dateEvidence,
    year: article.date ? article.date.slice(0, 4) : null,
    bodyHtml: renderArticleBody(article.body, article.mentions, summary.url),
    people: article.people.map((slug) => ({
      ...lookup.entity("person", slug),
      roles: details.get(slug)?.roles ?? [],
      parties: (details.get(slug)?.parties ?? []).map((party) => lookup.entity("party", party)),
    })),
    parties: article.parties.map((slug) => lookup.entity("party", slug)),
    organizations: article.organizations.map((slug) => lookup.entity("organization", slug)),
    places: article.places.map((slug) => lookup.entity("place", slug)),
    figures: article.figures.map((figure) => ({ ...figure, label: figureLabel(figure) })),
    events: article.events.map((event) => ({ ...event, dateLabel: formatDate(event.date) })),
    related,
    discarded: [...article.discarded].sort((a, b) => a.line - b.line),
    seedFile: article.source.file,
    seedUrl: options.linkSeeds ? seedUrl(article.source.file) : null,
    duplicates: article.source.duplicates,
    flags: article.flags,
    urlOriginal: article.url_original,
  };
}
