/**
 * The record types of news-archive, defined once and used by every stage:
 * read → clean → extract → resolve → archive → site.
 *
 * Every extracted value carries where it came from: either a `…From` tag with an
 * `…Evidence` string (the text it was read from, or the reasoning when inferred),
 * or a list of `Evidence` items pointing at seed lines.
 */

/** A pointer into the seed file: 1-based line number of the original file and the text there. */
export interface Evidence {
  line: number;
  text: string;
}

// ───────────────────────────── read ─────────────────────────────

/** Front-matter fields a user may set on a seed; each wins over extraction. */
export interface FrontMatter {
  title?: string;
  subtitle?: string;
  date?: string; // YYYY-MM-DD
  outlet?: string;
  authors?: string[];
  dateline?: string;
  url?: string;
  tags?: string[];
}

/** A seed file that was read and decoded: the input to every later stage. */
export interface SeedSource {
  /** File name relative to the seeds folder (POSIX separators). */
  file: string;
  sha256: string;
  /** Decoded text of the body (front matter removed), newlines normalised to \n. */
  text: string;
  /** 1-based line number in the original file of the first line of `text` (after front matter). */
  firstLine: number;
  frontMatter: FrontMatter;
  /** Other files with byte-identical or text-identical content: one article, several sources. */
  duplicates: string[];
}

export interface Rejected {
  file: string;
  reason: string;
  line?: number;
}

// ───────────────────────────── clean ─────────────────────────────

export interface Discarded {
  line: number;
  text: string;
  reason: string;
}

/**
 * Where a non-empty line of the seed stands:
 * - header: before the first paragraph (headline, subtitle, byline, dateline, kicker);
 * - paragraph / subheading: the article body;
 * - footer: after the last paragraph ("Published in Dawn, February 5th, 2026");
 * - furniture: page furniture (also listed in `discarded`).
 */
export type LineRole = "header" | "paragraph" | "subheading" | "footer" | "furniture";

/** A line of the seed with its original 1-based line number. */
export interface TextLine {
  line: number;
  text: string;
  role: LineRole;
}

export interface CleanedText {
  /** Every non-empty line in order, furniture included: metadata (bylines, footers) is often read from furniture. */
  lines: TextLine[];
  /** The article body: lines with role paragraph or subheading. */
  paragraphs: TextLine[];
  /** Furniture lines with the reason each was dropped. */
  discarded: Discarded[];
}

// ───────────────────────────── extract ─────────────────────────────

export type TitleSource = "headline" | "front-matter" | "lead";
export type DateSource = "text" | "front-matter" | "inferred";
export type OutletSource = "text" | "signature" | "front-matter";

export interface EventDate {
  /** YYYY-MM-DD, YYYY-MM or YYYY. */
  date: string;
  what: string;
  /** The sentence the date was read from. */
  text: string;
  /** How the date was completed when the text lacked year or day ("weekday 'on Monday' before 2026-02-03"). */
  inferred?: string;
}

export interface Metadata {
  title: string;
  titleFrom: TitleSource;
  subtitle: string | null;
  date: string | null;
  dateFrom: DateSource | null;
  dateEvidence: string | null;
  /** True when the publication date had no year in the text and the year was inferred. */
  dateYearMissing?: boolean;
  outlet: string | null;
  outletFrom: OutletSource | null;
  outletEvidence: string | null;
  authors: string[];
  authorsEvidence: string | null;
  dateline: string | null;
  datelineEvidence: string | null;
  events: EventDate[];
}

/** Who a figure counted; the keys knowledge/figures.yaml may use under `categories`. */
export const FIGURE_CATEGORIES = [
  "militants",
  "security personnel",
  "civilians",
  "prisoners",
  "people",
  "other",
] as const;
export type FigureCategory = (typeof FIGURE_CATEGORIES)[number];

export interface Figure {
  value: number;
  qualifier: string | null; // "at least" | "over" | "nearly" | "more than" | "about" | "up to" …
  /** The counted noun phrase as written ("terrorists", "law enforcement personnel"). */
  what: string;
  category: FigureCategory;
  /** killed | injured | arrested | escaped | released | abducted | missing | attacked-locations | … */
  outcome: string;
  period: string | null;
  /** The sentence the figure was read from. */
  text: string;
  line: number;
  /** For a count that breaks another down ("11 civilians, including five men"): the count it is part of. */
  partOf?: { value: number; what: string };
}

