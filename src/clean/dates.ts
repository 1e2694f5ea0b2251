/**
 * Recognises calendar dates and clock times in page furniture (bylines, time stamps,
 * mastheads). Only full dates with a year count: a headline may name a day, a byline
 * stamp names the year.
 */

const MONTH =
  "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const DAY = "\\d{1,2}(?:st|nd|rd|th)?";
const WEEKDAY = "(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\\.?";

const FULL_DATE = new RegExp(
  [
    `\\b${MONTH}\\s+${DAY},?\\s+\\d{4}\\b`, // February 03, 2026 / Feb 5th 2026
    `\\b${DAY}\\s+${MONTH},?\\s+\\d{4}\\b`, // 3 February 2026
    "\\b\\d{4}-\\d{2}-\\d{2}\\b", // 2026-02-03
    "\\b\\d{1,2}[/.]\\d{1,2}[/.]\\d{4}\\b", // 03/02/2026
  ].join("|"),
  "giu",
);
const CLOCK = /\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*\(?[A-Z]{2,4}\)?)?/giu;
const WEEKDAY_WORD = new RegExp(`\\b${WEEKDAY}(?=[\\s,]|$)`, "giu");

export function hasFullDate(text: string): boolean {
  FULL_DATE.lastIndex = 0;
  return FULL_DATE.test(text);
}

/** The line with its dates, times and weekdays removed: what else a dated line says. */
export function withoutDates(text: string): string {
  return text.replace(FULL_DATE, " ").replace(CLOCK, " ").replace(WEEKDAY_WORD, " ");
}
