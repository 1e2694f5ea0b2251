/**
 * Organizations and places the statistical tagger (./ner) found, as candidates beside the known
 * names and the name patterns. The knowledge files type them: a tagged organization that
 * parties.yaml knows is that party, a known organization keeps its kind, a known place its kind;
 * an unknown one is an organization of kind "other" (or "media" for a cited outlet) or a place
 * whose kind the place gazetteer (src/knowledge/gazetteer.ts) or the platform's country list
 * tells, else an area.
 */
import { lookupPlace } from "../../knowledge/gazetteer.ts";
import { type Knowledge, organizationWordsOf } from "../../knowledge/index.ts";
import type { PlaceKind } from "../../types.ts";
import { foldKey } from "./fold.ts";
import type { KnownNames } from "./named-known.ts";
import type { Entity, Found } from "./named-mentions.ts";
import { countryNames } from "./ner/gazetteer.ts";
import type { NerSpan } from "./ner/index.ts";

/**
 * The name in a tagged span: without leading lower-case words, article or punctuation, a trailing possessive or
 * punctuation ("the U.S.", "Reuters'", a quote, an unmatched bracket), and only what follows a
 * possessive inside it ("Kishor's Jan Suraaj Party" names the party; the person is the people finder's).
 */
const LINKING_WORDS = new Set([
  "of",
  "and",
  "for",
  "the",
  "de",
  "du",
  "des",
  "la",
  "le",
  "el",
  "al",
  "von",
  "van",
  "der",
  "da",
  "di",
  "do",
  "dos",
  "das",
  "y",
  "e",
  "on",
  "in",
  "&",
]);

