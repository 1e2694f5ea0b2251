/**
 * Article, person and story records kept between the builds of one process (`npm start`), each with the inputs
 * it was made from, so a rebuild makes again only the records whose inputs changed.
 *
 * Making 10,000 article records and their people took about 0.7 s of each rebuild, with the collector's work
 * of moving them: every one lives to the end of the build. An extraction kept in memory (src/ingest/kept.ts)
 * is the same frozen object from one build to the next, so an article record is known by its extraction's
 * entities object, and is the same record when everything else it is made from is the same too: the
 * article's metadata (which the resolve may replace, src/resolve/infer-years.ts), its flags and source, and
 * the slugs of its article, outlet and mentions, which other articles can move. A person record is known by
 * its slug, and is the same when its name, its mentions (the same frozen objects), their articles' slugs,
 * its party slugs and the order of its articles are. A story record is known by its slug, and is the same when
 * its articles' records are (in order), and which of them are wire copies of which, and the kinds of the places
 * its figures are counted in (its ledger tells a part from a total by them). The checks are exact: a kept
 * record is reused only where making it again would give the same record.
 *
 * A reused record is the last build's object: the resolve sets an article's story afresh each build, and
 * nothing after the resolve changes a record (the user's corrections would, so a build with any keeps none).
 * So the archive one build returned shares its records with the next build's, which may give them other
 * stories: a caller that keeps an archive across builds (`npm start` keeps none) keeps no records either.
 */
import type { ArticleRecord, ExtractedArticle, PersonRecord, PlaceKind, StoryRecord } from "../types.ts";
import { sameItems } from "../util/group.ts";
import { KeptYears } from "./infer-years.ts";

/** Everything an article record is made from besides its frozen extraction, as the record was made. */
export interface RecordInputs {
  /** The extraction's parts the record takes as they are (its text, figures, quotes), compared by identity. */
  parts: readonly unknown[];
  metadata: ExtractedArticle["metadata"];
  flags: readonly string[];
  source: ExtractedArticle["source"];
  /** The article's slug, its outlet's, its mentions' (people, parties, organizations, places) and its people's parties'. */
  slugs: readonly string[];
}

/** What a person record is made from besides its slug. */
export interface PersonInputs {
  /** Its canonical name. */
  name: string;
  /** Its mentions in the order of its occurrences (compared by identity: a kept extraction's are frozen), */
  mentions: readonly object[];
  /** the slug of each one's article, */
  articleSlugs: readonly string[];
  /** the slug of each party each one ties the person to, */
  partySlugs: readonly string[];
  /** and its articles, oldest first. */
  articles: readonly string[];
}

/** What a story record is made from besides its slug. */
export interface StoryInputs {
  /** Its articles' records, oldest first (an unchanged article's is the same object from build to build), */
  articles: readonly ArticleRecord[];
  /** the article each one is a wire copy of, or null, */
  copies: readonly (string | null)[];
  /** and the kind of the place of each of their figures, in order (a place's kind is all its mentions'). */
  placeKinds: readonly (PlaceKind | undefined)[];
}

function sameStory(a: StoryInputs, b: StoryInputs): boolean {
  return sameItems(a.articles, b.articles) && sameItems(a.copies, b.copies) && sameItems(a.placeKinds, b.placeKinds);
}

function samePerson(a: PersonInputs, b: PersonInputs): boolean {
  return (
    a.name === b.name &&
    sameItems(a.mentions, b.mentions) &&
    sameItems(a.articleSlugs, b.articleSlugs) &&
    sameItems(a.partySlugs, b.partySlugs) &&
    sameItems(a.articles, b.articles)
  );
}

interface KeptRecord {
  inputs: RecordInputs;
  record: ArticleRecord;
}

/**
 * Equal plain data: the same value, or arrays or objects whose items are. The metadata of an article whose
 * year the resolve inferred is a new object each build, its event dates new objects read from the cache.
 */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!Object.hasOwn(b, key) || !sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
      return false;
  }
  return true;
}

function sameSource(a: ExtractedArticle["source"], b: ExtractedArticle["source"]): boolean {
  return (
    a.file === b.file &&
    a.sha256 === b.sha256 &&
    sameItems(a.duplicates, b.duplicates) &&
    a.frontMatter.url === b.frontMatter.url &&
    a.frontMatter.story === b.frontMatter.story &&
    sameItems(a.frontMatter.tags ?? [], b.frontMatter.tags ?? [])
  );
}

