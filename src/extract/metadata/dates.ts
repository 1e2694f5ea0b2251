/**
 * Finding and reading calendar dates written in English news text: "February 5th, 2026",
 * "Feb 02, 2026", "5 February 2026", "Sept 3", "2026-02-05", "March 2023".
 * Regular expressions find where a date is written; date-fns reads and validates it.
 */
import { addDays } from "date-fns/addDays";
import { differenceInCalendarDays } from "date-fns/differenceInCalendarDays";
import { format } from "date-fns/format";
import { isValid } from "date-fns/isValid";
import { parse } from "date-fns/parse";
import { MONTH_PATTERN } from "../../util/calendar.ts";

/** A date as written: the year or day may be missing ("Feb 1", "March 2023"). */
export interface WrittenDate {
  year: number | null;
  month: number; // 1-12
  day: number | null;
  /** The text the date was read from. */
  text: string;
  index: number;
}

const MONTH = MONTH_PATTERN;
const DAY = "(?:3[01]|[12]\\d|0?[1-9])(?:st|nd|rd|th)?";
const YEAR = "(?:1[89]|20)\\d{2}";

// Longest forms first, so "Feb 5, 2026" is read whole rather than as "Feb 5".
const DATE_SHAPES = [
  `\\b${YEAR}-[01]\\d-[0-3]\\d\\b`,
  `\\b${MONTH}\\s+${DAY}(?:,?\\s+${YEAR})?\\b`,
  `\\b${DAY}\\s+(?:of\\s+)?${MONTH}(?:,?\\s+${YEAR})?\\b`,
  `\\b${MONTH},?\\s+${YEAR}\\b`,
];
const DATE_PATTERN = new RegExp(DATE_SHAPES.join("|"), "gi");

const FULL_FORMATS = ["yyyy-MM-dd", "MMMM do yyyy", "do MMMM yyyy"];
const YEARLESS_FORMATS = ["MMMM do", "do MMMM"];
const MONTH_YEAR_FORMATS = ["MMMM yyyy"];
// A leap year, so "Feb 29" without a year is still a valid month-day.
const REFERENCE = new Date(2000, 0, 1);

/** Puts a matched date into a shape date-fns formats can read: no commas, no "of", "Sept" → "Sep". */
function normalise(text: string): string {
  return text
    .replace(/\bSept\b/i, "Sep")
    .replace(/\./g, "")
    .replace(/\bof\b/i, " ")
    .replace(/,/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function tryFormats(text: string, formats: string[]): Date | null {
  for (const pattern of formats) {
    const date = parse(text, pattern, REFERENCE);
    if (isValid(date)) return date;
  }
  return null;
}

/** Reads one written date, or null when it is not a real calendar date ("Feb 30"). */
export function readDate(text: string, index = 0): WrittenDate | null {
  const normal = normalise(text);
  const full = tryFormats(normal, FULL_FORMATS);
  if (full) return { year: full.getFullYear(), month: full.getMonth() + 1, day: full.getDate(), text, index };
  const monthDay = tryFormats(normal, YEARLESS_FORMATS);
  if (monthDay) return { year: null, month: monthDay.getMonth() + 1, day: monthDay.getDate(), text, index };
  const monthYear = tryFormats(normal, MONTH_YEAR_FORMATS);
  if (monthYear) return { year: monthYear.getFullYear(), month: monthYear.getMonth() + 1, day: null, text, index };
  return null;
}

/**
 * Every date written in `text`. Month names must be capitalised ("may" is a verb), unless
 * the whole date is in capitals (mastheads: "FEBRUARY 03, 2026").
 */
export function findDates(text: string): WrittenDate[] {
  const dates: WrittenDate[] = [];
  for (const match of text.matchAll(DATE_PATTERN)) {
    const monthWord = match[0].match(/[A-Za-z]{3,}/)?.[0];
    if (monthWord && !/^[A-Z]/.test(monthWord)) continue;
    const date = readDate(match[0], match.index);
    if (date) dates.push(date);
  }
  return dates;
}

export function isFullDate(date: WrittenDate): date is WrittenDate & { year: number; day: number } {
  return date.year !== null && date.day !== null;
}

export function toDate(year: number, month: number, day: number): Date {
  return new Date(year, month - 1, day);
}

export function isoDate(date: Date): string {
  return format(date, "yyyy-MM-dd");
}

export function fromIso(iso: string): Date {
  return parse(iso, "yyyy-MM-dd", REFERENCE);
}

/** The year that puts a month-day nearest to `anchor` ("Dec 30" in a Jan 3 story is last year's). */
export function nearestYear(month: number, day: number, anchor: Date): number {
  const year = anchor.getFullYear();
  let best = year;
  for (const candidate of [year - 1, year, year + 1]) {
    const distance = Math.abs(differenceInCalendarDays(toDate(candidate, month, day), anchor));
    if (distance < Math.abs(differenceInCalendarDays(toDate(best, month, day), anchor))) best = candidate;
  }
  return best;
}

export const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/**
 * The date of a weekday relative to `anchor`: the latest one on or before it (a story says
 * "on Monday" of the day itself or of the days just before), or the first one on or after it
 * for future events ("will meet on Monday"). `strictly` skips the anchor's own day ("last Monday").
 */
export function weekdayNear(weekday: number, anchor: Date, direction: "past" | "future", strictly = false): Date {
  const step = direction === "past" ? -1 : 1;
  let date = strictly ? addDays(anchor, step) : anchor;
  while (date.getDay() !== weekday) date = addDays(date, step);
  return date;
}

export function weekdayName(date: Date): string {
  return WEEKDAYS[date.getDay()]!;
}
