/** Entity pages (person, party, organization, place, outlet) and the per-kind index pages sorted two ways. */
import { createHash } from "node:crypto";
import { PAGES } from "../../settings.ts";
import type { Archive, ArticleRecord, Evidence, MentionLink } from "../../types.ts";
import { type EntityKind, entityUrl, kindFolder } from "../../urls.ts";
import { compareStrings, firstOf } from "../../util/group.ts";
import { type ArticleSummary, summarize, webUrl } from "./articles.ts";
import { articlesPerPeriod, type BarChart } from "./chart.ts";
import { Deferred } from "./deferred.ts";
import type { ArchiveGraph } from "./graph.ts";
import { byName, type EntityRef, type Lookup } from "./lookup.ts";
import type { PageKey } from "./page-key.ts";
import { type MapView, placesMap } from "./stories.ts";

export interface Companion extends EntityRef {
  kindLabel: string;
  count: number;
}

/** A sentence naming the entity, with its seed line and (for a person) the role the article gives them. */
export interface MentionContext {
  sentence: string;
  line: number;
  role: string | null;
}

/** Words a person is quoted as saying, with the article that quotes them. */
export interface QuoteView {
  text: string;
  line: number;
  article: ArticleSummary;
}

export interface EntityPage extends EntityRef {
  permalink: string;
  kindLabel: string;
  indexUrl: string;
  indexTitle: string;
  /** "province", "militant group", "ANP" … shown under the name. */
  description: string | null;
  variants: string[];
  roles: string[];
  parties: EntityRef[];
  members: EntityRef[];
  /** Every article naming the entity, newest first (undated last). */
  articles: ArticleSummary[];
  /**
   * The sentences naming the entity in each of `articles` (same order): a person's, one per name it goes by
   * there, with the role the article gives; another entity's first; none for an outlet. A parallel list, so
   * the article summaries stay the one shared object per article (entity pages hold millions at 50,000).
   */
  contexts: readonly MentionContext[][];
  companions: Companion[];
  /**
   * Articles per month (or year), or null when fewer than two articles name it or none is dated. Deferred:
   * drawn only when the page is rendered.
   */
  chart: Deferred<BarChart | null>;
  /** On a person's page, what the articles quote them as saying, newest first; empty otherwise. */
  quotes: QuoteView[];
  /** The page's CSV of its articles (src/render/csv-exports.ts): where it is written and its URL. */
  csvPath: string;
  csvUrl: string;
}

export interface IndexEntry extends EntityRef {
  count: number;
}

export interface EntityIndexPage {
  kind: EntityKind;
  title: string;
  permalink: string;
  url: string;
  sortedBy: "name" | "articles";
  byNameUrl: string;
  byArticlesUrl: string;
  entries: IndexEntry[];
  /** The places index's map of every place with coordinates (the others listed beside it); null for other kinds. */
  map: MapView | null;
}

export const kindLabels: Record<EntityKind, { one: string; many: string }> = {
  person: { one: "Person", many: "People" },
  party: { one: "Party", many: "Parties" },
  organization: { one: "Organization", many: "Organizations" },
  place: { one: "Place", many: "Places" },
  outlet: { one: "Outlet", many: "Outlets" },
};

export const entityKinds: EntityKind[] = ["person", "party", "organization", "place", "outlet"];

const COMPANION_LIMIT = PAGES.companions;

/** Uniform shape over the five record lists. */
interface EntitySource {
  kind: EntityKind;
  slug: string;
  name: string;
  description: string | null;
  variants: string[];
  roles: string[];
  parties: string[];
  members: string[];
  articles: string[];
  /** The record the source was made from (for its digest). */
  record: object;
}

