/**
 * Stage 3, extract: one cleaned seed → metadata, body, entities, figures and quotes.
 * Each part lives in its own folder; this module only composes them.
 */
import type { Knowledge } from "../knowledge/index.ts";
import type { CleanedText, ExtractedArticle, SeedSource } from "../types.ts";
import { bodyMarkdown } from "./body.ts";
import { extractEntities } from "./entities/index.ts";
import { extractFigures } from "./figures/index.ts";
import { extractMetadata } from "./metadata/index.ts";
import { findQuotes } from "./quotes/index.ts";

export function extractArticle(source: SeedSource, cleaned: CleanedText, knowledge: Knowledge): ExtractedArticle {
  const metadata = extractMetadata(source, cleaned, knowledge);
  const entities = extractEntities(cleaned, metadata, knowledge);
  // The seed's text stays behind: held by 50,000 records it would be ~0.4 GiB through the ingest.
  const { text: _text, ...kept } = source;
  return {
    source: kept,
    metadata,
    body: bodyMarkdown(cleaned.paragraphs),
    discarded: cleaned.discarded,
    entities,
    figures: extractFigures(cleaned, knowledge, entities.places),
    quotes: findQuotes(cleaned.paragraphs, entities.people, knowledge.vocabulary.speechVerbs ?? []),
    flags: [],
  };
}
