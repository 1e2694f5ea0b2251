/**
 * Compiles the figure vocabulary of knowledge/figures.yaml into regular expressions, once per
 * knowledge object: extraction runs over tens of thousands of articles.
 */
import type { FigureVocabulary } from "../../knowledge/index.ts";
import { FIGURE_CATEGORIES, type FigureCategory } from "../../types.ts";
import { escapeRegExp } from "../../util/regexp.ts";

export interface CompiledFigureVocabulary {
  /** Regex source: every counted noun, longest first (no groups). */
  nounAlternation: string;
  /** Regex source: every outcome phrase, longest first (no groups). */
  outcomeAlternation: string;
  /** Sticky: a counted noun at lastIndex, optionally in quotes; groups: open quote, noun, close quote. */
  noun: RegExp;
  categoryOf(noun: string): FigureCategory | null;
  /** True for the singular form of a listed noun ("soldier", "man", "person"): what "a"/"another" may count. */
  isSingular(noun: string): boolean;
  /** The listed plural of a singular noun ("soldier" → "soldiers"), or null. */
  pluralOf(noun: string): string | null;
  /** Unanchored, global: any outcome phrase. */
  outcome: RegExp;
  /** Unanchored, not global: whether a text holds any outcome phrase. */
  mentionsOutcome: RegExp;
  outcomeOf(phrase: string): string;
  /** Ends at the end of the text: a qualifier written just before a number. */
  qualifierBefore: RegExp;
  qualifierOf(phrase: string): string;
  /** Ends at the end of the text: a vague word just before a number ("several hundred"). */
  vagueBefore: RegExp;
  isModifier(word: string): boolean;
  /** Regex source: every manner word ("fatally", "to death"), longest first (no groups). */
  mannerAlternation: string;
  /** Ends at the end of the text: a manner word just before an outcome ("fatally" of "fatally shot"). */
  mannerBefore: RegExp;
  /** Sticky: a manner word after a counted noun or number ("shot two men dead", "one fatally"). */
  mannerAfter: RegExp;
  /** The outcome an injury takes with this manner word ("fatally" → killed), or "". */
  mannerOf(word: string): string;
  /** Ends at the end of the text: a tally verb just before a number ("has reached"). */
  tallyVerbBefore: RegExp;
  /** Global: the subject of a tally ("death toll", "number of"). */
  tallySubject: RegExp;
  /** Any counted noun anywhere (global), for finding the noun of a tally's subject. */
  anyNoun: RegExp;
}

const cache = new WeakMap<FigureVocabulary, CompiledFigureVocabulary>();

// "…" in a phrase stands for one to four words ("taken to … hospital": "taken to a nearby hospital").
const GAP = /\s*…\s*/g;
const GAP_SOURCE = "\\s+(?:[\\w'’-]+\\s+){1,4}?";

/** A phrase as a regex source: spaces match any run of whitespace, "…" one to four words. */
function phraseSource(phrase: string): string {
  return escapeRegExp(phrase.replace(GAP, " … "))
    .replace(/\s+…\s+/g, GAP_SOURCE)
    .replace(/\s+/g, "\\s+");
}

/** Alternation of phrases, longest first so "law enforcement personnel" wins over "personnel". */
function alternation(phrases: Iterable<string>): string {
  const unique = [...new Set([...phrases].map((phrase) => phrase.trim()).filter(Boolean))];
  unique.sort((a, b) => b.length - a.length);
  return unique.map(phraseSource).join("|") || "(?!)";
}

/** Singular of a listed plural noun (its last word): "soldiers" → "soldier", "policemen" → "policeman". */
function singularOf(noun: string): string | null {
  const match = /^(.*?)(\S+)$/.exec(noun);
  if (!match) return null;
  const [, head, last] = match;
  let singular: string | null = null;
  if (/^(?:others|families)$/i.test(last))
    singular = null; // "one other soldier": "other" is a modifier there; "a family" is no one person
  else if (/^children$/i.test(last)) singular = "child";
  else if (/ives$/i.test(last)) singular = last.replace(/ives$/i, "ife");
  else if (/men$/i.test(last)) singular = last.replace(/men$/i, "man");
  else if (/^people$/i.test(last)) singular = "person";
  else if (/ies$/i.test(last)) singular = last.replace(/ies$/i, "y");
  else if (/[^s]s$/i.test(last)) singular = last.slice(0, -1);
  return singular ? head + singular : null;
}

const normalise = (phrase: string): string => phrase.toLowerCase().replace(/\s+/g, " ");

