/**
 * Stage 4, resolve: the extracted articles become one archive in which every real-world
 * entity is one record with all its spellings, and every record has a stable slug.
 */
import type { Knowledge, PartyEntry } from "../knowledge/index.ts";
import type {
  Archive,
  ArticleRecord,
  Evidence,
  ExtractedArticle,
  MentionLink,
  OrganizationMention,
  OrganizationRecord,
  OutletRecord,
  PartyMention,
  PartyRecord,
  PersonRecord,
  PlaceMention,
  PlaceRecord,
  Rejected,
} from "../types.ts";
import { articleUrl } from "../urls.ts";
import { compareStrings, groupBy } from "../util/group.ts";
import { slugify } from "../util/slug.ts";
import { applyCorrections, type RewrittenArticles } from "./corrections.ts";
import { inferMissingYears, type RedatedEventsCache } from "./infer-years.ts";
import type { KeptRecords, PersonInputs } from "./kept-records.ts";
import { canonicalName, clusterPeople } from "./people.ts";
import { type PlaceLookupsCache, placeLocator } from "./places.ts";
import { reservedSlugs } from "./slugs.ts";
import { groupStories, type StoryPairsCache } from "./stories.ts";
import type { TextTermsCache } from "./text-terms.ts";

export type { RewrittenArticles } from "./corrections.ts";
export type { RedatedEventsCache } from "./infer-years.ts";
export { KeptRecords } from "./kept-records.ts";
export type { LocatedPlace, PlaceLookupsCache } from "./places.ts";
export type { KeptPairs, StoryPairsCache } from "./stories.ts";
export { storyPairsVersion } from "./story-pairs.ts";
export type { TextTermsCache } from "./text-terms.ts";
export { textTermsVersion } from "./text-terms.ts";

/** A kind word after a place's name ("Quetta district", "Kurram tribal district"). */
const PLACE_KIND_WORD =
  /\s+(?:tribal\s+)?(?:city|town|village|district|province|region|area|county|state|tehsil|valley)$/i;

/** Articles newest first; undated last; then by title and file so the order never depends on input order. */
function articleOrder(a: ExtractedArticle, b: ExtractedArticle): number {
  const da = a.metadata.date ?? "";
  const db = b.metadata.date ?? "";
  if (da !== db) return da === "" ? 1 : db === "" ? -1 : compareStrings(db, da);
  return compareStrings(a.metadata.title, b.metadata.title) || compareStrings(a.source.file, b.source.file);
}

function uniqueSorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort(compareStrings);
}

/** Every spelling used by the mentions of one entity, sorted, without its record name. */
function spellings(mentions: Iterable<{ name: string; variants: string[] }>, recordName: string): string[] {
  // Into one set, not an array per mention first: a place named in thousands of articles has thousands.
  const forms = new Set<string>();
  for (const m of mentions) {
    forms.add(m.name);
    for (const variant of m.variants) forms.add(variant);
  }
  forms.delete(recordName);
  return [...forms].sort(compareStrings);
}

/** Longest first, so linking tries "Mir Shoaib Nosherwani" before "Shoaib". */
function linkForms(forms: Iterable<string>): string[] {
  return [...new Set(forms)].filter(Boolean).sort((a, b) => b.length - a.length || compareStrings(a, b));
}

/** A trie of spelling lists: the node of a list is reached one spelling at a time. */
interface FormsNode {
  next: Map<string, FormsNode>;
  forms?: string[];
}

/**
 * linkForms, one array for each list of spellings: at 10,000 articles 330,000 mentions have 25,000 distinct
 * lists, and a record's forms are only read. Sharing them took the archive's heap from 358 to 305 MiB. Lists
 * are found through a trie of their spellings: joining each list into one key made a new string per mention,
 * to be hashed for the lookup (0.1 s of a 10,000-article resolve).
 */
function sharedLinkForms(): (forms: string[], first?: string) => string[] {
  const root: FormsNode = { next: new Map() };
  const step = (node: FormsNode, form: string): FormsNode => {
    let child = node.next.get(form);
    if (!child) {
      child = { next: new Map() };
      node.next.set(form, child);
    }
    return child;
  };
  // `first` before `forms` (a person's name before its spellings), without a list made of the two.
  return (forms, first) => {
    let node = first === undefined ? root : step(root, first);
    for (const form of forms) node = step(node, form);
    node.forms ??= linkForms(first === undefined ? forms : [first, ...forms]);
    return node.forms;
  };
}