export function entitySources(archive: Archive): EntitySource[] {
  const none = { description: null, variants: [], roles: [], parties: [], members: [] };
  const common = (e: { slug: string; name: string; articles: string[] }) => ({
    slug: e.slug,
    name: e.name,
    articles: e.articles,
    record: e,
  });
  return [
    ...archive.people.map(
      (e): EntitySource => ({
        ...none,
        ...common(e),
        kind: "person",
        variants: e.variants,
        roles: e.roles,
        parties: e.parties,
      }),
    ),
    ...archive.parties.map(
      (e): EntitySource => ({
        ...none,
        ...common(e),
        kind: "party",
        description: e.abbr,
        variants: e.variants,
        members: e.members,
      }),
    ),
    ...archive.organizations.map(
      (e): EntitySource => ({ ...none, ...common(e), kind: "organization", description: e.kind, variants: e.variants }),
    ),
    ...archive.places.map(
      (e): EntitySource => ({ ...none, ...common(e), kind: "place", description: e.kind, variants: e.variants }),
    ),
    ...archive.outlets.map((e): EntitySource => ({ ...none, ...common(e), kind: "outlet" })),
  ];
}

/** An entity's articles per period, drawn only for the pages rendered (inputs: the articles' dates). */
function chartOf(dates: (string | null)[]): Deferred<BarChart | null> {
  return new Deferred(dates, () => (dates.length > 1 ? articlesPerPeriod(dates) : null));
}

/**
 * Every entity's page, built on demand like the article pages: at 50,000 articles the entity pages' views
 * are over a gigabyte, and the render stage builds them one at a time, keeping only the changed ones.
 */
export interface EntityPageSet {
  count: number;
  /** Each entity's entry on the index pages, in the order of `pages`. */
  entries: IndexEntry[];
  /** Pages `start` to `end` (exclusive, default all): people, parties, organizations, places, outlets. */
  pages(start?: number, end?: number): EntityPage[];
  /** Page `at`'s key (PageKey), without building the page. */
  key(at: number): PageKey;
  /** Where page `at` and its CSV export go, as its key gives them. */
  where(at: number): { permalink: string; csvPath: string };
  /**
   * A digest of what page `at` is made from besides other entities' names, much cheaper than its key: its
   * record's digest, its quotes, and each of its articles' record digest and list entry. Two archives that
   * give a page the same pre-key give it the same key unless an entity it names besides itself — a party,
   * a member, a companion — was renamed (`touchedBy`).
   */
  preKey(at: number): string;
  /** The pages that show the name of one of `renamed` ("kind:slug") as a party, a member or a companion. */
  touchedBy(renamed: ReadonlySet<string>): Set<number>;
  /** The name every entity is shown by, by "kind:slug": what a later build's `touchedBy` is asked about. */
  names(): Map<string, string>;
}

/**
 * Entity pages. Each page's article list is recomputed from the articles themselves (the entity's
 * postings, or its outlet's articles) plus the articles its record lists, so the page and the article
 * panels agree; companions are counted over those articles only.
 */
