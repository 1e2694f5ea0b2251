/**
 * The figures of one sentence: each number is read with its qualifier, the noun it counts and
 * the outcome phrase that says what happened, by the shape of the sentence around it.
 */
import type { FigureCategory } from "../../types.ts";
import { MONTH_PATTERN } from "../../util/calendar.ts";
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

/** A count as first read: its outcome, coordination and parent are found afterwards. */
function newCandidate(
  number: NumberMention,
  qualifier: string | null,
  start: number,
  noun: CountedNoun | null,
): Candidate {
  return { number, qualifier, start, noun, outcome: null, verbOutcome: null, chain: [], parent: null };
}

interface Candidate {
  number: NumberMention;
  qualifier: string | null;
  /** Start of the qualifier, or of the number when there is none. */
  start: number;
  noun: CountedNoun | null;
  outcome: string | null;
  /** The outcome of the verb this count is the object or subject of, which a coordination shares ("shot two guards dead and two others"). */
  verbOutcome: string | null;
  /** Members of one coordination ("17 soldiers and 33 civilians") share verb and qualifier. */
  chain: Candidate[];
  /** The figure an "including …" list breaks down. */
  parent: Candidate | null;
}

// Words that may stand between a counted noun and its outcome ("were also", "have reportedly been").
const AUXILIARY =
  "were|was|is|are|be|been|being|have|has|had|got|get|gets|also|all|both|each|later|then|now|already|too|who|that|which|said|says|to|believed|feared|reported|confirmed|thought|remain|remained|remains|went|among|those|found|still|listed";
// The forms of "be" (and "get") that make the outcome after a noun passive ("two men were shot").
const PASSIVE = /\b(?:were|was|is|are|be|been|being|got|get|gets)\b/i;
// A day of the month beside its month ("Feb. 3", "3rd March") is a date, not a count.
const DATE_BEFORE = new RegExp(`\\b${MONTH_PATTERN}\\s+$`, "i");
const DATE_AFTER = new RegExp(`^(?:st|nd|rd|th)?\\s+${MONTH_PATTERN}(?![\\p{L}])`, "iu");
// Ages, money, numbering and codes: the number is not a count of people.
const NOT_A_COUNT_BEFORE =
  /(?:\b(?:aged|age|ages|Rs\.?|PKR|USD|rupees|No\.|number|Article|Section|Clause|page)|[$£€₹¥])\s*$/i;
// Shots, rounds and bullets are fired and heard, people are not ("the guard fired one shot").
const FIRED_BEFORE =
  /\b(?:fired|fires|fire|firing|heard|hearing)\s+(?:(?:at\s+least|more\s+than|about|nearly|some)\s+)?$/i;
const YEAR = /^(?:1[89]|20)\d\d$/;
const YEAR_CONTEXT_BEFORE = /(?:\b(?:in|since|of|by|until|till|from|during|before|after|year|the)|,)\s+$/i;
// "no one", "any one": pronoun uses of "one"; "the one who", "that one" are pronouns too unless a noun follows.
const PRONOUN_ONE_BEFORE = /\b(?:no|any|every|anyone)[\s-]+$/i;
const DETERMINER_ONE_BEFORE = /\b(?:each|the|this|that|which|some)\s+$/i;
const FILLER_BEFORE_NUMBER = /(?:\b(?:a\s+total\s+of|the|all|another|an\s+additional|a\s+further))\s+$/i;
// After a bare number whose noun is left out ("killing five and injuring 12").
const BARE_END =
  /^(?:\s+more)?\s*(?:[,.;:)]|$|(?:and|of\s+them|in|on|at|near|during|while|after|when|as|across|inside|outside)\b)/i;
