/**
 * Authors from the byline: "By Jane Doe and John Roe", "BY JANE DOE | Reuters",
 * "Waqas Chaudhry/Naeem Asghar February 03, 2026 3 min read". Only page-metadata lines are
 * read, never story paragraphs, so a person in the story is not taken for an author.
 */
import type { TextLine } from "../../types.ts";
import { findDates } from "./dates.ts";
import type { OutletNames } from "./outlet.ts";

export interface Byline {
  authors: string[];
  evidence: string;
}

const BY_LINE = /^\s*(?:written\s+)?by\s*:?\s+(.+)$/i;
const READ_TIME = /\b\d+\s+min(?:ute)?s?\s+read\b/i;
// Where the names of a byline end: a date, a separator, a timestamp label.
const BYLINE_END = /\s*(?:\||•|·|\s-\s|\s—\s|\bpublished\b|\bupdated\b|\bposted\b|\bon\s+(?=\w+\s+\d)|\d).*$/i;
const NAME_SEPARATORS = /\s*(?:\/|,|&|\||\band\b)\s*/i;
// A wire's credit line: "(Reporting by Jane Doe in Kyiv and John Roe; Editing by …)"; additional reporters are not authors.
const REPORTING_BY = /^\W*(?:reporting|writing|reported)\s+by\s+([^;)]+)/i;
const NAME_WORD = /^(?:\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)*|\p{Lu}\p{Ll}*\p{Lu}\p{Ll}+|\p{Lu}\.)$/u;
// Lower-case particles inside personal names (Osama bin Laden, Zia ul Haq, Vincent van Gogh).
const NAME_PARTICLES = new Set([
  "bin",
  "binti",
  "ibn",
  "ul",
  "ud",
  "al",
  "el",
  "de",
  "da",
  "di",
  "van",
  "von",
  "der",
  "le",
  "la",
]);
// Byline credits that are a desk, not a person ("Staff Reporter", "Web Desk", "Agencies").
const DESK_WORDS =
  /\b(?:desk|reporter|correspondent|report|staff|agencies|agency|news|bureau|team|editorial|monitoring|online|web|service|wire)\b/i;

function titleCase(text: string): string {
  return text
    .toLowerCase()
    .replace(/(^|[\s'’-])(\p{L})/gu, (_all, before: string, letter: string) => before + letter.toUpperCase());
}

/** A personal name: two to five capitalised words, initials and name particles allowed. */
function personName(part: string): string | null {
  const written = part.trim().replace(/[,;:]+$/, "");
  if (!written || DESK_WORDS.test(written)) return null;
  const name = written === written.toUpperCase() ? titleCase(written) : written;
  const words = name.split(/\s+/);
  if (words.length < 2 || words.length > 5) return null;
  const fits = words.every((word) => NAME_WORD.test(word) || NAME_PARTICLES.has(word));
  return fits && NAME_WORD.test(words[0]!) ? name : null;
}

/** The names of a byline; every part must be a person's name, except desk and outlet credits ("Jane Doe, Staff Reporter"). */
function splitNames(text: string, outlets: OutletNames): string[] | null {
  const parts = text
    .split(NAME_SEPARATORS)
    .filter((part) => part.trim() && !outlets.canonical(part) && !DESK_WORDS.test(part));
  const names = parts.map(personName);
  return names.length > 0 && names.every(Boolean) ? (names as string[]) : null;
}

function readByline(text: string, outlets: OutletNames, aboveStory: boolean): string[] | null {
  const by = BY_LINE.exec(text);
  if (by) return splitNames(by[1]!.replace(BYLINE_END, ""), outlets);
  // Below the story, a name before a date is usually a commenter, not an author.
  if (!aboveStory) return null;
  // Names directly before the date or reading time ("Jane Doe/John Roe February 03, 2026 3 min read").
  const date = findDates(text).find((d) => d.day !== null);
  const readTime = READ_TIME.exec(text);
  const end = Math.min(date?.index ?? Number.POSITIVE_INFINITY, readTime?.index ?? Number.POSITIVE_INFINITY);
  if (!Number.isFinite(end) || end === 0) return null;
  const prefix = text
    .slice(0, end)
    .replace(/\s*\b(?:published|updated|posted|on)\b.*$/i, "")
    .trim();
  // Mastheads and labels ("TODAY'S PAPER |", "Published:") are not names; only mixed-case names count here.
  if (/[|:]/.test(prefix) || prefix === prefix.toUpperCase()) return null;
  return splitNames(prefix, outlets);
}

/** A line that is only a date stamp or an outlet credit ("BBC News, Nairobi"): what stands next to a bare author name. */
function isStampOrCredit(line: TextLine | undefined, outlets: OutletNames): boolean {
  if (!line || line.role === "paragraph" || line.role === "subheading") return false;
  const text = line.text.trim();
  return findDates(text).some((d) => d.day !== null) || outlets.canonical(text.split(",")[0]!) !== null;
}

/** A header line of names alone ("Jane Doe", "Pazir Gul | Tahir Naseer") next to a date stamp or an outlet credit. */
function bareNames(lines: TextLine[], index: number, outlets: OutletNames): string[] | null {
  const text = lines[index]!.text.trim();
  if (/\d/.test(text) || BY_LINE.test(text) || findDates(text).length > 0) return null;
  if (!isStampOrCredit(lines[index - 1], outlets) && !isStampOrCredit(lines[index + 1], outlets)) return null;
  if (text === text.toUpperCase()) return null;
  return splitNames(text, outlets);
}

/** The byline of an article from its page-metadata lines (header first, then the rest). */
export function findByline(lines: TextLine[], outlets: OutletNames): Byline | null {
  const firstBody = lines.find((l) => l.role === "paragraph")?.line ?? Number.POSITIVE_INFINITY;
  const metadata = lines.filter((l) => l.role !== "paragraph" && l.role !== "subheading");
  const ordered = [...metadata.filter((l) => l.line < firstBody), ...metadata.filter((l) => l.line > firstBody)];
  for (const line of ordered) {
    const authors = readByline(line.text, outlets, line.line < firstBody);
    if (authors) return { authors: [...new Set(authors)], evidence: line.text.trim() };
  }
  for (let i = 0; i < lines.length && lines[i]!.line < firstBody; i++) {
    if (lines[i]!.role === "paragraph" || lines[i]!.role === "subheading") continue;
    const authors = bareNames(lines, i, outlets);
    if (authors) return { authors: [...new Set(authors)], evidence: lines[i]!.text.trim() };
  }
  for (const line of metadata) {
    const credit = REPORTING_BY.exec(line.text);
    const names = credit && splitNames(credit[1]!.replace(/\s+in\s+\p{Lu}[\p{L}\s]*?(?=\s+and\s+|,|$)/gu, ""), outlets);
    if (names) return { authors: [...new Set(names)], evidence: line.text.trim() };
  }
  return null;
}
