import type { Knowledge } from "../../knowledge/index.ts";
import type { PersonMention } from "../../types.ts";
import type { Sentence } from "../sentences.ts";
import type { NamedEntities } from "./named.ts";

/** Named persons with honorifics, roles and party ties; short later mentions resolved to the full name. */
export function findPeople(_sentences: Sentence[], _named: NamedEntities, _knowledge: Knowledge): PersonMention[] {
  throw new Error("not implemented");
}
