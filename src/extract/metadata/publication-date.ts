/**
 * The publication date: read from the page's own furniture (footers "Published in Dawn,
 * February 5th, 2026", mastheads "TODAY'S PAPER | February 03, 2026 | EPAPER", bylines) or the
 * dateline ("Islamabad, Feb 1:"); never from dates the story mentions. A date without a year
 * gets one from other full dates in the text and the weekdays the story names.
 */
import { differenceInCalendarDays } from "date-fns/differenceInCalendarDays";
import type { TextLine } from "../../types.ts";
import { type Sentence, splitSentences } from "../sentences.ts";
import type { Dateline } from "./dateline.ts";
import { findDates, isFullDate, isoDate, toDate, WEEKDAYS, type WrittenDate, weekdayNear } from "./dates.ts";

const PUBLISHED = /\b(?:published|posted|first published|printed)\b/i;
const UPDATED = /\b(?:updated|last modified)\b/i;
const STAMP_LINE = /^\W*(?:first\s+)?(?:published|posted|updated)\b/i;
// A line that carries page metadata around a date: a masthead, a byline, a timestamp.
const METADATA_MARKS = /\||\bmin(?:ute)?s? read\b|\b\d{1,2}:\d{2}\b|\b(?:PKT|IST|GMT|UTC|EST|BST)\b|^\s*by\s/i;
const MAX_WORDS_AROUND_DATE = 10;

interface Candidate {
  date: WrittenDate;
  line: TextLine;
}

function wordsBesides(line: string, date: WrittenDate): number {
  const rest = line.slice(0, date.index) + line.slice(date.index + date.text.length);
  return rest.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length;
}

/** A full date on a short line of page metadata (not a headline or a sentence that mentions a date). */
function metadataDate(line: TextLine): Candidate | null {
  const date = findDates(line.text).find(isFullDate);
  if (!date) return null;
  if (!METADATA_MARKS.test(line.text) && wordsBesides(line.text, date) > MAX_WORDS_AROUND_DATE) return null;
  return { date, line };
}

/** The written publication date and the line it stands on, best source first. */
export function findWrittenPublicationDate(
  lines: TextLine[],
  dateline: Dateline | null,
): { date: WrittenDate; evidence: string } | null {
  const body = lines.filter((l) => l.role === "paragraph" || l.role === "subheading");
  const firstBody = body[0]?.line ?? Number.POSITIVE_INFINITY;
  const lastBody = body.at(-1)?.line ?? Number.NEGATIVE_INFINITY;
  const outside = lines.filter((l) => l.role !== "paragraph" && l.role !== "subheading");
  // A footer the clean stage left in the body still reads as one when it opens with the stamp.
  const stampable = lines.filter((l) => (l.role !== "paragraph" && l.role !== "subheading") || STAMP_LINE.test(l.text));

  // 1. A line that says the page was published then ("Published: Feb 02, 2026"); "updated" only as a fallback.
  const stamped = (mark: RegExp) =>
    stampable
      .filter((l) => mark.test(l.text))
      .map((line) => ({ line, date: findDates(line.text).find((d) => d.day !== null) }))
      .find((c) => c.date);
  const published = stamped(PUBLISHED);
  if (published?.date) return { date: published.date, evidence: published.line.text.trim() };
  // 2. Masthead or byline above the story.
  const above = outside
    .filter((l) => l.line < firstBody)
    .map(metadataDate)
    .find(Boolean);
  if (above) return { date: above.date, evidence: above.line.text.trim() };
  // 3. The dateline.
  if (dateline?.date) return { date: dateline.date, evidence: dateline.evidence };
  // 4. A timestamp line after the story (after comment sections' dates would be wrong, so last).
  const updated = stamped(UPDATED);
  if (updated?.date) return { date: updated.date, evidence: updated.line.text.trim() };
  const below = outside
    .filter((l) => l.line > lastBody)
    .map(metadataDate)
    .find(Boolean);
  if (below) return { date: below.date, evidence: below.line.text.trim() };
  return null;
}

