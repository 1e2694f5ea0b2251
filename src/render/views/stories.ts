/**
 * Stories (src/resolve/stories.ts): one real-world event's coverage across outlets. The stories index,
 * newest first; a page per story with its date span, outlets, coverage timeline, articles side by side,
 * entities, figures ledger and map; the link from each article page to its story. The ledger lines
 * are the archive's (src/resolve/ledger.ts): this only turns slugs into links and numbers into labels.
 */
import { PAGES } from "../../settings.ts";
import type { Archive, ArticleRecord, LedgerLine, PlaceRecord, StoryRecord } from "../../types.ts";
import { storyLedgerPath, storyPagePath, storyUrl } from "../../urls.ts";
import { sameItems } from "../../util/group.ts";
import { type CoverageChart, coverageChart } from "../coverage.ts";
import { formatDate } from "../format.ts";
import { drawMap } from "../map.ts";
import { type ArticleSummary, figureLabel, ledgerLineId, summarize } from "./articles.ts";
import { Deferred } from "./deferred.ts";
import { keyedByDigest } from "./digested.ts";
import { byName, type EntityRef, type LinkView, type Lookup } from "./lookup.ts";
import type { PageKey } from "./page-key.ts";

/** A story as lists show it. */
export interface StorySummary {
  slug: string;
  url: string;
  title: string;
  start: string | null;
  end: string | null;
  /** "31 January 2026 – 2 February 2026", one date when it starts and ends the same day, or "Undated". */
  dateSpan: string;
  articleCount: number;
  outletCount: number;
  outlets: EntityRef[];
}

/** What an article page says of its story: "Part of story: …, N articles from M outlets". */
export type StoryLink = Pick<StorySummary, "title" | "url" | "articleCount" | "outletCount">;

/** One claim of a ledger line. */
export interface LedgerClaimView {
  value: number;
  qualifier: string | null;
  /** Null: the article's outlet is unknown (shown as text, never linked or counted as an outlet). */
  outlet: LinkView | null;
  date: string | null;
  dateLabel: string;
  period: string | null;
  place: EntityRef | null;
  /** A part of a larger count (a breakdown, or a narrower place's count): not in the range. */
  part: boolean;
  /** The article is a wire copy of this earlier one: not a source of its own. */
  copyOf: LinkView | null;
  article: LinkView;
  /** The sentence the figure was read from. */
  sentence: string;
}

/** A ledger line: like claims of one story, with the range over its totals. */
export interface LedgerLineView {
  /** The line's anchor on its story's page. */
  id: string;
  label: string;
  category: LedgerLine["category"];
  outcome: string;
  /** "67–177", or "145" when the totals agree. */
  range: string;
  low: number;
  high: number;
  conservative: number;
  best: number;
  grading: LedgerLine["grading"];
  sources: number;
  claims: LedgerClaimView[];
  /** Claims that are parts or wire copies, for the line's summary. */
  parts: number;
  copies: number;
}

/** A map with the places it shows and those it cannot. */
export interface MapView {
  /** The inline SVG (src/render/map.ts), or null when no place has coordinates; drawn when shown. */
  svg: Deferred<string | null>;
  located: EntityRef[];
  /** Whether the page lists the located places beside the map (the places index lists them all below it). */
  listLocated: boolean;
  /** Places with no coordinates: listed beside the map, never dropped. */
  unlocated: EntityRef[];
}

/** An article on its story's page. */
export interface StoryArticle extends ArticleSummary {
  lead: string;
  copyOf: LinkView | null;
}

export interface StoryPage extends StorySummary {
  permalink: string;
  /**
   * The coverage timeline (src/render/coverage.ts): its SVG, and its span and scale in words ("1 February
   * 2026 to 3 February 2026, articles per day; …"); null when no article is dated. Drawn when shown.
   */
  coverage: Deferred<CoverageChart | null>;
  undatedCount: number;
  articles: StoryArticle[];
  people: EntityRef[];
  organizations: EntityRef[];
  places: EntityRef[];
  ledger: LedgerLineView[];
  /** The ledger's CSV (src/render/csv-exports.ts), or null when the story claims no counts. */
  ledgerCsvPath: string | null;
  ledgerCsvUrl: string | null;
  map: MapView;
}

