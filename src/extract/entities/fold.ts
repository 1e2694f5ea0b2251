/**
 * Folds text for name matching while remembering where each folded character came from,
 * so a match in the folded text maps back to exact offsets in the original sentence.
 *
 * Writers use hyphens, dashes and spaces interchangeably inside names ("Tehreek-e-Insaf",
 * "PML N", "China–Pakistan") and curly or straight apostrophes; folding makes these equal.
 */

/** Hyphen-minus, U+2010–2015 (hyphens and dashes), minus sign, small and full-width hyphen-minus. */
function isDash(code: number): boolean {
  return (
    code === 0x2d ||
    (code >= 0x2010 && code <= 0x2015) ||
    code === 0x2212 ||
    code === 0xfe58 ||
    code === 0xfe63 ||
    code === 0xff0d
  );
}

/** Curly and modifier apostrophes, backtick and acute accent: all written for ’. */
function isApostrophe(code: number): boolean {
  return code === 0x2018 || code === 0x2019 || code === 0x201b || code === 0x02bc || code === 0x60 || code === 0xb4;
}

const SPACE = /\s/;

function isSpace(char: string, code: number): boolean {
  return code === 0x20 || (code < 0x80 ? code >= 0x09 && code <= 0x0d : SPACE.test(char));
}

export interface FoldedText {
  /** Dashes and whitespace runs become one space, apostrophes become ', case kept. */
  cased: string;
  /** `cased` lower-cased character by character (same length, same offsets). */
  lower: string;
  /** offsets[i] is the index in the original text of folded character i; offsets[length] is the original length. */
  offsets: number[];
}

export function foldText(text: string): FoldedText {
  let cased = "";
  let lower = "";
  const offsets: number[] = [];
  let previousWasSpace = false;
  for (let i = 0; i < text.length; i++) {
    let char = text[i]!;
    const code = text.charCodeAt(i);
    if (isDash(code) || isSpace(char, code)) {
      if (previousWasSpace) continue;
      char = " ";
      previousWasSpace = true;
    } else {
      previousWasSpace = false;
      if (isApostrophe(code)) char = "'";
    }
    const lowered = char.toLowerCase();
    cased += char;
    // Keep folded and original aligned: a character whose lower case is longer stays as it is.
    lower += lowered.length === 1 ? lowered : char;
    offsets.push(i);
  }
  offsets.push(text.length);
  return { cased, lower, offsets };
}

/** The folded form used as a matching key (no offsets needed). */
export function foldKey(text: string): string {
  return foldText(text.trim()).lower;
}
