/**
 * Candidate person mentions in one sentence: runs of capitalised name-shaped words outside entity
 * spans, with the honorific, roles and party ties written around them.
 */
import { roleAfter, roleBefore } from "./people-roles.ts";
import { canBeNameWord, joined, nameRunEnd, type Token } from "./people-tokens.ts";

export interface Mention {
  sentence: number;
  /** Offset of the name (after any honorific) in the sentence: with `sentence`, the order of appearance. */
  position: number;
  /** The name as written, without honorific ("Gohar Ali Khan", "Achakzai"). */
  name: string;
  /** Normalised words of the name, for matching short and long forms. */
  words: string[];
  honorific: string | null;
  roles: string[];
  parties: string[];
}

/** What a sentence-level finder needs besides the tokens. */
export interface SentenceContext {
  index: number;
  text: string;
  tokens: Token[];
  /** Words written in lower case somewhere in the article: a capitalised one that opens a sentence is an ordinary word. */
  lowercaseWords: ReadonlySet<string>;
}

const QUOTES = /['‘’"“”]/;

export function nameText(text: string, tokens: readonly Token[], first: number, last: number): string {
  // An initial keeps its full stop ("George W."); a sentence's closing full stop does not belong to the name.
  const initial = tokens[last].dot && tokens[last].word.length === 1;
  return text.slice(tokens[first].start, tokens[last].end + (initial ? 1 : 0)).replace(/\s+/g, " ");
}

export function nameWords(tokens: readonly Token[], first: number, last: number): string[] {
  return tokens.slice(first, last + 1).flatMap((token) => (token.kind === "particle" ? [] : [token.key]));
}

/** Honorifics right before a name ("Dr.", "Lt. Gen."): index of the first, or `first` when there are none. */
export function honorificStart(text: string, tokens: readonly Token[], first: number): number {
  let start = first;
  while (start > 0) {
    const previous = tokens[start - 1];
    // Unlike inside a name, an abbreviation's full stop does not break it from the name ("Dr. Malik").
    if (previous.kind !== "honorific" || previous.possessive) break;
    if (!/^\s+$/.test(text.slice(previous.rawEnd, tokens[start].start))) break;
    start--;
  }
  return start;
}

/** Opens the sentence, or only quotes and brackets stand before it. */
function opensSentence(text: string, token: Token, index: number): boolean {
  return index === 0 && !/\p{L}/u.test(text.slice(0, token.start));
}

/**
 * A capitalised word that opens a sentence only because it opens the sentence: the article writes
 * it in lower case elsewhere, or it is a participle ("Addressing", "Responding").
 */
function isOrdinaryOpener(token: Token, lowercaseWords: ReadonlySet<string>): boolean {
  return lowercaseWords.has(token.key) || (token.kind === "name" && token.word.length >= 6 && /ing$/.test(token.word));
}

/** Candidate mentions in one prose sentence (not a Title-Case heading line). */
export function findMentions(context: SentenceContext): Mention[] {
  const { text, tokens } = context;
  const mentions: Mention[] = [];
  for (let index = 0; index < tokens.length; index++) {
    if (!canBeNameWord(tokens, index)) continue;
    let first = index;
    const last = nameRunEnd(text, tokens, first);
    index = last;
    if (opensSentence(text, tokens[first], first) && isOrdinaryOpener(tokens[first], context.lowercaseWords)) first++;
    if (first > last) continue;
    const mention = mentionAt(context, first, last);
    if (mention) mentions.push(mention);
  }
  return mentions;
}

function mentionAt(context: SentenceContext, first: number, last: number): Mention | null {
  const { text, tokens } = context;
  const words = nameWords(tokens, first, last);
  if (words.length > 5) return null;
  const after = tokens[last + 1];
  // "Army Public School", "Counter Terrorism Department": the words belong to an organisation's name.
  if (after && joined(text, tokens[last], after) && (after.kind === "organization" || after.span)) return null;
  // "Los Angeles Mayor Karen Bass", "Goldman Sachs chief executive": words right before a role qualify it.
  if (
    after &&
    joined(text, tokens[last], after) &&
    (after.kind === "role" || (after.kind === "modifier" && after.capitalised))
  )
    return null;
  // 'Aaghaz-e-Huqooq' and other quoted names of initiatives are not people.
  if (QUOTES.test(text[tokens[first].start - 1] ?? "") && QUOTES.test(text[tokens[last].rawEnd] ?? "")) return null;

  let boundary = honorificStart(text, tokens, first);
  let honorific: string | null = boundary < first ? text.slice(tokens[boundary].start, tokens[first - 1].rawEnd) : null;
  // "Secretary General", "Chief Justice": a title word after a role word belongs to the role.
  if (honorific && boundary > 0) {
    const before = tokens[boundary - 1];
    const title = tokens[first - 1];
    const adjoins = /^\s+$/.test(text.slice(before.rawEnd, tokens[boundary].start));
    if ((before.kind === "role" || before.kind === "modifier") && title.roleLike && !title.dot && adjoins) {
      honorific = null;
      boundary = first;
    }
  }

  const isOrdinary = (token: Token) => context.lowercaseWords.has(token.key);
  const before = roleBefore(text, tokens, boundary, isOrdinary);
  const appositiveBefore =
    before.roles.length === 0 && /^\s*,/.test(text.slice(tokens[last].rawEnd))
      ? roleBefore(text, tokens, boundary, isOrdinary, true)
      : { roles: [], parties: [] };
  const afterTies = roleAfter(text, tokens, last);
  return {
    sentence: context.index,
    position: tokens[first].start,
    name: nameText(text, tokens, first, last),
    words,
    honorific,
    roles: [...before.roles, ...appositiveBefore.roles, ...afterTies.roles],
    parties: [...before.parties, ...appositiveBefore.parties, ...afterTies.parties],
  };
}
