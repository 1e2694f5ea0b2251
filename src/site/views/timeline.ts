/** The timeline: articles by year and month, with the event dates mentioned inside articles placed in their month. */
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

export interface TimelineYear {
  year: string;
  months: TimelineMonth[];
  /** Events known only to the year ("in 2013"). */
  events: TimelineEvent[];
}

export interface Timeline {
  years: TimelineYear[];
  undated: ArticleSummary[];
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
  return {
    years: [...years.keys()].sort(newestFirst).map((year) => {
      const entry = years.get(year)!;
      return {
        year,
        months: [...entry.months.keys()].sort(newestFirst).map((key): TimelineMonth => {
          const { id, label, articles, events } = entry.months.get(key)!;
          events.sort((a, b) => newestFirst(a.date, b.date) || compareStrings(a.article.slug, b.article.slug));
          const entries = [
            ...articles.map((article) => ({ type: "article" as const, article, key: dayOf(article.date!), rank: 0 })),
            ...events.map((event) => ({ type: "event" as const, ...event, key: dayOf(event.date), rank: 1 })),
          ]
            .sort((a, b) => newestFirst(a.key, b.key) || a.rank - b.rank)
            .map(({ key: _key, rank: _rank, ...entry }) => entry);
          return { id, label, entries };
        }),
        events: entry.events,
      };
    }),
    undated: sorted.filter((a) => !a.date).map((a) => summarize(a, lookup)),
  };
}