export function entityPages(
  archive: Archive,
  lookup: Lookup,
  graph: ArchiveGraph,
  digestOf: (record: object) => string,
): EntityPageSet {
  const { sorted, keys, kindOf, slugOf, postings } = graph;
  const entityCount = kindOf.length;
  // Each article's distinct entities in first-mention order, and each entity's rank by display name.
  const distinct = keys.map((ids) => Int32Array.from(new Set(ids)));
  const rankOf = new Int32Array(entityCount);
  for (let id = 0; id < entityCount; id++) rankOf[id] = graph.nameRank(lookup.entity(kindOf[id], slugOf[id]).name);
  const counts = new Int32Array(entityCount);
  const touched: number[] = [];

  /** Entities seen in the same articles as this one, most shared articles first. */
  const companions = (self: number, articles: number[]): Companion[] => {
    for (const article of articles) {
      for (const id of distinct[article]) {
        if (id === self) continue;
        if (counts[id] === 0) touched.push(id);
        counts[id]++;
      }
    }
    // The first of the companions by count, then byName, then kind. Entities tying on all three keep their
    // first-seen order (firstOf is stable), as they did when every companion was sorted.
    const first = firstOf(
      touched,
      COMPANION_LIMIT,
      (a, b) => counts[b] - counts[a] || rankOf[a] - rankOf[b] || compareStrings(kindOf[a], kindOf[b]),
    );
    const top = first.map((id) => ({
      ...lookup.entity(kindOf[id], slugOf[id]),
      kindLabel: kindLabels[kindOf[id]].one,
      count: counts[id],
    }));
    for (const id of touched) counts[id] = 0;
    touched.length = 0;
    return top;
  };

  // A person's sentences and roles in each article, from the person records (a merged person has several).
  const personContext = new Map<string, Map<string, MentionContext[]>>();
  for (const person of archive.people) {
    const byArticle = new Map<string, MentionContext[]>();
    for (const mention of person.mentions) {
      const list = byArticle.get(mention.article) ?? [];
      if (list.length === 0) byArticle.set(mention.article, list);
      if (!list.some((c) => c.line === mention.line && c.sentence === mention.sentence)) list.push(mention);
    }
    personContext.set(person.slug, byArticle);
  }
  // Each person's quotes, newest article first.
  const quotesOf = new Map<string, QuoteView[]>();
  for (const article of sorted) {
    for (const quote of article.quotes) {
      const list = quotesOf.get(quote.person) ?? [];
      if (list.length === 0) quotesOf.set(quote.person, list);
      list.push({ text: quote.text, line: quote.line, article: summarize(article, lookup) });
    }
  }
  const none: MentionContext[] = [];
  // Each article's mentions by kind and slug (the first of each), made when an entity page first asks: a
  // popular entity's page asks thousands of articles, and a search of each one's mentions was a tenth of a
  // rebuild's key time.
  const mentionsOf = new WeakMap<ArticleRecord, Map<string, MentionLink>>();
  const mentionIn = (article: ArticleRecord, kind: string, slug: string): MentionLink | undefined => {
    let bySource = mentionsOf.get(article);
    if (!bySource) {
      bySource = new Map();
      for (const m of article.mentions) {
        const at = `${m.kind}:${m.slug}`;
        if (!bySource.has(at)) bySource.set(at, m);
      }
      mentionsOf.set(article, bySource);
    }
    return bySource.get(`${kind}:${slug}`);
  };
  const contextsIn = (source: EntitySource, article: ArticleRecord): MentionContext[] => {
    if (source.kind === "outlet") return none;
    const own = source.kind === "person" ? personContext.get(source.slug)?.get(article.slug) : undefined;
    if (own) return own;
    const evidence = sentenceOf(mentionIn(article, source.kind, source.slug)?.evidence);
    return evidence ? [{ sentence: evidence.text, line: evidence.line, role: null }] : none;
  };

  /**
   * What a key takes of contextsIn: a person's own sentences are its record's, whose digest the key has
   * already; another entity's sentence is written out (a third of the pages' pairs of entity and article).
   */
  const contextKey = (source: EntitySource, article: ArticleRecord): string => {
    if (source.kind === "person" && personContext.get(source.slug)?.has(article.slug)) return "own";
    const [context] = contextsIn(source, article);
    // The sentence's length first makes the text unambiguous without escaping it.
    return context ? `${context.line} ${context.sentence.length} ${context.sentence}` : "";
  };

  const sources = entitySources(archive);
  /**
   * The numbers (in graph.sorted) of the articles naming each source, ascending — newest first, since
   * the numbers follow byDateDesc. Worked out once: the index entries count them and each page lists them.
   */
  const articleNumbers = sources.map((source) => {
    const self = graph.keyId.get(`${source.kind}:${source.slug}`) ?? -1;
    const mentioned = source.kind === "outlet" ? graph.byOutlet.get(source.slug) : postings[self];
    const numbers = new Set(mentioned);
    for (const slug of source.articles) for (const at of graph.bySlug.get(slug) ?? []) numbers.add(at);
    return Int32Array.from(numbers).sort(); // a typed array sorts by value
  });
  // What every entity page's key takes from an article: its list entry and its original address (in the
  // CSV export), worked out once per article.
  const entries: string[] = [];
  const entryOf = (at: number) =>
    (entries[at] ??= `${JSON.stringify(summarize(sorted[at], lookup))} ${webUrl(sorted[at].url_original)}`);
  const folderOf = (source: EntitySource) => `${kindFolder[source.kind]}/${source.slug}`;
  /** The page of source `at`; `key` reads what this reads. */
  const page = (source: EntitySource, at: number): EntityPage => {
    const self = graph.keyId.get(`${source.kind}:${source.slug}`) ?? -1;
    const articles = Array.from(articleNumbers[at]);
    const folder = folderOf(source);
    return {
      ...lookup.entity(source.kind, source.slug),
      name: source.name,
      permalink: `${folder}/index.html`,
      kindLabel: kindLabels[source.kind].one,
      indexUrl: `/${kindFolder[source.kind]}/`,
      indexTitle: kindLabels[source.kind].many,
      description: source.description,
      variants: source.variants.filter((v) => v !== source.name),
      roles: source.roles,
      parties: source.parties.map((slug) => lookup.entity("party", slug)),
      members: source.members.map((slug) => lookup.entity("person", slug)).sort(byName),
      articles: articles.map((at) => summarize(sorted[at], lookup)),
      contexts: articles.map((at) => contextsIn(source, sorted[at])),
      companions: companions(self, articles),
      // A chart of one article says nothing its list does not.
      chart: chartOf(articles.map((at) => sorted[at].date)),
      quotes: source.kind === "person" ? (quotesOf.get(source.slug) ?? []) : [],
      csvPath: `${folder}/mentions.csv`,
      csvUrl: `${entityUrl(source.kind, source.slug)}mentions.csv`,
    };
  };
  /** Where page `at` and its CSV export go. */
  const whereOf = (at: number) => {
    const folder = folderOf(sources[at]);
    return { permalink: `${folder}/index.html`, csvPath: `${folder}/mentions.csv` };
  };
  // What every entity page's pre-key takes from an article: its record's digest and its list entry.
  const stamps: string[] = [];
  const stampOf = (at: number) =>
    (stamps[at] ??= `${digestOf(sorted[at])} ${JSON.stringify(summarize(sorted[at], lookup))}`);
  /** Each entity number's page (its position in `sources`); -1 for none. Made when a rename asks. */
  const pagesOfEntities = (): Int32Array => {
    const pages = new Int32Array(entityCount).fill(-1);
    sources.forEach((source, at) => {
      const id = graph.keyId.get(`${source.kind}:${source.slug}`);
      if (id !== undefined) pages[id] = at;
    });
    return pages;
  };

  return {
    count: sources.length,
    where: whereOf,
    preKey: (at) => {
      const source = sources[at];
      const quotes = source.kind === "person" ? (quotesOf.get(source.slug) ?? []) : [];
      const hash = createHash("sha256").update(`${digestOf(source.record)} ${JSON.stringify(quotes)}\n`);
      hash.update(Array.from(articleNumbers[at], stampOf).join("\n"));
      return hash.digest("base64url");
    },
    touchedBy: (renamed) => {
      const touched = new Set<number>();
      if (renamed.size === 0) return touched;
      const pages = pagesOfEntities();
      // Companions: every entity of every article that names a renamed one, and the article's outlet.
      const outletPages = new Map<string, number>();
      sources.forEach((source, at) => {
        if (source.kind === "outlet") outletPages.set(source.slug, at);
      });
      for (const key of renamed) {
        const id = graph.keyId.get(key);
        if (id === undefined) continue;
        for (const article of postings[id]) {
          for (const other of distinct[article]) if (pages[other] >= 0) touched.add(pages[other]);
          const outlet = outletPages.get(sorted[article].outletSlug ?? "");
          if (outlet !== undefined) touched.add(outlet);
        }
      }
      // Parties and members, which a page names from its record.
      sources.forEach((source, at) => {
        if (source.parties.some((slug) => renamed.has(`party:${slug}`))) touched.add(at);
        if (source.members.some((slug) => renamed.has(`person:${slug}`))) touched.add(at);
      });
      return touched;
    },
    names: () =>
      new Map(sources.map((source) => [`${source.kind}:${source.slug}`, lookup.entity(source.kind, source.slug).name])),
    entries: sources.map((source, at) => ({
      ...lookup.entity(source.kind, source.slug),
      name: source.name,
      count: articleNumbers[at].length,
    })),
    pages: (start = 0, end = sources.length) =>
      sources.slice(start, end).map((source, offset) => page(source, start + offset)),
    /**
     * What `page` reads: the entity's record, its articles' list entries and the sentences naming it in
     * each, the names of its parties, members and companions, and its quotes; and what its CSV export adds,
     * the articles' original addresses. The chart and the page object are not made.
     */
    key: (at) => {
      const source = sources[at];
      const self = graph.keyId.get(`${source.kind}:${source.slug}`) ?? -1;
      const articles = Array.from(articleNumbers[at]);
      const hash = createHash("sha256").update(
        JSON.stringify([
          source.kind,
          digestOf(source.record),
          lookup.entity(source.kind, source.slug),
          source.parties.map((slug) => lookup.entity("party", slug).name),
          source.members.map((slug) => lookup.entity("person", slug).name),
          companions(self, articles),
          source.kind === "person" ? (quotesOf.get(source.slug) ?? []) : [],
        ]),
      );
      // Each article's entry and the sentences naming the entity there: not the article's whole record,
      // whose other fields (its story, say) the page does not show.
      hash.update(articles.map((at) => `${entryOf(at)} ${contextKey(source, sorted[at])}`).join("\n"));
      return { ...whereOf(at), key: hash.digest("base64url") };
    },
  };
}

