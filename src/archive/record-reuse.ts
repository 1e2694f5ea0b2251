/**
 * What a rebuild reuses of the archive's files, from one build to the next.
 *
 * An article record is its extraction's text — the body, the discarded lines, each mention's spellings and
 * evidence, each figure's and quote's sentence — laid out with what the resolve stage decided across
 * articles: slugs, the story, dates inferred, and the rest. A record's reuse key is everything but that
 * text, with the seed's hash (`source.sha256`, kept in the key) standing for it: under the same code and
 * knowledge the same seed is extracted to the same text, so equal keys are equal lines. A rebuild then knows
 * an unchanged article's digest by its key without serialising it (190 of the archive's 270 MB at 10,000
 * articles), and so whether each record file changed: a file none of whose records changed is kept as it is
 * (src/archive/index.ts).
 *
 * The one exception is an article a correction rewrote (a mention's evidence merged into another's, a figure
 * edited: src/resolve/corrections.ts): its text is no longer its extraction's, so it is always serialised and
 * never keyed. That is also why the corrections need not be in the version: Knowledge.version leaves them
 * out (they do not change what is extracted), and no article's recorded digest is of what a correction wrote.
 *
 * Stories and people are keyed by their articles' digests instead (`storyReuseKey`, `personReuseKey`): what
 * they show of an article is in its line, so a correction that changes it changes that article's digest,
 * and their keys with it. A person is not keyed in a build with corrections, which may merge or rewrite
 * people after the resolve, beyond what their articles' lines say.
 */
import { hash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ArticleRecord, PersonRecord, StoryRecord } from "../types.ts";
import { codeVersion } from "../util/code-version.ts";
import { sameItems } from "../util/group.ts";

/** Where a site keeps what its next build may reuse of its archive files, relative to the site folder. */
export const ARCHIVE_RECORDS = ".news-archive/archive-records.json";

