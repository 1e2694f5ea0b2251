/**
 * Month and weekday names, and the patterns that find them in text, written once.
 *
 * Users: scripts/bench (the synthetic corpus and its sentence splitter), the date reader
 * (src/extract/metadata/dates.ts), outlet lines (outlet.ts), wire datelines (dateline.ts), and the figure
 * reader's periods, dates beside numbers and place names (src/extract/figures/).
 */

/** The months, January first (index + 1 is the month's number). */
export const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/** The weekdays, Sunday first, as Date.prototype.getDay numbers them. */
export const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

/** Abbreviations of month names that end with a dot when written ("Feb.", "Sept."); May has none. */
export const MONTH_ABBREVIATIONS = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Sept",
  "Oct",
  "Nov",
  "Dec",
];

/**
 * A month name, whole or abbreviated, with an optional dot ("January", "Jan", "Jan.", "Sept."), as a
 * RegExp source to compose; match case-insensitively for "JANUARY".
 */
export const MONTH_PATTERN =
  "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";

/** A weekday name, whole or abbreviated, with an optional dot ("Monday", "Mon", "Tues.", "Thurs"); match case-insensitively. */
export const WEEKDAY_PATTERN = "(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\\.?";