// Between two coordinated counts ("17 soldiers and 33 civilians", "five men, three women, and three children").
const COORDINATION_GAP = /^\s*(?:,\s*)?(?:(?:and|or|as\s+well\s+as|plus)\s+)?$/i;
// A count of one written with an article or as "another" ("a man was killed", "one dead and another
// injured", "two were shot dead and a third hurt"); "a"/"an" need a singular counted noun.
// "Her son was wounded", "his wife was killed": a possessive before a singular person counts one too.
const ONE_WORD = /\b(?:(an?|his|her)|another|the\s+other|an?\s+(?:second|third|fourth|fifth|sixth)|(both))\b(?=\s)/gi;
// "another 12 people", "the other two": the number that follows is the count ("a 25-year-old man" is not).
const NUMBER_NEXT =
  /\s+(?:\d[\d,]*(?![\w-])|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|few|several|more)\b(?!-))/iy;
// What may stand between a counted noun and its outcome besides auxiliaries: where ("two people in
// Green Valley are dead"), an age ("a man aged 25 was injured", "two men in their 20s"), children
// ("a mother of two died"), or the comma closing an apposition ("The victim, a 23-year-old man,
// was …"). Case-sensitive: places are capitalised.
const POSTMODIFIER =
  /(?:\s+(?:in|at|near|from|of)\s+(?:the\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}|,?\s+aged\s+\d+,?|\s+in\s+(?:his|her|their)\s+(?:(?:early|mid|late)[\s-]+)?\d0s|,(?=\s+(?:was|were|is|are|has|have|had)\s)|\s+of\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?=\s))/uy;
