/** Entity pages (person, party, organization, place, outlet) and the per-kind index pages sorted two ways. */
import { createHash } from "node:crypto";
import { PAGES } from "../../settings.ts";
import type { Archive, ArticleRecord, Evidence, MentionLink } from "../../types.ts";
import { BY_DATE, BY_NAME, type EntityKind, entityUrl, kindFolder } from "../../urls.ts";
import { compareStrings, firstOf, groupBy } from "../../util/group.ts";
import { FNV_OFFSET, FNV_PRIME, fnv1a } from "../../util/hash.ts";
import { type ArticleSummary, summarize, webUrl } from "./articles.ts";
import { articlesPerPeriod, type BarChart } from "./chart.ts";
import { Deferred } from "./deferred.ts";
import type { ArchiveGraph } from "./graph.ts";
import { byName, type EntityRef, type LinkView, type Lookup } from "./lookup.ts";
import { packLists } from "./packed-lists.ts";
import type { PageKey } from "./page-key.ts";
import { onePage, type StablePage, stablePages } from "./stable-pages.ts";
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
  /** A party's members, by name: the PAGES.partyMembers named by the most articles, of `memberCount`. */
  members: EntityRef[];
  memberCount: number;
  /** How many articles name the entity, on all its pages. */
  articleCount: number;
  /**
   * The articles this page lists, newest first (undated last): all of them, or, once there are
   * 2 × PAGES.entityArticles, the newest on the first page and a stable slice on each older page
   * (views/stable-pages.ts).
   */
  articles: ArticleSummary[];
  /**
   * The sentences naming the entity in each of `articles` (same order): a person's, one per name it goes by
   * there, with the role the article gives; another entity's first; none for an outlet. A parallel list, so
   * the article summaries stay the one shared object per article (entity pages hold millions at 50,000).
   */
  contexts: readonly MentionContext[][];
  /** On an older page, its period ("2023", "March 2024") or the dates it spans; null on the first page. */
  part: string | null;
  /** On the first page, its older pages, newest first, each named as `part` names it; else empty. */
  olderPages: LinkView[];
  /** The next page with newer articles (the first page, from the newest older page), and the next older. */
  newer: LinkView | null;
  older: LinkView | null;
  companions: Companion[];
  /**
   * Articles per month (or year), or null when fewer than two articles name it or none is dated. Deferred:
   * drawn only when the page is rendered.
   */
  chart: Deferred<BarChart | null>;
  /** On a person's page, what the articles quote them as saying, newest first; empty otherwise. */
  quotes: QuoteView[];
  /**
   * The CSV of all the entity's articles (src/render/csv-exports.ts), written with its first page: where it
   * goes (null on the older pages, which link to it) and its URL.
   */
  csvPath: string | null;
  csvUrl: string;
  /** On the first page, every article naming the entity and their sentences, for the CSV; else null. */
  everyArticle: { articles: ArticleSummary[]; contexts: readonly MentionContext[][] } | null;
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
  /**
   * The entries this page lists: all of them by name, or by name for one initial letter once a kind has
   * 2 × PAGES.indexEntries (its first page then lists none, only `letters`); by number of articles, the
   * PAGES.indexEntries × 2 named by most.
   */
  entries: IndexEntry[];
  /** How many entities of the kind there are. */
  total: number;
  /** The initial letter this page lists ("A", or "#" for names not starting with one); null for all. */
  letter: string | null;
  /**
   * The pages by initial letter, when the kind has that many entities: on the first page by name with
   * how many each lists; on a letter's page without (so that a new name does not change every letter's
   * page). Empty otherwise.
   */
  letters: { name: string; url: string; count: number | null }[];
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
export interface EntitySource {
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
  /** Its first page's folder (under the site), file and address. */
  firstPage: { folder: string; permalink: string; url: string };
}

/**
 * Each record's source, by the record: `npm start` gives unchanged entities the last build's records
 * (src/resolve/kept-records.ts), whose sources are made once. A source is kept while its record's fields are
 * the same (lists by identity), so a record changed in place gets a new one.
 */
const sourceOf = new WeakMap<object, EntitySource>();

type OwnFields = Pick<EntitySource, "description" | "variants" | "roles" | "parties" | "members">;

const sameSource = (source: EntitySource, record: { slug: string; name: string; articles: string[] }, own: OwnFields) =>
  source.slug === record.slug &&
  source.name === record.name &&
  source.articles === record.articles &&
  source.description === own.description &&
  source.variants === own.variants &&
  source.roles === own.roles &&
  source.parties === own.parties &&
  source.members === own.members;

