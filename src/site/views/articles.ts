/** Article summaries (for lists) and full article pages with their entity panel and related articles. */
import type { Archive, ArticleRecord, Discarded, EventDate, Figure } from "../../types.ts";
import { formatDate } from "../format.ts";
import { renderArticleBody } from "../markdown.ts";
import { articleUrl, seedUrl } from "../urls.ts";
import { byDateDesc, type EntityRef, entityKeysOf, type LinkView, type Lookup, splitKey } from "./lookup.ts";

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

export function summarize(article: ArticleRecord, lookup: Lookup): ArticleSummary {
  return {
    slug: article.slug,
    url: articleUrl(article.slug),
    title: article.title,
    date: article.date,
    dateLabel: formatDate(article.date),
    dateInferred: article.dateFrom === "inferred",
    outlet: article.outletSlug ? lookup.entity("outlet", article.outletSlug) : null,
    dateline: article.dateline,
  };
}

/** Articles sharing the most entities with `article`; ties go to the newer article. */
function relatedArticles(article: ArticleRecord, archive: Archive, lookup: Lookup): RelatedArticle[] {
  const own = new Set(entityKeysOf(article));
  return archive.articles
    .filter((other) => other.slug !== article.slug)
    .map((other) => {
      const shared = entityKeysOf(other).filter((key) => own.has(key));
      return { other, shared };
    })
    .filter(({ shared }) => shared.length > 0)
    .sort((a, b) => b.shared.length - a.shared.length || byDateDesc(a.other, b.other))
    .slice(0, RELATED_LIMIT)
    .map(({ other, shared }) => ({
      ...summarize(other, lookup),
      shared: shared.length,
      sharedNames: shared.map((key) => {
        const { kind, slug } = splitKey(key);
        return lookup.entity(kind, slug).name;
      }),
    }));
}

export function articlePage(
  article: ArticleRecord,
  archive: Archive,
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
    related: relatedArticles(article, archive, lookup),
    discarded: [...article.discarded].sort((a, b) => a.line - b.line),
    seedFile: article.source.file,
    seedUrl: options.linkSeeds ? seedUrl(article.source.file) : null,
    duplicates: article.source.duplicates,
    flags: article.flags,
    urlOriginal: article.url_original,
  };
}