function compile(vocabulary: FigureVocabulary): CompiledFigureVocabulary {
  const categoryByNoun = new Map<string, FigureCategory>();
  const pluralBySingular = new Map<string, string>();
  for (const category of FIGURE_CATEGORIES) {
    for (const noun of vocabulary.categories[category] ?? []) {
      categoryByNoun.set(normalise(noun), category);
      const singular = singularOf(noun);
      if (singular && !pluralBySingular.has(normalise(singular))) pluralBySingular.set(normalise(singular), noun);
      if (singular && !categoryByNoun.has(normalise(singular))) categoryByNoun.set(normalise(singular), category);
    }
  }
  const outcomeByManner = new Map<string, string>();
  for (const [outcome, words] of Object.entries(vocabulary.manner ?? {})) {
    for (const word of words) outcomeByManner.set(normalise(word), outcome);
  }
  const manner = alternation(outcomeByManner.keys());
  const outcomeByPhrase = new Map<string, string>();
  // Phrases with a gap are found by matching them whole against the text read.
  const gapped: [RegExp, string][] = [];
  for (const [outcome, phrases] of Object.entries(vocabulary.outcomes)) {
    for (const phrase of phrases) {
      outcomeByPhrase.set(normalise(phrase), outcome);
      if (phrase.includes("…")) gapped.push([new RegExp(`^(?:${phraseSource(phrase.trim())})$`, "i"), outcome]);
    }
  }
  const outcomeOf = (phrase: string) =>
    outcomeByPhrase.get(normalise(phrase)) ?? gapped.find(([pattern]) => pattern.test(phrase))?.[1] ?? "";
  const qualifierByPhrase = new Map<string, string>();
  for (const [qualifier, phrases] of Object.entries(vocabulary.qualifiers)) {
    for (const phrase of [qualifier, ...phrases]) qualifierByPhrase.set(normalise(phrase), qualifier);
  }
  const modifiers = new Set((vocabulary.modifiers ?? []).map(normalise));
  const nouns = alternation(categoryByNoun.keys());
  const outcomes = alternation(outcomeByPhrase.keys());
  return {
    nounAlternation: nouns,
    outcomeAlternation: outcomes,
    noun: new RegExp(`(["“‘']?)(${nouns})(["”’']?)(?![\\w-])`, "iy"),
    categoryOf: (noun) => categoryByNoun.get(normalise(noun)) ?? null,
    isSingular: (noun) => pluralBySingular.has(normalise(noun)),
    pluralOf: (noun) => pluralBySingular.get(normalise(noun)) ?? null,
    outcome: new RegExp(`\\b(?:${outcomes})(?![\\w-])`, "gi"),
    mentionsOutcome: new RegExp(`\\b(?:${outcomes})(?![\\w-])`, "i"),
    outcomeOf,
    qualifierBefore: new RegExp(`\\b(${alternation(qualifierByPhrase.keys())})\\s+$`, "i"),
    qualifierOf: (phrase) => qualifierByPhrase.get(normalise(phrase)) ?? phrase.toLowerCase(),
    vagueBefore: new RegExp(`\\b(?:${alternation(vocabulary.vague)})\\s+$`, "i"),
    isModifier: (word) =>
      modifiers.has(word.toLowerCase()) || /^[A-Z]/.test(word) || /^[a-z]+(?:ed|ly)$/i.test(word) || /\w-\w/.test(word),
    mannerAlternation: manner,
    mannerBefore: new RegExp(`\\b(${manner})\\s+$`, "i"),
    mannerAfter: new RegExp(`\\s+(${manner})(?![\\w-])`, "iy"),
    mannerOf: (word) => outcomeByManner.get(normalise(word)) ?? "",
    tallyVerbBefore: new RegExp(`\\b(?:${alternation(vocabulary.tallies?.verbs ?? [])})\\s+$`, "i"),
    tallySubject: new RegExp(`\\b(?:${alternation(vocabulary.tallies?.subjects ?? [])})\\b`, "gi"),
    anyNoun: new RegExp(`\\b(?:${nouns})(?![\\w-])`, "gi"),
  };
}

/** The compiled vocabulary for a knowledge object's figures section (cached). */
export function compiledVocabulary(vocabulary: FigureVocabulary): CompiledFigureVocabulary {
  let compiled = cache.get(vocabulary);
  if (!compiled) {
    compiled = compile(vocabulary);
    cache.set(vocabulary, compiled);
  }
  return compiled;
}
