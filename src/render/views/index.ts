/**
 * Everything the templates show, computed from the Archive. Templates only present this data:
 * orderings, groupings, counts and links are all decided here. The article, entity and story pages are
 * built on demand, a slice at a time (`articlePages`, `entityPages`, `storyPages`); everything else once
 * per build.
 */
import { type RecordDigests, recordDigests } from "../../archive/index.ts";
import { PAGES } from "../../settings.ts";
import type { Archive, ArticleRecord } from "../../types.ts";
import { articlePagePath, STORIES_URL } from "../../urls.ts";
import { compareStrings, groupBy } from "../../util/group.ts";
import { type ArticleDependencies, articleDependencies } from "./article-deps.ts";
import {
  type ArticlePage,
  type ArticleSummary,
  articlePage,
  articlePageKey,
  relatedArticles,
  summarize,
} from "./articles.ts";
import {
  type EntityIndexPage,
  type EntityPage,
  type EntityPageSet,
  entityIndexPages,
  entityPages,
  entitySources,
} from "./entities.ts";
import { type Feed, feed } from "./feeds.ts";
import { type FiguresLedger, figuresLedger } from "./figures.ts";
import { buildGraph } from "./graph.ts";
import { type Home, home } from "./home.ts";
import { buildLookup } from "./lookup.ts";
import { noPagedOneOffs, type PagedOneOffs } from "./one-off-pages.ts";
import type { PageKey } from "./page-key.ts";
import { type ReviewPage, reviewPage } from "./review.ts";
import { type SearchFilter, searchFilterKeys, searchFilterNames } from "./search-filters.ts";
import { type ListPage, listPages } from "./stable-pages.ts";
import { type StoryPage, type StoryPageInputs, type StorySummary, storyViews } from "./stories.ts";
import { type Timeline, timeline } from "./timeline.ts";

export interface FlaggedArticle extends Pick<ArticleSummary, "title" | "url" | "dateLabel"> {
  /** The article's flags of its group's kind (their text, evidence included). */
  flags: string[];
}

/**
 * The report's flagged articles of one kind of flag ("no outlet found", "publication date inferred"): how
 * many, and the first PAGES.reviewItems, newest first. One page listing every flagged article grew with the
 * archive (2.5 MB at 10,000 articles); each article's flags are in the archive's files.
 */
export interface FlagGroup {
  kind: string;
  total: number;
  items: FlaggedArticle[];
}

export interface SiteViews {
  home: Home;
  /** The articles list (/articles/) in stable pages: the newest first, the older by period. */
  articleListPages: ListPage<ArticleSummary>[];
  entityIndexes: EntityIndexPage[];
  timeline: Timeline;
  /** The stories list (/stories/) in stable pages, likewise. */
  storyListPages: ListPage<StorySummary>[];
  figures: FiguresLedger;
  report: { rejected: Archive["rejected"]; flagged: FlagGroup[] };
  /** Likely problems, each with the lines that fix it (/review/). */
  review: ReviewPage;
  feed: Feed;
  search: {
    /** Names of the search page's filters that have values, in Pagefind's order. */
    filters: SearchFilter[];
    /** The entities that are filter values ("person:slug"), for the from-disk index too. */
    filterKeys: ReadonlySet<string>;
  };
  /** Site paths of every HTML page, for sitemap.xml. */
  sitemap: string[];
  /**
   * The pages this Eleventy run paginates over: all of them, or those of them a rebuild renders again
   * (src/render/index.ts), one slice at a time.
   */
  paged: { articles: ArticlePage[]; entities: EntityPage[]; stories: StoryPage[] } & PagedOneOffs;
}

export interface SiteViewSet {
  /** Everything the templates show except the article pages; `paged` starts empty. */
  views: SiteViews;
  articleCount: number;
  /**
   * Article pages `start` to `end` (exclusive, default all), newest first. Built on demand because
   * each holds its article's rendered HTML: all of them at once are gigabytes at 50,000 articles.
   */
  articlePages(start?: number, end?: number): ArticlePage[];
  /** Article page `at`'s key (src/render/views/page-key.ts), without building the page. */
  articleKey(at: number): PageKey;
  /** Article `at`'s slug, which its search fingerprint is kept under. */
  articleSlug(at: number): string;
  /** What tells an article page unchanged before its key is worked out (src/render/views/article-deps.ts). */
  articleDeps: ArticleDependencies;
  entityCount: number;
  /** Entity pages `start` to `end` (exclusive, default all), built on demand like the article pages. */
  entityPages(start?: number, end?: number): EntityPage[];
  /** Entity page `at`'s key, without building the page. */
  entityKey(at: number): PageKey;
  /** What tells an entity page unchanged before its key is worked out (EntityPageSet: preKey, touchedBy). */
  entityPreKeys: Pick<
    EntityPageSet,
    | "where"
    | "preKey"
    | "roster"
    | "touchedBy"
    | "names"
    | "entityOf"
    | "ownInputs"
    | "articleStamp"
    | "carryStamps"
    | "stampsMade"
  >;
  storyCount: number;
  /** Story pages `start` to `end` (exclusive, default all), likewise. */
  storyPages(start?: number, end?: number): StoryPage[];
  /** Story page `at`'s key, without building the page. */
  storyKey(at: number): PageKey;
  /** What story page `at`'s key is made from (src/render/story-pages-known.ts). */
  storyInputs(at: number): StoryPageInputs;
  /** The point each place is drawn at on the maps ("lat lon"), by slug. */
  placePoints(): Map<string, string>;
}