export interface WeekdayMention {
  weekday: number;
  text: string;
}

const PAST_WEEKDAY = new RegExp(`\\b(?:on|last|since|late|early)\\s+(${WEEKDAYS.join("|")})\\b`, "g");
const FUTURE_WORDS = /\b(?:will|shall|scheduled|next|upcoming)\b/i;

/** Weekdays the story gives for past events ("on Saturday"), for checking a publication year. */
export function pastWeekdays(sentences: Sentence[]): WeekdayMention[] {
  const mentions: WeekdayMention[] = [];
  for (const { text } of sentences) {
    if (FUTURE_WORDS.test(text)) continue;
    for (const match of text.matchAll(PAST_WEEKDAY))
      mentions.push({ weekday: WEEKDAYS.indexOf(match[1]!), text: match[0] });
  }
  return mentions;
}

/**
 * How far back, in days, the weekdays of the story fall from a candidate publication date:
 * news reports the last day or two, so a small gap means the year fits.
 */
export function weekdayGap(publication: Date, mentions: WeekdayMention[]): number {
  // The weekday on or before publication lies (publication's weekday − its weekday) mod 7 days back.
  const day = publication.getDay();
  let sum = 0;
  for (const m of mentions) sum += (day - m.weekday + 7) % 7;
  return sum;
}

/** Explains the weekday check for the chosen year, and names other years the weekdays fit as well. */
export function explainWeekdays(month: number, day: number, year: number, mentions: WeekdayMention[]): string {
  if (mentions.length === 0) return "";
  const chosen = toDate(year, month, day);
  const gap = weekdayGap(chosen, mentions);
  const described = mentions
    .map((m) => `'${m.text}' = ${isoDate(weekdayNear(m.weekday, chosen, "past"))}`)
    .filter((text, i, all) => all.indexOf(text) === i)
    .join(", ");
  const alike: number[] = [];
  for (let other = year - 7; other <= year + 7; other++) {
    if (other !== year && weekdayGap(toDate(other, month, day), mentions) <= Math.max(gap, mentions.length))
      alike.push(other);
  }
  const caveat = alike.length
    ? ` The weekday alone does not decide the year: it fits ${alike.join(", ")} about as well.`
    : "";
  return ` Weekday check: ${described} (${gap} day(s) before publication).${caveat}`;
}

/**
 * The year of a publication date written without one, from the full dates the story itself
 * gives: the year that puts publication nearest to them, the weekdays of the story breaking ties.
 */
export function inferYearFromText(
  written: WrittenDate,
  paragraphs: TextLine[],
): { year: number; evidence: string } | null {
  if (written.day === null) return null;
  const sentences = splitSentences(paragraphs);
  const fullDates = sentences.flatMap((s) => findDates(s.text)).filter(isFullDate);
  if (fullDates.length === 0) return null;
  const mentions = pastWeekdays(sentences);
  const candidates = [...new Set(fullDates.flatMap((d) => [d.year - 1, d.year, d.year + 1]))];
  const score = (year: number) => {
    const publication = toDate(year, written.month, written.day!);
    const nearest = Math.min(
      ...fullDates.map((d) => Math.abs(differenceInCalendarDays(publication, toDate(d.year, d.month, d.day)))),
    );
    return { year, nearest, gap: weekdayGap(publication, mentions) };
  };
  const [best] = candidates.map(score).sort((a, b) => a.nearest - b.nearest || a.gap - b.gap);
  if (!best) return null;
  const dates = [...new Set(fullDates.map((d) => d.text))].join("', '");
  return {
    year: best.year,
    evidence: `'${written.text}' has no year; ${best.year} puts it nearest (${best.nearest} day(s)) to the full date(s) the story gives ('${dates}').${explainWeekdays(written.month, written.day, best.year, mentions)}`,
  };
}
