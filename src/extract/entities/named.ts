/**
 * Parties, organizations and places of one article: names the knowledge files know, names
 * of unknown ones recognised by their shape, abbreviations the article defines, and the
 * dateline. Every occurrence becomes a span with exact offsets, so the people finder can
 * skip these words and read party ties next to a name.
 */
import type { Knowledge } from "../../knowledge/index.ts";
import type { Metadata, OrganizationMention, PartyMention, PlaceMention } from "../../types.ts";
import { escapeRegExp } from "../../util/regexp.ts";
import type { Sentence } from "../sentences.ts";
import { foldKey, foldText } from "./fold.ts";
import { type KnownNames, knownNames, matchKnownNames } from "./named-known.ts";
import { buildMentions, type Entity, type Found } from "./named-mentions.ts";
import { findUnknownNames } from "./named-patterns.ts";
import { taggedCandidates } from "./named-tagged.ts";
import type { NerSpan } from "./ner/index.ts";
import { inPlaceContext } from "./place-context.ts";

/** Where a party, organization or place was found: sentence index and character offsets in that sentence. */
export interface EntitySpan {
  sentence: number;
  start: number;
  end: number;
  kind: "party" | "organization" | "place";
  /** PartyMention.key / OrganizationMention.key / PlaceMention.key */
  key: string;
  text: string;
  /** Proposed by the statistical tagger. */
  tagged?: boolean;
}

export interface NamedEntities {
  parties: PartyMention[];
  organizations: OrganizationMention[];
  places: PlaceMention[];
  spans: EntitySpan[];
}

/** Every candidate of one sentence: known names at each word and unknown names by pattern. */
function candidatesOf(
  sentence: Sentence,
  index: number,
  table: KnownNames,
  knowledge: Knowledge,
  tagged: readonly NerSpan[],
  lowercaseWords: ReadonlySet<string>,
  ownOutlet: string | null,
): Found[] {
  const found: Found[] = [];
  for (const match of matchKnownNames(foldText(sentence.text), table)) {
    found.push({
      sentence: index,
      start: match.start,
      end: match.end,
      entity: { kind: match.name.kind, key: match.name.key, known: true },
      weak: match.name.weak,
      ambiguous: match.name.ambiguous,
    });
  }
  // "the Kurdish city of Arbil": a place the patterns read before "city" that the tagger calls a nationality is none.
  const misc = tagged.filter((span) => span.type === "MISC");
  for (const match of findUnknownNames(sentence.text, knowledge.vocabulary)) {
    if (match.kind === "place" && misc.some((span) => span.start <= match.start && match.end <= span.end)) continue;
    const entity: Entity = { kind: match.kind, key: match.name, known: false };
    if (match.organizationKind) entity.organizationKind = match.organizationKind;
    if (match.placeKind) entity.placeKind = match.placeKind;
    if (match.abbr) entity.abbr = match.abbr;
    const tail = match.tailStart === undefined ? {} : { tailStart: match.tailStart };
    found.push({ sentence: index, start: match.start, end: match.end, entity, weak: false, ambiguous: false, ...tail });
  }
  const fromTagger = taggedCandidates(sentence.text, index, tagged, table, knowledge, lowercaseWords, ownOutlet);
  // An outlet the tagger reads as a cited organization is that, not a masthead to skip.
  const cited = (found: Found) =>
    found.entity.kind === "outlet" &&
    fromTagger.some((other) => other.start === found.start && other.end === found.end);
  return [...found.filter((candidate) => !cited(candidate)), ...fromTagger];
}

/**
 * Longest match wins; at equal length a known name beats a pattern, and a pattern beats a name
 * the tagger proposed (the pattern knows what kind of thing it names). Known parties and
 * organizations are never overridden by a pattern (which would only add a role word to
 * them), but a pattern may contain a known place ("Balochistan National Movement").
 */
