/**
 * Splits a sentence into tokens the way CoNLL-2003 did (the data the tagger was trained on):
 * words with inner hyphens, digits groups and apostrophes kept together ("Year-on-year",
 * "4,378", "O'Neill"), dotted abbreviations whole ("U.S."), a possessive "'s" and every
 * punctuation mark apart.
 */
export interface NerToken {
  text: string;
  start: number;
  end: number;
}

const TOKEN =
  /(?:\p{L}\.){2,}|\p{Lu}\.(?=\s)|[\p{L}\p{N}]+(?:(?:[-/&]|[.,](?=\p{N}))[\p{L}\p{N}]+|['’](?![sS](?![\p{L}\p{N}]))\p{L}+)*|['’][sS](?![\p{L}\p{N}])|\S/gu;

export function tokenize(text: string): NerToken[] {
  const tokens: NerToken[] = [];
  for (const match of text.matchAll(TOKEN)) {
    tokens.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}
