/**
 * The timeline: articles by year and month, with the event dates mentioned inside articles placed in their
 * month. One page per year (and one for undated articles) under an index of years and months: a single
 * page grew with the archive, 17 MB at 10,000 articles.
 */
import { PAGES } from "../../settings.ts";
import type { ArticleRecord } from "../../types.ts";
import { fromSiteRoot } from "../../urls.ts";
import { compareStrings } from "../../util/group.ts";
import { formatDate, formatMonth } from "../format.ts";
import { type ArticleSummary, summarize } from "./articles.ts";
import type { Lookup } from "./lookup.ts";
import { countPages, spanName } from "./stable-pages.ts";

export interface TimelineEvent {
  date: string;
  dateLabel: string;
  what: string;
  inferred: string | null;
  article: ArticleSummary;
}

export interface TimelineMonth {
  id: string;
  label: string;
  /** Articles and mentioned dates together, newest first, for the month's list. */
  entries: ({ type: "article"; article: ArticleSummary } | ({ type: "event" } & TimelineEvent))[];
}

/**
 * A year's page (or the undated articles' page), or a month's: a year with 2 × PAGES.timelineEntries
 * entries or more is a page of links to a page per month (cut into parts of that many, numbered from the
 * oldest, when the month has as many), so a new article changes its month's page, not its year's.
 */
export interface TimelinePage {
  permalink: string;
  url: string;
  heading: string;
  /** On a month's page, its year's page; null on a year's. */
  year: { label: string; url: string } | null;
  /** The months the page shows, newest first: all of the year's, or one (or part of one) on a month's page. */
  months: TimelineMonth[];
  /** The year's months as its page lists them: to its sections ("#m-2024-03"), or to their own pages. */
  toc: { label: string; url: string }[];
  /** Events known only to the year ("in 2013"), or the part of them this page shows. */
  events: TimelineEvent[];
  /** A year's page whose events known only to the year run onto pages of their own: the next of them. */
  moreEvents: { label: string; url: string } | null;
  /** The undated articles, on the undated page only. */
  undated: ArticleSummary[];
  newer: { label: string; url: string } | null;
  older: { label: string; url: string } | null;
}

/** A year (or "Undated") in the timeline's index, with its months. */
export interface TimelineIndexEntry {
  label: string;
  url: string;
  articleCount: number;
  /** Dates mentioned inside articles that fall in the year. */
  eventCount: number;
  months: { label: string; url: string; articleCount: number }[];
}

export interface Timeline {
  index: TimelineIndexEntry[];
  pages: TimelinePage[];
}

type ArticleEntry = { type: "article"; article: ArticleSummary };
type EventEntry = { type: "event" } & TimelineEvent;

/** A month while it is gathered: its articles' and events' entries, merged into `entries` at the end. */
interface MonthScratch {
  id: string;
  label: string;
  articles: ArticleEntry[];
  events: { event: TimelineEvent; entry: EventEntry }[];
}

/** What the timeline shows of one article: its entry, and its events with theirs. */
interface ArticleTimeline {
  summary: ArticleSummary;
  /** The record's events list it was made from. */
  from: ArticleRecord["events"];
  entry: ArticleEntry;
  events: { event: TimelineEvent; entry: EventEntry }[];
}

/**
 * Each article record's part of the timeline, kept while its list entry is the same object (views/articles.ts
 * keeps that while the entry shows the record as it is) and its events the same list: `npm start` gives an
 * unchanged article the last build's record, whose events never change, and made every event's view again.
 * (Keyed by their digests, views/digested.ts, the 26,500 events of a 10,000-article archive held 18 MB more
 * from one save to the next, for 0.07 s of the timeline pages' keys.)
 */
const articleTimelines = new WeakMap<ArticleRecord, ArticleTimeline>();

function articleTimeline(article: ArticleRecord, summary: ArticleSummary): ArticleTimeline {
  const known = articleTimelines.get(article);
  if (known && known.summary === summary && known.from === article.events) return known;
  const made: ArticleTimeline = {
    summary,
    from: article.events,
    entry: { type: "article", article: summary },
    events: article.events.map((event) => {
      const view: TimelineEvent = {
        date: event.date,
        dateLabel: formatDate(event.date),
        what: event.what,
        inferred: event.inferred ?? null,
        article: summary,
      };
      return { event: view, entry: { type: "event" as const, ...view } };
    }),
  };
  articleTimelines.set(article, made);
  return made;
}

