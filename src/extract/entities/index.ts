import type { Knowledge } from "../../knowledge/index.ts";
import type { CleanedText, Entities, Metadata } from "../../types.ts";

/** People, parties, organizations and places named in one article's paragraphs. */
export function extractEntities(_cleaned: CleanedText, _metadata: Metadata, _knowledge: Knowledge): Entities {
  throw new Error("not implemented");
}
