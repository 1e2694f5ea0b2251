/**
 * Across articles: a publication date written without a year ("Islamabad, Feb 1:") takes the
 * year that puts it nearest to the dated articles it shares the most entities with, the
 * weekdays its story names breaking ties. Works on what the extractor kept of such a date
 * (Metadata.yearless: month, day, weekdays, the story's paragraphs), after every article is
 * extracted; the first step of resolve.
 */
import { fromIso, isoDate, toDate } from "../extract/metadata/dates.ts";
import { extractEvents } from "../extract/metadata/events.ts";
import { explainWeekdays, weekdayGap } from "../extract/metadata/publication-date.ts";
import type { EventDate, ExtractedArticle, YearlessDate } from "../types.ts";

/**
 * The event dates of articles dated here, kept between builds (src/cache: `RedatedEventsFile`) by the seed's
 * content hash and the date given: reading a story's dates again is most of this step's time (at 10,000
 * articles, a fifth of them dated without a year), and the date given rarely changes from one build to the next.
 */
export interface RedatedEventsCache {
  get(key: string): EventDate[] | undefined;
  set(key: string, events: EventDate[]): void;
}

function entityKeys(article: ExtractedArticle): Set<string> {
  const { people, parties, organizations, places } = article.entities;
  return new Set([
    ...people.map((p) => `person:${p.name}`),
    ...parties.map((p) => `party:${p.key}`),
    ...organizations.map((o) => `organization:${o.key}`),
    ...places.map((p) => `place:${p.key}`),
  ]);
}

function yearlessDate(article: ExtractedArticle): YearlessDate | null {
  return article.metadata.date ? null : (article.metadata.yearless ?? null);
}

interface DatedArticle {
  file: string;
  date: Date;
  day: number; // days since the epoch, for nearest-date search
}

const DAY_MS = 86_400_000;

/** Dated articles ordered by day, so the nearest one to any date is a binary search away. */
class DateLine {
  private readonly sorted: DatedArticle[];

  constructor(articles: DatedArticle[]) {
    this.sorted = [...articles].sort((a, b) => a.day - b.day || (a.file < b.file ? -1 : 1));
  }

  get size(): number {
    return this.sorted.length;
  }

  years(): number[] {
    return [...new Set(this.sorted.map((a) => a.date.getFullYear()))];
  }

  nearest(date: Date): { article: DatedArticle; days: number } {
    const day = Math.round(date.getTime() / DAY_MS);
    let low = 0;
    let high = this.sorted.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.sorted[mid].day < day) low = mid + 1;
      else high = mid;
    }
    const candidates = [this.sorted[low - 1], this.sorted[low]].filter(Boolean);
    const best = candidates.sort((a, b) => Math.abs(a.day - day) - Math.abs(b.day - day))[0];
    return { article: best, days: Math.abs(best.day - day) };
  }
}

/**
 * Which dated articles share entities with an article. Entities named by a large share of the
 * archive (the province every story is about) tell no neighbours apart and are left out, which
 * also keeps the lookup cheap on a large archive.
 */
class EntityIndex {
  private readonly postings = new Map<string, number[]>();

  constructor(
    private readonly dated: DatedArticle[],
    keysOf: (i: number) => Set<string>,
  ) {
    dated.forEach((_, i) => {
      for (const key of keysOf(i)) {
        const list = this.postings.get(key);
        if (list) list.push(i);
        else this.postings.set(key, [i]);
      }
    });
    const common = Math.max(50, dated.length / 100);
    for (const [key, list] of this.postings) if (list.length > common) this.postings.delete(key);
  }

  /** The dated articles sharing the most informative entities with `keys`, and how many they share. */
  neighbours(keys: Set<string>): { articles: DatedArticle[]; shared: number } {
    const counts = new Map<number, number>();
    for (const key of keys) for (const i of this.postings.get(key) ?? []) counts.set(i, (counts.get(i) ?? 0) + 1);
    const most = Math.max(0, ...counts.values());
    if (most === 0) return { articles: [], shared: 0 };
    return { articles: [...counts].filter(([, n]) => n === most).map(([i]) => this.dated[i]), shared: most };
  }
}

/**
 * Completes publication dates whose year the text left out, using the other articles' dates: such an
 * article is given a new metadata object (date, dateFrom, dateEvidence and the event dates that needed a
 * publication date) and flags list. What the extraction made is never changed in place: `npm start` keeps
 * it for the next build (src/ingest/kept.ts).
 * An article no other article can date keeps `date: null` and gets a flag.
 */
export function inferMissingYears(articles: ExtractedArticle[], redated?: RedatedEventsCache): void {
  const yearless = articles.map((a) => ({ article: a, written: yearlessDate(a) })).filter((y) => y.written !== null);
  if (yearless.length === 0) return;
  const datedArticles = articles.filter((a) => a.metadata.date !== null);
  const dated = datedArticles.map((a) => {
    const date = fromIso(a.metadata.date!);
    return { file: a.source.file, date, day: Math.round(date.getTime() / DAY_MS) };
  });
  const everyDated = new DateLine(dated);
  const index = new EntityIndex(dated, (i) => entityKeys(datedArticles[i]));

  for (const { article, written } of yearless) {
    if (!written) continue;
    if (everyDated.size === 0) {
      article.flags = [
        ...article.flags,
        `publication date '${written.text}' has no year, and no dated article gives one`,
      ];
      continue;
    }
    const near = index.neighbours(entityKeys(article));
    const others = near.articles.length > 0 ? new DateLine(near.articles) : everyDated;
    const mentions = written.weekdays;
    const years = [...new Set(others.years().flatMap((y) => [y - 1, y, y + 1]))];
    const [best] = years
      .map((year) => {
        const date = toDate(year, written.month, written.day);
        return { year, date, nearest: others.nearest(date), gap: weekdayGap(date, mentions) };
      })
      .sort((a, b) => a.nearest.days - b.nearest.days || a.gap - b.gap || a.year - b.year);
    if (!best) continue;
    const among = near.shared > 0 ? `sharing the most entities (${near.shared})` : "in the archive";
    const date = isoDate(best.date);
    const eventsKey = `${article.source.sha256} ${date}`;
    let events = redated?.get(eventsKey);
    if (!events) {
      events = extractEvents(written.story, best.date);
      redated?.set(eventsKey, events);
    }
    article.metadata = {
      ...article.metadata,
      date,
      dateFrom: "inferred",
      dateEvidence:
        `${article.metadata.dateEvidence} — '${written.text}' has no year; ${best.year} puts it ${best.nearest.days} day(s) from ` +
        `${best.nearest.article.file} (${isoDate(best.nearest.article.date)}), the nearest of ${others.size} dated article(s) ${among}.` +
        explainWeekdays(written.month, written.day, best.year, mentions),
      events,
    };
  }
}
