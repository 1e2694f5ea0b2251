/**
 * Article-body overlap, as the furniture benchmark defines it: the word 4-grams of the
 * extracted body against those of the true body. Precision is the share of the body's
 * 4-grams found in the truth, recall the share of the truth's found in the body.
 */

/** The words of a text, lower-cased; markdown markup and punctuation are not words. */
export function bodyWords(text: string): string[] {
  const plain = text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1") // [text](url) → text
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, " "); // headings, quotes, list markers
  return plain.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function nGrams(words: string[], n: number): Set<string> {
  const grams = new Set<string>();
  // A text shorter than n words is one gram of its own, so it can still match.
  if (words.length > 0 && words.length < n) grams.add(words.join(" "));
  for (let i = 0; i + n <= words.length; i++) grams.add(words.slice(i, i + n).join(" "));
  return grams;
}

export interface Overlap {
  precision: number;
  recall: number;
  f1: number;
}

export function bodyOverlap(extracted: string, truth: string, n = 4): Overlap {
  const got = nGrams(bodyWords(extracted), n);
  const want = nGrams(bodyWords(truth), n);
  let shared = 0;
  for (const gram of got) if (want.has(gram)) shared++;
  const precision = got.size === 0 ? (want.size === 0 ? 1 : 0) : shared / got.size;
  const recall = want.size === 0 ? 1 : shared / want.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