/**
 * The report's flagged articles by kind of flag (a flag's text before any colon), the kinds in order of
 * their first article; `summaries` are those of `sorted`, in the same order.
 */
function flaggedArticles(sorted: ArticleRecord[], summaries: ArticleSummary[]): FlagGroup[] {
  const groups = new Map<string, FlagGroup>();
  summaries.forEach(({ title, url, dateLabel }, at) => {
    const byKind = groupBy(sorted[at].flags, (flag) => flag.split(":")[0].trim());
    for (const [kind, flags] of byKind) {
      let group = groups.get(kind);
      if (!group) {
        group = { kind, total: 0, items: [] };
        groups.set(kind, group);
      }
      group.total++;
      if (group.items.length < PAGES.reviewItems) group.items.push({ title, url, dateLabel, flags });
    }
  });
  return [...groups.values()];
}

export interface ViewOptions {
  /** True when the seed files are published under /seeds/ (the render stage copied them). */
  linkSeeds: boolean;
  /** The archive's record digests, from the archive stage; worked out here when a page key needs them. */
  recordDigests?: RecordDigests;
}

export function buildSiteViews(archive: Archive, options: ViewOptions): SiteViewSet {
  const lookup = buildLookup(archive);
  const sources = entitySources(archive);
  const graph = buildGraph(
    archive,
    sources.flatMap((source) => [source.name, lookup.entity(source.kind, source.slug).name]),
  );
  const { related, stopKey } = relatedArticles(graph, lookup);
  const searchFilters = searchFilterKeys(archive, undefined, graph);
  const articleOptions = { linkSeeds: options.linkSeeds, searchFilters };
  let digests = options.recordDigests;
  const digestOf = (record: object): string => {
    digests ??= recordDigests(archive);
    const digest = digests.get(record);
    if (digest === undefined) throw new Error("a record of the archive has no digest");
    return digest;
  };
  const entities = entityPages(archive, lookup, graph, digestOf, sources);
  const entityIndexes = entityIndexPages(entities.entries, archive, lookup, graph);
  const staticPages = ["/", "/articles/", STORIES_URL, "/timeline/", "/figures/", "/search/", "/report/", "/review/"];
  const timelineView = timeline(graph.sorted, lookup);
  const stories = storyViews(archive, lookup, digestOf);
  const figures = figuresLedger(archive, stories, digestOf);
  const articleList = graph.sorted.map((article) => summarize(article, lookup));
  const articleListPages = listPages(
    articleList,
    (article) => article.date,
    { url: "/articles/", latest: "Latest articles" },
    PAGES.listArticles,
  );
  const storyListPages = listPages(
    stories.summaries,
    (story) => story.start,
    { url: STORIES_URL, latest: "Latest stories" },
    PAGES.listStories,
  );
  const views: SiteViews = {
    home: home(archive, graph.sorted, lookup, entityIndexes),
    articleListPages,
    entityIndexes,
    timeline: timelineView,
    storyListPages,
    figures,
    report: {
      rejected: [...archive.rejected].sort((a, b) => compareStrings(a.file, b.file)),
      flagged: flaggedArticles(graph.sorted, articleList),
    },
    review: reviewPage(archive, lookup, graph),
    feed: feed(graph.sorted),
    search: { filters: searchFilterNames(archive, searchFilters), filterKeys: searchFilters },
    paged: { articles: [], entities: [], stories: [], ...noPagedOneOffs() },
    sitemap: [
      ...staticPages,
      ...timelineView.pages.map((p) => p.url),
      ...[...articleListPages, ...storyListPages].filter((page) => !page.first).map((page) => page.url),
      ...figures.pages.slice(1).map((page) => page.url),
      ...figures.groupPages.map((page) => page.url),
      ...stories.summaries.map((story) => story.url),
      ...articleList.map((a) => a.url),
      ...entityIndexes.map((i) => i.url),
      ...entities.entries.map((e) => e.url),
      ...entities.olderUrls,
    ],
  };
  const optionsOf = (article: ArticleRecord) => ({ ...articleOptions, story: stories.linkOf(article) });
  const articleDeps = articleDependencies(graph, {
    digestOf,
    stampOf: entities.articleStamp,
    summaryOf: (article) => summarize(article, lookup),
    contextOf: (article) => JSON.stringify([stories.linkOf(article), options.linkSeeds]),
    stopKey,
    filterKeys: searchFilters,
  });
  return {
    views,
    articleCount: graph.sorted.length,
    articlePages: (start = 0, end = graph.sorted.length) =>
      graph.sorted
        .slice(start, end)
        .map((article, i) => articlePage(article, related(start + i), lookup, optionsOf(article))),
    articleKey: (at) => {
      const article = graph.sorted[at];
      return {
        permalink: articlePagePath(article.slug),
        csvPath: null,
        key: articlePageKey(article, related(at), lookup, optionsOf(article), digestOf(article)),
      };
    },
    articleSlug: (at) => graph.sorted[at].slug,
    articleDeps,
    entityCount: entities.count,
    entityPages: entities.pages,
    entityKey: entities.key,
    entityPreKeys: entities,
    storyCount: archive.stories.length,
    storyPages: stories.pages,
    storyKey: stories.key,
    storyInputs: stories.inputs,
    placePoints: () => new Map(archive.places.map((place) => [place.slug, `${place.lat} ${place.lon}`])),
  };
}