function sameInputs(a: RecordInputs, b: RecordInputs): boolean {
  return (
    sameItems(a.parts, b.parts) &&
    sameData(a.metadata, b.metadata) &&
    sameItems(a.flags, b.flags) &&
    sameSource(a.source, b.source) &&
    sameItems(a.slugs, b.slugs)
  );
}

/**
 * Records kept by slug from one resolve to the next: a resolve takes the last one's record for a slug when its
 * inputs are the same (`same`), and keeps what it takes or makes for the next.
 */
class KeptBySlug<I, R> {
  private current = new Map<string, { inputs: I; record: R }>();
  private last = new Map<string, { inputs: I; record: R }>();
  made = 0;

  constructor(private readonly same: (a: I, b: I) => boolean) {}

  /** Starts a resolve: the records the last one took or made are the ones kept. */
  begin(): void {
    this.last = this.current;
    this.current = new Map();
  }

  /**
   * Ends a resolve: what the last one kept and this one did not take is let go now, not at the next save. Held
   * through the render, it was a second map of every person's and story's inputs (about 0.1 GB at 50,000 articles).
   */
  end(): void {
    this.last = new Map();
  }

  take(slug: string, inputs: I, make: () => R): R {
    const kept = this.last.get(slug);
    if (kept && this.same(kept.inputs, inputs)) {
      // The kept entry goes on as it is: `inputs`, equal to its own, is left to the young generation.
      this.current.set(slug, kept);
      return kept.record;
    }
    this.made++;
    const record = make();
    this.current.set(slug, { inputs, record });
    return record;
  }
}

export class KeptRecords {
  private version: string | undefined;
  /** By the extraction's entities object, which a kept extraction keeps from build to build. */
  private records = new WeakMap<object, KeptRecord>();
  private madeArticles = 0;
  private people = new KeptBySlug<PersonInputs, PersonRecord>(samePerson);
  private stories = new KeptBySlug<StoryInputs, StoryRecord>(sameStory);
  /** The publication years the last build inferred (src/resolve/infer-years.ts). */
  years = new KeptYears();

  /** Starts a build under `version` (the extractor's and the knowledge's): records kept under another are dropped. */
  use(version: string): void {
    if (version === this.version) return;
    this.version = version;
    this.records = new WeakMap();
    this.people = new KeptBySlug(samePerson);
    this.stories = new KeptBySlug(sameStory);
    this.years = new KeptYears();
  }

  /** Starts a resolve: the people and stories the last one made are the ones kept. */
  beginResolve(): void {
    this.people.begin();
    this.stories.begin();
  }

  /** Ends a resolve: only what it took or made is kept. */
  endResolve(): void {
    this.people.end();
    this.stories.end();
  }

  /**
   * The record of `article` made from `inputs`: the one kept for them, or `make()`'s, kept for the next build.
   */
  record(article: ExtractedArticle, inputs: RecordInputs, make: () => ArticleRecord): ArticleRecord {
    const kept = this.records.get(article.entities);
    if (kept && sameInputs(kept.inputs, inputs)) return kept.record;
    this.madeArticles++;
    const record = make();
    this.records.set(article.entities, { inputs, record });
    return record;
  }

  /** The person record `slug` made from `inputs`: the one kept for them, or `make()`'s, kept for the next build. */
  person(slug: string, inputs: PersonInputs, make: () => PersonRecord): PersonRecord {
    return this.people.take(slug, inputs, make);
  }

  /**
   * The story record `slug` made from `inputs`: the one kept for them, or `make()`'s, kept for the next build. A
   * story record is not changed after the resolve makes it, so the kept one is the record itself.
   */
  story(slug: string, inputs: StoryInputs, make: () => StoryRecord): StoryRecord {
    return this.stories.take(slug, inputs, make);
  }

  /** How many article, person and story records were made (not kept) since the last call. */
  takeMade(): { articles: number; people: number; stories: number } {
    const made = { articles: this.madeArticles, people: this.people.made, stories: this.stories.made };
    this.madeArticles = 0;
    this.people.made = 0;
    this.stories.made = 0;
    return made;
  }
}