function trimmed(text: string, span: NerSpan): { start: number; end: number } | null {
  let { start, end } = span;
  const inner = /^.*['’]s\s+/su.exec(text.slice(start, end));
  if (inner) start += inner[0].length;
  // Names begin with a capital: leading lower-case words ("stated Jam Kamal") and an article go.
  const lead = /^(?:(?:The|THE|\p{Ll}[\p{L}'’-]*)\s+|[^\p{L}\p{N}]+)*/u.exec(text.slice(start, end));
  if (lead) start += lead[0].length;
  // Inside a name only small linking words are in lower case ("Bank of Japan", "Sant'Egidio"); a name
  // ends before any other ("Boxer Rising which attempted", "Insein for six years").
  const words = text.slice(start, end).matchAll(/\p{Ll}[\p{L}'’-]*/gu);
  for (const word of words) {
    const at = start + word.index;
    if (at > start && /[\p{L}\p{N}'’.-]/u.test(text[at - 1]!)) continue;
    if (LINKING_WORDS.has(word[0]) && /\p{Lu}/u.test(text.slice(at, end).replace(/^\S+/u, ""))) {
      const rest = text.slice(at + word[0].length, end).match(/^\s+(\S+)/u)?.[1] ?? "";
      if (/^\p{Lu}/u.test(rest) || LINKING_WORDS.has(rest)) continue;
    }
    end = at;
    break;
  }
  const tail = /(?:['’]s?|[^\p{L}\p{N}.)]+)$/u.exec(text.slice(start, end));
  if (tail) end -= tail[0].length;
  if (text[end - 1] === ")" && !text.slice(start, end).includes("(")) end--;
  return end > start && /\p{L}/u.test(text.slice(start, end)) ? { start, end } : null;
}

let countries: Set<string> | undefined;

const QUOTES = /['‘’"“”]/u;

/**
 * Below this margin over "person" (weight units) a tagged organization or place written as two or
 * more name-shaped words is left to the people finder, which knows honorifics, roles and name prefixes.
 */
const PERSON_MARGIN = 12;
const NAME_WORD = /^\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)*$/u;

function personShaped(name: string, span: NerSpan, knowledge: Knowledge): boolean {
  const words = name.split(" ");
  const bodies = wordSetsOf(knowledge).body;
  return (
    span.personMargin < PERSON_MARGIN &&
    words.length >= 2 &&
    words.every((word) => NAME_WORD.test(word)) &&
    // "Kansai International Airport", "Magna International Inc": a word that names a kind of body is no person's.
    !words.some((word) => bodies.has(word.toLowerCase()))
  );
}

interface WordSets {
  person: Set<string>;
  role: Set<string>;
  function: Set<string>;
  body: Set<string>;
}

const wordSets = new WeakMap<Knowledge, WordSets>();

function wordSetsOf(knowledge: Knowledge): WordSets {
  let sets = wordSets.get(knowledge);
  if (!sets) {
    const lower = (list: string[]) => new Set(list.map((word) => word.toLowerCase().replace(/\.$/, "")));
    const { honorifics, namePrefixes, roleWords } = knowledge.vocabulary;
    sets = {
      person: lower([...honorifics, ...namePrefixes]),
      role: lower([...honorifics, ...roleWords]),
      function: lower(knowledge.furniture.stopWords),
      body: lower(organizationWordsOf(knowledge.vocabulary)),
    };
    wordSets.set(knowledge, sets);
  }
  return sets;
}

/**
 * Words that make a span a person, a title or no name at all: it opens with an honorific, a name
 * prefix (Dr., Mir, Syed) or a function word ("All Parties", "There"), has a role word in it
 * ("Interior Minister"), or follows a title ("Chief Minister Nitish Kumar").
 */
function notAName(text: string, start: number, name: string, knowledge: Knowledge): boolean {
  const sets = wordSetsOf(knowledge);
  const words = name
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const first = words[0] ?? "";
  if (sets.person.has(first) || sets.function.has(first) || words.some((word) => sets.role.has(word))) return true;
  const before = /(\p{L}+)\.?\s+$/u.exec(text.slice(0, start))?.[1]?.toLowerCase();
  return before !== undefined && sets.role.has(before);
}

/** The kind the place gazetteer (GeoNames and places.yaml) gives the name; else a country Intl knows; else an area. */
function unknownPlaceKind(name: string, knowledge: Knowledge): PlaceKind {
  const place = lookupPlace(knowledge, name);
  if (place) return place.kind;
  countries ??= new Set(countryNames().map(foldKey));
  return countries.has(foldKey(name)) ? "country" : "area";
}
const MINOR_WORDS = new Set(["a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "from"]);

/**
 * Headings capitalise every word ("Dr. Malik Baloch And Jam Kamal Met"), which the tagger (trained
 * on prose and all-capital headlines) misreads: every word but a few small ones is capitalised.
 */
export function isTitleCase(text: string): boolean {
  const words = text.match(/(?<![\p{L}\p{N}])\p{L}[\p{L}'’-]*/gu) ?? [];
  const capitalised = words.filter((word) => /^\p{Lu}/u.test(word));
  return (
    capitalised.length >= 3 &&
    /\p{Ll}/u.test(text) &&
    words.every((word) => /^\p{Lu}/u.test(word) || MINOR_WORDS.has(word))
  );
}

/**
 * The tagger's organization and place spans of one sentence as candidates. `lowercaseWords` are
 * the words the article writes in lower case: one of them opening a sentence is no name ("There").
 */
export function taggedCandidates(
  text: string,
  index: number,
  spans: readonly NerSpan[],
  table: KnownNames,
  knowledge: Knowledge,
  lowercaseWords: ReadonlySet<string>,
  ownOutlet: string | null,
): Found[] {
  const found: Found[] = [];
  const heading = spans.length > 0 && isTitleCase(text);
  for (const span of spans) {
    if (span.type === "PER" || span.type === "MISC") continue;
    const extent = trimmed(text, span);
    if (!extent) continue;
    const name = text.slice(extent.start, extent.end).replace(/\s+/g, " ");
    const wanted = span.type === "LOC" ? ["place"] : ["party", "organization"];
    const known = table.byKey.get(foldKey(name));
    const outlet = known?.find((k) => k.kind === "outlet");
    // The article's own outlet is its credit or masthead ("(Reuters)"), read by the metadata extractor.
    if (outlet && (outlet.key === ownOutlet || span.type !== "ORG")) continue;
    const match = known?.find((k) => wanted.includes(k.kind)) ?? known?.find((k) => k.kind !== "outlet");
    let entity: Entity;
    if (match) entity = { kind: match.kind, key: match.key, known: true };
    // Another outlet the story cites ("Interfax said") is a media organization.
    else if (outlet) entity = { kind: "organization", key: outlet.key, known: false, organizationKind: "media" };
    else if (
      heading ||
      notAName(text, extent.start, name, knowledge) ||
      personShaped(name, span, knowledge) ||
      // A head noun alone ("in the Centre", "Union Minister") names no particular body.
      (!/\s/.test(name) && wordSetsOf(knowledge).body.has(name.toLowerCase())) ||
      // 'referred to as “Herof”': a quoted name is a code name or a title, as the people finder also holds.
      (QUOTES.test(text[extent.start - 1] ?? "") && QUOTES.test(text[extent.end] ?? "")) ||
      // "Kishor's Jan Suraaj Party": an unknown owner of a named thing is as often a person.
      /^['’]s\s+\p{Lu}/u.test(text.slice(extent.end)) ||
      (!/[^\p{L}]/u.test(name) && !/\p{L}/u.test(text.slice(0, extent.start)) && lowercaseWords.has(name.toLowerCase()))
    )
      continue;
    else if (span.type === "LOC")
      entity = { kind: "place", key: name, known: false, placeKind: unknownPlaceKind(name, knowledge) };
    else entity = { kind: "organization", key: name, known: false, organizationKind: "other" };
    found.push({ sentence: index, ...extent, entity, weak: match?.weak ?? false, ambiguous: false, tagged: true });
  }
  return found;
}