// After a transitive outcome verb, an object shows the counted noun was its subject, not its victim
// ("a gunman shot two people", "a man killed his wife").
const OBJECT_PRONOUN = /\s+(?:him|her|them|himself|herself|themselves|each\s+other|one\s+another)\b/iy;
// A past-tense verb that may take an object; those that take none.
const TRANSITIVE = /^[\w-]+(?:ed|shot|hurt)$/i;
const INTRANSITIVE = /^(?:died|perished|drowned|disappeared|succumbed|surrendered|escaped)$/i;
// "the officers shot back": they fired, nobody was hit.
const RETURNED_FIRE = /\s+back\b/iy;
// A singular verb after a plural count belongs to another subject ("a porter standing between two guards was hit").
const SINGULAR_VERB = /^\s*(?:was|is|has)\b/i;
const OBJECT_DETERMINER =
  /\s+(?:(?:at\s+least|more\s+than|nearly|about|some)\s+)?(?:the|a|an|his|her|their|its|another|two|three|four|five|six|seven|eight|nine|ten|\d[\d,]*)(?=\s)/iy;
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
  const manner = `(?:${vocabulary.mannerAlternation})`;
  // Adverbs may stand before the outcome, except a manner word, which changes it ("fatally shot").
  const auxiliaries = `(?:\\s+(?:${AUXILIARY}|(?!${manner}(?![\\w-]))\\w+ly)\\b)*`;
  // groups: manner before, outcome, manner after ("were fatally shot", "were shot dead").
  const outcome = `(?:\\s+(${manner}))?\\s+(${outcomes})(?:\\s+(${manner}))?(?![\\w-])`;
  // A second noun phrase coordinated with the first ("Ten police personnel and security forces were killed").
  const coordinated = `(?:\\s*,?\\s+(?:and|or|as\\s+well\\s+as)\\s+(?:[\\w’'“”"-]+\\s+){0,3}?${nouns}["”’']?(?![\\w-]))?`;
  // A parenthetical between commas ("12 people, mostly women, were killed").
  const parenthetical = "(?:\\s*,[^,.;:]{1,80},)?";
  patterns = {
    outcomeAfterNoun: new RegExp(`${coordinated}${parenthetical}${auxiliaries}${outcome}`, "iy"),
    // "11 were killed", "two of them died", "two of the wounded died", "two more were hurt".
    outcomeAfterNumber: new RegExp(
      `(?:\\s+(?:of\\s+them|of\\s+whom|of\\s+the\\s+(?:${outcomes})|more))?${auxiliaries}${outcome}`,
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
  if (NOT_A_COUNT_BEFORE.test(before) || FIRED_BEFORE.test(before)) return false;
  if (PARTITIVE_WHOLE_BEFORE.test(before) || PARENT_OF_BEFORE.test(before) || NONE_OF_BEFORE.test(before)) return false;
  if (YEAR.test(number.text) && YEAR_CONTEXT_BEFORE.test(before)) return false;
  if (/^one$/i.test(number.text) && PRONOUN_ONE_BEFORE.test(before)) return false;
  return true;
}

// "10 of them children", "five of whom women": the count breaks down the one before it.
const PARTITIVE = /\s+(?:of\s+(?:them|whom)|among\s+them)(?=\s)/iy;
// "five of his guards", "12 of the soldiers": the noun follows the determiner.
const OF_DETERMINER = /\s+of\s+(?:the|his|her|their|its|our|these|those)(?=\s)/iy;
// "two of the four porters": the whole a partitive count is taken from, which is not itself the
// count the outcome speaks of.
const NUMBER_WORD =
  "(?:\\d[\\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)(?:-[a-z]+)?";
const WHOLE_NUMBER = new RegExp(`\\s+${NUMBER_WORD}(?=\\s)`, "iy");
const PARTITIVE_WHOLE_BEFORE = new RegExp(`\\b${NUMBER_WORD}\\s+of\\s+(?:the|these|those|its|their)\\s+$`, "i");
// "None of the 12 passengers were hurt": a count of no one.
const NONE_OF_BEFORE = /\b(?:none|neither|no\s+one|nobody)\s+of\s+(?:the|these|those|its|their|his|her)\s+$/i;
// "a mother of two died": the number counts her children, not the dead.
const PARENT_OF_BEFORE = /\b(?:mother|father|parent|mom|dad|grandmother|grandfather)\s+of\s+$/i;
// A capitalised plural standing for people of a nation, faith or group ("Palestinians", "Hazaras").
const GROUP_NAME = /^\p{Lu}\p{Ll}{2,}[^s\W]s$/u;
// An age standing for a person ("a 17-year-old was shot", "two 19-year-olds").
const AGE_NOUN = /^\d{1,3}-years?-olds?$/i;

interface CountedNoun {
  what: string;
  category: FigureCategory;
  end: number;
  /** Introduced by "of them": part of the count before it. */
  partitive: boolean;
  /** The head noun is singular ("man", "soldier"): what a count of one written "a"/"another" needs. */
  singular: boolean;
  /** An outcome written before the noun as its adjective ("47 wounded patients", "two dead soldiers"). */
  attributive: string | null;
}

// An outcome word that can stand before a noun as its adjective: a participle or "dead", "missing".
const ATTRIBUTIVE = /^(?:[\p{L}-]+(?:ed|en)|dead|missing|homeless|hurt)$/iu;

/** The listed noun at `at` (optionally quoted), or null. */
function listedNoun(sentence: string, at: number, vocabulary: CompiledFigureVocabulary) {
  vocabulary.noun.lastIndex = at;
  const match = vocabulary.noun.exec(sentence);
  if (!match) return null;
  const [whole, open, noun, close] = match;
  const category = vocabulary.categoryOf(noun);
  if (!category) return null;
  // Keep quotation marks only when they enclose the noun (“terrorists”), not a possessive.
  const quoted = open && close;
  return { noun, what: quoted ? whole : noun, category, end: at + (quoted ? whole.length : open.length + noun.length) };
}

/** The counted noun after a number, skipping a few modifiers ("11 unarmed civilians"). */
function nounAfter(sentence: string, from: number, vocabulary: CompiledFigureVocabulary): CountedNoun | null {
  PARTITIVE.lastIndex = from;
  const partitive = PARTITIVE.test(sentence);
  OF_DETERMINER.lastIndex = from;
  const ofDeterminer = !partitive && OF_DETERMINER.test(sentence);
  let position = partitive ? PARTITIVE.lastIndex : ofDeterminer ? OF_DETERMINER.lastIndex : from;
  if (ofDeterminer) {
    WHOLE_NUMBER.lastIndex = position;
    if (WHOLE_NUMBER.test(sentence)) position = WHOLE_NUMBER.lastIndex;
  }
  let groupName: { what: string; end: number; singular: boolean } | null = null;
  let attributive: string | null = null;
  for (let modifiers = 0; modifiers <= MAX_MODIFIERS; modifiers++) {
    SPACE.lastIndex = position;
    if (!SPACE.test(sentence)) break;
    const at = SPACE.lastIndex;
    const first = listedNoun(sentence, at, vocabulary);
    if (first) {
      // In a compound the last noun is the head ("three women teachers", "one male victim").
      let head = first;
      for (;;) {
        SPACE.lastIndex = head.end;
        const next = SPACE.test(sentence) ? listedNoun(sentence, SPACE.lastIndex, vocabulary) : null;
        // A noun that is also an outcome says what happened ("took 15 people hostage").
        if (!next || vocabulary.outcomeOf(next.noun)) break;
        head = next;
      }
      const what = head === first ? first.what : sentence.slice(at, head.end);
      const singular = vocabulary.isSingular(head.noun);
      return { what, category: head.category, end: head.end, partitive, singular, attributive };
    }
    WORD.lastIndex = at;
    const word = WORD.exec(sentence);
    // An article starts another noun phrase ("— Radio 4 A guard was hurt"): not a modifier.
    if (!word || /^(?:a|an|the)$/i.test(word[0])) break;
    const outcome = ATTRIBUTIVE.test(word[0]) ? vocabulary.outcomeOf(word[0]) : "";
    if (outcome) attributive = outcome;
    else if (!vocabulary.isModifier(word[0])) break;
    // A group name or an age is the noun only when no listed noun follows it ("Frontier Corps
    // soldiers", "a 17-year-old boy").
    const ageOrGroup = AGE_NOUN.test(word[0]) || GROUP_NAME.test(word[0]);
    groupName = ageOrGroup ? { what: word[0], end: WORD.lastIndex, singular: !/s$/i.test(word[0]) } : null;
    position = WORD.lastIndex;
  }
  return groupName && groupName.end === position ? { ...groupName, category: "people", partitive, attributive } : null;
}

/** Attacked-location outcomes go with counted places, every other outcome with counted people. */
function fits(outcome: string | null, category: FigureCategory | null): string | null {
  if (!outcome) return null;
  return (outcome === "attacked-locations") === (category === "other") ? outcome : null;
}

// "Shot" says someone was hit, not whether they survived: it is reported as injured once the parts
// of it that died are taken out (see injuredPart).
const SHOT = "shot";
const isInjury = (outcome: string | null | undefined) => outcome === "injured" || outcome === SHOT;

/** An injury's outcome as a manner word changes it ("fatally shot": killed); any other outcome as it is. */
function withManner(outcome: string, manner: string | undefined, vocabulary: CompiledFigureVocabulary): string {
  return manner && isInjury(outcome) ? vocabulary.mannerOf(manner) || outcome : outcome;
}

/** The outcome of a sticky outcome pattern at `at` (groups: manner before, outcome, manner after), with the match. */
function stickyOutcome(pattern: RegExp, sentence: string, at: number, vocabulary: CompiledFigureVocabulary) {
  pattern.lastIndex = at;
  const match = pattern.exec(sentence);
  if (!match) return null;
  const [, before, phrase, after] = match;
  return { outcome: withManner(vocabulary.outcomeOf(phrase), before ?? after, vocabulary), match };
}

/** True when an object follows at `at` ("… shot two people", "… killed his wife"): the verb before is active. */
function objectFollows(sentence: string, at: number, verb: string, vocabulary: CompiledFigureVocabulary): boolean {
  OBJECT_PRONOUN.lastIndex = at;
  if (OBJECT_PRONOUN.test(sentence)) return true;
  OBJECT_DETERMINER.lastIndex = at;
  const determiner = OBJECT_DETERMINER.test(sentence);
  // A transitive verb's object may be anything ("his wife released a statement"); after a verb that
  // takes none, a noun phrase says when ("two soldiers died the next day").
  if (determiner && TRANSITIVE.test(verb) && !INTRANSITIVE.test(verb)) return true;
  return nounAfter(sentence, determiner ? OBJECT_DETERMINER.lastIndex : at, vocabulary) !== null;
}

/**
 * The outcome said of a counted noun after it ("two men were shot", "two people in Green Valley are
 * dead"); not when the noun is the subject of an active verb with an object ("a gunman shot two people").
 */
function outcomeAfterNoun(
  sentence: string,
  value: number,
  end: number,
  vocabulary: CompiledFigureVocabulary,
): string | null {
  const pattern = patternsFor(vocabulary).outcomeAfterNoun;
  let found = stickyOutcome(pattern, sentence, end, vocabulary);
  if (!found) {
    POSTMODIFIER.lastIndex = end;
    if (POSTMODIFIER.test(sentence)) found = stickyOutcome(pattern, sentence, POSTMODIFIER.lastIndex, vocabulary);
  }
  if (!found) return null;
  const { match, outcome } = found;
  if (value > 1 && SINGULAR_VERB.test(match[0])) return null;
  const matchEnd = match.index + match[0].length;
  const passive = PASSIVE.test(match[0].slice(0, match[0].length - match[2].length - (match[3]?.length ?? 0)));
  if (!passive && objectFollows(sentence, matchEnd, match[2], vocabulary)) return null;
  RETURNED_FIRE.lastIndex = matchEnd;
  return RETURNED_FIRE.test(sentence) ? null : outcome;
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

/** A number that may be a count: not a date, an age, money, a year or the pronoun "one". */
function readNumberCandidate(
  sentence: string,
  number: NumberMention,
  vocabulary: CompiledFigureVocabulary,
): Candidate | null {
  const before = tail(sentence, number.start);
  if (!isCount(sentence, number, before)) return null;
  const qualifierMatch = vocabulary.qualifierBefore.exec(before);
  const start = number.start - (qualifierMatch?.[0].length ?? 0);
  if (vocabulary.vagueBefore.test(tail(sentence, start))) return null;
  const noun = nounAfter(sentence, number.end, vocabulary);
  if (!noun && /^one$/i.test(number.text) && DETERMINER_ONE_BEFORE.test(before)) return null;
  return newCandidate(number, qualifierMatch ? vocabulary.qualifierOf(qualifierMatch[1]) : null, start, noun);
}

/** Counts of one written "a man", "another", "the other", "a fourth" (numbers in `taken` are already read). */
function oneWordCandidates(
  sentence: string,
  taken: NumberMention[],
  vocabulary: CompiledFigureVocabulary,
): Candidate[] {
  const candidates: Candidate[] = [];
  for (const match of sentence.matchAll(ONE_WORD)) {
    const start = match.index;
    const end = start + match[0].length;
    if (taken.some((number) => number.start < end && start < number.end)) continue;
    NUMBER_NEXT.lastIndex = end;
    if (NUMBER_NEXT.test(sentence)) continue;
    const noun = nounAfter(sentence, end, vocabulary);
    // "a"/"an"/"his"/"her" count only a singular person ("a man", "an officer", "her son"), "both"
    // two of them ("both victims"); "another", "both" may leave the noun out.
    const both = match[2] !== undefined;
    if (noun ? noun.singular === both || noun.category === "other" || noun.partitive : match[1]) continue;
    candidates.push(newCandidate({ value: both ? 2 : 1, start, end, text: match[0] }, null, start, noun));
  }
  return candidates;
}

/** Every number of the sentence that may be a count, with its qualifier and counted noun. */
function readCandidates(sentence: string, vocabulary: CompiledFigureVocabulary): Candidate[] {
  const numbers = findNumbers(sentence);
  const candidates: Candidate[] = [];
  for (const number of numbers) {
    const candidate = readNumberCandidate(sentence, number, vocabulary);
    if (candidate) candidates.push(candidate);
  }
  candidates.push(...oneWordCandidates(sentence, numbers, vocabulary));
  candidates.sort((a, b) => a.start - b.start);
  linkCoordinations(sentence, candidates, vocabulary);
  return candidates;
}

/** The outcome verb governing a number from before it ("killing 11", "arrested more than 40", "fatally shot two"). */
function outcomeBefore(sentence: string, candidate: Candidate, vocabulary: CompiledFigureVocabulary): string | null {
  const beforeText = tail(sentence, candidate.start).replace(FILLER_BEFORE_NUMBER, "");
  const verb = patternsFor(vocabulary).outcomeBefore.exec(beforeText);
  if (!verb) return null;
  const manner = vocabulary.mannerBefore.exec(beforeText.slice(0, verb.index));
  return withManner(vocabulary.outcomeOf(verb[1]), manner?.[1], vocabulary);
}

/** The outcome of the count a breakdown breaks down: its own, or for a count without its noun, the verb before it. */
function parentOutcome(
  sentence: string,
  parent: Candidate | null,
  vocabulary: CompiledFigureVocabulary,
): string | null {
  if (!parent) return null;
  return parent.noun ? parent.outcome : outcomeBefore(sentence, parent, vocabulary);
}

/**
 * Gives each counted noun its outcome: its own verb (before it, then after it), else the verb of
 * its coordination, else that of the count it breaks down, else the tally it reports, else an
 * outcome written as its adjective ("47 wounded patients"); and coordinated counts the qualifier of
 * the first ("at least 17 … and 31 …"). A result after the noun changes the verb's injury for that
 * noun alone ("shot two guards dead and two others").
 */
function assignOutcomes(sentence: string, candidates: Candidate[], vocabulary: CompiledFigureVocabulary): void {
  for (const candidate of candidates) {
    if (!candidate.noun) continue;
    const { category, end } = candidate.noun;
    const before = fits(outcomeBefore(sentence, candidate, vocabulary), category);
    candidate.verbOutcome =
      before ?? fits(outcomeAfterNoun(sentence, candidate.number.value, end, vocabulary), category);
    const result = before ? stickyMatch(vocabulary.mannerAfter, sentence, end) : null;
    candidate.outcome = result && before ? withManner(before, result[1], vocabulary) : candidate.verbOutcome;
  }
  for (const candidate of candidates) {
    if (!candidate.noun) continue;
    const { category, attributive } = candidate.noun;
    candidate.outcome ??=
      fits(candidate.chain.find((member) => member.verbOutcome)?.verbOutcome ?? null, category) ??
      fits(parentOutcome(sentence, candidate.parent, vocabulary), category) ??
      fits(tallyOf(sentence, candidate.start, vocabulary)?.outcome ?? null, category) ??
      fits(attributive, category);
    if (!candidate.qualifier && candidate.chain[0] !== candidate && !candidate.parent)
      candidate.qualifier = candidate.chain[0]?.qualifier ?? null;
  }
}

// "three people were shot, one fatally", "two of them fatally": a manner word after an elided count.
const OF_THEM = /(?:\s+of\s+(?:them|whom))?/y;
const LIST_BEFORE = /(?:[,;]|\band)\s*$/i;

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
      const part = injuredPart(sentence, candidate, vocabulary, figures);
      const elided = part ?? elidedFigure(sentence, candidate, vocabulary, lastCounted);
      if (elided) figures.push(elided);
      continue;
    }
    // A breakdown's noun is not what a later elided count counts ("killed 12, including four women,
    // and wounded 30": 30 people).
    if (!candidate.parent) lastCounted = noun;
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
        ...(parent ? { partOf: { value: parent.number.value, what: parent.noun?.what ?? "people" } } : {}),
      });
    }
  }
  for (const figure of figures) if (figure.outcome === SHOT) figure.outcome = "injured";
  return figures;
}

