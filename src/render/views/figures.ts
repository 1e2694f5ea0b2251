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
import { spanName, stablePages } from "./stable-pages.ts";
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
  /** On an older page, the dates its stories start on ("3 March 2024 – 19 April 2024"); else null. */
  heading: string | null;
  stories: StoryRanges[];
  newer: LinkView | null;
  older: LinkView | null;
}

export interface FiguresLedger {
  /**
   * Stories with at least one figure, newest first: the newest on the first page, and PAGES.ledgerStories
   * to each older page, numbered from the oldest so that a new story changes the first page alone
   * (views/stable-pages.ts). One page grew with the archive.
   */
  pages: FiguresPage[];
  /** How many stories have figures. */
  storyCount: number;
  /** Kinds of count, the one with most stories first. */
  groups: FigureGroup[];
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
  const pages = stablePages(withFigures.length, PAGES.ledgerStories).map((slice): FiguresPage => {
    const url = slice.number === null ? "/figures/" : `/figures/page/${slice.number}/`;
    const stories = withFigures.slice(slice.start, slice.end);
    return {
      permalink: fromSiteRoot(url),
      url,
      first: slice.number === null,
      heading: slice.number === null ? null : spanName(stories.map((entry) => entry.story.start)),
      stories,
      newer: null,
      older: null,
    };
  });
  pages.forEach((page, at) => {
    const link = (other: FiguresPage | undefined): LinkView | null =>
      other ? { name: other.heading ?? "Latest stories", url: other.url } : null;
    page.newer = link(pages[at - 1]);
    page.older = link(pages[at + 1]);
  });
  return {
    pages,
    storyCount: withFigures.length,
    groups: [...groups.values()].sort(
      (a, b) => b.stories.length - a.stories.length || compareStrings(a.label, b.label),
    ),
  };
}
