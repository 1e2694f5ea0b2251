/**
 * Everything the templates show, computed once from the Archive. Templates only present this data:
 * orderings, groupings, counts and links are all decided here.
 */
import type { Archive } from "../../types.ts";
import { compareStrings } from "../../util/group.ts";
import { type ArticlePage, type ArticleSummary, articlePage, relatedArticles } from "./articles.ts";
import { type EntityIndexPage, type EntityPage, entityIndexPages, entityPages, entitySources } from "./entities.ts";
import { type Feed, feed } from "./feeds.ts";
import { type FigureGroup, figureGroups } from "./figures.ts";
import { buildGraph } from "./graph.ts";
import { type Home, home } from "./home.ts";
import { buildLookup } from "./lookup.ts";
import { type SearchFilter, searchFilterKeys, searchFilterNames } from "./search-filters.ts";
import { type Timeline, timeline } from "./timeline.ts";

export interface FlaggedArticle extends Pick<ArticleSummary, "title" | "url" | "dateLabel"> {
  flags: string[];
}

export interface SiteViews {
  home: Home;
  articles: ArticlePage[];
  entities: EntityPage[];
  entityIndexes: EntityIndexPage[];
  timeline: Timeline;
  figures: FigureGroup[];
  report: { rejected: Archive["rejected"]; flagged: FlaggedArticle[] };
  feed: Feed;
  search: {
    /** Names of the search page's filters that have values, in Pagefind's order. */
    filters: SearchFilter[];
    /** The entities that are filter values ("person:slug"), for the from-disk index too. */
    filterKeys: ReadonlySet<string>;
  };
  /** Site paths of every HTML page, for sitemap.xml. */
  sitemap: string[];
  /** The pages this Eleventy run paginates over: all of them, or one slice of a batched render. */
  paged: Pick<SiteViews, "articles" | "entities" | "entityIndexes">;
}

export interface ViewOptions {
  /** True when the seed files are published under /seeds/ (renderSite copied them). */
  linkSeeds: boolean;
}

export function buildSiteViews(archive: Archive, options: ViewOptions): SiteViews {
  const lookup = buildLookup(archive);
  const sources = entitySources(archive);
  const graph = buildGraph(
    archive,
    sources.flatMap((source) => [source.name, lookup.entity(source.kind, source.slug).name]),
  );
  const related = relatedArticles(graph, lookup);
  const searchFilters = searchFilterKeys(archive);
  const articleOptions = { ...options, searchFilters };
  const articles = graph.sorted.map((a, at) => articlePage(a, related[at], lookup, articleOptions));
  const entities = entityPages(archive, lookup, graph);
  const entityIndexes = entityIndexPages(entities);
  const staticPages = ["/", "/articles/", "/timeline/", "/figures/", "/search/", "/report/"];
  const timelineView = timeline(graph.sorted, lookup);
  const figures = figureGroups(archive, lookup, graph.sorted);
  return {
    home: home(archive, graph.sorted, lookup, entityIndexes),
    articles,
    entities,
    entityIndexes,
    timeline: timelineView,
    figures,
    report: {
      rejected: [...archive.rejected].sort((a, b) => compareStrings(a.file, b.file)),
      flagged: articles
        .filter((a) => a.flags.length > 0)
        .map((a) => ({ title: a.title, url: a.url, dateLabel: a.dateLabel, flags: a.flags })),
    },
    feed: feed(graph.sorted),
    search: { filters: searchFilterNames(archive, searchFilters), filterKeys: searchFilters },
    paged: { articles, entities, entityIndexes },
    sitemap: [
      ...staticPages,
      ...timelineView.pages.map((p) => p.url),
      ...figures.map((group) => group.url),
      ...articles.map((a) => a.url),
      ...entityIndexes.map((i) => i.url),
      ...entities.map((e) => e.url),
    ],
  };
}
