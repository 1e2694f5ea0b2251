/**
 * Dates mentioned inside the story ("a meeting on Feb 12", "elections on February 8, 2024",
 * "on Monday", "the 2013 general elections"): each becomes an EventDate, completed from the
 * publication date when the text leaves out the year or names only a weekday.
 */
import type { EventDate, TextLine } from "../../types.ts";
import { splitSentences } from "../sentences.ts";
import {
  findDates,
  isoDate,
  nearestYear,
  toDate,
  WEEKDAYS,
  type WrittenDate,
  weekdayName,
  weekdayNear,
} from "./dates.ts";

interface Span {
  index: number;
  length: number;
}

// A bare year is a date only after a word that introduces a time ("in 2013", "the 2013 elections");
// elsewhere a four-digit number is more often a count ("2000 people").
const BARE_YEAR =
  /\b(?:in|since|during|by|until|till|from|before|after|the|between|early|late|mid-?)\s+((?:19|20)\d{2})(?:['’]s)?\b(?![-–/]?\d|\s*(?:people|persons|men|women|children)\b)/gi;
const WEEKDAY = new RegExp(`\\b(${WEEKDAYS.join("|")})(?:['’]s)?\\b`, "g");
// Words that put an event after the publication ("will meet on Monday", "scheduled for Friday").
const FUTURE = /\b(?:will|shall|is to|are to|scheduled|next|upcoming|due to|plans? to|expected to)\b/i;
const CLAUSE_BREAK = /[,;:()]|\s[—–]\s/g;
const MAX_WHAT_WORDS = 16;

/** The clause around a date, cut to a short phrase: what happened on that date. */
export function clauseAround(sentence: string, span: Span): string {
  let start = 0;
  let end = sentence.length;
  for (const match of sentence.matchAll(CLAUSE_BREAK)) {
    if (match.index + match[0].length <= span.index) start = match.index + match[0].length;
    else if (match.index >= span.index + span.length) {
      end = match.index;
      break;
    }
  }
  const before = sentence.slice(start, span.index).trim().split(/\s+/).filter(Boolean);
  const after = sentence
    .slice(span.index + span.length, end)
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const dateText = sentence.slice(span.index, span.index + span.length);
  // Keep more of the words before the date: in news prose the verb of the event comes first.
  const keptAfter = after.slice(0, Math.min(after.length, 4));
  const keptBefore = before.slice(Math.max(0, before.length - (MAX_WHAT_WORDS - keptAfter.length)));
  return [...keptBefore, dateText, ...keptAfter]
    .join(" ")
    .replace(/^(?:and|but|or|while|as)\s+/i, "")
    .replace(/[.!?"”’]+$/, "")
    .trim();
}

function writtenEvent(date: WrittenDate, sentence: string, published: Date | null): Omit<EventDate, "what"> | null {
  if (date.year !== null && date.day !== null)
    return { date: isoDate(toDate(date.year, date.month, date.day)), text: sentence };
  if (date.year !== null) return { date: `${date.year}-${String(date.month).padStart(2, "0")}`, text: sentence };
  if (date.day === null || !published) return null;
  const year = nearestYear(date.month, date.day, published);
  return {
    date: isoDate(toDate(year, date.month, date.day)),
    text: sentence,
    inferred: `year of '${date.text}' from the publication date ${isoDate(published)}`,
  };
}

function weekdayEvent(match: RegExpMatchArray, sentence: string, published: Date): Omit<EventDate, "what"> {
  const weekday = WEEKDAYS.indexOf(match[1]!);
  const preceding = sentence.slice(0, match.index).trimEnd();
  const strictly = /\blast$/i.test(preceding);
  const direction = FUTURE.test(sentence) && !strictly ? "future" : "past";
  const date = weekdayNear(weekday, published, direction, strictly);
  const relation = direction === "past" ? "on or before" : "on or after";
  return {
    date: isoDate(date),
    text: sentence,
    inferred: `weekday '${match[0]}' taken as the ${weekdayName(date)} ${relation} the publication date ${isoDate(published)}`,
  };
}

/**
 * Event dates of the article body, one per date (the first mention explains it). Relative
 * weekdays and years left out need the publication date; without it they are skipped.
 */
export function extractEvents(paragraphs: TextLine[], published: Date | null): EventDate[] {
  const events = new Map<string, EventDate>();
  const add = (event: Omit<EventDate, "what"> | null, span: Span) => {
    if (!event || events.has(event.date)) return;
    events.set(event.date, { ...event, what: clauseAround(event.text, span) });
  };
  for (const { text } of splitSentences(paragraphs)) {
    const dates = findDates(text);
    for (const date of dates) add(writtenEvent(date, text, published), { index: date.index, length: date.text.length });
    const insideDate = (index: number) => dates.some((d) => index >= d.index && index < d.index + d.text.length);
    for (const match of text.matchAll(BARE_YEAR)) {
      const index = match.index + match[0].indexOf(match[1]!);
      if (insideDate(index)) continue;
      add({ date: match[1]!, text }, { index, length: match[1]!.length });
    }
    if (!published) continue;
    for (const match of text.matchAll(WEEKDAY))
      add(weekdayEvent(match, text, published), { index: match.index, length: match[0].length });
  }
  return [...events.values()];
}
