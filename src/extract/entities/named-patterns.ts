/**
 * Finds parties, organizations and places the knowledge files do not know, by the shape of
 * their names: a run of capitalised words ending in a head word that says what it is
 * ("… Party", "… Liberation Army", "… Commission", "… Zone"), a name followed by its
 * acronym in parentheses, a quoted Urdu izafat compound ("Aaghaz-e-Huqooq-e-Balochistan"),
 * or a capitalised word before "district"/"city"/"town".
 */
import type { HeadWordKind, Vocabulary } from "../../knowledge/index.ts";
import type { OrganizationKind, PlaceKind } from "../../types.ts";
import { looksLikeAbbreviation } from "./named-known.ts";

export interface PatternMatch {
  start: number;
  end: number;
  kind: "party" | "organization" | "place";
  /** The name as detected, whitespace normalised. */
  name: string;
  organizationKind?: OrganizationKind;
  placeKind?: PlaceKind;
  /** Acronym written in parentheses right after the name. */
  abbr?: string;
  /** Where the "of …" tail's name starts ("India" in "Supreme Court of India"). */
  tailStart?: number;
}

type Guess =
  | { kind: "party" }
  | { kind: "organization"; organizationKind: OrganizationKind }
  | { kind: "place"; placeKind: PlaceKind };

const party: Guess = { kind: "party" };
const media: Guess = { kind: "organization", organizationKind: "media" };
const other: Guess = { kind: "organization", organizationKind: "other" };
const militant: Guess = { kind: "organization", organizationKind: "militant group" };
const area: Guess = { kind: "place", placeKind: "area" };

/** Occupations: an "alliance", "front" or "movement" of teachers or traders is a union, not a party. */
const OCCUPATIONS = new Set(
  "Teachers Traders Lawyers Students Employees Doctors Clerks Farmers Journalists Nurses Transporters Workers Labourers Engineers Pensioners".split(
    " ",
  ),
);

/** Words that make an armed group of an "army" or "front" (Balochistan Liberation Army). */
const INSURGENT_MODIFIERS = new Set(["Liberation", "Revolutionary", "Republican", "Mujahideen", "Jihad", "Islamic"]);
const INSURGENT_HEADS = new Set(["Army", "Front", "Guards", "Movement"]);
/** "News Agency", "Press Agency" are media, not government agencies. */
const MEDIA_MODIFIERS = new Set(["News", "Press", "Broadcasting"]);

/** Modifiers too generic to make a name of a head word ("Federal Ministry", "Security Forces"). */
const GENERIC_MODIFIERS = new Set([
  "Security",
  "Federal",
  "Provincial",
  "Local",
  "District",
  "City",
  "Regional",
  "Relevant",
  "Concerned",
  "Said",
  "Former",
  "New",
  "Senior",
  "Political",
  "Opposition",
  "Ruling",
  "Main",
  "Religious",
  "Nationalist",
  "Coalition",
  "Parliamentary",
]);

/** Small words allowed inside a name ("Election Commission of Pakistan", "Tehreek-e-Insaf"). */
const CONNECTORS = new Set(["of", "for", "and", "the", "on", "e", "i", "o", "ul", "ud", "us", "al", "el", "de"]);

/** Connectors of English phrases, as opposed to the izafat links inside Urdu names (-e-, -ul-). */
const ENGLISH_CONNECTORS = new Set(["of", "for", "and", "the", "on"]);

/** Capitalised words that begin a sentence or a heading but never a name. */
const STOP_WORDS = new Set(
  (
    "The A An In On At By For Of And But Or With From To As Its It His Her Their Our This That These Those " +
    "After Before During According While When Where Meanwhile However About Also Both Other Some All Any " +
    "Each Every Many Several Under Over Since Until Despite Following Amid Against Between Through Into " +
    "He She They We I You Who What Which Why How If Then Thus Earlier Later Today Yesterday Tomorrow " +
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July " +
    "August September October November December Mr Mrs Ms Dr"
  ).split(" "),
);

/**
 * Role words that end a title, not a name ("Attorney General (AG)", "Chief Justice (CJ)"), beyond the
 * knowledge vocabulary's `roleWords` (which the people extractor reads as well), so kept here.
 */
const EXTRA_ROLE_WORDS = ["general", "justice"];

interface Token {
  text: string;
  /** Without a possessive 's. */
  bare: string;
  start: number;
  end: number;
  possessive: boolean;
}