export function dateSpan(start: string | null, end: string | null): string {
  if (!start) return "Undated";
  if (!end || end === start) return formatDate(start);
  return `${formatDate(start)} – ${formatDate(end)}`;
}

/** "67–177", or one number when the totals agree. */
export function rangeLabel(low: number, high: number): string {
  return low === high ? String(low) : `${low}–${high}`;
}

/** The first paragraph of an article's body (not a subheading), cut at a word to PAGES.storyLeadChars. */
export function leadOf(body: string): string {
  const paragraph =
    body
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .find((p) => p !== "" && !p.startsWith("#")) ?? "";
  const text = paragraph.replace(/\s+/g, " ");
  const limit = PAGES.storyLeadChars;
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit);
  const space = cut.lastIndexOf(" ");
  return `${(space > limit / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, "")}…`;
}

/** Story views over one archive: summaries, pages, the article pages' links, ledger lines. */
export interface StoryViews {
  /** Every story, newest first (the archive's order). */
  summaries: StorySummary[];
  /** Story pages `start` to `end` (exclusive, default all), in the order of `summaries`. */
  pages(start?: number, end?: number): StoryPage[];
  /** Story page `at`'s key (src/render/views/page-key.ts), without building the page. */
  key(at: number): PageKey;
  /** What story page `at`'s key is made from, to know the page unchanged without its key (src/render/story-pages-known.ts). */
  inputs(at: number): StoryPageInputs;
  linkOf(article: ArticleRecord): StoryLink | null;
}

/**
 * What a story page's key reads, as a rebuild can compare it with the last build's without making the key:
 * the key holds the story's record digest, the records (by digest) and list entries of the articles it shows,
 * the names of the entities it links, and the points its map draws. A list entry is made from its article's
 * record and its outlet's name.
 */
export interface StoryPageInputs {
  permalink: string;
  csvPath: string | null;
  /** The story record's digest. */
  digest: string;
  /** The articles the page shows, as the key takes them: slug and record digest. */
  articles: { slug: string; digest: string }[];
  /** Every entity ("kind:slug") whose name the page shows, the shown articles' outlets included. */
  named(): string[];
  /** The places its map draws (slugs). */
  places: string[];
}

/**
 * Each story record's summary. A record `npm start` keeps from one build to the next (src/resolve/kept-records.ts)
 * is the same object, and keeps its summary, with its digest, while what the summary shows of it is the same
 * (checked field by field) and its outlets have the same references (src/render/views/lookup.ts keeps those
 * while their names are the same).
 */
const storySummaries = new WeakMap<StoryRecord, StorySummary>();

function storySummary(story: StoryRecord, lookup: Lookup): StorySummary {
  const outlets = story.outlets.map((slug) => lookup.entity("outlet", slug));
  const known = storySummaries.get(story);
  if (
    known &&
    known.slug === story.slug &&
    known.title === story.title &&
    known.start === story.start &&
    known.end === story.end &&
    known.articleCount === story.articles.length &&
    sameItems(known.outlets, outlets)
  )
    return known;
  const summary: StorySummary = {
    slug: story.slug,
    url: storyUrl(story.slug),
    title: story.title,
    start: story.start,
    end: story.end,
    dateSpan: dateSpan(story.start, story.end),
    articleCount: story.articles.length,
    outletCount: story.outlets.length,
    outlets,
  };
  // Listed on the stories' list, the ledger's pages and each kind of count's pages.
  keyedByDigest(summary, "story");
  storySummaries.set(story, summary);
  return summary;
}

