import type { Knowledge } from "../knowledge/index.ts";
import type { CleanedText, SeedSource } from "../types.ts";

/** Stage 2: separates article paragraphs from page furniture; every dropped line is kept in `discarded` with a reason. */
export function cleanText(_source: SeedSource, _knowledge: Knowledge): CleanedText {
  throw new Error("not implemented");
}
