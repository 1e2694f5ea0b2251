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
import { deepFreeze } from "../util/freeze.ts";

/**
 * The event dates of articles dated here, kept between builds (src/cache: `RedatedEventsFile`) by the seed's
 * content hash and the date given: reading a story's dates again is most of this step's time (at 10,000
 * articles, a fifth of them dated without a year), and the date given rarely changes from one build to the next.
 */
export interface RedatedEventsCache {
  get(key: string): EventDate[] | undefined;
  set(key: string, events: EventDate[]): void;
}

/**
 * Each entity an article names as a number: a person by name, a party, organization or place by key, one
 * map per kind, so no "kind:name" string is joined per mention (with the shared counts in an array and each
 * date parsed once, year inference at 10,000 articles went from 0.68–0.80 to 0.46–0.56 s).
 */
class EntityNumbers {
  private readonly byKind = [
    new Map<string, number>(),
    new Map<string, number>(),
    new Map<string, number>(),
    new Map<string, number>(),
  ];
  private count = 0;

  /** The distinct numbers of the entities `article` names; with `known`, only those numbered before. */
  of(article: ExtractedArticle, known = false): number[] {
    const { people, parties, organizations, places } = article.entities;
    const names = [
      people.map((p) => p.name),
      parties.map((p) => p.key),
      organizations.map((o) => o.key),
      places.map((p) => p.key),
    ];
    const ids = new Set<number>();
    names.forEach((list, kind) => {
      const numbers = this.byKind[kind] as Map<string, number>;
      for (const name of list) {
        let id = numbers.get(name);
        if (id === undefined && !known) {
          id = this.count++;
          numbers.set(name, id);
        }
        if (id !== undefined) ids.add(id);
      }
    });
    return [...ids];
  }
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
  /** The dated articles naming each entity, by its number; none for an entity too common to tell. */
  private readonly postings: number[][] = [];
  /** Entities shared with the article asked about, by dated article (zeroed again after each question). */
  private readonly shared: Int32Array;

  constructor(
    private readonly dated: DatedArticle[],
    idsOf: (i: number) => number[],
  ) {
    dated.forEach((_, i) => {
      for (const id of idsOf(i)) {
        this.postings[id] ??= [];
        this.postings[id].push(i);
      }
    });
    const common = Math.max(50, dated.length / 100);
    for (const [id, list] of this.postings.entries()) if (list && list.length > common) this.postings[id] = [];
    this.shared = new Int32Array(dated.length);
  }

  /** The dated articles sharing the most informative entities with the entities `ids`, and how many they share. */
  neighbours(ids: number[]): { articles: DatedArticle[]; shared: number } {
    const touched: number[] = [];
    for (const id of ids) for (const i of this.postings[id] ?? []) if (this.shared[i]++ === 0) touched.push(i);
    let most = 0;
    for (const i of touched) most = Math.max(most, this.shared[i]);
    const articles = touched.filter((i) => this.shared[i] === most).map((i) => this.dated[i]);
    for (const i of touched) this.shared[i] = 0;
    return most === 0 ? { articles: [], shared: 0 } : { articles, shared: most };
  }
}

/** What the inference reads of a dated article: its date, its file, and the entities it names. */
interface DatedInputs {
  date: string;
  file: string;
  entities: ExtractedArticle["entities"];
}

/** The names EntityNumbers numbers, by kind: what the inference compares of two articles' entities. */
const entityNameSets = (entities: ExtractedArticle["entities"]): Set<string>[] => [
  new Set(entities.people.map((p) => p.name)),
  new Set(entities.parties.map((p) => p.key)),
  new Set(entities.organizations.map((o) => o.key)),
  new Set(entities.places.map((p) => p.key)),
];

function sameNames(a: ExtractedArticle["entities"], b: ExtractedArticle["entities"]): boolean {
  if (a === b) return true;
  const before = entityNameSets(a);
  return entityNameSets(b).every((names, kind) => {
    const other = before[kind] as Set<string>;
    return names.size === other.size && [...names].every((name) => other.has(name));
  });
}