const TOKEN = /[\p{L}\p{N}]+(?:['’]\p{L}+)?/gu;
const JOINING_GAP = /^(?:[ \t\u00A0]+|[-\u2010-\u2015])$/u;
const CAPITALISED = /^\p{Lu}/u;

function tokenize(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((match) => {
    const possessive = /['’]s$/i.test(match[0]);
    return {
      text: match[0],
      bare: possessive ? match[0].slice(0, -2) : match[0],
      start: match.index,
      end: match.index + match[0].length,
      possessive,
    };
  });
}

function isConnector(token: Token): boolean {
  return (
    CONNECTORS.has(token.text.toLowerCase()) &&
    // A capitalised particle opens a name ("El Fasher", "Al Qaeda"); only lower-case ones join words.
    ((token.text.length <= 2 && !CAPITALISED.test(token.text)) || /^(?:Of|For|And|The|On)$/i.test(token.text))
  );
}

function isNameWord(token: Token): boolean {
  return CAPITALISED.test(token.text) && !STOP_WORDS.has(token.bare) && !isConnector(token);
}

/** Runs of capitalised words joined by spaces, hyphens or connectors; a possessive ends a run. */
function capitalisedRuns(text: string, tokens: Token[]): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  const close = () => {
    while (run.length && isConnector(run.at(-1)!)) run.pop();
    if (run.length) runs.push(run);
    run = [];
  };
  for (const [i, token] of tokens.entries()) {
    const joined = i > 0 && JOINING_GAP.test(text.slice(tokens[i - 1]!.end, token.start));
    if (!joined || run.at(-1)?.possessive) close();
    if (isNameWord(token)) run.push(token);
    else if (run.length && isConnector(token)) run.push(token);
    else close();
  }
  close();
  return runs;
}

/**
 * "The PPP and the Awami National Party": "and" joins two names far more often than it
 * sits inside one; names with "and" in them (Jammu and Kashmir …) belong in the knowledge files.
 */
function splitAtAnd(run: Token[]): Token[][] {
  const parts: Token[][] = [[]];
  for (const token of run) {
    const part = parts.at(-1)!;
    // "… of Commerce and Industry", "… for Conflict and Security Studies": "and" inside an "of" tail.
    const inTail = part.length >= 3 && /^(?:of|for)$/i.test(part.at(-2)!.text);
    if (token.text.toLowerCase() === "and" && !inTail) parts.push([]);
    else part.push(token);
  }
  return parts
    .map((part) => {
      while (part.length && isConnector(part[0]!)) part.shift();
      while (part.length && isConnector(part.at(-1)!)) part.pop();
      return part;
    })
    .filter((part) => part.length > 0);
}

/**
 * Headlines and subheadings capitalise every word, so capitals say nothing about names there.
 * Running prose always has some lower-case word of four letters or more; a heading has none.
 */
function isTitleCase(tokens: Token[]): boolean {
  const words = tokens.filter((token) => /^\p{L}{4,}/u.test(token.text));
  return words.length >= 3 && words.every((token) => CAPITALISED.test(token.text));
}

function initials(tokens: Token[]): string {
  return tokens
    .filter((token) => !isConnector(token))
    .map((token) => token.text[0]!.toUpperCase())
    .join("");
}

const ACRONYM_AFTER = /^\s*\((\p{Lu}[\p{L}\d-]{1,11})\)/u;

function acronymAfter(text: string, end: number): string | undefined {
  const acronym = text.slice(end).match(ACRONYM_AFTER)?.[1];
  return acronym && looksLikeAbbreviation(acronym) ? acronym : undefined;
}

function guessFromHead(head: Token, modifiers: Token[], heads: HeadWords): Guess | undefined {
  const guess = heads.get(head.bare);
  if (!guess) return undefined;
  if (INSURGENT_HEADS.has(head.bare) && modifiers.some((token) => INSURGENT_MODIFIERS.has(token.bare))) return militant;
  if (head.bare === "Agency" && modifiers.some((token) => MEDIA_MODIFIERS.has(token.bare))) return media;
  if (guess.kind === "party" && modifiers.some((token) => OCCUPATIONS.has(token.bare))) return other;
  return guess;
}

function toMatch(text: string, tokens: Token[], guess: Guess, abbr?: string): PatternMatch {
  const start = tokens[0]!.start;
  const last = tokens.at(-1)!;
  const end = last.possessive ? last.end - 2 : last.end;
  const name = text.slice(start, end).replace(/\s+/g, " ");
  return { start, end, name, ...guess, ...(abbr ? { abbr } : {}) };
}

/** "… Party", "… Liberation Army", "Election Commission of Pakistan", "the Red Zone". */
function namesWithHeadWords(text: string, run: Token[], { roleWords, heads }: WordSets): PatternMatch | undefined {
  let head = -1;
  for (let i = run.length - 1; i >= 0; i--) {
    const token = run[i]!;
    if (heads.has(token.bare) && (!token.possessive || i === run.length - 1)) {
      head = i;
      break;
    }
  }
  if (head < 0) return undefined;
  // A name ends at its head and begins after the last English connector before it:
  // "Leaders of the Makran Awami Movement" names the "Makran Awami Movement".
  let first = head;
  while (first > 0 && !ENGLISH_CONNECTORS.has(run[first - 1]!.text.toLowerCase()) && !run[first - 1]!.possessive)
    first--;
  while (first < head && (roleWords.has(run[first]!.bare.toLowerCase()) || isConnector(run[first]!))) first++;
  const modifiers = run.slice(first, head).filter((token) => !isConnector(token));
  // "Ministry of Interior", "University of Balochistan": a short "of …" tail names the head.
  const tail = run.slice(head + 1);
  const hasTail = tail.length >= 2 && tail.length <= 4 && /^(?:of|for)$/i.test(tail[0]!.text);
  if (!hasTail && !modifiers.some((token) => !GENERIC_MODIFIERS.has(token.bare))) return undefined;
  const guess = guessFromHead(run[head]!, modifiers, heads);
  if (!guess) return undefined;
  const tokens = run.slice(first, hasTail ? run.length : head + 1);
  const match = toMatch(text, tokens, guess, acronymAfter(text, tokens.at(-1)!.end));
  return hasTail ? { ...match, tailStart: tail[1]!.start } : match;
}

/** "Pakhtunkhwa National Awami Party (PkNAP)": a name whose initials its parenthesised acronym spells. */
function namesDefinedByAcronym(text: string, run: Token[], { roleWords, heads }: WordSets): PatternMatch | undefined {
  const last = run.at(-1)!;
  if (last.possessive || roleWords.has(last.bare.toLowerCase())) return undefined;
  const acronym = acronymAfter(text, last.end);
  if (!acronym) return undefined;
  const capitals = acronym.replace(/[^\p{Lu}]/gu, "");
  for (let first = run.length - 1; first >= 0; first--) {
    const tokens = run.slice(first);
    if (isConnector(tokens[0]!)) continue;
    if (initials(tokens) !== capitals) continue;
    if (tokens.filter((token) => !isConnector(token)).length < 2) return undefined;
    // What the name is comes from its head word; a name without one is an organization, not a party.
    const words = tokens.filter((token) => !isConnector(token));
    let headAt = words.length - 1;
    while (headAt >= 0 && !heads.has(words[headAt]!.bare)) headAt--;
    const guess = headAt >= 0 ? guessFromHead(words[headAt]!, words.slice(0, headAt), heads) : other;
    return toMatch(text, tokens, guess ?? other, acronym);
  }
  return undefined;
}

/** Izafat compounds: Title-case words joined by -e-, -i-, -ul- … ("Aaghaz-e-Huqooq-e-Balochistan"). */
const IZAFAT =
  /(?<![\p{L}\p{N}])\p{Lu}\p{Ll}+(?:[-\u2010\u2011](?:e|i|o|ul|ud|us|al)[-\u2010\u2011]\p{Lu}\p{Ll}+)+(?![\p{L}\p{N}])/gu;
const IZAFAT_LINK = /[-\u2010\u2011](?:e|i|o|ul|ud|us|al)[-\u2010\u2011]/gu;
const QUOTES = new Set(["'", '"', "‘", "’", "“", "”"]);
const ARMED_PREFIXES = new Set(["Lashkar", "Jaish", "Sipah", "Harkat", "Hizb", "Ansar"]);

/** Person names take izafat too (Zia-ul-Haq), so only quoted or three-part compounds count as names of things. */
function izafatNames(text: string): PatternMatch[] {
  const found: PatternMatch[] = [];
  for (const match of text.matchAll(IZAFAT)) {
    const parts = (match[0].match(IZAFAT_LINK)?.length ?? 0) + 1;
    const quoted = QUOTES.has(text[match.index - 1] ?? "") && QUOTES.has(text[match.index + match[0].length] ?? "");
    if (!(quoted || parts >= 3)) continue;
    const prefix = match[0].split(/[-\u2010\u2011]/)[0]!;
    const guess = ARMED_PREFIXES.has(prefix) ? militant : other;
    found.push({ start: match.index, end: match.index + match[0].length, name: match[0], ...guess });
  }
  return found;
}

/** "in Kech district", "Turbat city", "Kili Shabo area": a capitalised name before a lower-case place word. */
const PLACE_BY_CONTEXT =
  /(?<![\p{L}\p{N}'’])((?:\p{Lu}[\p{L}]*[ ]){0,2}\p{Lu}[\p{L}]*)[ ](district|city|town|village|tehsil|area|valley|region|division|province|camp)(?![\p{L}])/gu;
/** "the besieged city of El Fasher", "the nearby village of Shaqra": a place word, "of", a capitalised name. */
const PLACE_AFTER_WORD =
  /(?<![\p{L}])(city|town|village|port|province|region|district|capital)[ ]of[ ]((?:\p{Lu}[\p{L}'’-]*[ ]){0,2}\p{Lu}[\p{L}'’-]*)(?![\p{L}])/gu;
const PLACE_WORD_KIND: Record<string, PlaceKind> = {
  district: "district",
  city: "city",
  town: "city",
  village: "city",
  tehsil: "area",
  camp: "area",
  port: "city",
  capital: "city",
  area: "area",
  valley: "area",
  region: "area",
  division: "area",
  province: "province",
};

function placesByContext(text: string, notNames: Set<string>): PatternMatch[] {
  const found: PatternMatch[] = [];
  for (const match of text.matchAll(PLACE_BY_CONTEXT)) {
    const name = match[1]!;
    const words = name.split(" ");
    // Drop leading words that cannot be part of a place name ("The Kech district" → "Kech").
    while (words.length && (STOP_WORDS.has(words[0]!) || notNames.has(words[0]!.toLowerCase()))) words.shift();
    if (!words.length || words.some((word) => STOP_WORDS.has(word) || notNames.has(word.toLowerCase()))) continue;
    const placeName = words.join(" ");
    const start = match.index + name.length - placeName.length;
    found.push({
      start,
      end: start + placeName.length,
      name: placeName,
      kind: "place",
      placeKind: PLACE_WORD_KIND[match[2]!]!,
    });
  }
  for (const match of text.matchAll(PLACE_AFTER_WORD)) {
    const words = match[2]!.split(" ");
    while (words.length && (STOP_WORDS.has(words.at(-1)!) || notNames.has(words.at(-1)!.toLowerCase()))) words.pop();
    if (!words.length || STOP_WORDS.has(words[0]!) || notNames.has(words[0]!.toLowerCase())) continue;
    const placeName = words.join(" ");
    const start = match.index + match[0].length - match[2]!.length;
    found.push({
      start,
      end: start + placeName.length,
      name: placeName,
      kind: "place",
      placeKind: PLACE_WORD_KIND[match[1]!]!,
    });
  }
  return found;
}

/** Head words and what each makes of a name ("Party" → a party), from the vocabulary's headWords. */
type HeadWords = Map<string, Guess>;

interface WordSets {
  roleWords: Set<string>;
  notNames: Set<string>;
  heads: HeadWords;
}

const wordSetsByVocabulary = new WeakMap<Vocabulary, WordSets>();

function guessOfKind(kind: HeadWordKind): Guess {
  if (kind === "party") return party;
  if (kind === "area") return area;
  return { kind: "organization", organizationKind: kind };
}

/** The vocabulary's word lists as sets, built once per knowledge load. */
function wordSets(vocabulary: Vocabulary): WordSets {
  let sets = wordSetsByVocabulary.get(vocabulary);
  if (!sets) {
    const heads: HeadWords = new Map();
    for (const [kind, words] of Object.entries(vocabulary.headWords ?? {}))
      for (const word of words) if (!heads.has(word)) heads.set(word, guessOfKind(kind as HeadWordKind));
    sets = {
      roleWords: new Set([...EXTRA_ROLE_WORDS, ...vocabulary.roleWords.map((word) => word.toLowerCase())]),
      notNames: new Set(vocabulary.notNames.map((word) => word.toLowerCase())),
      heads,
    };
    wordSetsByVocabulary.set(vocabulary, sets);
  }
  return sets;
}

/** Every unknown-looking party, organization or place name in one sentence (overlaps resolved by the caller). */
export function findUnknownNames(text: string, vocabulary: Vocabulary): PatternMatch[] {
  const tokens = tokenize(text);
  const sets = wordSets(vocabulary);
  const found: PatternMatch[] = [...izafatNames(text)];
  if (isTitleCase(tokens)) return found;
  for (const run of capitalisedRuns(text, tokens).flatMap(splitAtAnd)) {
    const match = namesWithHeadWords(text, run, sets) ?? namesDefinedByAcronym(text, run, sets);
    if (match) found.push(match);
  }
  found.push(...placesByContext(text, sets.notNames));
  return found;
}
