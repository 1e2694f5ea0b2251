/** Article summaries (for lists) and full article pages with their entity panel and related articles. */
import { PAGES } from "../../settings.ts";
import type { ArticleRecord, Discarded, EventDate, Figure, MentionLink } from "../../types.ts";
import { articlePagePath, articleUrl, seedUrl, storyUrl } from "../../urls.ts";
import { compareStrings, firstOf } from "../../util/group.ts";
import { slugify } from "../../util/slug.ts";
import { formatDate } from "../format.ts";
import { renderArticleBody } from "../markdown.ts";
import { Deferred } from "./deferred.ts";
import { keyedByDigest } from "./digested.ts";
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

/** An entity named in the article; inSearchFilter: its link carries a search filter value (search-filters.ts). */
export interface MentionedEntity extends EntityRef {
  inSearchFilter: boolean;
}

export interface PersonInArticle extends MentionedEntity {
  roles: string[];
  parties: EntityRef[];
}

/** What the article page shows of a figure. */
export interface FigureView extends Pick<Figure, "value" | "qualifier" | "what"> {
  label: string;
  /** The figure's line in its story's ledger (on the story's page). */
  ledgerUrl: string;
}

export interface RelatedArticle extends ArticleSummary {
  sharedNames: string[];
}

/** What the article page shows of a mentioned date. */
export interface EventView extends Pick<EventDate, "date" | "what" | "inferred"> {
  dateLabel: string;
}

/** Words in quotation marks the article attributes, with confidence, to a person it names. */
export interface QuoteInArticle {
  text: string;
  line: number;
  person: EntityRef;
}

/** What a researcher cites the article by, on screen and in print. */
export interface Citation {
  outlet: string | null;
  dateLabel: string;
  title: string;
  originalUrl: string | null;
  /** The archive's own path for the page ("/articles/<slug>/"). */
  permalink: string;
  seedFile: string;
  sha256: string;
  /** The whole citation as one line of text, ready to copy. */
  text: string;
}

export interface ArticlePage extends ArticleSummary {
  permalink: string;
  subtitle: string | null;
  authors: string[];
  dateEvidence: string | null;
  year: string | null;
  /** The body as HTML, with entity links (src/render/markdown.ts); made when the page is rendered. */
  bodyHtml: Deferred<string>;
  people: PersonInArticle[];
  parties: MentionedEntity[];
  organizations: MentionedEntity[];
  places: MentionedEntity[];
  figures: FigureView[];
  events: EventView[];
  related: RelatedArticle[];
  discarded: Discarded[];
  seedFile: string;
  seedUrl: string | null;
  duplicates: string[];
  flags: string[];
  urlOriginal: string | null;
  /** The story the article belongs to ("Part of story: …"); null only for an archive without stories. */
  story: { title: string; url: string; articleCount: number; outletCount: number } | null;
  quotes: QuoteInArticle[];
  citation: Citation;
}

const RELATED_LIMIT = PAGES.relatedArticles;

