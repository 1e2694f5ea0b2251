/**
 * The dateline: where a story was filed, written before its first words
 * ("QUETTA: …", "Islamabad, Feb 1: …", "KARACHI, Pakistan, Jan 5 (Reuters) - …") or on a line of its own ("ISLAMABAD:").
 */
import type { Knowledge } from "../../knowledge/index.ts";
import type { TextLine } from "../../types.ts";
import { MONTHS, WEEKDAYS } from "../../util/calendar.ts";
import { findDates, type WrittenDate } from "./dates.ts";

export interface Dateline {
  place: string;
  /** The dateline as written ("Islamabad, Feb 1:"). */
  evidence: string;
  /** A date written in the dateline ("Feb 1"), often without a year. */
  date: WrittenDate | null;
  /** A wire or outlet credit in brackets ("Reuters" in "LONDON (Reuters) -"). */
  credit: string | null;
  line: number;
  /** Length of the dateline prefix in its line, so the rest can be read as the story. */
  length: number;
}

const CAPS_PLACE = "[A-Z][A-Z.'’-]+(?:\\s+[A-Z][A-Z.'’-]+){0,3}";
const TITLE_PLACE = "[A-Z][a-z.'’-]+(?:\\s+[A-Z][a-z.'’-]+){0,3}";
const DATE_PART =
  "[A-Z][a-z]{2,8}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?|\\d{1,2}(?:st|nd|rd|th)?\\s+[A-Z][a-z]{2,8}\\.?(?:,?\\s+\\d{4})?";
const DATELINE = new RegExp(
  `^(?<place>${CAPS_PLACE}|${TITLE_PLACE})(?:\\s*,\\s*(?!${DATE_PART})${TITLE_PLACE})?(?:\\s*,\\s*(?<date>${DATE_PART}))?(?:\\s*\\((?<credit>[^)]{2,40})\\))?\\s*(?<sep>:|\\s[-—–]|[—–])(?=\\s|$)`,
);
// Capitalised lead-ins that end with a colon but are labels, not places.
const LABELS = new Set([
  "breaking",
  "breaking news",
  "update",
  "updated",
  "exclusive",
  "watch",
  "analysis",
  "opinion",
  "editorial",
  "comment",
  "note",
  "correction",
  "live",
  "video",
  "photos",
  "read more",
  "also read",
  "related",
  "source",
  "sources",
]);

const placesByKnowledge = new WeakMap<Knowledge, Map<string, string>>();

/** Canonical place names by every lower-cased spelling, built once per knowledge load; the first place listed wins. */
function placesOf(knowledge: Knowledge): Map<string, string> {
  let places = placesByKnowledge.get(knowledge);
  if (!places) {
    places = new Map();
    for (const place of knowledge.places) {
      for (const name of [place.name, ...place.variants]) {
        const lower = name.toLowerCase();
        if (!places.has(lower)) places.set(lower, place.name);
      }
    }
    placesByKnowledge.set(knowledge, places);
  }
  return places;
}

/** "NEW DELHI" → "New Delhi"; a known place keeps its canonical spelling. */
function placeName(written: string, knowledge: Knowledge): string {
  const lower = written.toLowerCase();
  return (
    placesOf(knowledge).get(lower) ??
    lower.replace(/(^|[\s-])(\p{L})/gu, (_all, before: string, letter: string) => before + letter.toUpperCase())
  );
}

function isKnownPlace(written: string, knowledge: Knowledge): boolean {
  return placesOf(knowledge).has(written.toLowerCase());
}

/** Reads a dateline at the start of one line, or null. */
export function readDateline(line: TextLine, knowledge: Knowledge): Dateline | null {
  const match = DATELINE.exec(line.text);
  if (!match?.groups) return null;
  const { place, date, credit } = match.groups;
  if (!place || LABELS.has(place.toLowerCase())) return null;
  const allCaps = place === place.toUpperCase();
  // Title-case words before a colon are often a label or a speaker ("Officials: …"): trust them only with a date, a credit or a known place.
  if (!allCaps && !date && !credit && !isKnownPlace(place, knowledge)) return null;
  const restOfLine = line.text.slice(match[0].length).trim();
  // A dateline line of its own ends there; inside a paragraph, the story must follow.
  if (!restOfLine && line.role === "paragraph" && !allCaps) return null;
  return {
    place: placeName(place, knowledge),
    evidence: match[0].trim(),
    date: date ? (findDates(date)[0] ?? null) : null,
    credit: credit?.trim() ?? null,
    line: line.line,
    length: match[0].length,
  };
}

