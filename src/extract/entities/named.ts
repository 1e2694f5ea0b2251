import type { Knowledge } from "../../knowledge/index.ts";
import type { Metadata, OrganizationMention, PartyMention, PlaceMention } from "../../types.ts";
import type { Sentence } from "../sentences.ts";

/** Where a party, organization or place was found: sentence index and character offsets in that sentence. */
export interface EntitySpan {
  sentence: number;
  start: number;
  end: number;
  kind: "party" | "organization" | "place";
  /** PartyMention.key / OrganizationMention.key / PlaceMention.key */
  key: string;
  text: string;
}

export interface NamedEntities {
  parties: PartyMention[];
  organizations: OrganizationMention[];
  places: PlaceMention[];
  spans: EntitySpan[];
}

/** Parties, organizations and places named in the sentences (and the metadata's dateline place). */
export function findNamedEntities(_sentences: Sentence[], _metadata: Metadata, _knowledge: Knowledge): NamedEntities {
  throw new Error("not implemented");
}