type Keyed = PartyMention | OrganizationMention | PlaceMention;

interface KeyedGroup<M extends Keyed> {
  slug: string;
  mentions: { article: number; mention: M }[];
}

/** Groups mentions of parties, organizations or places by their key and gives each group a slug. */
function groupByKey<M extends Keyed>(
  lists: M[][],
  aliasOf: (m: M) => string = (m) => m.key,
): Map<string, KeyedGroup<M>> {
  const slugs = reservedSlugs();
  // Straight into the groups, not through a list of every mention first (an array per article, and one more).
  const groups = new Map<string, { article: number; mention: M }[]>();
  for (let article = 0; article < lists.length; article++) {
    for (const mention of lists[article]) {
      const key = aliasOf(mention);
      const group = groups.get(key);
      if (group) group.push({ article, mention });
      else groups.set(key, [{ article, mention }]);
    }
  }
  const keys = [...groups.keys()].sort(compareStrings);
  return new Map(
    keys.map((key) => [key, { slug: slugs.claim(slugify(key) || "unnamed"), mentions: groups.get(key)! }] as const),
  );
}

/**
 * An organization's or place's group: its key whatever its case. A wire dateline writes the town in
 * capitals ("SPRINGFIELD, Ill. (AP) —") and the text writes it as a name ("Springfield"): one place. A known
 * entity's mentions all carry its knowledge name as their key already.
 */
const caseless = (m: OrganizationMention | PlaceMention) => m.key.toLowerCase();

/** Written in capitals throughout: a letter, and no lower-case one ("SPRINGFIELD", "NATO"). */
const inCapitals = (name: string) => /\p{Lu}/u.test(name) && !/\p{Ll}/u.test(name);

/** An unknown party detected by pattern joins a known party that has the same abbreviation. */
function partyAlias(knowledge: Knowledge): (m: PartyMention) => string {
  const byAbbr = new Map(knowledge.parties.filter((p) => p.abbr).map((p) => [p.abbr!, p.name]));
  return (m) => (!m.known && m.abbr && byAbbr.has(m.abbr) ? byAbbr.get(m.abbr)! : m.key);
}

function articleSlugs(articles: ExtractedArticle[]): string[] {
  const registry = reservedSlugs();
  // Claim in file order, so a slug does not move when an unrelated article's date changes.
  const byFile = articles.map((a, i) => ({ a, i })).sort((x, y) => compareStrings(x.a.source.file, y.a.source.file));
  const slugs: string[] = new Array(articles.length);
  for (const { a, i } of byFile) {
    slugs[i] = registry.claim(slugify(a.metadata.title, 9) || `article-${a.source.sha256.slice(0, 10)}`);
  }
  return slugs;
}

/** The slugs of an article's mentions, in the order of its extraction's lists. */
interface MentionSlugs {
  personSlugs: string[];
  partySlugs: string[];
  organizationSlugs: string[];
  placeSlugs: string[];
}

/**
 * A mention link's evidence: its extraction mention's first two. The extraction's own list when it holds no
 * more: a third of a million lists at 10,000 articles, each held for a process's life by `npm start`. Nothing
 * changes a record's evidence in place (src/resolve/corrections.ts makes a new list).
 */
function firstEvidence(evidence: Evidence[]): Evidence[] {
  return evidence.length <= 2 ? evidence : evidence.slice(0, 2);
}

