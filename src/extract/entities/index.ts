/**
 * Entity extraction for one article. Named things the knowledge files know about
 * (parties, organizations, places) are found first, so that the people finder can
 * skip their words and read party ties from the spans next to a name.
 */
import type { Knowledge } from "../../knowledge/index.ts";
import type { CleanedText, Entities, Metadata } from "../../types.ts";
import { splitSentences } from "../sentences.ts";
import { findNamedEntities } from "./named.ts";
import { findPeople } from "./people.ts";

export function extractEntities(cleaned: CleanedText, metadata: Metadata, knowledge: Knowledge): Entities {
  const sentences = splitSentences(cleaned.paragraphs);
  const named = findNamedEntities(sentences, metadata, knowledge);
  const people = findPeople(sentences, named, knowledge);
  return { people, parties: named.parties, organizations: named.organizations, places: named.places };
}