const newestFirst = (a: string, b: string) => compareStrings(b, a);

/** A link to a timeline page, by its heading; null for none. */
const linkTo = (page: TimelinePage | undefined) => (page ? { label: page.heading, url: page.url } : null);

/** `sorted`: the archive's articles in byDateDesc order (the archive graph's). */
export function timeline(sorted: ArticleRecord[], lookup: Lookup): Timeline {
  const years = new Map<string, { months: Map<string, MonthScratch>; events: TimelineEvent[] }>();
  const yearOf = (year: string) => {
    const existing = years.get(year);
    if (existing) return existing;
    const entry = { months: new Map<string, MonthScratch>(), events: [] as TimelineEvent[] };
    years.set(year, entry);
    return entry;
  };
  const monthOf = (yearMonth: string) => {
    const months = yearOf(yearMonth.slice(0, 4)).months;
    let month = months.get(yearMonth);
    if (!month) {
      month = { id: `m-${yearMonth}`, label: formatMonth(yearMonth), articles: [], events: [] };
      months.set(yearMonth, month);
    }
    return month;
  };

  for (const article of sorted) {
    const shown = articleTimeline(article, summarize(article, lookup));
    if (article.date) monthOf(article.date.slice(0, 7)).articles.push(shown.entry);
    for (const item of shown.events) {
      const { date } = item.event;
      if (date.length >= 7) monthOf(date.slice(0, 7)).events.push(item);
      else yearOf(date).events.push(item.event);
    }
  }

  // Same day: the article before the dates it mentions. Undated-day events ("2026-02") sort as the 1st.
  const dayOf = (date: string) => (date.length === 7 ? `${date}-01` : date);
  const pages: TimelinePage[] = [...years.keys()].sort(newestFirst).map((year) => {
    const entry = years.get(year)!;
    const months = [...entry.months.keys()].sort(newestFirst).map((key): TimelineMonth => {
      const { id, label, articles, events } = entry.months.get(key)!;
      events.sort(
        (a, b) => newestFirst(a.event.date, b.event.date) || compareStrings(a.event.article.slug, b.event.article.slug),
      );
      const entries = [
        ...articles.map((entry) => ({ entry, key: dayOf(entry.article.date!), rank: 0 })),
        ...events.map(({ event, entry }) => ({ entry, key: dayOf(event.date), rank: 1 })),
      ]
        .sort((a, b) => newestFirst(a.key, b.key) || a.rank - b.rank)
        .map(({ entry }) => entry);
      return { id, label, entries };
    });
    const toc = months.map((month) => ({ label: month.label, url: `/timeline/${year}/#${month.id}` }));
    return { ...timelinePage(year, year, []), months, toc, events: entry.events };
  });
  const undated = sorted.filter((a) => !a.date).map((a) => summarize(a, lookup));
  if (undated.length > 0) pages.push(timelinePage("undated", "Undated", undated));
  pages.forEach((page, at) => {
    page.newer = linkTo(pages[at - 1]);
    page.older = linkTo(pages[at + 1]);
  });
  const monthPagesOf = pages.map(splitByMonth);
  const monthPages = monthPagesOf.flat();
  monthPages.forEach((page, at) => {
    const sameYear = (other: TimelinePage | undefined) => (other?.year?.url === page.year?.url ? other : undefined);
    page.newer = linkTo(sameYear(monthPages[at - 1]));
    page.older = linkTo(sameYear(monthPages[at + 1]));
  });
  const articlesIn = (month: TimelineMonth) => month.entries.filter((entry) => entry.type === "article").length;
  const eventsIn = (month: TimelineMonth) => month.entries.length - articlesIn(month);
  const index = pages.map((page) => ({
    label: page.heading,
    url: page.url,
    articleCount: page.undated.length + page.months.reduce((sum, month) => sum + articlesIn(month), 0),
    eventCount: page.events.length + page.months.reduce((sum, month) => sum + eventsIn(month), 0),
    months: page.months.map((month, at) => ({
      label: month.label,
      url: page.toc[at].url,
      articleCount: articlesIn(month),
    })),
  }));
  // A year with pages per month shows only its links to them: its page then changes only when a month is
  // added or goes.
  pages.forEach((page, at) => {
    if (monthPagesOf[at].length > 0) page.months = [];
  });
  const undatedPage = pages.find((page) => page.url === "/timeline/undated/");
  const undatedParts = undatedPage ? splitUndated(undatedPage) : [];
  const eventParts = pages.flatMap(splitYearEvents);
  return { pages: [...pages, ...monthPages, ...undatedParts, ...eventParts], index };
}

