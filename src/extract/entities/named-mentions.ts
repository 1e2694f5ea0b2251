/**
 * Turns the spans of one article into its party, organization and place mentions: one per
 * entity, with the surface forms the article used and the first sentences it appears in.
 */
import type { Knowledge, OrganizationEntry, PartyEntry, PlaceEntry } from "../../knowledge/index.ts";
import type {
  Evidence,
  Metadata,
  OrganizationKind,
  OrganizationMention,
  PartyMention,
  PlaceKind,
  PlaceMention,
} from "../../types.ts";
import type { Sentence } from "../sentences.ts";
import type { NamedKind } from "./named-known.ts";

export interface Entity {
  kind: NamedKind;
  /** Canonical knowledge name, or the detected name of an unknown entity. */
  key: string;
  known: boolean;
  organizationKind?: OrganizationKind;
  placeKind?: PlaceKind;
  abbr?: string;
}

/** A span found in a sentence, before it is trusted and reported. */
export interface Found {
  sentence: number;
  start: number;
  end: number;
  entity: Entity;
  weak: boolean;
  ambiguous: boolean;
  /** A use of an abbreviation the article itself defined. */
  definedAbbr?: boolean;
  /** For a pattern name with an "of …" tail: where the tail's name starts. */
  tailStart?: number;
  /** Proposed by the statistical tagger (./ner). */
  tagged?: boolean;
}

/** Enough sentences to show where an entity was named without copying the article. */
const MAX_EVIDENCE = 3;

interface Entries {
  parties: Map<string, PartyEntry>;
  organizations: Map<string, OrganizationEntry>;
  places: Map<string, PlaceEntry>;
}

const entriesByKnowledge = new WeakMap<Knowledge, Entries>();

function entriesOf(knowledge: Knowledge): Entries {
  let entries = entriesByKnowledge.get(knowledge);
  if (!entries) {
    entries = {
      parties: new Map(knowledge.parties.map((entry) => [entry.name, entry])),
      organizations: new Map(knowledge.organizations.map((entry) => [entry.name, entry])),
      places: new Map(knowledge.places.map((entry) => [entry.name, entry])),
    };
    entriesByKnowledge.set(knowledge, entries);
  }
  return entries;
}

interface Collected {
  entity: Entity;
  variants: string[];
  evidence: Evidence[];
}

function collect(
  groups: Map<string, Collected>,
  entity: Entity,
  surface: string | null,
  evidence: Evidence | null,
): void {
  const id = `${entity.kind}\u0000${entity.key}`;
  let group = groups.get(id);
  if (!group) {
    group = { entity, variants: [], evidence: [] };
    groups.set(id, group);
  }
  if (surface && !group.variants.includes(surface)) group.variants.push(surface);
  if (!group.entity.abbr && entity.abbr) group.entity = { ...group.entity, abbr: entity.abbr };
  if (evidence && group.evidence.length < MAX_EVIDENCE && !group.evidence.some((e) => e.text === evidence.text))
    group.evidence.push(evidence);
}

/** The dateline as written in its evidence ("QUETTA" in "QUETTA:") and the line it stands on, if known. */
function datelineSurface(metadata: Metadata, sentences: Sentence[]): { surface: string; evidence: Evidence } {
  const dateline = metadata.dateline!;
  const source = metadata.datelineEvidence ?? dateline;
  const at = source.toLowerCase().indexOf(dateline.toLowerCase());
  const surface = at >= 0 ? source.slice(at, at + dateline.length) : dateline;
  const start = source.trim();
  const sentence = start ? sentences.find((s) => s.text.startsWith(start)) : undefined;
  return { surface, evidence: { line: sentence?.line ?? 0, text: source } };
}

export function buildMentions(
  sentences: Sentence[],
  spans: Found[],
  dateline: Entity | null,
  metadata: Metadata,
  knowledge: Knowledge,
): { parties: PartyMention[]; organizations: OrganizationMention[]; places: PlaceMention[] } {
  const groups = new Map<string, Collected>();
  if (dateline) {
    const { surface, evidence } = datelineSurface(metadata, sentences);
    collect(groups, dateline, surface, evidence);
  }
  for (const span of spans) {
    const sentence = sentences[span.sentence]!;
    collect(groups, span.entity, sentence.text.slice(span.start, span.end), {
      line: sentence.line,
      text: sentence.text,
    });
  }

  const entries = entriesOf(knowledge);
  const parties: PartyMention[] = [];
  const organizations: OrganizationMention[] = [];
  const places: PlaceMention[] = [];
  for (const { entity, variants, evidence } of groups.values()) {
    const base = { key: entity.key, name: entity.key, variants, known: entity.known, evidence };
    if (entity.kind === "party") {
      const entry = entity.known ? entries.parties.get(entity.key) : undefined;
      parties.push({ ...base, abbr: entry?.abbr ?? entity.abbr ?? null });
    } else if (entity.kind === "organization") {
      const entry = entity.known ? entries.organizations.get(entity.key) : undefined;
      organizations.push({
        ...base,
        abbr: entry?.abbr ?? entity.abbr ?? null,
        kind: entry?.kind ?? entity.organizationKind ?? "other",
      });
    } else if (entity.kind === "place") {
      const entry = entity.known ? entries.places.get(entity.key) : undefined;
      places.push({ ...base, kind: entry?.kind ?? entity.placeKind ?? "area" });
    }
  }
  return { parties, organizations, places };
}
