import type { Knowledge } from "../../knowledge/index.ts";
import type { CleanedText, Figure } from "../../types.ts";

/** Numeric claims about people (killed, injured, arrested …) in one article's paragraphs. */
export function extractFigures(_cleaned: CleanedText, _knowledge: Knowledge): Figure[] {
  throw new Error("not implemented");
}