function sourced<Record extends { slug: string; name: string; articles: string[] }>(
  kind: EntityKind,
  fieldsOf: (record: Record) => OwnFields,
): (record: Record) => EntitySource {
  return (record) => {
    const own = fieldsOf(record);
    const known = sourceOf.get(record);
    if (known !== undefined && sameSource(known, record, own)) return known;
    const folder = `${kindFolder[kind]}/${record.slug}`;
    const source: EntitySource = {
      kind,
      slug: record.slug,
      name: record.name,
      articles: record.articles,
      record,
      firstPage: { folder, permalink: `${folder}/index.html`, url: `/${folder}/` },
      ...own,
    };
    sourceOf.set(record, source);
    return source;
  };
}

/** The empty list of every source without one, frozen since it is shared. */
const NO_LIST = Object.freeze([]) as unknown as string[];
const plain = (description: string | null, variants: string[] = NO_LIST) => ({
  description,
  variants,
  roles: NO_LIST,
  parties: NO_LIST,
  members: NO_LIST,
});

export function entitySources(archive: Archive): EntitySource[] {
  return [
    ...archive.people.map(
      sourced("person", (e) => ({ ...plain(null, e.variants), roles: e.roles, parties: e.parties })),
    ),
    ...archive.parties.map(sourced("party", (e) => ({ ...plain(e.abbr, e.variants), members: e.members }))),
    ...archive.organizations.map(sourced("organization", (e) => plain(e.kind, e.variants))),
    ...archive.places.map(sourced("place", (e) => plain(e.kind, e.variants))),
    ...archive.outlets.map(sourced("outlet", () => plain(null))),
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
  /** How many pages: each entity's first page, followed by its older pages, if any. */
  count: number;
  /** Each entity's entry on the index pages: people, parties, organizations, places, outlets. */
  entries: IndexEntry[];
  /** The addresses of the entities' older pages (their first pages' are the entries'). */
  olderUrls: string[];
  /** Pages `start` to `end` (exclusive, default all). */
  pages(start?: number, end?: number): EntityPage[];
  /** Page `at`'s key (PageKey), without building the page. */
  key(at: number): PageKey;
  /** Where page `at` and its CSV export (first pages only) go, as its key gives them. */
  where(at: number): { permalink: string; csvPath: string | null };
  /**
   * A digest of what page `at` is made from besides other entities' names, much cheaper than its key: its
   * record's digest, its quotes, and each of its articles' stamp (`articleStamp`; an older page: the
   * entity's name, its neighbours' names, and its own articles'). Two archives that give a page the same
   * pre-key give it the same key unless an entity it names besides itself — a party, a member, a
   * companion — was renamed (`touchedBy`).
   */
  preKey(at: number): string;
  /** Page `at`'s entity, as "kind:slug". */
  entityOf(at: number): string;
  /**
   * What page `at`'s pre-key takes from its entity rather than its articles: the entity record's digest and
   * what its first page shows beside (quotes, the members shown). With its articles' stamps (`articleStamp`)
   * and the code, everything a pre-key is made from: a later build that finds all of them unchanged keeps
   * the pre-key without working it out (src/render/entity-pages-known.ts).
   */
  ownInputs(at: number): string;
  /** Article `n`'s stamp (by its number, newest first): a digest of all any entity page shows of it. */
  articleStamp(n: number): string;
  /**
   * Takes article stamps from `carried` where it has one (the previous build's, for an article whose record
   * is unchanged) instead of working them out: a pre-key of "Pakistan" otherwise stamps thousands of
   * articles. Given before any stamp is asked for.
   */
  carryStamps(carried: (n: number) => string | undefined): void;
  /** How many article stamps were worked out rather than carried. */
  stampsMade(): number;
  /**
   * A short hash of the articles page `at` lists, in order (a first page: all of the entity's, which its
   * CSV export lists). Pages with different rosters differ, since each listed article's entry holds its
   * address: the render stage renders such a page without working out its key (`key`), which for an entity
   * named in thousands of articles reads thousands of entries. Of the 141 entity pages whose pre-key adding
   * one article to 10,000 changed, every one had a new key.
   */
  roster(at: number): string;
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
  sources: EntitySource[],
): EntityPageSet {
  const { sorted, keys, kindOf, slugOf, postings } = graph;
  const entityCount = kindOf.length;
  // Each article's distinct entities in first-mention order, and each entity's rank by display name.
  // Stamped with the last article that listed each entity, rather than a Set per article.
  const listedIn = new Int32Array(entityCount).fill(-1);
  const distinct = packLists(keys.length, (at, push) => {
    for (const id of keys[at]) {
      if (listedIn[id] === at) continue;
      listedIn[id] = at;
      push(id);
    }
  });
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

  // Each article once per entity, told by the last entity that listed it: a Set per entity was 0.6 s of every
  // render at 50,000 articles.
  const listedBy = new Int32Array(sorted.length).fill(-1);
  /**
   * The numbers (in graph.sorted) of the articles naming each source, ascending — newest first, since
   * the numbers follow byDateDesc. Worked out once: the index entries count them and each page lists them.
   */
  const articleNumbers = packLists(sources.length, (at, push) => {
    const source = sources[at];
    const self = graph.keyId.get(`${source.kind}:${source.slug}`) ?? -1;
    const mentioned = source.kind === "outlet" ? graph.byOutlet.get(source.slug) : postings[self];
    const list = (n: number) => {
      if (listedBy[n] === at) return;
      listedBy[n] = at;
      push(n);
    };
    for (const n of mentioned ?? []) list(n);
    for (const slug of source.articles) for (const n of graph.bySlug.get(slug) ?? []) list(n);
  });
  for (const numbers of articleNumbers) numbers.sort(); // in place: a typed array sorts by value
  /** Every page: each source's first page, then its older pages from newer to older. */
  interface PagePart extends Omit<StablePage, "items"> {
    /** Its articles by their positions in the entity's list; null on an entity's only page: all of them. */
    items: number[] | null;
    source: number;
    /** Whether it is the entity's first page (its own URL), which the older pages link back to. */
    first: boolean;
    permalink: string;
    url: string;
  }
  const parts: PagePart[] = [];
  /** Each source's first page (its position in `parts`). */
  const firstPageOf = new Int32Array(sources.length);
  sources.forEach((source, at) => {
    firstPageOf[at] = parts.length;
    // Most entities have one page: made without a list of their articles' dates or positions.
    if (onePage(articleNumbers[at].length, PAGES.entityArticles)) {
      const { permalink, url } = source.firstPage;
      parts.push({ path: null, name: null, items: null, source: at, first: true, permalink, url });
      return;
    }
    const dates = Array.from(articleNumbers[at], (n) => sorted[n].date);
    for (const stable of stablePages(dates, PAGES.entityArticles)) {
      if (stable.path === null) {
        const { permalink, url } = source.firstPage;
        parts.push({ ...stable, source: at, first: true, permalink, url });
        continue;
      }
      const folder = `${source.firstPage.folder}/${BY_DATE}/${stable.path}`;
      parts.push({
        ...stable,
        source: at,
        first: false,
        permalink: `${folder}/index.html`,
        url: `/${folder}/`,
      });
    }
  });
  const linkTo = (part: PagePart | undefined, first: string): LinkView | null =>
    part === undefined ? null : { name: part.name ?? first, url: part.url };
  /** A page's neighbours: the page of newer articles before it and of older ones after it. */
  const neighbours = (at: number) => {
    const part = parts[at];
    const sameSource = (other: PagePart | undefined) => (other?.source === part.source ? other : undefined);
    return {
      newer: part.first ? null : linkTo(parts[at - 1], "Latest articles"),
      older: linkTo(sameSource(parts[at + 1]), ""),
    };
  };
  /** The first page's list of the older pages, newest first. */
  const olderPagesOf = (at: number): LinkView[] => {
    const links: LinkView[] = [];
    for (let next = at + 1; parts[next]?.source === parts[at].source; next++)
      links.push(linkTo(parts[next], "") as LinkView);
    return links;
  };

  // What every entity page's key takes from an article: its list entry and its original address (in the
  // CSV export), worked out once per article.
  const entries: string[] = [];
  const entryOf = (at: number) =>
    (entries[at] ??= `${JSON.stringify(summarize(sorted[at], lookup))} ${webUrl(sorted[at].url_original)}`);
  /** Page `at`; `key` reads what this reads. */
  const page = (at: number): EntityPage => {
    const part = parts[at];
    const source = sources[part.source];
    const { first } = part;
    const self = graph.keyId.get(`${source.kind}:${source.slug}`) ?? -1;
    const all = Array.from(articleNumbers[part.source]);
    const listed = part.items === null ? all : part.items.map((item) => all[item]);
    const contextsOf = (numbers: number[]) => numbers.map((n) => contextsIn(source, sorted[n]));
    const summaries = (numbers: number[]) => numbers.map((n) => summarize(sorted[n], lookup));
    const { folder } = source.firstPage;
    return {
      ...lookup.entity(source.kind, source.slug),
      name: source.name,
      permalink: part.permalink,
      kindLabel: kindLabels[source.kind].one,
      indexUrl: `/${kindFolder[source.kind]}/`,
      indexTitle: kindLabels[source.kind].many,
      description: source.description,
      variants: first ? source.variants.filter((v) => v !== source.name) : [],
      roles: first ? source.roles : [],
      parties: first ? source.parties.map((slug) => lookup.entity("party", slug)) : [],
      members: first ? membersOf(source) : [],
      memberCount: first ? source.members.length : 0,
      articleCount: all.length,
      articles: summaries(listed),
      contexts: contextsOf(listed),
      part: part.name,
      olderPages: first ? olderPagesOf(at) : [],
      ...neighbours(at),
      companions: first ? companions(self, all) : [],
      // A chart of one article says nothing its list does not.
      chart: chartOf(first ? all.map((n) => sorted[n].date) : []),
      quotes: first && source.kind === "person" ? (quotesOf.get(source.slug) ?? []) : [],
      csvPath: first ? `${folder}/mentions.csv` : null,
      csvUrl: `${entityUrl(source.kind, source.slug)}mentions.csv`,
      everyArticle: first ? { articles: summaries(all), contexts: contextsOf(all) } : null,
    };
  };
  // How many articles name each person (the people are the first sources), for a party's members list.
  const personArticles = new Map(archive.people.map((person, at) => [person.slug, articleNumbers[at].length]));
  /** A party's members named by the most articles, PAGES.partyMembers of them, by name. */
  const membersOf = (source: EntitySource): EntityRef[] =>
    firstOf(
      source.members,
      PAGES.partyMembers,
      (a, b) => (personArticles.get(b) ?? 0) - (personArticles.get(a) ?? 0) || compareStrings(a, b),
    )
      .map((slug) => lookup.entity("person", slug))
      .sort(byName);
  /** Where page `at` and its CSV export go. */
  const whereOf = (at: number) => {
    const part = parts[at];
    const csvPath = part.first ? `${sources[part.source].firstPage.folder}/mentions.csv` : null;
    return { permalink: part.permalink, csvPath };
  };
  /** What an older page shows besides its articles: the entity's name, where it is, its neighbours. */
  const olderPageHead = (at: number) => {
    const part = parts[at];
    const source = sources[part.source];
    return JSON.stringify([
      source.kind,
      source.name,
      lookup.entity(source.kind, source.slug),
      part.name,
      neighbours(at),
    ]);
  };
  /** What an entity's first page shows beside its record and articles, as its pre-key takes it. */
  const besideOf = (source: EntitySource) => ({
    quotes: source.kind === "person" ? (quotesOf.get(source.slug) ?? []) : [],
    // A party's members shown: which they are follows other people's articles, not the party's record.
    members: membersOf(source).map((member) => member.slug),
  });
  /** Each article's slug hashed (fnv1a), for rosters: made when the first roster is asked for. */
  let slugHashes: Int32Array | undefined;
  // What every entity page's pre-key takes from an article: a digest of what any entity page shows of it —
  // its list entry and original address, its entities in order (companions are counted over them), and
  // the sentence naming each (contextsIn) — not of its whole record: a seed edited where no entity page
  // looks (its body's last paragraph, say) leaves the pre-keys of the pages listing it, thousands for
  // "Pakistan", as they were, and their keys are not worked out to find them unchanged.
  const stamps: string[] = [];
  let carriedStamp: (at: number) => string | undefined = () => undefined;
  let stampsMade = 0;
  const stampOf = (at: number) => {
    let stamp = stamps[at] ?? carriedStamp(at);
    if (stamp === undefined) {
      stampsMade++;
      const article = sorted[at];
      const sentences = new Map<string, Evidence | null>();
      for (const m of article.mentions) {
        const key = `${m.kind}:${m.slug}`;
        if (!sentences.has(key)) sentences.set(key, sentenceOf(m.evidence) ?? null);
      }
      const shown = [
        summarize(article, lookup),
        webUrl(article.url_original),
        Array.from(distinct[at], (id) => graph.keyName[id]),
        [...sentences],
      ];
      stamp = createHash("sha256").update(JSON.stringify(shown)).digest("base64url");
    }
    stamps[at] = stamp;
    return stamp;
  };

  return {
    count: parts.length,
    where: whereOf,
    preKey: (at) => {
      const part = parts[at];
      const source = sources[part.source];
      const numbers = articleNumbers[part.source];
      if (!part.first) {
        const hash = createHash("sha256").update(`older ${olderPageHead(at)}\n`);
        hash.update((part.items as number[]).map((item) => stampOf(numbers[item])).join("\n"));
        return hash.digest("base64url");
      }
      const { quotes, members } = besideOf(source);
      const hash = createHash("sha256").update(
        `${digestOf(source.record)} ${JSON.stringify(quotes)} ${JSON.stringify(members)}\n`,
      );
      hash.update(Array.from(numbers, stampOf).join("\n"));
      return hash.digest("base64url");
    },
    entityOf: (at) => {
      const source = sources[parts[at].source];
      return `${source.kind}:${source.slug}`;
    },
    ownInputs: (at) => {
      const source = sources[parts[at].source];
      const { quotes, members } = besideOf(source);
      const beside =
        quotes.length === 0 && members.length === 0
          ? NOTHING_BESIDE
          : createHash("sha256")
              .update(JSON.stringify([quotes, members]))
              .digest("base64url");
      return `${digestOf(source.record)} ${beside}`;
    },
    articleStamp: stampOf,
    carryStamps: (carried) => {
      carriedStamp = carried;
    },
    stampsMade: () => stampsMade,
    roster: (at) => {
      slugHashes ??= Int32Array.from(sorted, (article) => fnv1a(article.slug));
      const part = parts[at];
      const numbers = articleNumbers[part.source];
      const listed = part.first ? numbers : (part.items as number[]).map((item) => numbers[item]);
      // FNV-1a again, over the slugs' hashes in order: a sha256 of the slugs took 0.4 s of a rebuild.
      let hash = FNV_OFFSET;
      for (const n of listed) hash = Math.imul(hash ^ slugHashes[n], FNV_PRIME);
      return `${listed.length}.${(hash >>> 0).toString(36)}`;
    },
    touchedBy: (renamed) => {
      const touched = new Set<number>();
      if (renamed.size === 0) return touched;
      // Each entity number's first page; -1 for none.
      const pages = new Int32Array(entityCount).fill(-1);
      const outletPages = new Map<string, number>();
      sources.forEach((source, at) => {
        const id = graph.keyId.get(`${source.kind}:${source.slug}`);
        if (id !== undefined) pages[id] = firstPageOf[at];
        if (source.kind === "outlet") outletPages.set(source.slug, firstPageOf[at]);
      });
      // Companions: every entity of every article that names a renamed one, and the article's outlet.
      for (const key of renamed) {
        const id = graph.keyId.get(key);
        if (id === undefined) continue;
        for (const article of postings[id]) {
          for (const other of distinct[article]) if (pages[other] >= 0) touched.add(pages[other]);
          const outlet = outletPages.get(sorted[article].outletSlug ?? "");
          if (outlet !== undefined) touched.add(outlet);
        }
      }
      // Parties and members, which a first page names from its record.
      sources.forEach((source, at) => {
        if (source.parties.some((slug) => renamed.has(`party:${slug}`))) touched.add(firstPageOf[at]);
        if (source.members.some((slug) => renamed.has(`person:${slug}`))) touched.add(firstPageOf[at]);
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
    olderUrls: parts.filter((part) => !part.first).map((part) => part.url),
    pages: (start = 0, end = parts.length) =>
      Array.from({ length: Math.max(0, Math.min(end, parts.length) - start) }, (_, offset) => page(start + offset)),
    /**
     * What `page` reads. A first page: the entity's record, its articles' list entries and the sentences
     * naming it in each, the names of its parties, members and companions, its quotes and its older pages;
     * and what its CSV export adds, the articles' original addresses. An older page: its head and its own
     * articles' entries and sentences. The chart and the page object are not made.
     */
    key: (at) => {
      const part = parts[at];
      const source = sources[part.source];
      const entry = (n: number) => `${entryOf(n)} ${contextKey(source, sorted[n])}`;
      if (!part.first) {
        // An older page's own articles only: not a copy of the entity's thousands for each of its pages.
        const own = articleNumbers[part.source];
        const hash = createHash("sha256").update(`older ${olderPageHead(at)}\n`);
        hash.update((part.items as number[]).map((item) => entry(own[item])).join("\n"));
        return { ...whereOf(at), key: hash.digest("base64url") };
      }
      const numbers = Array.from(articleNumbers[part.source]);
      const self = graph.keyId.get(`${source.kind}:${source.slug}`) ?? -1;
      const hash = createHash("sha256").update(
        JSON.stringify([
          source.kind,
          digestOf(source.record),
          lookup.entity(source.kind, source.slug),
          source.parties.map((slug) => lookup.entity("party", slug).name),
          membersOf(source).map((member) => member.name),
          source.members.length,
          companions(self, numbers),
          source.kind === "person" ? (quotesOf.get(source.slug) ?? []) : [],
          part.items?.length ?? numbers.length,
          olderPagesOf(at),
        ]),
      );
      // Each article's entry and the sentences naming the entity there (all of them: the CSV export lists
      // every article): not the article's whole record, whose other fields (its story, say) the page does
      // not show.
      hash.update(numbers.map(entry).join("\n"));
      return { ...whereOf(at), key: hash.digest("base64url") };
    },
  };
}

/** What an entity's first page shows beside its record and articles, as `ownInputs` takes it, when it shows nothing. */
const NOTHING_BESIDE = createHash("sha256")
  .update(JSON.stringify([[], []]))
  .digest("base64url");

/** Three runs of white space: what `text.split(/\s+/).length >= 4` tests, without making the list. */
const THREE_SPACES = /\s\S+\s+\S+\s/;

/** The first evidence that reads as a sentence (a dateline "QUETTA:" does not), else the first. */
function sentenceOf(evidence: Evidence[] | undefined): Evidence | undefined {
  return evidence?.find((e) => THREE_SPACES.test(e.text)) ?? evidence?.[0];
}

/** An entry's initial letter, A to Z with accents folded, or "#" for a name starting otherwise. */
function initialOf(name: string): string {
  const letter = name
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .charAt(0)
    .toUpperCase();
  return /[A-Z]/.test(letter) ? letter : "#";
}

/** A letter's page under the kind's folder: "people/by-name/a/", or ".../other/" for "#". */
const letterFolder = (folder: string, letter: string) =>
  `${folder}/${BY_NAME}/${letter === "#" ? "other" : letter.toLowerCase()}`;

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
  const size = PAGES.indexEntries;
  return entityKinds.flatMap((kind) => {
    const folder = kindFolder[kind];
    const entries = all
      .filter((entry) => entry.kind === kind)
      .map((entry) => ({ kind, slug: entry.slug, name: entry.name, url: entry.url, count: entry.count }));
    const byNameList = [...entries].sort(byRank);
    const byCountList = [...entries].sort((a, b) => b.count - a.count || byRank(a, b)).slice(0, 2 * size);
    const common = {
      kind,
      title: kindLabels[kind].many,
      byNameUrl: `/${folder}/`,
      byArticlesUrl: `/${folder}/by-articles/`,
      total: entries.length,
      map: null,
    };
    const byArticles: EntityIndexPage = {
      ...common,
      permalink: `${folder}/by-articles/index.html`,
      url: `/${folder}/by-articles/`,
      sortedBy: "articles",
      entries: byCountList,
      letter: null,
      letters: [],
    };
    const byName = { ...common, sortedBy: "name" as const, map: kind === "place" ? map : null };
    if (entries.length < 2 * size) {
      const first = { ...byName, permalink: `${folder}/index.html`, url: `/${folder}/`, letter: null, letters: [] };
      return [{ ...first, entries: byNameList }, byArticles];
    }
    // Names by initial letter, in the order byName gives the letters.
    const byLetter = groupBy(byNameList, (entry) => initialOf(entry.name));
    const letters = [...byLetter].map(([letter, list]) => ({
      name: letter,
      url: `/${letterFolder(folder, letter)}/`,
      count: list.length,
    }));
    const letterLinks = letters.map((link) => ({ ...link, count: null }));
    const first: EntityIndexPage = {
      ...byName,
      permalink: `${folder}/index.html`,
      url: `/${folder}/`,
      entries: [],
      letter: null,
      letters,
    };
    const letterPages = [...byLetter].map(
      ([letter, list]): EntityIndexPage => ({
        ...byName,
        map: null,
        permalink: `${letterFolder(folder, letter)}/index.html`,
        url: `/${letterFolder(folder, letter)}/`,
        entries: list,
        letter,
        letters: letterLinks,
      }),
    );
    return [first, byArticles, ...letterPages];
  });
}