/** Three runs of white space: what `text.split(/\s+/).length >= 4` tests, without making the list. */
const THREE_SPACES = /\s\S+\s+\S+\s/;

/** The first evidence that reads as a sentence (a dateline "QUETTA:" does not), else the first. */
function sentenceOf(evidence: Evidence[] | undefined): Evidence | undefined {
  return evidence?.find((e) => THREE_SPACES.test(e.text)) ?? evidence?.[0];
}

export function entityIndexPages(
  all: IndexEntry[],
  archive: Archive,
  lookup: Lookup,
  graph: ArchiveGraph,
): EntityIndexPage[] {
  // byName by the graph's ranks: 20,000 names collated once, not at every comparison of two sorts.
  const byRank = (a: { name: string }, b: { name: string }) => graph.nameRank(a.name) - graph.nameRank(b.name);
  const located = archive.places.filter((p) => p.lat !== null && p.lon !== null).length;
  // The most-mentioned places first: they get their names on the map when names would overlap.
  const map = placesMap(
    [...archive.places].sort((a, b) => b.articles.length - a.articles.length || byRank(a, b)),
    lookup,
    `Map of the ${located} ${located === 1 ? "place" : "places"} of the archive that have coordinates`,
    false,
  );
  return entityKinds.flatMap((kind) => {
    const folder = kindFolder[kind];
    const entries = all
      .filter((entry) => entry.kind === kind)
      .map((entry) => ({ kind, slug: entry.slug, name: entry.name, url: entry.url, count: entry.count }));
    const byNameList = [...entries].sort(byRank);
    const byCountList = [...entries].sort((a, b) => b.count - a.count || byRank(a, b));
    const common = {
      kind,
      title: kindLabels[kind].many,
      byNameUrl: `/${folder}/`,
      byArticlesUrl: `/${folder}/by-articles/`,
      map: kind === "place" ? map : null,
    };
    return [
      {
        ...common,
        permalink: `${folder}/index.html`,
        url: `/${folder}/`,
        sortedBy: "name" as const,
        entries: byNameList,
      },
      {
        ...common,
        permalink: `${folder}/by-articles/index.html`,
        url: `/${folder}/by-articles/`,
        sortedBy: "articles" as const,
        entries: byCountList,
      },
    ];
  });
}