/** `digestOf` gives a record's digest (src/archive), for the pages' keys. */
export function storyViews(
  archive: Archive,
  lookup: Lookup,
  digestOf: (record: object) => string = () => {
    throw new Error("story page keys need the records' digests");
  },
): StoryViews {
  const articles = new Map(archive.articles.map((a) => [a.slug, a]));
  const places = new Map(archive.places.map((p) => [p.slug, p]));
  const summaries = new Map<string, StorySummary>();
  const summary = (story: StoryRecord): StorySummary => {
    let known = summaries.get(story.slug);
    if (!known) {
      known = storySummary(story, lookup);
      summaries.set(story.slug, known);
    }
    return known;
  };
  const bySlug = new Map(archive.stories.map((story) => [story.slug, story]));
  const articleLink = (slug: string): LinkView => {
    const article = articles.get(slug);
    if (!article) throw new Error(`archive: article "${slug}" is referenced but not listed`);
    return { name: article.title, url: summarize(article, lookup).url };
  };

  const ledger = (story: StoryRecord): LedgerLineView[] =>
    story.figures.map((line) => {
      const claims = line.claims.map((claim): LedgerClaimView => {
        const article = articles.get(claim.article);
        if (!article) throw new Error(`archive: article "${claim.article}" is referenced but not listed`);
        return {
          value: claim.value,
          qualifier: claim.qualifier,
          outlet: claim.outlet ? lookup.entity("outlet", claim.outlet) : null,
          date: claim.date,
          dateLabel: formatDate(claim.date),
          period: claim.period,
          place: claim.place ? lookup.entity("place", claim.place) : null,
          part: claim.role === "part",
          copyOf: claim.copy && article.copyOf ? articleLink(article.copyOf) : null,
          article: articleLink(article.slug),
          sentence: article.figures[claim.figure]?.text ?? "",
        };
      });
      return {
        id: ledgerLineId(line),
        label: figureLabel(line),
        category: line.category,
        outcome: line.outcome,
        range: rangeLabel(line.low, line.high),
        low: line.low,
        high: line.high,
        conservative: line.conservative,
        best: line.best,
        grading: line.grading,
        sources: line.sources,
        claims,
        parts: claims.filter((c) => c.part).length,
        copies: line.claims.filter((c) => c.copy).length,
      };
    });

  /** A story's page; `key` reads what this reads. */
  const page = (story: StoryRecord): StoryPage => {
    const members = story.articles.map((slug) => {
      const article = articles.get(slug);
      if (!article) throw new Error(`archive: article "${slug}" is referenced but not listed`);
      return article;
    });
    const dates = members.flatMap((a) => (a.date ? [a.date] : []));
    const placeRefs = story.places.map((slug) => lookup.entity("place", slug));
    const lines = ledger(story);
    return {
      ...summary(story),
      permalink: storyPagePath(story.slug),
      coverage: new Deferred(dates, () => coverageChart(dates)),
      undatedCount: members.filter((a) => !a.date).length,
      articles: members.map((article) => ({
        ...summarize(article, lookup),
        lead: leadOf(article.body),
        copyOf: article.copyOf ? articleLink(article.copyOf) : null,
      })),
      people: story.people.map((slug) => lookup.entity("person", slug)),
      organizations: story.organizations.map((slug) => lookup.entity("organization", slug)),
      places: placeRefs,
      ledger: lines,
      ledgerCsvPath: lines.length > 0 ? storyLedgerPath(story.slug) : null,
      ledgerCsvUrl: lines.length > 0 ? `${storyUrl(story.slug)}ledger.csv` : null,
      map: placesMap(
        story.places.map((slug) => places.get(slug)).filter((p): p is PlaceRecord => p !== undefined),
        lookup,
        `Map of the places in this story: ${placeRefs.map((p) => p.name).join(", ")}`,
      ),
    };
  };

  /** The articles a story's page shows: its own, those its ledger cites, and the originals of wire copies. */
  const shownOf = (story: StoryRecord): ArticleRecord[] => {
    const shown = new Set(story.articles);
    for (const line of story.figures) for (const claim of line.claims) shown.add(claim.article);
    for (const slug of [...shown]) {
      const original = articles.get(slug)?.copyOf;
      if (original) shown.add(original);
    }
    return [...shown].map((slug) => {
      const article = articles.get(slug);
      if (!article) throw new Error(`archive: article "${slug}" is referenced but not listed`);
      return article;
    });
  };
  const ledgerPathOf = (story: StoryRecord) => (story.figures.length > 0 ? storyLedgerPath(story.slug) : null);

  return {
    summaries: archive.stories.map(summary),
    pages: (start = 0, end = archive.stories.length) => archive.stories.slice(start, end).map(page),
    linkOf(article) {
      const story = bySlug.get(article.story);
      if (!story) return null;
      const { title, url, articleCount, outletCount } = summary(story);
      return { title, url, articleCount, outletCount };
    },
    /**
     * What `page` reads: the story's record, the records and list entries of its articles and of the
     * articles its ledger and wire copies point to, the names of the entities it links, and the names and
     * points of the places its map draws.
     */
    key(at) {
      const story = archive.stories[at];
      const articleParts = shownOf(story).map((article) => [digestOf(article), summarize(article, lookup)]);
      const names = (kind: EntityRef["kind"], slugs: (string | null)[]) =>
        slugs.map((slug) => (slug === null ? null : lookup.entity(kind, slug).name));
      const claims = story.figures.flatMap((line) => line.claims);
      const key = JSON.stringify([
        digestOf(story),
        articleParts,
        names("outlet", [...story.outlets, ...claims.map((claim) => claim.outlet)]),
        names("person", story.people),
        names("organization", story.organizations),
        names("place", [...story.places, ...claims.map((claim) => claim.place)]),
        // What the map draws of each place (not the place's record, whose article list grows with every
        // article naming it: every story in the province would change with each new article).
        story.places.map((slug) => {
          const place = places.get(slug);
          return place ? [place.name, place.lat, place.lon] : null;
        }),
      ]);
      return { permalink: storyPagePath(story.slug), csvPath: ledgerPathOf(story), key };
    },
    inputs(at) {
      const story = archive.stories[at];
      const shown = shownOf(story);
      return {
        permalink: storyPagePath(story.slug),
        csvPath: ledgerPathOf(story),
        digest: digestOf(story),
        articles: shown.map((article) => ({ slug: article.slug, digest: digestOf(article) })),
        named: () => {
          const claims = story.figures.flatMap((line) => line.claims);
          const outlets = [...story.outlets, ...claims.map((claim) => claim.outlet), ...shown.map((a) => a.outletSlug)];
          const keys = (kind: EntityRef["kind"], slugs: (string | null)[]) =>
            slugs.flatMap((slug) => (slug === null ? [] : [`${kind}:${slug}`]));
          return [
            ...keys("outlet", outlets),
            ...keys("person", story.people),
            ...keys("organization", story.organizations),
            ...keys("place", [...story.places, ...claims.map((claim) => claim.place)]),
          ];
        },
        places: story.places,
      };
    },
  };
}

/** A map of `places`: those with coordinates drawn, the rest listed. Both lists in name order. */
export function placesMap(places: PlaceRecord[], lookup: Lookup, label: string, listLocated = true): MapView {
  const located = places.filter((p) => p.lat !== null && p.lon !== null);
  const points = located.map((p) => ({ name: p.name, lat: p.lat as number, lon: p.lon as number }));
  const svg = new Deferred([points, label], () => drawMap(points, label));
  const refs = (list: PlaceRecord[]) => list.map((p) => lookup.entity("place", p.slug)).sort(byName);
  return {
    svg,
    located: refs(located),
    listLocated,
    unlocated: refs(places.filter((p) => p.lat === null || p.lon === null)),
  };
}