export function figureLabel(figure: Pick<Figure, "category" | "outcome">): string {
  const text = `${figure.category} ${figure.outcome.replace(/-/g, " ")}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The anchor of a ledger line on its story's page, by its label ("figures-militants-killed"). */
export function ledgerLineId(figure: Pick<Figure, "category" | "outcome">): string {
  return `figures-${slugify(figureLabel(figure), 20)}`;
}

/** The body's HTML, deferred; its inputs are what linking reads of the mentions (not their evidence). */
function linkedBody(article: ArticleRecord, url: string): Deferred<string> {
  const mentions = article.mentions.map(({ kind, slug, forms }) => ({ kind, slug, forms }));
  return new Deferred([article.body, mentions, url], () => renderArticleBody(article.body, mentions, url));
}

/**
 * Each article record's list entry. A record `npm start` keeps from one build to the next (src/resolve/kept-records.ts)
 * is the same object, and keeps its entry while what the entry shows of it is the same (checked field by field:
 * a record changed in place gets a new one) and the outlet it names has the same name: making every entry again,
 * with its digest, was 0.5–0.7 s of a save at 50,000 articles.
 */
const summaries = new WeakMap<ArticleRecord, ArticleSummary>();

/** Whether `summary` shows `article` as it is now, with `outlet` as the lookup names it. */
function showsAsItIs(summary: ArticleSummary, article: ArticleRecord, outlet: EntityRef | null): boolean {
  return (
    summary.slug === article.slug &&
    summary.title === article.title &&
    summary.date === article.date &&
    summary.dateInferred === (article.dateFrom === "inferred") &&
    summary.dateline === article.dateline &&
    (summary.outlet === outlet || (summary.outlet?.url === outlet?.url && summary.outlet?.name === outlet?.name))
  );
}

/** The list entry of an article; one shared object per article while it shows it as it is (views never change it). */
export function summarize(article: ArticleRecord, lookup: Lookup): ArticleSummary {
  const outlet = article.outletSlug ? lookup.entity("outlet", article.outletSlug) : null;
  const known = summaries.get(article);
  if (known && showsAsItIs(known, article, outlet)) return known;
  const summary: ArticleSummary = {
    slug: article.slug,
    url: articleUrl(article.slug),
    title: article.title,
    date: article.date,
    dateLabel: formatDate(article.date),
    dateInferred: article.dateFrom === "inferred",
    outlet,
    dateline: article.dateline,
  };
  // An entity page lists thousands of summaries, each also on other pages.
  keyedByDigest(summary, "summary");
  summaries.set(article, summary);
  return summary;
}

/**
 * A finder of the articles sharing the most entities with an article (by its number in graph.sorted);
 * ties go to the newer article. Candidates come from the article's entities taken rarest first (ties by
 * key, so the order is the same whatever the entities' numbers), newest articles first, until
 * PAGES.relatedCandidates are found: exact for the many articles whose entities are all rare, and for the rest a
 * shortlist led by a shared person or place rather than by "Pakistan" — counting every pair of articles
 * would be n × n, minutes at 50,000 articles. A finder, not a list, so article pages can be built a slice
 * at a time (src/render/views/index.ts); answers do not depend on the order of the calls.
 *
 * `stopKey(self)`, once `related(self)` was asked, is the key ("kind:slug") of the entity whose articles
 * the gather was reading when it had enough, or null when it read every entity's: the list depends only on
 * the articles of the entities up to that one, which is how a rebuild knows an article's list unchanged
 * without finding it again (src/render/views/article-deps.ts).
 */
export function relatedArticles(
  graph: ArchiveGraph,
  lookup: Lookup,
): { related: (self: number) => RelatedArticle[]; stopKey: (self: number) => string | null | undefined } {
  const { sorted, keys, keyIds, keyStart, postings, keyName } = graph;
  const enough = PAGES.relatedCandidates;
  const stops: (string | null)[] = [];
  // Each article's slug as the number of its first article, so the gather compares numbers instead of
  // reading thousands of records' slugs.
  const slugNumber = new Int32Array(sorted.length);
  for (const numbers of graph.bySlug.values()) for (const at of numbers) slugNumber[at] = numbers[0];
  // Scratch marks, all zero again between calls.
  const seen = new Uint8Array(sorted.length);
  const mine = new Uint8Array(postings.length);
  // Entities each candidate shares with the article, set for this call's candidates before they are read.
  const shared = new Int32Array(sorted.length);
  const related = (self: number): RelatedArticle[] => {
    const ownKeys = [...new Set(keys[self])];
    for (const id of ownKeys) mine[id] = 1;
    const rarestFirst = ownKeys.sort(
      (a, b) => postings[a].length - postings[b].length || compareStrings(keyName[a], keyName[b]),
    );
    const candidates: number[] = [];
    let stop: string | null = null;
    gather: for (const id of rarestFirst) {
      for (const other of postings[id]) {
        if (seen[other] || slugNumber[other] === slugNumber[self]) continue;
        seen[other] = 1;
        candidates.push(other);
        if (candidates.length >= enough) {
          stop = keyName[id];
          break gather;
        }
      }
    }
    stops[self] = stop;
    // The RELATED_LIMIT candidates sharing the most entities, newer (a lower number) first on a tie.
    for (const other of candidates) {
      seen[other] = 0;
      let count = 0;
      for (let i = keyStart[other], end = keyStart[other + 1]; i < end; i++) count += mine[keyIds[i]];
      shared[other] = count;
    }
    const best = firstOf(candidates, RELATED_LIMIT, (x, y) => shared[y] - shared[x] || x - y);
    const list = best.map((other) => {
      const common = Array.from(keys[other]).filter((id) => mine[id] === 1);
      return {
        ...summarize(sorted[other], lookup),
        sharedNames: common.map((id) => lookup.entity(graph.kindOf[id], graph.slugOf[id]).name),
      };
    });
    for (const id of ownKeys) mine[id] = 0;
    return list;
  };
  return { related, stopKey: (self) => stops[self] };
}

export interface ArticlePageOptions {
  linkSeeds: boolean;
  searchFilters: ReadonlySet<string>;
  story?: ArticlePage["story"];
}

/**
 * Everything articlePage reads, as one string, without building the page: the record (by its digest), its
 * list entry, its related articles and story, and the name and search-filter mark of each entity it names
 * (the names come from the entities' records). Equal keys make equal pages, so the render stage does not
 * build an article's page whose key is unchanged; whatever articlePage comes to read must be added here.
 */
export function articlePageKey(
  article: ArticleRecord,
  related: RelatedArticle[],
  lookup: Lookup,
  options: ArticlePageOptions,
  recordDigest: string,
): string {
  const named = (kind: MentionLink["kind"], slugs: string[]) =>
    slugs.map((slug) => [lookup.entity(kind, slug).name, options.searchFilters.has(`${kind}:${slug}`)]);
  return JSON.stringify([
    recordDigest,
    summarize(article, lookup),
    related,
    options.story ?? null,
    options.linkSeeds,
    named("person", article.people),
    named("party", article.parties),
    named("organization", article.organizations),
    named("place", article.places),
    article.peopleDetail.map((detail) => named("party", detail.parties)),
    named(
      "person",
      article.quotes.map((quote) => quote.person),
    ),
  ]);
}

/** An article's page; articlePageKey reads what this reads. */
export function articlePage(
  article: ArticleRecord,
  related: RelatedArticle[],
  lookup: Lookup,
  options: ArticlePageOptions,
): ArticlePage {
  const summary = summarize(article, lookup);
  const details = new Map(article.peopleDetail.map((d) => [d.slug, d]));
  const mentioned = (kind: MentionLink["kind"], slug: string): MentionedEntity => ({
    ...lookup.entity(kind, slug),
    inSearchFilter: options.searchFilters.has(`${kind}:${slug}`),
  });
  return {
    ...summary,
    permalink: articlePagePath(article.slug),
    subtitle: article.subtitle,
    authors: article.authors,
    dateEvidence: article.dateEvidence,
    year: article.date ? article.date.slice(0, 4) : null,
    bodyHtml: linkedBody(article, summary.url),
    people: article.people.map((slug) => ({
      ...mentioned("person", slug),
      roles: details.get(slug)?.roles ?? [],
      parties: (details.get(slug)?.parties ?? []).map((party) => lookup.entity("party", party)),
    })),
    parties: article.parties.map((slug) => mentioned("party", slug)),
    organizations: article.organizations.map((slug) => mentioned("organization", slug)),
    places: article.places.map((slug) => mentioned("place", slug)),
    figures: article.figures.map((figure) => ({
      value: figure.value,
      qualifier: figure.qualifier,
      what: figure.what,
      label: figureLabel(figure),
      ledgerUrl: `${storyUrl(article.story)}#${ledgerLineId(figure)}`,
    })),
    events: article.events.map((event) => ({
      date: event.date,
      what: event.what,
      inferred: event.inferred,
      dateLabel: formatDate(event.date),
    })),
    related,
    discarded: [...article.discarded].sort((a, b) => a.line - b.line),
    seedFile: article.source.file,
    seedUrl: options.linkSeeds ? seedUrl(article.source.file) : null,
    duplicates: article.source.duplicates,
    flags: article.flags,
    urlOriginal: webUrl(article.url_original),
    story: options.story ?? null,
    quotes: article.quotes.map((quote) => ({
      text: quote.text,
      line: quote.line,
      person: lookup.entity("person", quote.person),
    })),
    citation: citation(article, summary),
  };
}

/** The article's citation: outlet, date, title, original address, the archive's path and the seed's SHA-256. */
export function citation(article: ArticleRecord, summary: ArticleSummary): Citation {
  const originalUrl = webUrl(article.url_original);
  const parts = [
    article.outlet ?? "Unknown outlet",
    summary.dateLabel,
    `“${article.title}”`,
    ...(originalUrl ? [originalUrl] : []),
    `News archive ${summary.url}`,
    `seed ${article.source.file}, SHA-256 ${article.source.sha256}`,
  ];
  return {
    outlet: article.outlet,
    dateLabel: summary.dateLabel,
    title: article.title,
    originalUrl,
    permalink: summary.url,
    seedFile: article.source.file,
    sha256: article.source.sha256,
    text: `${parts.join(". ")}.`,
  };
}

/** A link to the original only when it is a web address: the seed's front matter is not trusted as an href. */
export function webUrl(url: string | null): string | null {
  return url !== null && /^https?:\/\//i.test(url) ? url : null;
}
