/**
 * The site-wide figures ledger: a list of stories with their ledger ranges, newest first (in stable pages
 * of PAGES.ledgerStories: a single page grew with the archive, 1.2 MB at 1,000 articles), and a page per
 * kind of count ("Militants killed") listing each story's range for it. Claims are compared only within
 * a story (src/resolve/ledger.ts): a range across unrelated events (a bombing, a flood, an election)
 * means nothing, so there is none. Each line links to its story's page, where its claims sit side by side.
 */
import { recordDigest } from "../../archive/index.ts";
import { PAGES } from "../../settings.ts";
import type { Archive, FigureCategory, StoryRecord } from "../../types.ts";
import { figureGroupUrl, fromSiteRoot } from "../../urls.ts";
import { compareStrings } from "../../util/group.ts";
import { slugify } from "../../util/slug.ts";
import { figureLabel, ledgerLineId } from "./articles.ts";
import { type ListPage, listPages } from "./stable-pages.ts";
import { rangeLabel, type StorySummary, type StoryViews } from "./stories.ts";

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

/** A page of the site-wide ledger's list of stories: the newest on the first, older ones by period. */
export type FiguresPage = ListPage<StoryRanges>;

/**
 * A page of one kind of count: its newest stories on the first page (the group's own URL), older ones on a
 * page per year or month they start in (views/stable-pages.ts), so a new story does not change them all.
 */
export interface FigureGroupPage extends ListPage<{ story: StorySummary; line: LedgerRange }> {
  id: string;
  label: string;
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

/**
 * `digestOf` gives a record's digest (src/archive): a line's range is made from its story's record alone, so its
 * JSON in a page's key is that record's digest and the line's place in it, not the range written out (the ledger's
 * and the kinds of count's pages' keys, worked out in every build, were 13 MB of JSON at 10,000 articles). By
 * default, the archive stage's digest worked out from the record (`recordDigest`).
 */
export function figuresLedger(
  archive: Archive,
  stories: StoryViews,
  digestOf: (record: object) => string = recordDigest,
): FiguresLedger {
  const summaries = new Map(stories.summaries.map((s) => [s.slug, s]));
  const groups = new Map<string, FigureGroup>();
  const withFigures: StoryRanges[] = [];
  for (const record of archive.stories) {
    if (record.figures.length === 0) continue;
    const story = summaries.get(record.slug)!;
    const lines = ledgerRanges(record, story, digestOf(record));
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
  const pages = listPages(withFigures, (entry) => entry.story.start, LATEST_LEDGER, PAGES.ledgerStories);
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

/**
 * Each story record's ledger lines as the site-wide ledger lists them, kept while the record and its summary
 * are the same objects and its digest is the same: `npm start` keeps an unchanged story's record
 * (src/resolve/kept-records.ts), and the summary while it shows the record as it is.
 */
const keptRanges = new WeakMap<StoryRecord, { story: StorySummary; digest: string; lines: LedgerRange[] }>();

function ledgerRanges(record: StoryRecord, story: StorySummary, digest: string): LedgerRange[] {
  const known = keptRanges.get(record);
  if (known && known.story === story && known.digest === digest) return known.lines;
  const lines = record.figures.map((line, at): LedgerRange => {
    const label = figureLabel(line);
    const range: LedgerRange = {
      label,
      url: `${story.url}#${ledgerLineId(line)}`,
      groupUrl: figureGroupUrl(label),
      range: rangeLabel(line.low, line.high),
      conservative: line.conservative,
      best: line.best,
      grading: line.grading,
      sources: line.sources,
      claims: line.claims.length,
    };
    // The range is made from the story's record alone: its JSON in a page's key is the record's digest.
    Object.defineProperty(range, "toJSON", { value: () => `range:${digest}:${at}`, enumerable: false });
    return range;
  });
  keptRanges.set(record, { story, digest, lines });
  return lines;
}

const LATEST_LEDGER = { url: "/figures/", latest: "Latest stories" };

/** A kind of count's pages: its newest stories on its own page, the others by the period they start in. */
function groupPages(group: FigureGroup): FigureGroupPage[] {
  return listPages(
    group.stories,
    (entry) => entry.story.start,
    { url: group.url, latest: "Latest stories" },
    PAGES.ledgerStories,
  ).map((page) => ({
    ...page,
    id: group.id,
    label: group.label,
  }));
}
