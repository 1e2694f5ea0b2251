/**
 * The site-wide figures ledger: a list of stories with their ledger ranges, newest first (in stable pages
 * of PAGES.ledgerStories: a single page grew with the archive, 1.2 MB at 1,000 articles), and a page per
 * kind of count ("Militants killed") listing each story's range for it. Claims are compared only within
 * a story (src/resolve/ledger.ts): a range across unrelated events (a bombing, a flood, an election)
 * means nothing, so there is none. Each line links to its story's page, where its claims sit side by side.
 */
import { PAGES } from "../../settings.ts";
import type { Archive, FigureCategory } from "../../types.ts";
import { figureGroupUrl, fromSiteRoot } from "../../urls.ts";
import { compareStrings } from "../../util/group.ts";
import { slugify } from "../../util/slug.ts";
import { figureLabel } from "./articles.ts";
import type { LinkView } from "./lookup.ts";
import { stablePages } from "./stable-pages.ts";
import type { StorySummary, StoryViews } from "./stories.ts";

/** A ledger line as the site-wide ledger lists it: its label and range, linked to its story's page. */
export interface LedgerRange {
  label: string;
  /** The line on its story's page. */
  url: string;
  /** The kind of count's page of the site-wide ledger. */
  groupUrl: string;
  range: string;
  conservative: number;
  best: number;
  grading: "single source" | "corroborated";
  sources: number;
  claims: number;
}

/** A story with figures, and its ledger lines. */
export interface StoryRanges {
  story: StorySummary;
  lines: LedgerRange[];
}

/** One kind of count ("Militants killed"): each story's range for it, newest story first. */
export interface FigureGroup {
  id: string;
  permalink: string;
  url: string;
  label: string;
  category: FigureCategory;
  outcome: string;
  stories: { story: StorySummary; line: LedgerRange }[];
}

/** A page of the site-wide ledger's list of stories. */
export interface FiguresPage {
  permalink: string;
  url: string;
  /** The first page (/figures/), which also lists the kinds of count; the others hold older stories. */
  first: boolean;
  /** On the first page, the older pages, newest first; else empty. */
  olderPages: LinkView[];
  /** On an older page, the period its stories start in ("2024", "March 2024"), or the dates; else null. */
  heading: string | null;
  stories: StoryRanges[];
  newer: LinkView | null;
  older: LinkView | null;
}

/**
 * A page of one kind of count: its newest stories on the first page (the group's own URL), older ones on a
 * page per year or month they start in (views/stable-pages.ts), so a new story does not change them all.
 */
export interface FigureGroupPage {
  id: string;
  permalink: string;
  url: string;
  label: string;
  /** The group's first page, which links its older pages (`olderPages`). */
  first: boolean;
  /** On an older page, the period its stories start in, or their dates; null on the first page. */
  heading: string | null;
  stories: { story: StorySummary; line: LedgerRange }[];
  /** The group's own page, linked from its older pages' heading. */
  groupUrl: string;
  olderPages: LinkView[];
  newer: LinkView | null;
  older: LinkView | null;
}

export interface FiguresLedger {
  /**
   * Stories with at least one figure, newest first: the newest on the first page, and a page per year or
   * month they start in, so that a new story changes its period's page and the first (views/stable-pages.ts).
   * One page grew with the archive.
   */
  pages: FiguresPage[];
  /** How many stories have figures. */
  storyCount: number;
  /** Kinds of count, the one with most stories first. */
  groups: FigureGroup[];
  /** Each kind of count's pages: its first page, then its older pages. */
  groupPages: FigureGroupPage[];
}

export function figuresLedger(archive: Archive, stories: StoryViews): FiguresLedger {
  const summaries = new Map(stories.summaries.map((s) => [s.slug, s]));
  const groups = new Map<string, FigureGroup>();
  const withFigures: StoryRanges[] = [];
  for (const record of archive.stories) {
    if (record.figures.length === 0) continue;
    const story = summaries.get(record.slug)!;
    const views = stories.ledger(record);
    const lines = record.figures.map((line, at): LedgerRange => {
      const view = views[at];
      const label = figureLabel(line);
      return {
        label,
        url: `${story.url}#${view.id}`,
        groupUrl: figureGroupUrl(label),
        range: view.range,
        conservative: view.conservative,
        best: view.best,
        grading: view.grading,
        sources: view.sources,
        claims: view.claims.length,
      };
    });
    withFigures.push({ story, lines });
    record.figures.forEach((line, at) => {
      const key = `${line.category}\u0000${line.outcome}`;
      let group = groups.get(key);
      if (!group) {
        const label = figureLabel(line);
        const url = figureGroupUrl(label);
        group = {
          id: slugify(label),
          permalink: fromSiteRoot(url),
          url,
          label,
          category: line.category,
          outcome: line.outcome,
          stories: [],
        };
        groups.set(key, group);
      }
      group.stories.push({ story, line: lines[at] });
    });
  }
  const starts = withFigures.map((entry) => entry.story.start);
  const pages = stablePages(starts, PAGES.ledgerStories).map((stable): FiguresPage => {
    const url = stable.path === null ? "/figures/" : `/figures/stories/${stable.path}/`;
    return {
      permalink: fromSiteRoot(url),
      url,
      first: stable.path === null,
      heading: stable.name,
      olderPages: [],
      stories: stable.items.map((item) => withFigures[item]),
      newer: null,
      older: null,
    };
  });
  linkNeighbours(pages, "Latest stories");
  pages[0].olderPages = olderPagesOf(pages);
  const sortedGroups = [...groups.values()].sort(
    (a, b) => b.stories.length - a.stories.length || compareStrings(a.label, b.label),
  );
  return {
    pages,
    storyCount: withFigures.length,
    groups: sortedGroups,
    groupPages: sortedGroups.flatMap(groupPages),
  };
}

/** A newest-first run of pages linked each to the next newer and the next older; the first is `firstName`. */
function linkNeighbours<
  P extends { url: string; heading: string | null; newer: LinkView | null; older: LinkView | null },
>(pages: P[], firstName: string): void {
  const link = (other: P | undefined): LinkView | null =>
    other ? { name: other.heading ?? firstName, url: other.url } : null;
  pages.forEach((page, at) => {
    page.newer = link(pages[at - 1]);
    page.older = link(pages[at + 1]);
  });
}

/** The older pages of a newest-first run of pages, as its first page lists them. */
function olderPagesOf(pages: { url: string; heading: string | null }[]): LinkView[] {
  return pages.slice(1).map((page) => ({ name: page.heading ?? "", url: page.url }));
}

/** A kind of count's pages: its newest stories on its own page, the others by the period they start in. */
function groupPages(group: FigureGroup): FigureGroupPage[] {
  const starts = group.stories.map((entry) => entry.story.start);
  const pages = stablePages(starts, PAGES.ledgerStories).map((stable): FigureGroupPage => {
    const url = stable.path === null ? group.url : `${group.url}${stable.path}/`;
    return {
      id: group.id,
      permalink: fromSiteRoot(url),
      url,
      label: group.label,
      first: stable.path === null,
      heading: stable.name,
      stories: stable.items.map((item) => group.stories[item]),
      groupUrl: group.url,
      olderPages: [],
      newer: null,
      older: null,
    };
  });
  linkNeighbours(pages, "Latest stories");
  pages[0].olderPages = olderPagesOf(pages);
  return pages;
}
