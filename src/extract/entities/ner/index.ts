/**
 * A statistical named-entity tagger: an averaged perceptron over word, shape, affix, context,
 * known-name and tag-history features, decoded greedily left to right under BILOU constraints.
 * Trained on CoNLL-2003 by `npm run train-ner` (scripts/train-ner.ts); weights in model.json.gz.
 * It proposes spans of people, organizations and places; the knowledge files then type them.
 */
import type { Knowledge } from "../../../knowledge/index.ts";
import {
  AFTER,
  allowed,
  BEFORE,
  historyFeatures,
  normalise,
  ROLES,
  remember,
  sentenceParts,
  shape,
  TAGS,
  unitFeatures,
  type WordView,
} from "./features.ts";
import { type NerGazetteer, nerGazetteer } from "./gazetteer.ts";
import { type NerModel, shippedModel } from "./model.ts";
import { tokenize } from "./tokenize.ts";

/** MISC (nationalities, events, works) is kept so callers can tell such words are no person. */
export type NerSpanType = "PER" | "ORG" | "LOC" | "MISC";

export interface NerSpan {
  /** Character offsets in the tagged text. */
  start: number;
  end: number;
  type: NerSpanType;
  text: string;
  /** How far the tagger preferred this type over a person at the span's first word (in weight units; 0 for people). */
  personMargin: number;
  /** How far the tagger preferred this type over any other reading (O included) at the span's first word, in weight units. */
  confidence: number;
}

function score(model: NerModel, features: readonly string[], scores: Float64Array): void {
  const { slots, pairs } = model;
  for (const feature of features) {
    const slot = slots.get(feature);
    if (slot === undefined) continue;
    const at = Math.floor(slot / 32);
    const end = at + 2 * (slot % 32);
    for (let k = at; k < end; k += 2) scores[pairs[k]!]! += pairs[k + 1]!;
  }
}

/**
 * The weights the word-only features of one word add from each place it can stand (itself, one or
 * two before or after the tagged token), summed once per word and kept: most of a token's features
 * are these, and words repeat.
 */
const unitScores = new WeakMap<NerModel, Map<string, Float64Array>>();
const MAX_CACHED_WORDS = 100_000;

function unitsOf(model: NerModel, gazetteer: NerGazetteer, view: WordView): Float64Array {
  let cache = unitScores.get(model);
  if (!cache) {
    cache = new Map();
    unitScores.set(model, cache);
  }
  const key = `${view.shape}\u0001${view.cased}`;
  let units = cache.get(key);
  if (!units) {
    const n = model.tags.length;
    units = new Float64Array(ROLES.length * n);
    for (const [r, role] of ROLES.entries())
      score(model, unitFeatures(view, role, gazetteer), units.subarray(r * n, (r + 1) * n));
    if (cache.size >= MAX_CACHED_WORDS) cache.clear();
    cache.set(key, units);
  }
  return units;
}

/** Tags of one sentence's words, greedily, each the best tag the previous one allows. */
export function decode(
  model: NerModel,
  words: readonly string[],
  gazetteer: NerGazetteer,
  seen: Map<string, string>,
  margins: number[] = [],
  confidences: number[] = [],
): string[] {
  const tags: string[] = [];
  const { views, context } = sentenceParts(words, gazetteer);
  const n = model.tags.length;
  const units = [BEFORE, ...views, AFTER].map((view) => unitsOf(model, gazetteer, view));
  const unitAt = (i: number) => units[Math.max(0, Math.min(i + 1, units.length - 1))]!;
  const scores = new Float64Array(n);
  for (let i = 0; i < words.length; i++) {
    scores.fill(0);
    for (const [r, offset] of [0, -1, 1, -2, 2].entries()) {
      const from = unitAt(i + offset);
      for (let t = 0; t < n; t++) scores[t]! += from[r * n + t]!;
    }
    score(model, context[i]!, scores);
    score(model, historyFeatures(tags, i, normalise(words[i]!), shape(words[i]!), seen), scores);
    const previous = i > 0 ? tags[i - 1]! : "O";
    let best = -1;
    for (let t = 0; t < model.tags.length; t++) {
      const tag = model.tags[t]!;
      // The last word cannot leave an entity open.
      if (!allowed(previous, tag) || (i === words.length - 1 && (tag[0] === "B" || tag[0] === "I"))) continue;
      if (best < 0 || scores[t]! > scores[best]!) best = t;
    }
    tags.push(model.tags[best]!);
    let person = -Infinity;
    for (let t = 0; t < model.tags.length; t++) {
      if (model.tags[t]!.endsWith("-PER") && allowed(previous, model.tags[t]!)) person = Math.max(person, scores[t]!);
    }
    margins.push(scores[best]! - person);
    let other = -Infinity;
    for (let t = 0; t < model.tags.length; t++) {
      const tag = model.tags[t]!;
      if (t !== best && tag.slice(2) !== model.tags[best]!.slice(2) && allowed(previous, tag))
        other = Math.max(other, scores[t]!);
    }
    confidences.push(scores[best]! - other);
  }
  remember(seen, words, tags);
  return tags;
}

/**
 * Spans of people, organizations, places and MISC names in each text (sentences of one document,
 * in order). A name written the same way more than once gets the type it has most often in the
 * document (the first on a tie): "Urus-Martan" is not a place in one sentence and a body in the next.
 */
export function tagDocument(texts: readonly string[], knowledge: Knowledge, model = shippedModel()): NerSpan[][] {
  if (!model) return texts.map(() => []);
  const gazetteer = nerGazetteer(knowledge);
  const seen = new Map<string, string>();
  const tagged = texts.map((text) => {
    const tokens = tokenize(text);
    if (!tokens.length) return [];
    const margins: number[] = [];
    const confidences: number[] = [];
    const tags = decode(
      model,
      tokens.map((token) => token.text),
      gazetteer,
      seen,
      margins,
      confidences,
    );
    const spans: NerSpan[] = [];
    let open = -1;
    for (let i = 0; i < tokens.length; i++) {
      const tag = tags[i]!;
      if (tag[0] === "B" || tag[0] === "U") open = i;
      if ((tag[0] === "L" || tag[0] === "U") && open >= 0) {
        const type = tag.slice(2) as NerSpanType;
        const start = tokens[open]!.start;
        const end = tokens[i]!.end;
        const personMargin = type === "PER" ? 0 : margins[open]! * model.step;
        const confidence = confidences[open]! * model.step;
        spans.push({ start, end, type, text: text.slice(start, end), personMargin, confidence });
        open = -1;
      }
    }
    return spans;
  });
  return oneTypePerName(tagged);
}

function oneTypePerName(tagged: NerSpan[][]): NerSpan[][] {
  const votes = new Map<string, Map<NerSpanType, number>>();
  for (const span of tagged.flat()) {
    const key = span.text.toLowerCase();
    const counts = votes.get(key) ?? new Map<NerSpanType, number>();
    counts.set(span.type, (counts.get(span.type) ?? 0) + 1);
    votes.set(key, counts);
  }
  const typeOf = (text: string): NerSpanType => {
    let best: NerSpanType | null = null;
    for (const [type, count] of votes.get(text.toLowerCase())!)
      if (!best || count > votes.get(text.toLowerCase())!.get(best)!) best = type;
    return best!;
  };
  return tagged.map((spans) =>
    spans.map((span) => {
      const type = typeOf(span.text);
      return type === span.type ? span : { ...span, type, personMargin: type === "PER" ? 0 : span.personMargin };
    }),
  );
}

export { TAGS };
