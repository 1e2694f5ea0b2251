/**
 * Words of a sentence with their offsets and what each could be in a person mention: part of a
 * name, an honorific, a role word, or a word that rules a name out.
 */
import type { EntitySpan } from "./named.ts";
import { type PeopleLexicon, wordKey } from "./people-lexicon.ts";

export type TokenKind =
  /** Capitalised word shaped like a name ("Nosherwani", "O'Brien", "McDonald") or an initial ("A."). */
  | "name"
  /** Capitalised word that is often part of a name (Mir, Syed, Raja). */
  | "prefix"
  /** Lower-case particle inside a name (ul, bin, de). */
  | "particle"
  | "honorific"
  | "role"
  | "modifier"
  /** Head noun of an organisation or place name (School, Zone). */
  | "organization"
  /** Capitalised word that is never a name (months, determiners), or a word of a multi-word notName. */
  | "not"
  /** Anything else: lower-case words, numbers, acronyms in capitals. */
  | "other";

export interface Token {
  /** The word without a trailing full stop or possessive ending. */
  word: string;
  key: string;
  start: number;
  /** End of `word` in the sentence. */
  end: number;
  /** End including a trailing full stop or possessive ending. */
  rawEnd: number;
  dot: boolean;
  possessive: boolean;
  capitalised: boolean;
  kind: TokenKind;
  /** The word is in the role vocabulary, whatever its kind ("General" is an honorific and ends "Secretary General"). */
  roleLike: boolean;
  /** The named entity (party, organization, place) the word belongs to, if any. */
  span: EntitySpan | null;
}

const WORD = /[\p{L}\p{N}]+(?:[-'’‐][\p{L}\p{N}]+)*/gu;
// One segment of a name word: "Nosherwani", "McDonald", or a lower-case joiner inside a hyphenated name ("ul" in "Zia-ul-Haq").
const NAME_SEGMENT = /^(?:\p{Lu}[\p{Ll}\p{M}]+|Ma?c\p{Lu}[\p{Ll}\p{M}]+|\p{Ll}{1,4}|\p{Lu})$/u;

function isNameShaped(word: string): boolean {
  if (!/^\p{Lu}/u.test(word) || !/\p{Ll}/u.test(word)) return false;
  return word.split(/[-'’‐]/).every((segment) => NAME_SEGMENT.test(segment));
}

function classify(token: Token, lexicon: PeopleLexicon, inPhrase: boolean): TokenKind {
  const { key, word, capitalised } = token;
  if (!capitalised) {
    // Arabic article joined to a surname: "al-Burhan", "el-Sisi".
    const joined = /^(\p{Ll}{1,3})[-‐](\p{Lu}.*)$/u.exec(word);
    if (joined && lexicon.nameParticles.has(joined[1]!) && isNameShaped(joined[2]!)) return "name";
    if (lexicon.roleWords.has(key)) return "role";
    if (lexicon.roleModifiers.has(key)) return "modifier";
    if (lexicon.nameParticles.has(key)) return "particle";
    return "other";
  }
  if (lexicon.honorifics.has(key)) return "honorific";
  if (lexicon.roleWords.has(key)) return "role";
  if (lexicon.roleModifiers.has(key)) return "modifier";
  if (lexicon.organizationWords.has(key)) return "organization";
  if (inPhrase || lexicon.notNames.has(key)) return "not";
  if (lexicon.namePrefixes.has(key)) return "prefix";
  if (/^\p{Lu}$/u.test(word) && token.dot) return "name";
  return isNameShaped(word) ? "name" : "other";
}

/** Splits a sentence into words, marks the words inside entity spans, and classifies each word. */
export function tokenize(text: string, spans: readonly EntitySpan[], lexicon: PeopleLexicon): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    let word = match[0];
    const start = match.index;
    let rawEnd = start + word.length;
    let possessive = false;
    if (/['’]s$/u.test(word)) {
      word = word.slice(0, -2);
      possessive = true;
    } else if (word.endsWith("s") && (text[rawEnd] === "'" || text[rawEnd] === "’")) {
      possessive = true;
      rawEnd += 1;
    }
    const end = start + word.length;
    const dot = text[rawEnd] === ".";
    if (dot) rawEnd += 1;
    const span = spans.length ? (spans.find((s) => s.start < end && start < s.end) ?? null) : null;
    const capitalised = /^\p{Lu}/u.test(word);
    const key = wordKey(word);
    const roleLike = lexicon.roleWords.has(key) || lexicon.roleModifiers.has(key);
    // kind is set below, once multi-word notNames are known; objects keep one shape for speed.
    tokens.push({ word, key, start, end, rawEnd, dot, possessive, capitalised, kind: "other", roleLike, span });
  }
  const inPhrase = notNamePhraseWords(tokens, lexicon);
  for (let index = 0; index < tokens.length; index++) {
    tokens[index].kind = classify(tokens[index], lexicon, inPhrase.has(index));
  }
  return tokens;
}

/** Indexes of words that belong to a multi-word notName ("Red Zone"). */
function notNamePhraseWords(words: readonly { key: string }[], lexicon: PeopleLexicon): Set<number> {
  const inside = new Set<number>();
  words.forEach(({ key }, index) => {
    for (const phrase of lexicon.notNamePhrases.get(key) ?? []) {
      if (phrase.every((word, offset) => words[index + offset]?.key === word)) {
        for (let offset = 0; offset < phrase.length; offset++) inside.add(index + offset);
      }
    }
  });
  return inside;
}

/** "March 8", "Gate 5": a word with a number right after it; "Ilyas, 34," (an age after a comma) is still a name. */
function followedByNumber(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index]!;
  const next = tokens[index + 1];
  return next !== undefined && /^\p{N}/u.test(next.word) && next.start - token.rawEnd <= 1;
}

export function canBeNameWord(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index];
  return (token.kind === "name" || token.kind === "prefix") && token.span === null && !followedByNumber(tokens, index);
}

/** Two neighbouring words belong to one name: only spaces between, no possessive or abbreviation stop. */
export function joined(text: string, left: Token, right: Token): boolean {
  if (left.possessive || (left.dot && left.word.length > 1)) return false;
  return /^\s+$/.test(text.slice(left.rawEnd, right.start));
}

/** Extends a name from `from` over name words and particles between them; returns the index of its last word. */
export function nameRunEnd(text: string, tokens: readonly Token[], from: number, maxWords = Infinity): number {
  let last = from;
  let words = 1;
  while (words < maxWords) {
    const next = last + 1;
    if (next < tokens.length && joined(text, tokens[last], tokens[next]) && canBeNameWord(tokens, next)) {
      last = next;
      words++;
      continue;
    }
    const afterParticle = next + 1;
    if (
      tokens[next]?.kind === "particle" &&
      afterParticle < tokens.length &&
      joined(text, tokens[last], tokens[next]) &&
      joined(text, tokens[next], tokens[afterParticle]) &&
      canBeNameWord(tokens, afterParticle)
    ) {
      last = afterParticle;
      words++;
      continue;
    }
    break;
  }
  return last;
}