/** An article's record: its extraction, with the slugs the resolve gave it and what it mentions. */
function articleRecord(
  a: ExtractedArticle,
  slug: string,
  outletSlug: string | null,
  { personSlugs, partySlugs, organizationSlugs, placeSlugs }: MentionSlugs,
  formsOf: (forms: string[], first?: string) => string[],
  partySlug: (key: string) => string,
): ArticleRecord {
  const m = a.metadata;
  const {
    people: personMentions,
    parties: partyMentions,
    organizations: organizationMentions,
    places: placeMentions,
  } = a.entities;
  const mentions: MentionLink[] = [];
  personMentions.forEach((p, j) => {
    mentions.push({
      kind: "person",
      slug: personSlugs[j],
      forms: formsOf(p.variants, p.name),
      evidence: firstEvidence(p.evidence),
    });
  });
  const linked = (kind: "party" | "organization" | "place", list: Keyed[], slugsOfList: string[]) => {
    list.forEach((e, j) => {
      mentions.push({ kind, slug: slugsOfList[j], forms: formsOf(e.variants), evidence: firstEvidence(e.evidence) });
    });
  };
  linked("party", partyMentions, partySlugs);
  linked("organization", organizationMentions, organizationSlugs);
  linked("place", placeMentions, placeSlugs);
  // A figure's place as its sentence writes it ("Quetta district") → the article's first place with a form
  // of that name, any case; the forms looked up in one map, made for the first figure that names a place.
  let placeAtForm: Map<string, number> | undefined;
  const placeSlugOf = (written: string | null): string | null => {
    if (written === null) return null;
    if (!placeAtForm) {
      placeAtForm = new Map();
      for (let at = 0; at < placeMentions.length; at++) {
        const { name, variants } = placeMentions[at];
        for (const form of [name, ...variants]) {
          const lower = form.toLowerCase();
          if (!placeAtForm.has(lower)) placeAtForm.set(lower, at);
        }
      }
    }
    const whole = placeAtForm.get(written.toLowerCase());
    const bare = placeAtForm.get(written.replace(PLACE_KIND_WORD, "").toLowerCase());
    const at = whole === undefined ? bare : bare === undefined ? whole : Math.min(whole, bare);
    return at === undefined ? null : placeSlugs[at];
  };
  const flags = [...a.flags];
  if (!m.date) flags.push("no publication date found");
  else if (m.dateFrom === "inferred") flags.push(`publication date inferred: ${m.dateEvidence ?? ""}`.trim());
  if (!m.outlet) flags.push("no outlet found");
  if (a.source.duplicates.length) flags.push(`same article also in: ${a.source.duplicates.join(", ")}`);
  return {
    slug,
    url: articleUrl(slug),
    source: { file: a.source.file, sha256: a.source.sha256, duplicates: a.source.duplicates },
    title: m.title,
    titleFrom: m.titleFrom,
    subtitle: m.subtitle,
    date: m.date,
    dateFrom: m.dateFrom,
    dateEvidence: m.dateEvidence,
    outlet: m.outlet,
    outletSlug,
    outletFrom: m.outletFrom,
    outletEvidence: m.outletEvidence,
    authors: m.authors,
    authorsEvidence: m.authorsEvidence,
    dateline: m.dateline,
    datelineEvidence: m.datelineEvidence,
    body: a.body,
    discarded: a.discarded,
    people: [...new Set(personSlugs)],
    peopleDetail: personMentions.map((p, j) => ({
      slug: personSlugs[j],
      name: p.name,
      roles: p.roles,
      parties: uniqueSorted(p.parties.map(partySlug)),
    })),
    parties: [...new Set(partySlugs)],
    organizations: [...new Set(organizationSlugs)],
    places: [...new Set(placeSlugs)],
    mentions,
    figures: a.figures.map((f) => ({ ...f, place: placeSlugOf(f.place) })),
    events: m.events,
    flags,
    url_original: a.source.frontMatter.url ?? null,
    tags: a.source.frontMatter.tags ?? [],
    quotes: a.quotes.flatMap((q) => {
      const speaker = personMentions.findIndex((p) => p.name === q.person);
      return speaker >= 0 ? [{ person: personSlugs[speaker], text: q.text, line: q.line }] : [];
    }),
    // Set below, once every article has its record: a story is found across articles.
    story: "",
    copyOf: null,
  };
}

export interface ResolveOptions {
  /** Articles' words kept from earlier builds, so story grouping stems only new and changed articles. */
  textTerms?: TextTermsCache;
  /** The last build's pairs of similar articles, so story grouping compares only what changed, and this build's. */
  storyPairs?: StoryPairsCache;
  /** The event dates of articles dated without a year, kept from earlier builds (RedatedEventsCache). */
  redatedEvents?: RedatedEventsCache;
  /** The gazetteer's answers kept from earlier builds, so a rebuild rarely reads GeoNames (PlaceLookupsCache). */
  placeLookups?: PlaceLookupsCache;
  /**
   * Filled with the article records the user's corrections rewrote beyond their resolved fields, whose text
   * is then not their extraction's (the archive stage's reuse of unchanged records asks).
   */
  rewritten?: RewrittenArticles;
  /** Filled with the mentions each person record is made of, for the archive stage's reuse of its line. */
  personSources?: PersonSources;
  /** Article records kept from the last build of this process, reused where their inputs are the same. */
  keptRecords?: KeptRecords;
}