/** What ARCHIVE_RECORDS holds. */
export interface RecordedArchive {
  /** The code and knowledge the reuse keys were made under (reuseVersion): under another, none is reused. */
  version: string;
  /** An article's, a story's or a person's reuse key → the digest of its line. */
  lines: Record<string, string>;
  /**
   * A record file (relative to the site) → the digest of its records' digests, in order; and figures.csv → its
   * digest (src/archive/figures-csv.ts: figuresCsvDigest).
   */
  files: Record<string, string>;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * The version reuse keys are made under: all of the code and its dependencies (extraction, resolve and this
 * stage make a record's text) and the knowledge (Knowledge.version).
 */
export function reuseVersion(knowledgeVersion: string): string {
  return codeVersion(ROOT, ["src", "package-lock.json"], knowledgeVersion);
}

/**
 * The keys of records `npm start` keeps from one build to the next (src/resolve/kept-records.ts), with the story
 * and copy they were made under. A kept record is the same object from build to build, and nothing in it
 * changes after it is made but those two, which the resolve sets each build: 0.2 s of each rebuild at 10,000
 * articles was making keys again for records that had not changed.
 */
const keyed = new WeakMap<ArticleRecord, { story: string; copyOf: string | null; key: string }>();

/** The reuse key of an article record: its fields but for the text its extraction gives, hashed. */
export function reuseKey(record: ArticleRecord): string {
  const known = keyed.get(record);
  if (known !== undefined && known.story === record.story && known.copyOf === record.copyOf) return known.key;
  const key = articleKey(record);
  keyed.set(record, { story: record.story, copyOf: record.copyOf, key });
  return key;
}

function articleKey(record: ArticleRecord): string {
  const resolved = {
    ...record,
    body: null,
    discarded: null,
    // What the extraction wrote — spellings, evidence, names, roles, a figure's count and sentence — is left
    // out, and the slugs resolved for it kept: in the extraction's order, they say what each is the slug of.
    mentions: record.mentions.map((m) => m.slug),
    peopleDetail: record.peopleDetail.map((p) => [p.slug, p.parties]),
    figures: record.figures.map((f) => f.place),
    quotes: record.quotes.map((q) => q.person),
    // An event's date may be inferred from other articles.
    events: record.events.map((e) => [e.date, e.inferred ?? null]),
  };
  return hash("sha256", JSON.stringify(resolved), "base64url");
}

/**
 * The reuse key of a person record: its own fields (slug, name, spellings, roles, parties), and for each mention
 * it is made of, its article's line, by digest, and the mention's place among that article's people (`sources`,
 * from the resolve: PersonSources). The rest of its line — each mention's article, sentence, line and role, and
 * its articles in the archive's order — is in those articles' lines: equal keys are equal lines. The sentences
 * and slugs are most of the people's lines (225 million characters at 50,000 articles), a digest and a number
 * per mention a sixth of it. Null when an article has no digest.
 */
export function personReuseKey(
  record: PersonRecord,
  sources: Int32Array,
  articles: readonly ArticleRecord[],
  digests: WeakMap<object, string>,
): string | null {
  // Each mention's article line, by digest, and its place among that article's people.
  const mentions: (string | number)[] = new Array(sources.length);
  for (let at = 0; at < sources.length; at += 2) {
    const article = articles[sources[at]];
    const digest = article === undefined ? undefined : digests.get(article);
    if (digest === undefined) return null;
    mentions[at] = digest;
    mentions[at + 1] = sources[at + 1];
  }
  const known = personKeys.get(record);
  if (known !== undefined && sameOwnFields(known.own, record) && sameItems(known.mentions, mentions)) return known.key;
  const own = [record.slug, record.name, record.variants, record.roles, record.parties];
  const parts: string[] = [`person\n${JSON.stringify(own)}`];
  for (let at = 0; at < mentions.length; at += 2) parts.push(`${mentions[at]} ${mentions[at + 1]}`);
  const key = hash("sha256", parts.join("\n"), "base64url");
  const { slug, name, variants, roles, parties } = record;
  personKeys.set(record, { own: { slug, name, variants, roles, parties }, mentions, key });
  return key;
}

/**
 * The last key made of each person record, with what it was made of: `npm start` keeps unchanged person records
 * from one save to the next (src/resolve/kept-records.ts), and making their keys again was 0.1 s of a save at
 * 10,000 articles. A key is taken again only from the same fields (the same lists, by identity: a correction
 * gives a record new ones) and the same mentions' digests and places.
 */
const personKeys = new WeakMap<PersonRecord, { own: OwnFields; mentions: (string | number)[]; key: string }>();

type OwnFields = Pick<PersonRecord, "slug" | "name" | "variants" | "roles" | "parties">;

function sameOwnFields(a: OwnFields, b: OwnFields): boolean {
  return (
    a.slug === b.slug &&
    a.name === b.name &&
    a.variants === b.variants &&
    a.roles === b.roles &&
    a.parties === b.parties
  );
}

/**
 * The reuse key of a story record: its slug, its articles' lines by digest, in its order, and the kind of each
 * place their figures are counted in (which decides a part from a total in its ledger). Everything else in a
 * story — its title, dates, outlets, entities and ledger — is made from its articles' records, wire copies
 * included, and those are in their lines. Null when an article has no digest.
 */
export function storyReuseKey(
  story: StoryRecord,
  articleBySlug: ReadonlyMap<string, ArticleRecord>,
  digests: WeakMap<object, string>,
  kindOf: ReadonlyMap<string, string>,
): string | null {
  const parts: string[] = [`story\n${JSON.stringify(story.slug)}`];
  const kinds: (string | null)[] = [];
  for (const slug of story.articles) {
    const article = articleBySlug.get(slug);
    const digest = article === undefined ? undefined : digests.get(article);
    if (article === undefined || digest === undefined) return null;
    parts.push(digest);
    for (const figure of article.figures) if (figure.place !== null) kinds.push(kindOf.get(figure.place) ?? null);
  }
  parts.push(JSON.stringify(kinds));
  return hash("sha256", parts.join("\n"), "base64url");
}

/**
 * What the site in `siteDir` recorded of its archive files: its article lines only when keyed under
 * `version`, its files whatever the version (a file's digest is of its bytes' records, not of how they were
 * made). Nothing when there is no such site, or its record is not ours; entries that are not digests are
 * left out, so a hand-edited record costs a rewrite, never a wrong file.
 */
export function readRecordedArchive(siteDir: string, version: string): Omit<RecordedArchive, "version"> {
  const digests = (value: unknown): Record<string, string> =>
    value !== null && typeof value === "object"
      ? Object.fromEntries(Object.entries(value).filter(([, digest]) => typeof digest === "string"))
      : {};
  try {
    const parsed = JSON.parse(readFileSync(path.join(siteDir, ARCHIVE_RECORDS), "utf8")) as Partial<RecordedArchive>;
    return { lines: parsed.version === version ? digests(parsed.lines) : {}, files: digests(parsed.files) };
  } catch {
    return { lines: {}, files: {} };
  }
}
