/**
 * Where a figure happened, when its sentence says so: the name of a known place after a locative
 * preposition ("in Harnai", "in Quetta district", "near the town of Chaman", "in Pakistan's Kurram
 * district"), as written in the sentence. Known places are the article's extracted places when the
 * extractor has them, else the knowledge file's.
 */
import type { PlaceEntry } from "../../knowledge/index.ts";
import type { PlaceMention } from "../../types.ts";
import { MONTHS, WEEKDAYS } from "../../util/calendar.ts";

export interface PlaceSpan {
  /** The place as written, with a kind word that follows it ("Quetta district"). */
  name: string;
  start: number;
  end: number;
}

/** Surface forms of known places, looked up by the capitalised words after a preposition. */
export type PlaceForms = ReadonlySet<string>;

const DIRECTION =
  "(?:north|south|east|west|central|upper|lower|northern|southern|eastern|western|north-?eastern|north-?western|south-?eastern|south-?western|northeast|northwest|southeast|southwest|remote|neighbouring|neighboring)";
const KIND =
  "(?:city|town|village|district|province|region|area|county|state|tehsil|valley|neighbourhood|neighborhood|suburb)";
// "in", "at the", "near the northern", "in the town of", "across southern": what may lead to a place.
const LOCATIVE = new RegExp(
  `\\b(?:in|at|near|outside|inside|around|across|throughout)\\s+(?:the\\s+)?(?:${DIRECTION}\\s+)?(?:${KIND}\\s+of\\s+)?(?=\\p{Lu})`,
  "giu",
);
// Up to five capitalised words (a possessive ends one: "Pakistan's Kurram").
const NAME_WORDS = /\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+\p{Lu}[\p{L}\p{M}'’.-]*){0,4}/uy;
const KIND_AFTER = new RegExp(`\\s+(?:tribal\\s+)?${KIND}\\b`, "iy");
const POSSESSIVE = /['’]s$/;
// Capitalised words that end a place name: days, months, times of day ("in Kech Tuesday").
const NOT_A_NAME = new RegExp(`^(?:${[...WEEKDAYS, ...MONTHS, "Noon", "Midnight"].join("|")})\\b`);

const knowledgeForms = new WeakMap<PlaceEntry[], PlaceForms>();

const formsOf = (places: readonly { name: string; variants?: readonly string[] }[]): Set<string> =>
  new Set(places.flatMap((place) => [place.name, ...(place.variants ?? [])]).map((form) => form.toLowerCase()));

/** The forms of an article's extracted places. */
export function articlePlaceForms(places: readonly PlaceMention[]): PlaceForms {
  return formsOf(places);
}

/** The forms of the knowledge file's places (cached per knowledge object). */
export function knowledgePlaceForms(places: PlaceEntry[]): PlaceForms {
  let forms = knowledgeForms.get(places);
  if (!forms) {
    forms = formsOf(places);
    knowledgeForms.set(places, forms);
  }
  return forms;
}

/** The longest run of the words, from their start, that is a known place; its length in words. */
function knownPrefix(words: string[], forms: PlaceForms): number {
  for (let length = words.length; length > 0; length--) {
    if (forms.has(words.slice(0, length).join(" ").toLowerCase())) return length;
  }
  return 0;
}

/** Every known place a preposition leads to in the sentence, in order. */
export function findPlaces(sentence: string, forms: PlaceForms): PlaceSpan[] {
  const found: PlaceSpan[] = [];
  if (forms.size === 0) return found;
  for (const lead of sentence.matchAll(LOCATIVE)) {
    const at = lead.index + lead[0].length;
    NAME_WORDS.lastIndex = at;
    const run = NAME_WORDS.exec(sentence);
    if (!run) continue;
    // A full stop after the name ends the sentence, unless the word is an abbreviation ("D.C.").
    const words = run[0].replace(/(?<=^|[^.\s]{2})\.$/u, "").split(/\s+/);
    const stop = words.findIndex((word) => NOT_A_NAME.test(word));
    if (stop >= 0) words.splice(stop);
    // "Pakistan's Kurram district": the place the possessive narrows to.
    const possessive = words.findIndex((word) => POSSESSIVE.test(word));
    let skip = 0;
    if (possessive >= 0 && possessive < words.length - 1 && knownPrefix(words.slice(possessive + 1), forms) > 0)
      skip = possessive + 1;
    else if (possessive >= 0) words.splice(possessive, words.length, words[possessive].replace(POSSESSIVE, ""));
    const length = knownPrefix(words.slice(skip), forms);
    if (length === 0) continue;
    // The words as written (a run may hold line breaks or double spaces).
    let start = -1;
    let end = at;
    for (const word of words.slice(skip, skip + length)) {
      const index = sentence.indexOf(word, end);
      if (start < 0) start = index;
      end = index + word.length;
    }
    KIND_AFTER.lastIndex = end;
    if (KIND_AFTER.test(sentence)) end = KIND_AFTER.lastIndex;
    found.push({ name: sentence.slice(start, end).replace(/\s+/g, " "), start, end });
  }
  return found;
}

// A new clause between a figure and a place after it: the place belongs to that clause.
const CLAUSE_BREAK = /;|,\s*(?:and|but|while|whereas|as)\b/i;

/**
 * The place of a figure spanning start–end: the first place after it in its own clause and before the
 * next figure; else the nearest before it; else the first after it (coordinated counts share the
 * place after the last of them: "17 soldiers and 31 civilians were killed in Harnai").
 */
export function placeOf(
  sentence: string,
  places: PlaceSpan[],
  start: number,
  end: number,
  nextStart: number,
): string | null {
  const after = places.filter((place) => place.start >= end);
  const own = after.find((place) => place.start < nextStart && !CLAUSE_BREAK.test(sentence.slice(end, place.start)));
  if (own) return own.name;
  const before = places.filter((place) => place.end <= start).at(-1);
  return (before ?? after[0])?.name ?? null;
}