/**
 * The inference of one build, for the next build of the same process (`npm start`, through
 * src/resolve/kept-records.ts). An article's inferred date is made from its own extraction and from the dated
 * articles: their dates, files and the entities they name. A kept extraction is the same frozen object from
 * build to build (src/ingest/kept.ts), so when every dated article reads as it did, an article dated here whose
 * metadata is the same object is given the metadata worked out for it last time. A save that edits an article's
 * text leaves its date and its entities as they were, and the 2,000 inferences of a 10,000-article archive are
 * not worked out again; any change to what the inference reads works all of them out afresh.
 */
export class KeptYears {
  private dated: DatedInputs[] = [];
  /** By the metadata the extraction gave (frozen, kept), the metadata the inference gave it (frozen). */
  private inferred = new WeakMap<object, ExtractedArticle["metadata"]>();

  /** Whether `dated` reads as the last build's did; keeps it for the next build either way. */
  sameDated(dated: DatedInputs[]): boolean {
    const before = this.dated;
    this.dated = dated;
    const same =
      before.length === dated.length &&
      dated.every((now, i) => {
        const then = before[i] as DatedInputs;
        return now.date === then.date && now.file === then.file && sameNames(then.entities, now.entities);
      });
    if (!same) this.inferred = new WeakMap();
    return same;
  }

  get(written: object): ExtractedArticle["metadata"] | undefined {
    return this.inferred.get(written);
  }

  set(written: object, metadata: ExtractedArticle["metadata"]): void {
    this.inferred.set(written, deepFreeze(metadata));
  }
}

/**
 * Completes publication dates whose year the text left out, using the other articles' dates: such an
 * article is given a new metadata object (date, dateFrom, dateEvidence and the event dates that needed a
 * publication date) and flags list. What the extraction made is never changed in place: `npm start` keeps
 * it for the next build (src/ingest/kept.ts), and with `kept` the metadata this gives too.
 * An article no other article can date keeps `date: null` and gets a flag.
 */
export function inferMissingYears(articles: ExtractedArticle[], redated?: RedatedEventsCache, kept?: KeptYears): void {
  const yearless = articles.map((a) => ({ article: a, written: yearlessDate(a) })).filter((y) => y.written !== null);
  if (yearless.length === 0) return;
  const datedArticles = articles.filter((a) => a.metadata.date !== null);
  const datedInputs = datedArticles.map((a) => ({
    date: a.metadata.date as string,
    file: a.source.file,
    entities: a.entities,
  }));
  let toInfer = yearless;
  if (kept?.sameDated(datedInputs)) {
    toInfer = yearless.filter(({ article }) => {
      const metadata = kept.get(article.metadata);
      if (metadata === undefined) return true;
      article.metadata = metadata;
      // Asked for, so that the cache keeps it for a later build.
      const eventsKey = `${article.source.sha256} ${metadata.date}`;
      if (!redated?.get(eventsKey)) redated?.set(eventsKey, metadata.events);
      return false;
    });
    if (toInfer.length === 0) return;
  }
  // Parsed once per date, not once per article (read only: shared by the articles of a day).
  const dates = new Map<string, Date>();
  const dated = datedArticles.map((a) => {
    const iso = a.metadata.date as string;
    let date = dates.get(iso);
    if (!date) {
      date = fromIso(iso);
      dates.set(iso, date);
    }
    return { file: a.source.file, date, day: Math.round(date.getTime() / DAY_MS) };
  });
  const everyDated = new DateLine(dated);
  const entities = new EntityNumbers();
  const index = new EntityIndex(dated, (i) => entities.of(datedArticles[i]));

  for (const { article, written } of toInfer) {
    if (!written) continue;
    if (everyDated.size === 0) {
      article.flags = [
        ...article.flags,
        `publication date '${written.text}' has no year, and no dated article gives one`,
      ];
      continue;
    }
    const near = index.neighbours(entities.of(article, true));
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
    const given = article.metadata;
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
    kept?.set(given, article.metadata);
  }
}
