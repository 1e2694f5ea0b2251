import type { Knowledge } from "../../knowledge/index.ts";
import type { CleanedText, Metadata, SeedSource } from "../../types.ts";

/** Title, subtitle, publication date, outlet, authors, dateline and event dates of one article. */
export function extractMetadata(_source: SeedSource, _cleaned: CleanedText, _knowledge: Knowledge): Metadata {
  throw new Error("not implemented");
}
