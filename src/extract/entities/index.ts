/**
 * Entity extraction for one article. Named things the knowledge files know about
 * (parties, organizations, places) are found first, so that the people finder can
 * skip their words and read party ties from the spans next to a name.
 */
import type { Knowledge } from "../../knowledge/index.ts";
import type { CleanedText, Entities, Metadata, PersonMention } from "../../types.ts";
import { splitSentences } from "../sentences.ts";
import { findNamedEntities, type NamedEntities } from "./named.ts";
import { tagDocument } from "./ner/index.ts";
import { findPeople } from "./people.ts";
import { withTaggedPeople } from "./people-tagged.ts";

export function extractEntities(cleaned: CleanedText, metadata: Metadata, knowledge: Knowledge): Entities {
  // The headline names things too ("ROMANIA COMELF H1 PROFIT RISE"): read it with the body.
  const headline = cleaned.lines.find((line) => line.role === "header" && line.text.trim() === metadata.title);
  const sentences = splitSentences(headline ? [headline, ...cleaned.paragraphs] : cleaned.paragraphs);
  const tagged = tagDocument(
    sentences.map((sentence) => sentence.text),
    knowledge,
  );
  const named = findNamedEntities(sentences, metadata, knowledge, tagged);
  const people = withTaggedPeople(findPeople(sentences, named, knowledge), sentences, tagged, named.spans, knowledge);
  return { people, parties: named.parties, ...withoutPeople(named, people) };
}

/**
 * An organization or place only the tagger proposed, written only as a person's name or one of
 * its words ("Bizenjo" after "Mir Quddus Bizenjo"), is that person.
 */
function withoutPeople(named: NamedEntities, people: PersonMention[]): Pick<Entities, "organizations" | "places"> {
  const taggedOnly = new Set(named.spans.filter((span) => span.tagged).map((span) => `${span.kind}\u0000${span.key}`));
  for (const span of named.spans) if (!span.tagged) taggedOnly.delete(`${span.kind}\u0000${span.key}`);
  if (!taggedOnly.size || !people.length) return { organizations: named.organizations, places: named.places };
  const personWords = new Set<string>();
  for (const person of people) {
    for (const form of [person.name, ...person.variants]) {
      personWords.add(form.toLowerCase());
      for (const word of form.toLowerCase().split(/\s+/)) personWords.add(word);
    }
  }
  const isPerson = (kind: string, mention: { key: string; known: boolean; variants: string[] }) =>
    !mention.known &&
    taggedOnly.has(`${kind}\u0000${mention.key}`) &&
    mention.variants.every((form) => personWords.has(form.toLowerCase()));
  return {
    organizations: named.organizations.filter((mention) => !isPerson("organization", mention)),
    places: named.places.filter((mention) => !isPerson("place", mention)),
  };
}
