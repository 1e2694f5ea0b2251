/**
 * Finds the parties, organizations and places the knowledge files name. The knowledge is
 * compiled once per load into a table keyed by the first word of each name, so a sentence
 * costs one map look-up per word however many names are known.
 */
import type { Knowledge } from "../../knowledge/index.ts";
import { type FoldedText, foldKey, foldText } from "./fold.ts";

/** `outlet` names are matched only so that their words ("Quetta Voice") are not read as places. */
export type NamedKind = "party" | "organization" | "place" | "outlet";

export interface KnownName {
  kind: NamedKind;
  /** Canonical name of the knowledge entry. */
  key: string;
  /** Folded, lower-cased form that is looked for. */
  lower: string;
  /** Folded form with the knowledge file's capitals, to check the text's capitals against. */
  cased: string;
  /** Written like an abbreviation (PTI, PkNAP, PML(N)): matched with exact case. */
  abbreviation: boolean;
  /** Only trusted when the article also names the entity in full (NA; one- or two-letter party abbreviations). */
  weak: boolean;
  /** Also a common word or surname: only trusted in place-like context. */
  ambiguous: boolean;
}

export interface KnownMatch {
  /** Offsets into the original sentence. */
  start: number;
  end: number;
  name: KnownName;
}

export interface KnownNames {
  byFirstWord: Map<string, KnownName[]>;
  byKey: Map<string, KnownName[]>;
}

const WORD = /[\p{L}\p{N}]+/gu;
const FIRST_WORD = /^[\p{L}\p{N}]+/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Two or more capitals and no more small letters than capitals: PTI, PkNAP, JuA, PML(N). */
export function looksLikeAbbreviation(text: string): boolean {
  const upper = text.match(/\p{Lu}/gu)?.length ?? 0;
  const lower = text.match(/\p{Ll}/gu)?.length ?? 0;
  return upper >= 2 && lower <= upper;
}

/** Party abbreviations this short (NP, JI, MC) collide with too many other things to trust alone. */
const SHORT_PARTY_ABBREVIATION = 2;

function letterCount(text: string): number {
  return text.match(/\p{L}/gu)?.length ?? 0;
}

const compiled = new WeakMap<Knowledge, KnownNames>();

/** The compiled name table of a knowledge load (built on first use, then reused). */
export function knownNames(knowledge: Knowledge): KnownNames {
  const cached = compiled.get(knowledge);
  if (cached) return cached;
  const names: KnownName[] = [];
  const add = (kind: NamedKind, key: string, form: string, flags: { weak?: boolean; ambiguous?: boolean } = {}) => {
    const trimmed = form.trim();
    const lower = foldKey(trimmed);
    if (!FIRST_WORD.test(lower)) return;
    names.push({
      kind,
      key,
      lower,
      cased: foldText(trimmed).cased,
      abbreviation: looksLikeAbbreviation(trimmed),
      weak: flags.weak ?? false,
      ambiguous: flags.ambiguous ?? false,
    });
  };
  for (const party of knowledge.parties) {
    for (const form of [party.name, ...party.variants]) add("party", party.name, form);
    for (const abbr of [party.abbr, ...party.abbrVariants]) {
      if (abbr) add("party", party.name, abbr, { weak: letterCount(abbr) <= SHORT_PARTY_ABBREVIATION });
    }
  }
  for (const organization of knowledge.organizations) {
    for (const form of [organization.name, ...organization.variants]) add("organization", organization.name, form);
    if (organization.abbr) add("organization", organization.name, organization.abbr);
    for (const abbr of organization.weakAbbrs) add("organization", organization.name, abbr, { weak: true });
  }
  for (const place of knowledge.places) {
    for (const form of [place.name, ...place.variants]) add("place", place.name, form, { ambiguous: place.ambiguous });
  }
  for (const outlet of knowledge.outlets) {
    for (const form of [outlet.name, ...outlet.variants]) add("outlet", outlet.name, form);
  }

  const byFirstWord = new Map<string, KnownName[]>();
  const byKey = new Map<string, KnownName[]>();
  const seen = new Set<string>();
  for (const name of names) {
    const identity = `${name.kind}\u0000${name.key}\u0000${name.cased}\u0000${name.weak}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    const first = name.lower.match(FIRST_WORD)![0];
    byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), name]);
    byKey.set(name.lower, [...(byKey.get(name.lower) ?? []), name]);
  }
  // Longest first, so the first candidate that fits at a position is the longest match there.
  for (const list of byFirstWord.values()) list.sort((a, b) => b.lower.length - a.lower.length);
  const table = { byFirstWord, byKey };
  compiled.set(knowledge, table);
  return table;
}

/** True when every word the knowledge file capitalises is capitalised in the text too. */
function capitalsAgree(expected: string, found: string): boolean {
  const expectedWords = expected.split(" ");
  const foundWords = found.split(" ");
  return expectedWords.every((word, i) => {
    const expectedFirst = word.match(/\p{L}/u)?.[0];
    if (!expectedFirst || expectedFirst === expectedFirst.toLowerCase()) return true;
    const foundFirst = foundWords[i]?.match(/\p{L}/u)?.[0];
    return foundFirst !== undefined && foundFirst !== foundFirst.toLowerCase();
  });
}

function fits(name: KnownName, folded: FoldedText, at: number): boolean {
  const end = at + name.lower.length;
  if (!folded.lower.startsWith(name.lower, at)) return false;
  if (end < folded.lower.length && LETTER_OR_DIGIT.test(name.lower.at(-1)!) && LETTER_OR_DIGIT.test(folded.lower[end]!))
    return false;
  const found = folded.cased.slice(at, end);
  return name.abbreviation ? found === name.cased : capitalsAgree(name.cased, found);
}

/** The longest known name at each word of the sentence (overlaps are resolved by the caller). */
export function matchKnownNames(folded: FoldedText, table: KnownNames): KnownMatch[] {
  const matches: KnownMatch[] = [];
  for (const word of folded.lower.matchAll(WORD)) {
    const candidates = table.byFirstWord.get(word[0]);
    if (!candidates) continue;
    const at = word.index;
    const name = candidates.find((candidate) => fits(candidate, folded, at));
    if (!name) continue;
    const start = folded.offsets[at]!;
    const end = folded.offsets[at + name.lower.length - 1]! + 1;
    matches.push({ start, end, name });
  }
  return matches;
}
