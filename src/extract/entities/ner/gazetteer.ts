/**
 * Lists of known names the tagger reads as features ("this word starts a known place name"):
 * the knowledge files' parties, organizations and places, honorifics and role words, and the
 * country names and time-zone cities the platform's Intl data knows. Names are matched as
 * token sequences, lower-cased.
 */
import type { Knowledge } from "../../../knowledge/index.ts";
import { tokenize } from "./tokenize.ts";

export type GazetteerKind = "place" | "organization" | "party";

export interface NerGazetteer {
  /** First token (lower-cased) → the names starting with it, longest first. */
  names: Map<string, { tokens: string[]; kind: GazetteerKind }[]>;
  honorifics: Set<string>;
  roleWords: Set<string>;
}

/** Country names from the platform's region data (ISO 3166 codes AA–ZZ that have a name). */
export function countryNames(): string[] {
  const display = new Intl.DisplayNames(["en"], { type: "region" });
  const names: string[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      let name: string | undefined;
      try {
        name = display.of(code);
      } catch {
        name = undefined;
      }
      if (name && name !== code && !/unknown/i.test(name)) names.push(name, ...name.split(/\s*[&(),]\s*/));
    }
  }
  return names.filter((name) => name.length > 2);
}

/** City names of the IANA time zones ("Europe/Berlin" → Berlin). */
function zoneCities(): string[] {
  return Intl.supportedValuesOf("timeZone")
    .map((zone) => zone.split("/").at(-1)!.replace(/_/g, " "))
    .filter((name) => /^\p{Lu}/u.test(name) && !/^(?:GMT|UTC|UCT|Zulu|Universal)/.test(name));
}

const lower = (text: string) => tokenize(text).map((token) => token.text.toLowerCase());

const cache = new WeakMap<Knowledge, NerGazetteer>();

export function nerGazetteer(knowledge: Knowledge): NerGazetteer {
  const cached = cache.get(knowledge);
  if (cached) return cached;
  const names = new Map<string, { tokens: string[]; kind: GazetteerKind }[]>();
  const seen = new Set<string>();
  const add = (name: string, kind: GazetteerKind) => {
    const tokens = lower(name);
    if (!tokens.length || !/\p{L}/u.test(tokens[0]!)) return;
    const id = `${kind}\u0000${tokens.join(" ")}`;
    if (seen.has(id)) return;
    seen.add(id);
    const list = names.get(tokens[0]!) ?? [];
    list.push({ tokens, kind });
    names.set(tokens[0]!, list);
  };
  for (const name of [...countryNames(), ...zoneCities()]) add(name, "place");
  for (const place of knowledge.places) for (const name of [place.name, ...place.variants]) add(name, "place");
  for (const org of knowledge.organizations)
    for (const name of [org.name, ...org.variants, ...(org.abbr ? [org.abbr] : [])]) add(name, "organization");
  for (const party of knowledge.parties)
    for (const name of [party.name, ...party.variants, ...(party.abbr ? [party.abbr] : [])]) add(name, "party");
  for (const list of names.values())
    list.sort((a, b) => b.tokens.length - a.tokens.length || (a.kind < b.kind ? -1 : 1));
  const words = (list: string[]) => new Set(list.map((word) => word.toLowerCase().replace(/\.$/, "")));
  const gazetteer = {
    names,
    honorifics: words(knowledge.vocabulary.honorifics),
    roleWords: words(knowledge.vocabulary.roleWords),
  };
  cache.set(knowledge, gazetteer);
  return gazetteer;
}