/**
 * A page's list `field` in parts when it has 2 × PAGES.timelineEntries items or more, numbered from the last
 * in the list (`countPages`): the page keeps the first part, and each other part is a page of its own at
 * `folder` and its number, linking the part before it (the first, the page itself) and the part after it.
 * Returns those pages, none when the list is short.
 */
function splitList<K extends "undated" | "events">(
  page: TimelinePage,
  field: K,
  folder: string,
  headingOf: (part: number) => string,
): TimelinePage[] {
  const all = page[field];
  const parts = countPages(all.length, PAGES.timelineEntries);
  if (parts.length === 1) return [];
  const pages = parts.slice(1).map((part): TimelinePage => {
    const url = `${folder}${part.number}/`;
    return {
      ...timelinePage("", headingOf(part.number as number), []),
      permalink: fromSiteRoot(url),
      url,
      year: { label: page.heading, url: page.url },
      [field]: all.slice(part.start, part.end),
    };
  });
  page[field] = all.slice(parts[0].start, parts[0].end) as TimelinePage[K];
  const chain = [page, ...pages];
  pages.forEach((part, at) => {
    part.newer = linkTo(chain[at]);
    part.older = linkTo(chain[at + 2]);
  });
  return pages;
}

/** The undated articles' older parts (/timeline/undated/1/); the undated page links the first as its older page. */
function splitUndated(page: TimelinePage): TimelinePage[] {
  const pages = splitList(page, "undated", page.url, (part) => `Undated, part ${part}`);
  // The undated page keeps its link to the last year.
  if (pages.length > 0) page.older = linkTo(pages[0]);
  return pages;
}

/**
 * A year's events known only to the year ("in 2013") in parts, at /timeline/2013/year-only/1/ and on; the
 * year's page links the first (`moreEvents`). Years the archive's articles look back on gather thousands
 * (2013's page was 3.2 MB at 50,000 articles). A month's page has none.
 */
function splitYearEvents(page: TimelinePage): TimelinePage[] {
  if (page.year !== null) return [];
  const heading = (part: number) => `${page.heading}: dates given only as the year, part ${part}`;
  const pages = splitList(page, "events", `${page.url}${YEAR_ONLY}/`, heading);
  if (pages.length > 0) page.moreEvents = linkTo(pages[0]);
  return pages;
}

/** The folder of a year's parts of its events known only to the year; a month's folder is two digits. */
const YEAR_ONLY = "year-only";

/**
 * A year's month pages when it has 2 × PAGES.timelineEntries entries or more, its page linking each
 * (`toc`); the caller empties the year's `months` once the index has counted them. Each month with that
 * many entries is cut into parts numbered from its oldest.
 */
function splitByMonth(year: TimelinePage): TimelinePage[] {
  const size = PAGES.timelineEntries;
  const entries = year.months.reduce((sum, month) => sum + month.entries.length, 0);
  if (entries < 2 * size) return [];
  const pages: TimelinePage[] = [];
  year.months.forEach((month, at) => {
    // The month's two digits: "m-2024-03" → "/timeline/2024/03/".
    const folder = `${year.url}${month.id.slice(-2)}/`;
    year.toc[at] = { label: month.label, url: folder };
    const parts = countPages(month.entries.length, size);
    for (const part of parts) {
      const url = part.number === null ? folder : `${folder}${part.number}/`;
      const shown = month.entries.slice(part.start, part.end);
      const dates = shown.map((entry) => (entry.type === "article" ? entry.article.date : entry.date));
      pages.push({
        ...timelinePage("", parts.length === 1 ? month.label : `${month.label}: ${spanName(dates)}`, []),
        permalink: fromSiteRoot(url),
        url,
        year: { label: year.heading, url: year.url },
        months: [{ ...month, entries: shown }],
        toc: [],
      });
    }
  });
  return pages;
}

/** An empty page for a year (slug "2026") or the undated articles; months, events and links are filled in. */
function timelinePage(slug: string, heading: string, undated: ArticleSummary[]): TimelinePage {
  return {
    permalink: `timeline/${slug}/index.html`,
    url: `/timeline/${slug}/`,
    heading,
    year: null,
    months: [],
    toc: [],
    events: [],
    moreEvents: null,
    undated,
    newer: null,
    older: null,
  };
}