const BARE_PLACE = new RegExp(`^${CAPS_PLACE}$`);

/** A header line that is only a known place in capitals ("NEW DELHI"), as some pages set the dateline. */
function bareDateline(line: TextLine, knowledge: Knowledge): Dateline | null {
  const text = line.text.trim();
  if (!BARE_PLACE.test(text) || !isKnownPlace(text, knowledge)) return null;
  return {
    place: placeName(text, knowledge),
    evidence: text,
    date: null,
    credit: null,
    line: line.line,
    length: text.length,
  };
}

/**
 * The dateline of an article: a header line that is only a dateline, else the start of the
 * first paragraph. Lines after the first paragraph are story, never a dateline.
 */
export function findDateline(lines: TextLine[], knowledge: Knowledge): Dateline | null {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.role === "paragraph") return readDateline(line, knowledge) ?? afterDeck(lines, i, knowledge);
    if (line.role !== "header" && line.role !== "furniture") continue;
    const dateline =
      readDateline(line, knowledge) ??
      (line.role === "header" ? bareDateline(line, knowledge) : null) ??
      datedDateline(line, knowledge) ??
      stampDateline(line, knowledge);
    if (dateline && dateline.length >= line.text.trim().length) return dateline;
  }
  return null;
}

/**
 * A deck (standfirst) set as a sentence above the byline is the first paragraph; the
 * dateline then opens the next paragraph, after the furniture between them.
 */
function afterDeck(lines: TextLine[], deck: number, knowledge: Knowledge): Dateline | null {
  let i = deck + 1;
  let furniture = 0;
  while (i < lines.length && lines[i]!.role === "furniture") {
    furniture++;
    i++;
  }
  const next = lines[i];
  return furniture > 0 && next?.role === "paragraph" ? readDateline(next, knowledge) : null;
}

// A wire dateline on a line of its own: a place in capitals, then the filing date ("BRUSSELS 1996-08-22",
// "LAGOS, March 3, 2024"). Pages file it as a dated byline, but the place is where the story was filed.
const DATED_PLACE = new RegExp(`^(?<place>${CAPS_PLACE}),?\\s+(?<date>\\d{4}-\\d{2}-\\d{2}|${DATE_PART})$`);

const CALENDAR_WORDS = new Set([...MONTHS, ...WEEKDAYS].map((word) => word.toLowerCase()));

function datedDateline(line: TextLine, knowledge: Knowledge): Dateline | null {
  const text = line.text.trim();
  const groups = DATED_PLACE.exec(text)?.groups;
  if (!groups?.place || LABELS.has(groups.place.toLowerCase()) || CALENDAR_WORDS.has(groups.place.toLowerCase()))
    return null;
  return {
    place: placeName(groups.place, knowledge),
    evidence: text,
    date: findDates(groups.date ?? "")[0] ?? null,
    credit: null,
    line: line.line,
    length: text.length,
  };
}

// A time stamp that ends with the place of filing: "Updated - October 12, 2025 10:41 pm IST - PATNA".
const STAMP_PLACE = new RegExp(`\\d.*\\s[-—–|]\\s*(?<place>${CAPS_PLACE})\\s*$`);

function stampDateline(line: TextLine, knowledge: Knowledge): Dateline | null {
  const match = STAMP_PLACE.exec(line.text.trim());
  const place = match?.groups?.place;
  if (!place || !findDates(line.text).length || !isKnownPlace(place, knowledge)) return null;
  return {
    place: placeName(place, knowledge),
    evidence: line.text.trim(),
    date: null,
    credit: null,
    line: line.line,
    length: line.text.trim().length,
  };
}
