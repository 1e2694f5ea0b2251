/**
 * Recognises a single line as page furniture, from the phrases and patterns of
 * knowledge/furniture.yaml and from shape rules that hold on any news site (a bare
 * number, a `|`-separated bar, a dated byline, lorem-ipsum filler).
 */
import type { Furniture } from "../knowledge/index.ts";
import { hasFullDate, withoutDates } from "./dates.ts";
import { isProse, type LineShape, shapeOf, wordsOf } from "./shape.ts";

export interface FurnitureMatch {
  reason: string;
  /** The line opens a block: `end` — all later lines; `prose` — lines up to the next prose paragraph. */
  block?: "end" | "prose";
  blockReason?: string;
}

export interface FurnitureRules {
  match(text: string): FurnitureMatch | null;
  /** The line's shape, measured with the knowledge's stop words. */
  shape(text: string): LineShape;
}

/** Lower case, straight quotes, single spaces, no trailing punctuation: "Comments:" equals "COMMENTS". */
export function normalisePhrase(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’`´]/g, "'")
    .replace(/\s+/g, " ")
    .replace(/[\s:.!?|»›>•·*–—-]+$/u, "")
    .trim();
}

/** Lorem-ipsum: mostly filler vocabulary and almost no English function words. */
function isFiller(fillerWords: ReadonlySet<string>, shape: LineShape): boolean {
  const words = shape.words.map((word) => word.toLowerCase().replace(/[^\p{L}]/gu, ""));
  if (words.length < 3) return false;
  const filler = words.filter((word) => fillerWords.has(word)).length;
  return filler / words.length >= 0.5 && shape.stopWordRatio <= 0.15;
}

/** A bar of short items split by `|` or bullets: a masthead or a navigation menu. */
function isBar(text: string): boolean {
  if (/^by\s/i.test(text)) return false;
  const items = text
    .split(/\s*[|•·]\s*|\s+\/\s+/u)
    .map((item) => item.trim())
    .filter(Boolean);
  return items.length >= 3 && items.every((item) => wordsOf(item).length <= 6);
}

/** Words a dated byline or time stamp carries besides names and the date. */
const STAMP_WORDS = /\b(by|and|updated|published|posted|last|first|on|at|modified|edited|written|reported)\b/giu;

/**
 * A line that is a date plus names: a dated byline ("Jane Doe/John Roe February 03, 2026")
 * or a time stamp ("Updated Monday, 3 February 2026 10:30"). Any lower-case word besides
 * the stamp words means a sentence or a headline that mentions a date, which is kept.
 */
function datedLineReason(text: string, shape: LineShape): string | null {
  if (shape.words.length > 20 || !hasFullDate(text)) return null;
  const rest = wordsOf(withoutDates(text).replace(STAMP_WORDS, " "));
  if (rest.some((word) => /^\p{Ll}/u.test(word))) return null;
  return rest.length === 0 ? "time stamp" : "dated byline";
}

export function compileFurniture(furniture: Furniture): FurnitureRules {
  const stopWords = new Set(furniture.stopWords.map((word) => word.toLowerCase()));
  const fillerWords = new Set(furniture.fillerWords.map((word) => word.toLowerCase()));
  const phrases = new Map(furniture.lines.map((entry) => [normalisePhrase(entry.text), entry]));
  // A line much longer than every listed phrase cannot equal one; skip normalising it.
  const longestPhrase = Math.max(0, ...[...phrases.keys()].map((p) => p.length)) * 2 + 16;
  const patterns = furniture.patterns.map((entry) => ({ ...entry, compiled: new RegExp(entry.regex, "iu") }));
  // Each line's shape is asked for several times (furniture, prose, menu label): measured once.
  let cache = new Map<string, LineShape>();
  const shape = (text: string) => {
    let measured = cache.get(text);
    if (!measured) {
      if (cache.size > 4096) cache = new Map();
      measured = shapeOf(text, stopWords);
      cache.set(text, measured);
    }
    return measured;
  };

  const match = (raw: string): FurnitureMatch | null => {
    const text = raw.trim();
    const phrase = text.length <= longestPhrase ? phrases.get(normalisePhrase(text)) : undefined;
    const known = phrase ?? patterns.find((entry) => entry.compiled.test(text));
    if (known) return { reason: known.reason, block: known.block, blockReason: known.blockReason };

    const lineShape = shape(text);
    if (isFiller(fillerWords, lineShape)) return { reason: "lorem-ipsum filler" };
    if (/^[\d\s.,:;/#()+-]+$/u.test(text) && /\d/.test(text) && text.length <= 16) return { reason: "stray number" };
    if (/^[\p{P}\p{S}\s]+$/u.test(text)) return { reason: "separator" };
    if (isProse(lineShape)) return null;
    if (isBar(text)) return { reason: "masthead" };
    const dated = datedLineReason(text, lineShape);
    return dated ? { reason: dated } : null;
  };

  return { match, shape };
}
