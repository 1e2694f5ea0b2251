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
  /** A story slug: articles naming the same one form that story, whatever their text. */
  story?: string;
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
/**
 * How the outlet was found: `text` — "Published in X", a masthead, a kicker, its own blurb, "told X";
 * `credit` — a wire or agency credit ("LONDON (Reuters) -", "— AFP"); `self-mention` — the page
 * names its own outlet ("Copyright © 2024 X", "Follow X on WhatsApp"); `signature` — page
 * furniture only that outlet carries; `front-matter` — the seed's front matter.
 */
export type OutletSource = "text" | "credit" | "self-mention" | "signature" | "front-matter";

export interface EventDate {
  /** YYYY-MM-DD, YYYY-MM or YYYY. */
  date: string;
  what: string;
  /** The sentence the date was read from. */
  text: string;
  /** How the date was completed when the text lacked year or day ("weekday 'on Monday' before 2026-02-03"). */
  inferred?: string;
}

export interface YearlessDate {
  month: number;
  day: number;
  text: string;
  weekdays: { weekday: number; text: string }[];
  story: TextLine[];
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
  /**
   * A publication date written without a year that the article alone cannot complete, kept for
   * resolve to date from the other articles: the month and day, as written, the weekdays the story
   * names in the past tense, and the story's paragraphs for its event dates once the year is known.
   */
  yearless?: YearlessDate;
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
  /** Where it happened, as the sentence names it ("Harnai", "Quetta district"), or null. */
  place: string | null;
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

/** A figure as the archive keeps it: its place is the slug of the place record it names, or null. */
export type ArchiveFigure = Omit<Figure, "place"> & { place: string | null };

/** One figure of a story's ledger, where it was claimed and what it counts for. */
export interface LedgerClaim {
  /** The article's slug and the figure's index in its figures. */
  article: string;
  figure: number;
  value: number;
  qualifier: string | null;
  category: FigureCategory;
  outcome: string;
  /** Outlet slug, or null when the article's outlet is unknown. */
  outlet: string | null;
  date: string | null;
  period: string | null;
  /** Place slug, or null when the sentence names none. */
  place: string | null;
  /** A part (a breakdown, or a narrower place's count) never widens the range. */
  role: "total" | "part";
  /** The article is a wire copy of another: not a source of its own. */
  copy: boolean;
}

/** Like claims of one story ("militants killed"): the range over totals, graded by independent sources. */
export interface LedgerLine {
  category: FigureCategory;
  outcome: string;
  /** Oldest first. */
  claims: LedgerClaim[];
  low: number;
  high: number;
  /** Median of each independent source's latest total. */
  best: number;
  /** The lowest total (ACLED's conservative figure). */
  conservative: number;
  /** Independent sources behind the totals: outlets, an article without one counting as its own. */
  sources: number;
  grading: "single source" | "corroborated";
}

/** Words in quotation marks that the article attributes to a person it names. */
export interface QuoteMention {
  /** The speaker's full name as the people finder gave it (PersonMention.name). */
  person: string;
  /** The quoted words, without the quotation marks. */
  text: string;
  line: number;
}

/** Everything extracted from one seed, before cross-article resolution. */
export interface ExtractedArticle {
  source: ExtractedSource;
  metadata: Metadata;
  body: string; // markdown of the article paragraphs
  discarded: Discarded[];
  entities: Entities;
  figures: Figure[];
  quotes: QuoteMention[];
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
  figures: ArchiveFigure[];
  events: EventDate[];
  flags: string[];
  url_original: string | null;
  tags: string[];
  /** Quotes attributed with confidence to a person of this article (person slug). */
  quotes: { person: string; text: string; line: number }[];
  /** The slug of the story (one real-world event's coverage) this article belongs to. */
  story: string;
  /** The earlier article from another outlet this one is a near-identical copy of (wire copy), or null. */
  copyOf: string | null;
}

export interface PersonRecord {
  slug: string;
  name: string;
  variants: string[];
  roles: string[];
  parties: string[];
  articles: string[];
  /** Each article's first sentence naming the person, with the role that article gives them. */
  mentions: { article: string; sentence: string; line: number; role: string | null }[];
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
  /** The larger place it lies in (knowledge/places.yaml's `in`, else the gazetteer's), or null. */
  in: string | null;
  /** ISO 3166-1 alpha-2 code of its country, when the gazetteer knows it. */
  country: string | null;
  /** Its point (WGS84 degrees) for the map, or null when neither places.yaml nor the gazetteer gives one. */
  lat: number | null;
  lon: number | null;
  variants: string[];
  articles: string[];
}

export interface OutletRecord {
  slug: string;
  name: string;
  articles: string[];
}

/** One real-world event's coverage: articles grouped across outlets (src/resolve/stories.ts). */
export interface StoryRecord {
  /** The slug of the story's first article, so the story keeps its name as articles join it. */
  slug: string;
  /** The first article's headline. */
  title: string;
  /** Article slugs, oldest first, undated last. */
  articles: string[];
  start: string | null;
  end: string | null;
  /** Outlet, person, organization and place slugs, most articles first. */
  outlets: string[];
  people: string[];
  organizations: string[];
  places: string[];
  /** The story's figures ledger, the lines with most claims first. */
  figures: LedgerLine[];
}

export interface Archive {
  articles: ArticleRecord[];
  /** Newest first. */
  stories: StoryRecord[];
  people: PersonRecord[];
  parties: PartyRecord[];
  organizations: OrganizationRecord[];
  places: PlaceRecord[];
  outlets: OutletRecord[];
  rejected: Rejected[];
  /** Lines of knowledge/people.yaml or corrections.yaml that matched nothing in the archive. */
  unmatchedCorrections: string[];
}
