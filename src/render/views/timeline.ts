/**
 * The timeline: articles by year and month, with the event dates mentioned inside articles placed in their
 * month. One page per year (and one for undated articles) under an index of years and months: a single
 * page grew with the archive, 17 MB at 10,000 articles.
 */
import type { ArticleRecord } from "../../types.ts";
import { compareStrings } from "../../util/group.ts";
import { formatDate, formatMonth } from "../format.ts";
import { type ArticleSummary, summarize } from "./articles.ts";
import type { Lookup } from "./lookup.ts";

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

/** A year's page (or the undated articles' page). */
export interface TimelinePage {
  permalink: string;
  url: string;
  heading: string;
  months: TimelineMonth[];
  /** Events known only to the year ("in 2013"). */
  events: TimelineEvent[];
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

/** A month while it is gathered: its articles and events, merged into `entries` at the end. */
interface MonthScratch {
  id: string;
  label: string;
  articles: ArticleSummary[];
  events: TimelineEvent[];
}

const newestFirst = (a: string, b: string) => compareStrings(b, a);

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
    const summary = summarize(article, lookup);
    if (article.date) monthOf(article.date.slice(0, 7)).articles.push(summary);
    for (const event of article.events) {
      const item: TimelineEvent = {
        date: event.date,
        dateLabel: formatDate(event.date),
        what: event.what,
        inferred: event.inferred ?? null,
        article: summary,
      };
      if (event.date.length >= 7) monthOf(event.date.slice(0, 7)).events.push(item);
      else yearOf(event.date).events.push(item);
    }
  }

  // Same day: the article before the dates it mentions. Undated-day events ("2026-02") sort as the 1st.
  const dayOf = (date: string) => (date.length === 7 ? `${date}-01` : date);
  const pages: TimelinePage[] = [...years.keys()].sort(newestFirst).map((year) => {
    const entry = years.get(year)!;
    const months = [...entry.months.keys()].sort(newestFirst).map((key): TimelineMonth => {
      const { id, label, articles, events } = entry.months.get(key)!;
      events.sort((a, b) => newestFirst(a.date, b.date) || compareStrings(a.article.slug, b.article.slug));
      const entries = [
        ...articles.map((article) => ({ type: "article" as const, article, key: dayOf(article.date!), rank: 0 })),
        ...events.map((event) => ({ type: "event" as const, ...event, key: dayOf(event.date), rank: 1 })),
      ]
        .sort((a, b) => newestFirst(a.key, b.key) || a.rank - b.rank)
        .map(({ key: _key, rank: _rank, ...entry }) => entry);
      return { id, label, entries };
    });
    return { ...timelinePage(year, year, []), months, events: entry.events };
  });
  const undated = sorted.filter((a) => !a.date).map((a) => summarize(a, lookup));
  if (undated.length > 0) pages.push(timelinePage("undated", "Undated", undated));
  pages.forEach((page, at) => {
    const link = (other: TimelinePage | undefined) => (other ? { label: other.heading, url: other.url } : null);
    page.newer = link(pages[at - 1]);
    page.older = link(pages[at + 1]);
  });
  const articlesIn = (month: TimelineMonth) => month.entries.filter((entry) => entry.type === "article").length;
  const eventsIn = (month: TimelineMonth) => month.entries.length - articlesIn(month);
  return {
    pages,
    index: pages.map((page) => ({
      label: page.heading,
      url: page.url,
      articleCount: page.undated.length + page.months.reduce((sum, month) => sum + articlesIn(month), 0),
      eventCount: page.events.length + page.months.reduce((sum, month) => sum + eventsIn(month), 0),
      months: page.months.map((month) => ({
        label: month.label,
        url: `${page.url}#${month.id}`,
        articleCount: articlesIn(month),
      })),
    })),
  };
}

/** An empty page for a year (slug "2026") or the undated articles; months, events and links are filled in. */
function timelinePage(slug: string, heading: string, undated: ArticleSummary[]): TimelinePage {
  return {
    permalink: `timeline/${slug}/index.html`,
    url: `/timeline/${slug}/`,
    heading,
    months: [],
    events: [],
    undated,
    newer: null,
    older: null,
  };
}
