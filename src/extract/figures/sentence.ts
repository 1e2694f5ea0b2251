/**
 * The figures of one sentence: each number is read with its qualifier, the noun it counts and
 * the outcome phrase that says what happened, by the shape of the sentence around it.
 */
import type { FigureCategory } from "../../types.ts";
import { findNumbers, type NumberMention } from "./numbers.ts";
import type { CompiledFigureVocabulary } from "./vocabulary.ts";

/** What a count counted, as written and as categorised. */
export type Counted = Pick<SentenceFigure, "what" | "category">;

/** A figure found in a sentence, before its period and source line are attached. */
export interface SentenceFigure {
  value: number;
  qualifier: string | null;
  what: string;
  category: FigureCategory;
  outcome: string;
  /** Span of the claim in the sentence (qualifier to noun), for finding the nearest period. */
  start: number;
  end: number;
  /** The count an "including …" list breaks this one out of. */
  partOf?: { value: number; what: string };
}

interface Candidate {
  number: NumberMention;
  qualifier: string | null;
  /** Start of the qualifier, or of the number when there is none. */
  start: number;
  noun: CountedNoun | null;
  outcome: string | null;
  /** Members of one coordination ("17 soldiers and 33 civilians") share verb and qualifier. */
  chain: Candidate[];
  /** The figure an "including …" list breaks down. */
  parent: Candidate | null;
}

// Words that may stand between a counted noun and its outcome ("were also", "have reportedly been").
const AUXILIARY =
  "were|was|is|are|be|been|being|have|has|had|got|get|gets|also|all|both|each|later|then|now|already|too|who|that|which|said|says|to|believed|feared|reported|confirmed|thought|remain|remained|remains|went|among|those";
const MONTH =
  "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec";
const DATE_BEFORE = new RegExp(`\\b(?:${MONTH})\\.?\\s+$`, "i");
const DATE_AFTER = new RegExp(`^(?:st|nd|rd|th)?\\s+(?:${MONTH})\\b`, "i");
// Ages, money, numbering and codes: the number is not a count of people.
const NOT_A_COUNT_BEFORE =
  /(?:\b(?:aged|age|ages|Rs\.?|PKR|USD|rupees|No\.|number|Article|Section|Clause|page)|[$£€₹¥])\s*$/i;
const YEAR = /^(?:1[89]|20)\d\d$/;
const YEAR_CONTEXT_BEFORE = /(?:\b(?:in|since|of|by|until|till|from|during|before|after|year|the)|,)\s+$/i;
// "no one", "any one", "the one who": pronoun uses of "one".
const PRONOUN_ONE_BEFORE = /\b(?:no|any|every|each|the|this|that|which|some|anyone)\s+$/i;
const FILLER_BEFORE_NUMBER = /(?:\b(?:a\s+total\s+of|the|all|another|an\s+additional|a\s+further))\s+$/i;
// After a bare number whose noun is left out ("killing five and injuring 12").
const BARE_END =
  /^\s*(?:[,.;:)]|$|(?:and|of\s+them|in|on|at|near|during|while|after|when|as|across|inside|outside)\b)/i;
