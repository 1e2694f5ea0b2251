/**
 * Finds cardinal numbers in a sentence, written in digits ("1,200", "1.5 million") or in
 * words ("Thirty", "two hundred and fifty", "a dozen"), with their character span.
 */

export interface NumberMention {
  value: number;
  /** Index of the first character (the "a" of "a dozen"). */
  start: number;
  end: number;
  text: string;
}

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
// Lakh and crore are the South Asian press's hundred-thousand and ten-million.
const SCALES: Record<string, number> = {
  hundred: 100,
  thousand: 1e3,
  lakh: 1e5,
  million: 1e6,
  crore: 1e7,
  billion: 1e9,
};

const WORD = `(?:${[...Object.keys(UNITS), ...Object.keys(TENS), ...Object.keys(SCALES), "dozen"].join("|")})`;
// A run of number words joined by spaces, hyphens or the "and" of "two hundred and fifty";
// "a"/"an"/"half a" only count before a scale word ("a dozen", "a hundred").
const WORD_RUN = new RegExp(
  `\\b(?:(?:half\\s+a|an?)\\s+(?=(?:hundred|thousand|million|dozen)\\b))?${WORD}(?:(?:\\s+|-|\\s+and\\s+)${WORD})*\\b(?!-)`,
  "gi",
);
// Digits not glued to money signs, codes, times, ranges or ages ("Rs5", "NA-12", "12:30", "25-year-old").
const DIGITS =
  /(?<![\w$£€₹¥.,/:-])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(hundred|thousand|lakh|million|crore|billion)\b)?(?![\w%]|[.,:/]\d|-)/gi;

const ANY_NUMBER = new RegExp(`\\d|\\b${WORD}\\b`, "i");

/** Cheap test whether a text can hold a count at all: most paragraphs hold none. */
export function mayContainNumber(text: string): boolean {
  return ANY_NUMBER.test(text);
}

/** The value of a run of number words, or null when the words do not form one number ("hundred" alone). */
function parseWordRun(run: string): number | null {
  const words = run
    .toLowerCase()
    .split(/[\s-]+/)
    .filter((word) => word !== "and");
  let total = 0;
  let current = 0;
  let pendingOne = false; // "a"/"an" before a scale word
  let half = false;
  let seen = false;
  for (const word of words) {
    if (word === "a" || word === "an") pendingOne = true;
    else if (word === "half") half = true;
    else if (word in UNITS || word in TENS) {
      current += UNITS[word] ?? TENS[word];
      seen = true;
    } else if (word === "dozen" || word in SCALES) {
      const base = current || (pendingOne ? 1 : 0);
      if (!base) return null;
      const scale = word === "dozen" ? 12 : SCALES[word];
      if (scale >= 1000) {
        total += base * scale;
        current = 0;
      } else current = base * scale;
      pendingOne = false;
      seen = true;
    }
  }
  if (!seen) return null;
  const value = total + current;
  return half ? value / 2 : value;
}

/** Splits a word run where two numbers stand side by side ("five three" → "five", "three"). */
function splitRun(run: string, offset: number): { text: string; start: number }[] {
  const parts: { text: string; start: number }[] = [];
  const token = /[a-z]+/gi;
  let partStart = 0;
  let previous: string | null = null;
  for (const match of run.matchAll(token)) {
    const word = match[0].toLowerCase();
    const previousIsNumber = previous !== null && (previous in UNITS || previous in TENS);
    // A unit after a unit, or a tens word after anything but a scale, starts a new number.
    const startsNew =
      previousIsNumber && (word in UNITS || word in TENS) && !(previous! in TENS && word in UNITS && UNITS[word] < 10);
    if (startsNew) {
      parts.push({
        text: run.slice(partStart, match.index).replace(/[\s-]+(?:and\s+)?$/i, ""),
        start: offset + partStart,
      });
      partStart = match.index;
    }
    previous = word;
  }
  parts.push({ text: run.slice(partStart), start: offset + partStart });
  return parts;
}

export function findNumbers(sentence: string): NumberMention[] {
  const found: NumberMention[] = [];
  for (const match of sentence.matchAll(DIGITS)) {
    const base = Number(match[1].replaceAll(",", ""));
    const scale = match[2] ? SCALES[match[2].toLowerCase()] : 1;
    // A decimal is only a count when a scale word follows ("1.5 million").
    if (match[1].includes(".") && !match[2]) continue;
    found.push({
      value: Math.round(base * scale),
      start: match.index,
      end: match.index + match[0].length,
      text: match[0],
    });
  }
  for (const match of sentence.matchAll(WORD_RUN)) {
    for (const part of splitRun(match[0], match.index)) {
      const value = parseWordRun(part.text);
      if (value === null) continue;
      found.push({ value, start: part.start, end: part.start + part.text.length, text: part.text });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
