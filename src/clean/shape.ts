/**
 * Line shape: the measures that tell prose from headlines, labels and widgets without
 * knowing the topic — word count, share of function words, capitalisation, end punctuation.
 */

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.-]*/gu;
/** Sentence end: . ! ? … optionally followed by closing quotes or brackets. */
const TERMINAL = /[.!?…]["'”’»)\]]*$|["”’»]$/u;

export function wordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Closing markup at the end of a scraped line ("…reopened.</p>") hides the sentence end. */
const TRAILING_TAGS = /(?:<\/?[a-z][^<>]*>\s*)+$/i;

export function endsLikeSentence(text: string): boolean {
  return TERMINAL.test(text.trim().replace(TRAILING_TAGS, "").trim());
}

export interface LineShape {
  words: string[];
  /** Share of words that are English function words ("the", "of", "was"). */
  stopWordRatio: number;
  /** Share of words written in lower case: low in Title Case headlines and name lists. */
  lowercaseRatio: number;
  endsLikeSentence: boolean;
}

export function shapeOf(text: string, stopWords: ReadonlySet<string>): LineShape {
  const words = wordsOf(text);
  const count = Math.max(words.length, 1);
  const stops = words.filter((word) => stopWords.has(word.toLowerCase())).length;
  const lower = words.filter((word) => /^\p{Ll}/u.test(word)).length;
  return {
    words,
    stopWordRatio: stops / count,
    lowercaseRatio: lower / count,
    endsLikeSentence: endsLikeSentence(text),
  };
}

/**
 * Prose: a sentence (ends in terminal punctuation, a few words, not Title Case), or a long
 * run of ordinary English that lost its final stop in scraping.
 */
export function isProse(shape: LineShape): boolean {
  const { words, stopWordRatio, lowercaseRatio } = shape;
  // Long sentences dense in names and titles ("…, including Provincial President Asghar Khan, …") stay prose.
  const notTitleCase = lowercaseRatio >= 0.3 || (words.length >= 12 && lowercaseRatio >= 0.1);
  if (shape.endsLikeSentence && words.length >= 4 && notTitleCase) return true;
  return words.length >= 15 && stopWordRatio >= 0.15 && lowercaseRatio >= 0.3;
}

/** A section heading inside the body: short, starts with a capital or digit, no sentence end. */
export function looksLikeSubheading(text: string, shape: LineShape): boolean {
  return (
    shape.words.length > 0 && shape.words.length <= 15 && !shape.endsLikeSentence && /^[\p{Lu}\p{N}"“‘']/u.test(text)
  );
}