// Between two coordinated counts ("17 soldiers and 33 civilians", "five men, three women, and three children").
const COORDINATION_GAP = /^\s*(?:,\s*)?(?:(?:and|or|as\s+well\s+as|plus)\s+)?$/i;
// Before the counts that break another down ("11 civilians, including five men").
const BREAKDOWN_GAP =
  /^\s*[,(]?\s*(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them|comprising|mostly|mainly|besides)\s*:?\s*$/i;
const SPACE = /\s+/y;
const WORD = /[\p{L}\p{N}’'-]+/uy;
const MAX_MODIFIERS = 3;

interface SentencePatterns {
  /** Sticky at the end of a counted noun: the outcome said of it ("… were also killed"). */
  outcomeAfterNoun: RegExp;
  /** Sticky at the end of a number without a noun ("11 were killed", "two more died"). */
  outcomeAfterNumber: RegExp;
  /** Ends at the end of the text: an outcome verb governing the number ("killing 11 civilians"). */
  outcomeBefore: RegExp;
  /** Sticky at the end of a number: "five of the wounded were civilians". */
  partOfOutcome: RegExp;
}

const patternCache = new WeakMap<CompiledFigureVocabulary, SentencePatterns>();

function patternsFor(vocabulary: CompiledFigureVocabulary): SentencePatterns {
  let patterns = patternCache.get(vocabulary);
  if (patterns) return patterns;
  const nouns = `(?:${vocabulary.nounAlternation})`;
  const outcomes = `(?:${vocabulary.outcomeAlternation})`;
  const auxiliaries = `(?:\\s+(?:${AUXILIARY}|\\w+ly)\\b)*`;
  // A second noun phrase coordinated with the first ("Ten police personnel and security forces were killed").
  const coordinated = `(?:\\s*,?\\s+(?:and|or|as\\s+well\\s+as)\\s+(?:[\\w’'“”"-]+\\s+){0,3}?${nouns}["”’']?(?![\\w-]))?`;
  // A parenthetical between commas ("12 people, mostly women, were killed").
  const parenthetical = "(?:\\s*,[^,.;:]{1,80},)?";
  patterns = {
    outcomeAfterNoun: new RegExp(`${coordinated}${parenthetical}${auxiliaries}\\s+(${outcomes})(?![\\w-])`, "iy"),
    outcomeAfterNumber: new RegExp(
      `(?:\\s+(?:of\\s+them|of\\s+whom|more))?${auxiliaries}\\s+(${outcomes})(?![\\w-])`,
      "iy",
    ),
    // "five of the wounded were civilians": the outcome, then who the counted were.
    partOfOutcome: new RegExp(
      `\\s+of\\s+the\\s+(${outcomes})\\s+(?:were|was|are)\\s+(?:(?:also|all|mostly|\\w+ly)\\s+)?(${nouns})(?![\\w-])`,
      "iy",
    ),
    outcomeBefore: new RegExp(`\\b(${outcomes})\\s+$`, "i"),
  };
  patternCache.set(vocabulary, patterns);
  return patterns;
}

/** Up to this many characters before a number are enough to read its qualifier and verb. */
const LOOKBEHIND = 80;

function tail(text: string, end: number): string {
  return text.slice(Math.max(0, end - LOOKBEHIND), end);
}

function isCount(sentence: string, number: NumberMention, before: string): boolean {
  const after = sentence.slice(number.end);
  if (DATE_BEFORE.test(before) || DATE_AFTER.test(after)) return false;
  if (NOT_A_COUNT_BEFORE.test(before)) return false;
  if (YEAR.test(number.text) && YEAR_CONTEXT_BEFORE.test(before)) return false;
  if (/^one$/i.test(number.text) && PRONOUN_ONE_BEFORE.test(before)) return false;
  return true;
}

// "10 of them children", "five of whom women": the count breaks down the one before it.
const PARTITIVE = /\s+(?:of\s+(?:them|whom)|among\s+them)(?=\s)/iy;
// "five of his guards", "12 of the soldiers": the noun follows the determiner.
const OF_DETERMINER = /\s+of\s+(?:the|his|her|their|its|our|these|those)(?=\s)/iy;
// A capitalised plural standing for people of a nation, faith or group ("Palestinians", "Hazaras").
const GROUP_NAME = /^\p{Lu}\p{Ll}{2,}[^s\W]s$/u;

interface CountedNoun {
  what: string;
  category: FigureCategory;
  end: number;
  /** Introduced by "of them": part of the count before it. */
  partitive: boolean;
}

/** The counted noun after a number, skipping a few modifiers ("11 unarmed civilians"). */
function nounAfter(sentence: string, from: number, vocabulary: CompiledFigureVocabulary): CountedNoun | null {
  PARTITIVE.lastIndex = from;
  const partitive = PARTITIVE.test(sentence);
  OF_DETERMINER.lastIndex = from;
  const ofDeterminer = !partitive && OF_DETERMINER.test(sentence);
  let position = partitive ? PARTITIVE.lastIndex : ofDeterminer ? OF_DETERMINER.lastIndex : from;
  let groupName: { what: string; end: number } | null = null;
  for (let modifiers = 0; modifiers <= MAX_MODIFIERS; modifiers++) {
    SPACE.lastIndex = position;
    if (!SPACE.test(sentence)) break;
    const at = SPACE.lastIndex;
    vocabulary.noun.lastIndex = at;
    const match = vocabulary.noun.exec(sentence);
    if (match) {
      const [whole, open, noun, close] = match;
      const category = vocabulary.categoryOf(noun);
      if (!category) return null;
      // Keep quotation marks only when they enclose the noun (“terrorists”), not a possessive.
      const quoted = open && close;
      const end = at + (quoted ? whole.length : open.length + noun.length);
      return { what: quoted ? whole : noun, category, end, partitive };
    }
    WORD.lastIndex = at;
    const word = WORD.exec(sentence);
    if (!word || !vocabulary.isModifier(word[0])) break;
    // A group name is the noun only when no listed noun follows it ("Frontier Corps soldiers").
    groupName = GROUP_NAME.test(word[0]) ? { what: word[0], end: WORD.lastIndex } : null;
    position = WORD.lastIndex;
  }
  return groupName && groupName.end === position ? { ...groupName, category: "people", partitive } : null;
}

/** Attacked-location outcomes go with counted places, every other outcome with counted people. */
function fits(outcome: string | null, category: FigureCategory | null): string | null {
  if (!outcome) return null;
  return (outcome === "attacked-locations") === (category === "other") ? outcome : null;
}

function stickyOutcome(pattern: RegExp, sentence: string, at: number, vocabulary: CompiledFigureVocabulary) {
  pattern.lastIndex = at;
  const match = pattern.exec(sentence);
  return match ? vocabulary.outcomeOf(match[1]) : null;
}

/** The running total a number gives ("the number of gunmen killed … has reached 108"). */
function tallyOf(sentence: string, beforeStart: number, vocabulary: CompiledFigureVocabulary) {
  const verb = vocabulary.tallyVerbBefore.exec(tail(sentence, beforeStart));
  if (!verb) return null;
  const verbStart = beforeStart - tail(sentence, beforeStart).length + verb.index;
  const subjects = [...sentence.slice(0, verbStart).matchAll(vocabulary.tallySubject)];
  const subject = subjects.at(-1);
  if (!subject) return null;
  const region = sentence.slice(subject.index, verbStart);
  const outcome = [...region.matchAll(vocabulary.outcome)][0];
  if (!outcome) return null;
  const noun = [...region.matchAll(vocabulary.anyNoun)][0];
  const category = noun ? vocabulary.categoryOf(noun[0]) : null;
  return {
    outcome: vocabulary.outcomeOf(outcome[0]),
    noun: noun && category ? { what: noun[0], category } : null,
  };
}

/** Every number of the sentence that may be a count, with its qualifier and counted noun. */
function readCandidates(sentence: string, vocabulary: CompiledFigureVocabulary): Candidate[] {
  const candidates: Candidate[] = [];
  for (const number of findNumbers(sentence)) {
    const before = tail(sentence, number.start);
    if (!isCount(sentence, number, before)) continue;
    const qualifierMatch = vocabulary.qualifierBefore.exec(before);
    const start = number.start - (qualifierMatch?.[0].length ?? 0);
    if (vocabulary.vagueBefore.test(tail(sentence, start))) continue;
    candidates.push({
      number,
      qualifier: qualifierMatch ? vocabulary.qualifierOf(qualifierMatch[1]) : null,
      start,
      noun: nounAfter(sentence, number.end, vocabulary),
      outcome: null,
      chain: [],
      parent: null,
    });
  }
  linkCoordinations(sentence, candidates);
  return candidates;
}

/** The outcome verb governing a number from before it ("killing 11", "arrested more than 40"). */
function outcomeBefore(sentence: string, candidate: Candidate, vocabulary: CompiledFigureVocabulary): string | null {
  const beforeText = tail(sentence, candidate.start).replace(FILLER_BEFORE_NUMBER, "");
  const verb = patternsFor(vocabulary).outcomeBefore.exec(beforeText);
  return verb ? vocabulary.outcomeOf(verb[1]) : null;
}

/**
 * Gives each counted noun its outcome: its own verb (before it, then after it), else the verb of
 * its coordination, else that of the count it breaks down, else the tally it reports; and
 * coordinated counts the qualifier of the first ("at least 17 … and 31 …").
 */
function assignOutcomes(sentence: string, candidates: Candidate[], vocabulary: CompiledFigureVocabulary): void {
  const { outcomeAfterNoun } = patternsFor(vocabulary);
  for (const candidate of candidates) {
    if (!candidate.noun) continue;
    const { category, end } = candidate.noun;
    candidate.outcome =
      fits(outcomeBefore(sentence, candidate, vocabulary), category) ??
      fits(stickyOutcome(outcomeAfterNoun, sentence, end, vocabulary), category);
  }
  for (const candidate of candidates) {
    if (!candidate.noun) continue;
    const { category } = candidate.noun;
    candidate.outcome ??=
      fits(candidate.chain.find((member) => member.outcome)?.outcome ?? null, category) ??
      fits(candidate.parent?.outcome ?? null, category) ??
      fits(tallyOf(sentence, candidate.start, vocabulary)?.outcome ?? null, category);
    if (!candidate.qualifier && candidate.chain[0] !== candidate && !candidate.parent)
      candidate.qualifier = candidate.chain[0]?.qualifier ?? null;
  }
}

/**
 * Figures of one sentence. `antecedent` is the last figure of the previous sentence: a count
 * whose noun is left out ("while 11 were killed in Panjgur") counts what the count before it counted.
 */
export function figuresInSentence(
  sentence: string,
  vocabulary: CompiledFigureVocabulary,
  antecedent: Counted | null,
): SentenceFigure[] {
  const candidates = readCandidates(sentence, vocabulary);
  assignOutcomes(sentence, candidates, vocabulary);
  const figures: SentenceFigure[] = [];
  // A count without an outcome still names what a later elided count counts ("Of the 50 attackers, 45 were killed").
  let lastCounted = antecedent;
  for (const candidate of candidates) {
    const { number, noun, outcome } = candidate;
    if (!noun) {
      const elided = elidedFigure(sentence, candidate, vocabulary, lastCounted);
      if (elided) figures.push(elided);
      continue;
    }
    lastCounted = noun;
    if (outcome) {
      const { what, category, end } = noun;
      const parent = candidate.parent;
      figures.push({
        value: number.value,
        qualifier: candidate.qualifier,
        what,
        category,
        outcome,
        start: candidate.start,
        end,
        ...(parent?.noun ? { partOf: { value: parent.number.value, what: parent.noun.what } } : {}),
      });
    }
  }
  return figures;
}

/** A count whose noun is left out: "11 were killed", "killing five and injuring 12", "the toll rose to 34". */
function elidedFigure(
  sentence: string,
  candidate: Candidate,
  vocabulary: CompiledFigureVocabulary,
  antecedent: Counted | null,
): SentenceFigure | null {
  const { number } = candidate;
  const part = stickyMatch(patternsFor(vocabulary).partOfOutcome, sentence, number.end);
  const partCategory = part ? vocabulary.categoryOf(part[2]!) : null;
  const partOutcome = part && partCategory ? fits(vocabulary.outcomeOf(part[1]!), partCategory) : null;
  if (part && partCategory && partOutcome)
    return {
      value: number.value,
      qualifier: candidate.qualifier,
      what: part[2]!,
      category: partCategory,
      outcome: partOutcome,
      start: candidate.start,
      end: number.end,
    };
  const tally = tallyOf(sentence, candidate.start, vocabulary);
  let outcome = stickyOutcome(patternsFor(vocabulary).outcomeAfterNumber, sentence, number.end, vocabulary);
  if (!outcome && BARE_END.test(sentence.slice(number.end))) outcome = outcomeBefore(sentence, candidate, vocabulary);
  outcome ??= tally?.outcome ?? null;
  // A tally counts what its subject names ("the death toll": people), not the count before it.
  const inherited = tally ? tally.noun : antecedent;
  const people: Counted = { what: "people", category: "people" };
  const counted = inherited && fits(outcome, inherited.category) ? inherited : people;
  outcome = fits(outcome, counted.category);
  if (!outcome) return null;
  return {
    value: number.value,
    qualifier: candidate.qualifier,
    what: counted.what,
    category: counted.category,
    outcome,
    start: candidate.start,
    end: number.end,
  };
}

function stickyMatch(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

/** Groups counted nouns joined by "and"/commas into chains, and "including …" lists under their head. */
function linkCoordinations(sentence: string, candidates: Candidate[]): void {
  let chain: Candidate[] = [];
  let parent: Candidate | null = null;
  let previous: Candidate | null = null;
  for (const candidate of candidates) {
    const gap = previous?.noun ? sentence.slice(previous.noun.end, candidate.start) : null;
    const breaksDown =
      gap !== null && (BREAKDOWN_GAP.test(gap) || (candidate.noun?.partitive && /^\s*[,(]?\s*$/.test(gap)));
    if (candidate.noun && breaksDown) {
      parent = previous;
      chain = [candidate];
    } else if (candidate.noun && gap !== null && COORDINATION_GAP.test(gap)) {
      chain.push(candidate);
    } else {
      chain = [candidate];
      parent = null;
    }
    candidate.chain = chain;
    candidate.parent = parent;
    previous = candidate;
  }
}