/** What an organization is; knowledge/organizations.yaml types each entry with one. */
export const ORGANIZATION_KINDS = ["militant group", "government body", "security force", "media", "other"] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];
/** What a place is; knowledge/places.yaml types each entry with one. */
export const PLACE_KINDS = ["country", "province", "district", "city", "area"] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** A person as seen inside one article (before cross-article resolution). */
export interface PersonMention {
  name: string; // full name without honorific
  honorific: string | null; // "Dr.", "Barrister", "Mr."
  variants: string[]; // every other surface form used in the article (short forms, with honorific)
  roles: string[];
  /** Party keys (see PartyMention.key). */
  parties: string[];
  evidence: Evidence[];
}

export interface PartyMention {
  /** Stable key: the canonical name from the knowledge file, or the detected name for unknown parties. */
  key: string;
  name: string;
  abbr: string | null;
  variants: string[]; // surface forms seen in this article
  known: boolean; // found in the knowledge file (false: detected by pattern)
  evidence: Evidence[];
}

export interface OrganizationMention {
  key: string;
  name: string;
  abbr: string | null;
  kind: OrganizationKind;
  variants: string[];
  known: boolean;
  evidence: Evidence[];
}

export interface PlaceMention {
  key: string;
  name: string;
  kind: PlaceKind;
  variants: string[];
  known: boolean;
  evidence: Evidence[];
}

export interface Entities {
  people: PersonMention[];
  parties: PartyMention[];
  organizations: OrganizationMention[];
  places: PlaceMention[];
}

/** What an extracted record keeps of its seed: all but the text, which the record's fields replace. */
export type ExtractedSource = Omit<SeedSource, "text">;

/** Everything extracted from one seed, before cross-article resolution. */
export interface ExtractedArticle {
  source: ExtractedSource;
  metadata: Metadata;
  body: string; // markdown of the article paragraphs
  discarded: Discarded[];
  entities: Entities;
  figures: Figure[];
  /** Non-fatal problems worth showing on the build report ("no date found"). */
  flags: string[];
}

// ───────────────────────────── archive (resolved) ─────────────────────────────

/** A mention of a resolved entity in an article, so pages can link the first mention. */
export interface MentionLink {
  kind: "person" | "party" | "organization" | "place";
  slug: string;
  /** Surface forms as written in this article (longest first is how linking should try them). */
  forms: string[];
  /** Where in the seed the entity was found (provenance). */
  evidence: Evidence[];
}

export interface ArticleRecord {
  slug: string;
  url: string;
  source: { file: string; sha256: string; duplicates: string[] };
  title: string;
  titleFrom: TitleSource;
  subtitle: string | null;
  date: string | null;
  dateFrom: DateSource | null;
  dateEvidence: string | null;
  outlet: string | null; // outlet display name
  outletSlug: string | null;
  outletFrom: OutletSource | null;
  outletEvidence: string | null;
  authors: string[];
  authorsEvidence: string | null;
  dateline: string | null;
  datelineEvidence: string | null;
  body: string;
  discarded: Discarded[];
  people: string[];
  /** Roles and party ties of each person as stated in this article (slug → …). */
  peopleDetail: { slug: string; name: string; roles: string[]; parties: string[] }[];
  parties: string[];
  organizations: string[];
  places: string[];
  mentions: MentionLink[];
  figures: Figure[];
  events: EventDate[];
  flags: string[];
  url_original: string | null;
  tags: string[];
}

export interface PersonRecord {
  slug: string;
  name: string;
  variants: string[];
  roles: string[];
  parties: string[];
  articles: string[];
}

export interface PartyRecord {
  slug: string;
  name: string;
  abbr: string | null;
  variants: string[];
  articles: string[];
  /** Person slugs tied to this party in any article. */
  members: string[];
}

export interface OrganizationRecord {
  slug: string;
  name: string;
  kind: OrganizationKind;
  variants: string[];
  articles: string[];
}

export interface PlaceRecord {
  slug: string;
  name: string;
  kind: PlaceKind;
  variants: string[];
  articles: string[];
}

export interface OutletRecord {
  slug: string;
  name: string;
  articles: string[];
}

export interface Archive {
  articles: ArticleRecord[];
  people: PersonRecord[];
  parties: PartyRecord[];
  organizations: OrganizationRecord[];
  places: PlaceRecord[];
  outlets: OutletRecord[];
  rejected: Rejected[];
}