function selectSpans(candidates: Found[]): Found[] {
  const knownBodies = candidates.filter(
    (found) => found.entity.known && (found.entity.kind === "party" || found.entity.kind === "organization"),
  );
  const places = candidates.filter((found) => found.entity.known && found.entity.kind === "place");
  // "Supreme Court of India" is not the known "Supreme Court" (of Pakistan): a tail naming a place makes it another body.
  const placeTail = (found: Found) =>
    found.tailStart !== undefined && places.some((place) => place.start === found.tailStart && place.end === found.end);
  const usable = candidates.filter(
    (found) =>
      found.entity.known ||
      placeTail(found) ||
      !knownBodies.some((known) => known.start < found.end && found.start < known.end),
  );
  usable.sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      Number(b.entity.known) - Number(a.entity.known) ||
      Number(a.ambiguous) - Number(b.ambiguous) ||
      Number(b.definedAbbr ?? false) - Number(a.definedAbbr ?? false) ||
      Number(a.tagged ?? false) - Number(b.tagged ?? false) ||
      a.start - b.start,
  );
  const chosen: Found[] = [];
  for (const found of usable) {
    if (chosen.some((other) => other.start < found.end && found.start < other.end)) continue;
    chosen.push(found);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

const DEFINITION = /^\s*\(([^()\s]{2,12})\)/;

/** Abbreviations the article defines in parentheses after a party or organization name. */
function definedAbbreviations(sentences: Sentence[], spans: Found[]): Map<string, Entity> {
  const defined = new Map<string, Entity>();
  for (const span of spans) {
    if (span.entity.kind !== "party" && span.entity.kind !== "organization") continue;
    const abbr = sentences[span.sentence]!.text.slice(span.end).match(DEFINITION)?.[1];
    if (abbr && /\p{Lu}.*\p{Lu}/u.test(abbr) && !defined.has(abbr)) defined.set(abbr, span.entity);
  }
  return defined;
}

/** Every use of the article's own abbreviations, as spans of the entity they were defined for. */
function usesOfDefinitions(sentences: Sentence[], defined: Map<string, Entity>): Found[] {
  if (!defined.size) return [];
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${[...defined.keys()].map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}])`,
    "gu",
  );
  const found: Found[] = [];
  for (const [index, sentence] of sentences.entries()) {
    for (const match of sentence.text.matchAll(pattern)) {
      const entity = defined.get(match[0])!;
      found.push({
        sentence: index,
        start: match.index,
        end: match.index + match[0].length,
        entity,
        weak: false,
        ambiguous: false,
        definedAbbr: true,
      });
    }
  }
  return found;
}

function entityId(entity: Entity): string {
  return `${entity.kind}\u0000${entity.key}`;
}

/** Weak abbreviations need the full name in the article; ambiguous places need place-like context. */
function keepTrusted(sentences: Sentence[], spans: Found[], datelineKey: string | null): Found[] {
  const named = new Set(spans.filter((span) => !span.weak).map((span) => entityId(span.entity)));
  let kept = spans.filter((span) => !span.weak || named.has(entityId(span.entity)));
  // Context can come from a neighbouring place that was itself confirmed, so repeat until stable.
  for (;;) {
    const confirmed = kept.filter((span) => span.entity.kind === "place" && !span.ambiguous);
    const next = kept.filter(
      (span) =>
        !span.ambiguous ||
        span.entity.key === datelineKey ||
        inPlaceContext(
          sentences[span.sentence]!.text,
          span,
          confirmed.filter((c) => c.sentence === span.sentence),
        ),
    );
    const promoted = next.map((span) => (span.ambiguous ? { ...span, ambiguous: false } : span));
    if (promoted.length === kept.length && promoted.every((span, i) => span.ambiguous === kept[i]!.ambiguous)) {
      return promoted;
    }
    kept = promoted;
  }
}

/** The dateline as a place entity: the known place it names, or an unknown city. */
function datelineEntity(metadata: Metadata, table: KnownNames): Entity | null {
  if (!metadata.dateline) return null;
  const known = table.byKey.get(foldKey(metadata.dateline))?.find((name) => name.kind === "place");
  return known
    ? { kind: "place", key: known.key, known: true }
    : { kind: "place", key: metadata.dateline, known: false, placeKind: "city" };
}

/**
 * Parties, organizations and places named in the sentences (and the metadata's dateline place);
 * `tagged` holds the statistical tagger's spans of each sentence.
 */
export function findNamedEntities(
  sentences: Sentence[],
  metadata: Metadata,
  knowledge: Knowledge,
  tagged: readonly (readonly NerSpan[])[] = [],
): NamedEntities {
  const table = knownNames(knowledge);
  const lowercaseWords = new Set<string>();
  if (tagged.length) {
    for (const { text } of sentences)
      for (const [word] of text.matchAll(/(?<![\p{L}\p{N}])\p{Ll}+(?![\p{L}\p{N}])/gu)) lowercaseWords.add(word);
  }
  const candidates = sentences.map((sentence, index) =>
    candidatesOf(sentence, index, table, knowledge, tagged[index] ?? [], lowercaseWords, metadata.outlet),
  );
  const firstPass = candidates.flatMap(selectSpans);
  const extra = usesOfDefinitions(sentences, definedAbbreviations(sentences, firstPass));
  const selected = extra.length
    ? candidates.flatMap((list, index) => selectSpans([...list, ...extra.filter((found) => found.sentence === index)]))
    : firstPass;
  const dateline = datelineEntity(metadata, table);
  const trusted = keepTrusted(sentences, selected, dateline?.key ?? null).filter(
    (span) => span.entity.kind !== "outlet",
  );
  const mentions = buildMentions(sentences, trusted, dateline, metadata, knowledge);
  const spans: EntitySpan[] = trusted.map((span) => ({
    sentence: span.sentence,
    start: span.start,
    end: span.end,
    kind: span.entity.kind as EntitySpan["kind"],
    key: span.entity.key,
    text: sentences[span.sentence]!.text.slice(span.start, span.end),
    ...(span.tagged ? { tagged: true } : {}),
  }));
  return { ...mentions, spans };
}