/**
 * The mentions a person record is made of, in its order: for each, the article's place in `Archive.articles` and
 * the mention's place among that article's people, both its `peopleDetail` and its `mentions` (people come
 * first). Everything the record takes from a mention is in that article's record, so with the articles' lines
 * it fixes the person's (src/archive/record-reuse.ts: personReuseKey). Only for a build without corrections,
 * which may merge or rewrite people and articles after the resolve: a build with any fills none. The places
 * hold for the archive as the resolve returns it; the archive stage does not check them against the articles
 * (reading every mention's article entry took longer than the lines it saves).
 */
export type PersonSources = WeakMap<PersonRecord, Int32Array>;

export function resolveArchive(
  extracted: ExtractedArticle[],
  rejected: Rejected[],
  knowledge: Knowledge,
  options: ResolveOptions = {},
): Archive {
  // A user's corrections may merge or rewrite records after they are made: a build with any neither tells
  // the archive stage what a person is made of nor keeps records or inferred dates for the next build.
  const uncorrected = knowledge.people.length === 0 && knowledge.corrections.length === 0;
  const keptRecords = uncorrected ? options.keptRecords : undefined;
  // Dates written without a year take one from the neighbouring articles before anything is ordered by date.
  inferMissingYears(extracted, options.redatedEvents, keptRecords?.years);
  const articles = [...extracted].sort(articleOrder);
  const slugs = articleSlugs(articles);

  // Entity article lists run oldest first (timeline order); articles are newest first, so an article's number
  // is its place. Sorted as numbers, not by looking both slugs up in each comparison: "Pakistan" alone is
  // 50,000 articles. The numbers go in one array for all entities, not a typed array (and its buffer) for
  // each; an article met twice is told by the mark of the list it was last met in, not by a set of slugs.
  let positions = new Int32Array(1024);
  const lastListOf = new Int32Array(articles.length).fill(-1);
  let lists = 0;
  const chronological = (articleNumbers: Iterable<number>) => {
    const list = lists++;
    let count = 0;
    for (const at of articleNumbers) {
      if (lastListOf[at] === list) continue;
      lastListOf[at] = list;
      if (count === positions.length) {
        const grown = new Int32Array(positions.length * 2);
        grown.set(positions);
        positions = grown;
      }
      positions[count++] = at;
    }
    const at = positions.subarray(0, count).sort();
    const oldestFirst: string[] = new Array(at.length);
    for (let k = 0; k < at.length; k++) oldestFirst[k] = slugs[at[at.length - 1 - k]];
    return oldestFirst;
  };
  const articleNumbersOf = (group: { mentions: { article: number }[] }) => group.mentions.map((g) => g.article);

  const alias = partyAlias(knowledge);
  const parties = groupByKey(
    articles.map((a) => a.entities.parties),
    alias,
  );
  const organizations = groupByKey(
    articles.map((a) => a.entities.organizations),
    caseless,
  );
  const places = groupByKey(
    articles.map((a) => a.entities.places),
    caseless,
  );
  // A person's party ties name party keys; each key (and each alias of it) leads to its group's slug.
  const partySlugByKey = new Map<string, string>();
  for (const [key, group] of parties) {
    partySlugByKey.set(key, group.slug);
    for (const { mention } of group.mentions) partySlugByKey.set(mention.key, group.slug);
  }
  /** The slug of a party a person is tied to; a key no party mention used gets its own slug. */
  const partySlug = (key: string) => partySlugByKey.get(key) ?? slugify(key);

  // People
  // Each occurrence's number `at`, in archive order: the slug of article i's person mention j is
  // personSlugAt[firstOccurrence[i] + j]. A map from each mention to its slug held half a million objects as
  // keys at 50,000 articles.
  const firstOccurrence = new Int32Array(articles.length);
  let counted = 0;
  const occurrences = articles.flatMap((a, article) => {
    firstOccurrence[article] = counted;
    counted += a.entities.people.length;
    return a.entities.people.map((mention, j) => ({ article, mention, at: firstOccurrence[article] + j }));
  });
  const personSlugAt: string[] = new Array(occurrences.length);
  const personSlugOfMention = (article: number, j: number) => personSlugAt[firstOccurrence[article] + j];
  /** What a person record is made from besides its slug (KeptRecords.person). */
  const personInputs = (
    name: string,
    personOccurrences: typeof occurrences,
    articlesOldestFirst: string[],
  ): PersonInputs => {
    const mentions: object[] = [];
    const articleSlugs: string[] = [];
    const partySlugs: string[] = [];
    for (const { mention, article } of personOccurrences) {
      mentions.push(mention);
      articleSlugs.push(slugs[article]);
      for (const party of mention.parties) partySlugs.push(partySlug(party));
    }
    return { name, mentions, articleSlugs, partySlugs, articles: articlesOldestFirst };
  };
  const clusters = clusterPeople(occurrences, knowledge.vocabulary.namePrefixes);
  const personSlugs = reservedSlugs();
  const namedClusters = clusters
    .map((c) => ({
      cluster: c,
      name: canonicalName(c.occurrences.map((o) => ({ name: o.mention.name, article: o.article }))),
    }))
    .sort((x, y) => compareStrings(x.name, y.name));
  const personSources = uncorrected ? options.personSources : undefined;
  keptRecords?.beginResolve();
  const people: PersonRecord[] = namedClusters.map(({ cluster, name }) => {
    const slug = personSlugs.claim(slugify(name) || "person");
    for (const o of cluster.occurrences) personSlugAt[o.at] = slug;
    const articlesOldestFirst = chronological(cluster.occurrences.map((o) => o.article));
    const make = (): PersonRecord => {
      // One pass over the occurrences (not one list per field, then a set of it).
      const roles = new Set<string>();
      const parties = new Set<string>();
      // What each article says of the person: the first sentence naming them, and the role it gives.
      const said: PersonRecord["mentions"] = [];
      for (const { mention, article } of cluster.occurrences) {
        for (const role of mention.roles) roles.add(role);
        for (const party of mention.parties) parties.add(partySlug(party));
        if (mention.evidence.length === 0) continue;
        const [first] = mention.evidence;
        said.push({ article: slugs[article], sentence: first.text, line: first.line, role: mention.roles[0] ?? null });
      }
      const record: PersonRecord = {
        slug,
        name,
        variants: spellings(
          cluster.occurrences.map((o) => o.mention),
          name,
        ),
        roles: [...roles],
        parties: [...parties].sort(compareStrings),
        articles: articlesOldestFirst,
        mentions: said,
      };
      return record;
    };
    const record = keptRecords
      ? keptRecords.person(slug, personInputs(name, cluster.occurrences, articlesOldestFirst), make)
      : make();
    if (personSources) {
      const sources = new Int32Array(2 * cluster.occurrences.length);
      cluster.occurrences.forEach((o, k) => {
        sources[2 * k] = o.article;
        sources[2 * k + 1] = o.at - firstOccurrence[o.article];
      });
      personSources.set(record, sources);
    }
    return record;
  });

  // Outlets
  const outletSlugs = reservedSlugs();
  const outletNames = uniqueSorted(articles.flatMap((a) => (a.metadata.outlet ? [a.metadata.outlet] : [])));
  const outletSlugByName = new Map(outletNames.map((name) => [name, outletSlugs.claim(slugify(name) || "outlet")]));

  const slugOf = <M extends Keyed>(
    groups: Map<string, KeyedGroup<M>>,
    m: M,
    aliasOf: (m: M) => string = (x) => x.key,
  ) => groups.get(aliasOf(m))!.slug;

  const formsOf = sharedLinkForms();
  const records: ArticleRecord[] = articles.map((a, i) => {
    // Each mention's slug once, for its link and for the record's lists.
    const mentionSlugs: MentionSlugs = {
      personSlugs: a.entities.people.map((_, j) => personSlugOfMention(i, j)),
      partySlugs: a.entities.parties.map((p) => slugOf(parties, p, alias)),
      organizationSlugs: a.entities.organizations.map((o) => slugOf(organizations, o, caseless)),
      placeSlugs: a.entities.places.map((p) => slugOf(places, p, caseless)),
    };
    const outletSlug = a.metadata.outlet ? outletSlugByName.get(a.metadata.outlet)! : null;
    const make = () => articleRecord(a, slugs[i], outletSlug, mentionSlugs, formsOf, partySlug);
    if (!keptRecords) return make();
    // The same extraction has lists of the same lengths, so the slugs need no separators.
    const { personSlugs, partySlugs, organizationSlugs, placeSlugs } = mentionSlugs;
    const slugsOfInputs = [
      slugs[i],
      outletSlug ?? "",
      ...personSlugs,
      ...partySlugs,
      ...organizationSlugs,
      ...placeSlugs,
    ];
    for (const p of a.entities.people) for (const party of p.parties) slugsOfInputs.push(partySlug(party));
    return keptRecords.record(
      a,
      {
        parts: [a.body, a.discarded, a.figures, a.quotes],
        metadata: a.metadata,
        flags: a.flags,
        source: a.source,
        slugs: slugsOfInputs,
      },
      make,
    );
  });

  // Built once: the first knowledge entry of each name (as find would), and each party slug's members.
  const partyEntryByName = new Map<string, PartyEntry>();
  for (const entry of knowledge.parties) if (!partyEntryByName.has(entry.name)) partyEntryByName.set(entry.name, entry);
  const membersByPartySlug = new Map<string, string[]>();
  for (const person of people) {
    for (const party of person.parties) {
      const members = membersByPartySlug.get(party);
      if (members) members.push(person.slug);
      else membersByPartySlug.set(party, [person.slug]);
    }
  }

  const partyRecords: PartyRecord[] = [...parties.entries()].map(([key, group]) => {
    const entry = partyEntryByName.get(key);
    const name =
      entry?.name ?? canonicalName(group.mentions.map((g) => ({ name: g.mention.name, article: g.article })));
    return {
      slug: group.slug,
      name,
      abbr: entry?.abbr ?? group.mentions.find((g) => g.mention.abbr)?.mention.abbr ?? null,
      variants: spellings(
        group.mentions.map((g) => g.mention),
        name,
      ),
      articles: chronological(articleNumbersOf(group)),
      members: uniqueSorted(membersByPartySlug.get(group.slug) ?? []),
    };
  });

  /** An organization or place record: named and typed as its knowledge entry (or first detection) says. */
  const typedRecord = <M extends OrganizationMention | PlaceMention>(group: KeyedGroup<M>) => {
    const first = group.mentions[0].mention;
    // Named as first written other than in capitals throughout, as a wire dateline writes it ("SPRINGFIELD").
    const name = (group.mentions.find((g) => !inCapitals(g.mention.name)) ?? group.mentions[0]).mention.name;
    return {
      slug: group.slug,
      name,
      kind: first.kind as M["kind"],
      variants: spellings(
        group.mentions.map((g) => g.mention),
        name,
      ),
      articles: chronological(articleNumbersOf(group)),
    };
  };
  const organizationRecords: OrganizationRecord[] = [...organizations.values()].map(typedRecord);
  // Places: the kind, parent, country and point the gazetteer gives, where places.yaml does not say.
  const locate = placeLocator(knowledge, (article) => articles[article]!.entities.places, options.placeLookups);
  const placeRecords: PlaceRecord[] = [...places.values()].map((group) => {
    const { slug, name, variants, articles } = typedRecord(group);
    return { slug, name, ...locate(group.mentions), variants, articles };
  });

  const articlesByOutlet = groupBy(
    records.map((_, at) => at),
    (at) => records[at].outlet,
  );
  const outlets: OutletRecord[] = outletNames.map((name) => ({
    slug: outletSlugByName.get(name)!,
    name,
    articles: chronological(articlesByOutlet.get(name) ?? []),
  }));

  const archive: Archive = {
    articles: records,
    stories: [],
    people,
    parties: partyRecords.sort((a, b) => compareStrings(a.slug, b.slug)),
    organizations: organizationRecords.sort((a, b) => compareStrings(a.slug, b.slug)),
    places: placeRecords.sort((a, b) => compareStrings(a.slug, b.slug)),
    outlets,
    rejected: [...rejected].sort((a, b) => compareStrings(a.file, b.file)),
    unmatchedCorrections: [],
  };
  // The user's corrections act on the entities before stories are found from them.
  const corrected = applyCorrections(archive, knowledge.people, knowledge.corrections);
  archive.unmatchedCorrections = corrected.problems;
  for (const record of corrected.rewritten) options.rewritten?.add(record);

  const forcedStories = new Map<string, string>();
  articles.forEach((a, i) => {
    const story = a.source.frontMatter.story;
    if (story) forcedStories.set(slugs[i], slugify(story) || "story");
  });
  const placeKind = new Map(archive.places.map((p) => [p.slug, p.kind]));
  const { stories, storyOf, copyOf } = groupStories(
    records,
    forcedStories,
    (slug) => placeKind.get(slug),
    options.textTerms,
    options.storyPairs,
    keptRecords,
  );
  for (const record of records) {
    record.story = storyOf.get(record.slug) as string;
    record.copyOf = copyOf.get(record.slug) ?? null;
  }
  archive.stories = stories;
  keptRecords?.endResolve();
  return archive;
}