/**
 * A part of the injured count just before it, in the same sentence: "three people were shot, one
 * fatally" (a manner word), "five guards were shot and one of them died" (a partitive that died).
 * The part takes its outcome; when that is killed, it is taken out of the injured count, which keeps
 * the rest (one killed, two injured). A part that is injured too is a breakdown ("two of whom were
 * listed in critical condition").
 */
function injuredPart(
  sentence: string,
  candidate: Candidate,
  vocabulary: CompiledFigureVocabulary,
  figures: SentenceFigure[],
): SentenceFigure | null {
  const { number } = candidate;
  const injured = figures.at(-1);
  if (!injured || !isInjury(injured.outcome) || injured.value < number.value) return null;
  const listed = LIST_BEFORE.test(tail(sentence, candidate.start));
  OF_THEM.lastIndex = number.end;
  const partitive = OF_THEM.test(sentence) && OF_THEM.lastIndex > number.end;
  const manner = stickyMatch(vocabulary.mannerAfter, sentence, OF_THEM.lastIndex);
  // Only an adverb: "five dead" after a count is a count of its own ("the toll rose to six dead and 20 wounded").
  const adverb = manner && !vocabulary.outcomeOf(manner[1]) && listed;
  const outcome = adverb ? withManner("injured", manner[1], vocabulary) : null;
  const part = outcome
    ? { outcome, end: vocabulary.mannerAfter.lastIndex, what: injured.what }
    : partitive || listed
      ? elidedFigure(sentence, candidate, vocabulary, injured)
      : null;
  if (!part || part.what !== injured.what) return null;
  // The wounded who later died stay among the wounded ("47 wounded patients, nine of whom later
  // died"); of those shot, the dead are not injured ("five guards were shot and one of them died").
  const takenOut = part.outcome === "killed" && (outcome !== null || injured.outcome === SHOT);
  if (!takenOut && !(partitive && isInjury(part.outcome))) return null;
  const counted = { what: injured.what, category: injured.category };
  if (takenOut) {
    // All of those shot died ("two men were shot; both died"): the injured count goes.
    if (injured.value === number.value) figures.pop();
    else injured.value -= number.value;
    return {
      ...counted,
      value: number.value,
      qualifier: candidate.qualifier,
      outcome: "killed",
      start: candidate.start,
      end: part.end,
    };
  }
  return {
    ...counted,
    value: number.value,
    qualifier: candidate.qualifier,
    outcome: part.outcome === SHOT ? "injured" : part.outcome,
    start: candidate.start,
    end: part.end,
    partOf: { value: injured.value, what: injured.what },
  };
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
  let outcome =
    stickyOutcome(patternsFor(vocabulary).outcomeAfterNumber, sentence, number.end, vocabulary)?.outcome ?? null;
  if (!outcome && BARE_END.test(sentence.slice(number.end))) outcome = outcomeBefore(sentence, candidate, vocabulary);
  outcome ??= tally?.outcome ?? null;
  // A tally counts what its subject names ("the death toll": people), not the count before it.
  const inherited = tally ? tally.noun : antecedent;
  const people: Counted = { what: "people", category: "people" };
  const counted = inherited && fits(outcome, inherited.category) ? inherited : people;
  outcome = fits(outcome, counted.category);
  if (!outcome) return null;
  // "one guard died and two were hurt": two guards.
  const what = (number.value > 1 && vocabulary.pluralOf(counted.what)) || counted.what;
  return {
    value: number.value,
    qualifier: candidate.qualifier,
    what,
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
function linkCoordinations(sentence: string, candidates: Candidate[], vocabulary: CompiledFigureVocabulary): void {
  let chain: Candidate[] = [];
  let parent: Candidate | null = null;
  let previous: Candidate | null = null;
  for (const candidate of candidates) {
    // A result of the first's verb may stand between ("shot two guards dead and two others").
    const result = previous?.noun ? stickyMatch(vocabulary.mannerAfter, sentence, previous.noun.end) : null;
    const gapStart = result ? vocabulary.mannerAfter.lastIndex : previous?.noun?.end;
    const gap = gapStart === undefined ? null : sentence.slice(gapStart, candidate.start);
    // A count without its noun is broken down too ("wounded 30, including 12 children").
    const bareGap = previous && !previous.noun ? sentence.slice(previous.number.end, candidate.start) : null;
    const breaksDown =
      (gap !== null && (BREAKDOWN_GAP.test(gap) || (candidate.noun?.partitive && /^\s*[,(]?\s*$/.test(gap)))) ||
      (bareGap !== null && BREAKDOWN_GAP.test(bareGap));
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
