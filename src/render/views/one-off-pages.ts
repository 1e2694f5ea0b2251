/**
 * The pages that are not article, entity or story pages — the home page, the lists, the timeline's years,
 * the figures ledger, the review and report pages, the feed and sitemap, and the stylesheet — each known by
 * a key like those (src/render/views/page-key.ts), so a rebuild renders only the ones whose view changed.
 * Their views are built on every build (each is one page made from the whole archive); a key is the view's
 * JSON, which holds the digests of the list entries it shows (ArticleSummary's toJSON), not the entries. It
 * is hashed as it is written out (src/render/json-pieces.ts), never made whole.
 */
import type { ArticleSummary } from "./articles.ts";
import type { EntityIndexPage } from "./entities.ts";
import type { FigureGroupPage, FiguresPage } from "./figures.ts";
import type { SiteViews } from "./index.ts";
import type { ListPage } from "./stable-pages.ts";
import type { StorySummary } from "./stories.ts";
import type { TimelinePage } from "./timeline.ts";

/** The one-off pages that a template paginates over, one item a page, as `site.paged.<list>`. */
export interface PagedOneOffs {
  articleListPages: ListPage<ArticleSummary>[];
  storyListPages: ListPage<StorySummary>[];
  entityIndexes: EntityIndexPage[];
  timelineYears: TimelinePage[];
  ledgerPages: FiguresPage[];
  figureGroups: FigureGroupPage[];
}

type PagedItem = { [List in keyof PagedOneOffs]: { list: List; view: PagedOneOffs[List][number] } }[keyof PagedOneOffs];

/** The template that paginates over each list of PagedOneOffs. */
export const PAGED_TEMPLATES: Record<keyof PagedOneOffs, string> = {
  articleListPages: "articles.njk",
  storyListPages: "stories.njk",
  entityIndexes: "entity-index.njk",
  timelineYears: "timeline-year.njk",
  ledgerPages: "figures.njk",
  figureGroups: "figures-group.njk",
};

export interface OneOffPage {
  /** The template that writes it (under templates/). */
  template: string;
  permalink: string;
  /** What its template reads of `site`: its key is this value's JSON. */
  shows: unknown;
  /** For a template paginating over site.paged.<list>: this page's item. */
  paged?: PagedItem;
}

export function noPagedOneOffs(): PagedOneOffs {
  return {
    articleListPages: [],
    storyListPages: [],
    entityIndexes: [],
    timelineYears: [],
    ledgerPages: [],
    figureGroups: [],
  };
}

/** Adds a one-off page's item to the lists a run paginates over. */
export function addPaged(lists: PagedOneOffs, { list, view }: PagedItem): void {
  (lists[list] as PagedItem["view"][]).push(view);
}

/**
 * Every one-off page of `views` with what its template reads of `site`, its key. A template that reads
 * more than its key here would show stale data on a rebuild; test/page-keys.test.ts compares rebuilds
 * with cold renders, and checks that an unchanged archive keeps every page.
 */
export function oneOffPages(views: SiteViews): OneOffPage[] {
  const single = (template: string, permalink: string, shows: unknown): OneOffPage => ({ template, permalink, shows });
  const paged = (item: PagedItem, shows: unknown = item.view): OneOffPage => ({
    ...single(PAGED_TEMPLATES[item.list], item.view.permalink, shows),
    paged: item,
  });
  const { figures } = views;
  // The ledger's first page lists every kind of count with its number of stories; the older pages list
  // their own stories only, so a new story leaves them as they were.
  const groupList = figures.groups.map((group) => [group.url, group.label, group.stories.length]);
  return [
    single("index.njk", "index.html", views.home),
    ...views.articleListPages.map((view) => paged({ list: "articleListPages", view })),
    ...views.storyListPages.map((view) => paged({ list: "storyListPages", view })),
    single("timeline.njk", "timeline/index.html", views.timeline.index),
    single("search.njk", "search/index.html", views.search.filters),
    single("report.njk", "report/index.html", views.report),
    single("review.njk", "review/index.html", views.review),
    single("feed.njk", "feed.xml", views.feed),
    single("sitemap.njk", "sitemap.xml", views.sitemap),
    // The stylesheet is the template's own: the fingerprint's salt (the site code's version) covers it.
    single("assets/**", "assets/site.css", null),
    ...views.timeline.pages.map((view) => paged({ list: "timelineYears", view })),
    ...figures.pages.map((view) =>
      paged({ list: "ledgerPages", view }, view.first ? [view, figures.storyCount, groupList] : view),
    ),
    ...figures.groupPages.map((view) => paged({ list: "figureGroups", view })),
    ...views.entityIndexes.map((view) => paged({ list: "entityIndexes", view })),
  ];
}
