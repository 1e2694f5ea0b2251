/**
 * Stage 3c — figures: numeric claims about people ("at least 17 law enforcement personnel and
 * 31 civilians lost their lives") read from an article's body, one Figure per count.
 */
import type { Knowledge } from "../../knowledge/index.ts";
import type { CleanedText, Figure, PlaceMention, TextLine } from "../../types.ts";
import { type Sentence, splitSentences } from "../sentences.ts";
import { mayContainNumber } from "./numbers.ts";
import { findPeriods, nearestPeriod } from "./period.ts";
import { articlePlaceForms, findPlaces, knowledgePlaceForms, type PlaceForms, placeOf } from "./place.ts";
import { figuresInSentence, type SentenceFigure } from "./sentence.ts";
import { type CompiledFigureVocabulary, compiledVocabulary } from "./vocabulary.ts";

// A sentence that goes on describing the operation just counted ("The operations, carried out
// over nearly 40 hours, followed …") lends its time span to the figures before it.
const CONTINUATION =
  /^(?:The|These|Those|This|That)\s+(?:[\w-]+\s+){0,2}?[\w-]+,?\s+(?:which\s+|that\s+)?(?:were\s+|was\s+|had\s+been\s+|have\s+been\s+)?(?:carried\s+out|conducted|launched|lasted|lasting|continued|spanned|spanning|took\s+place|ran)\b/i;

const MAY_COUNT_ONE = /\b(?:an?|another|other|both|his|her)\s/i;

function continuationPeriod(next: Sentence): string | null {
  if (!CONTINUATION.test(next.text)) return null;
  return findPeriods(next.text)[0]?.text ?? null;
}

/**
 * Numeric claims about people (killed, injured, arrested …) in one article's paragraphs, and in its
 * headline and other lines above the first paragraph when the body does not state the same count
 * with the same outcome ("3 shot in east Austin" above "Three men were shot …" is one claim).
 * `places` are the article's extracted places, which a figure's place is read from; without them,
 * the knowledge file's places.
 */
export function extractFigures(cleaned: CleanedText, knowledge: Knowledge, places?: readonly PlaceMention[]): Figure[] {
  const vocabulary = compiledVocabulary(knowledge.figures);
  const placeForms = places ? articlePlaceForms(places) : knowledgePlaceForms(knowledge.places);
  const body = figuresOfLines(cleaned.paragraphs, vocabulary, placeForms);
  const stated = new Set(body.map((figure) => `${figure.value}|${figure.outcome}`));
  const paragraphs = new Set(cleaned.paragraphs.map((paragraph) => paragraph.text));
  const header = cleaned.lines.filter((line) => line.role === "header" && !paragraphs.has(line.text));
  const above = figuresOfLines(header, vocabulary, placeForms).filter(
    (figure) => !stated.has(`${figure.value}|${figure.outcome}`),
  );
  return [...above, ...body];
}

/** The figures of a run of lines, each claim once. */
function figuresOfLines(lines: TextLine[], vocabulary: CompiledFigureVocabulary, placeForms: PlaceForms): Figure[] {
  const figures: Figure[] = [];
  // One claim repeated (headline, lead, body) is one figure.
  const seen = new Set<string>();
  let antecedent: SentenceFigure | null = null;
  // Sentence splitting is the costly part, and most paragraphs hold no number at all; a count of
  // one written "a man", "another" needs an outcome too.
  const withNumbers = lines.filter(
    (paragraph) =>
      mayContainNumber(paragraph.text) ||
      (MAY_COUNT_ONE.test(paragraph.text) && vocabulary.mentionsOutcome.test(paragraph.text)),
  );
  const positionOfLine = new Map(lines.map((paragraph, position) => [paragraph.line, position]));
  const sentences = splitSentences(withNumbers);
  let previousLine = Number.NaN;
  sentences.forEach((sentence, index) => {
    // A skipped paragraph stands between: the figure before it is too far back to supply a noun.
    const skipped = (positionOfLine.get(sentence.line) ?? 0) - (positionOfLine.get(previousLine) ?? 0) > 1;
    if (skipped) antecedent = null;
    previousLine = sentence.line;
    const found = figuresInSentence(sentence.text, vocabulary, antecedent);
    // The next sentence's elided counts count what the last count counted, not a breakdown of it.
    antecedent = [...found].reverse().find((figure) => !figure.partOf) ?? found.at(-1) ?? null;
    if (found.length === 0) return;
    const periods = findPeriods(sentence.text);
    const next = sentences[index + 1];
    const following = periods.length || next?.line !== sentence.line ? null : continuationPeriod(next);
    const placesInSentence = findPlaces(sentence.text, placeForms);
    found.forEach((figure, position) => {
      const key = `${figure.value}|${figure.what.toLowerCase()}|${figure.outcome}`;
      if (seen.has(key)) return;
      seen.add(key);
      const nextStart = found[position + 1]?.start ?? sentence.text.length;
      figures.push({
        value: figure.value,
        qualifier: figure.qualifier,
        what: figure.what,
        category: figure.category,
        outcome: figure.outcome,
        period: nearestPeriod(periods, figure.start, figure.end) ?? following,
        place: placeOf(sentence.text, placesInSentence, figure.start, figure.end, nextStart),
        text: sentence.text,
        line: sentence.line,
        ...(figure.partOf ? { partOf: figure.partOf } : {}),
      });
    });
  });
  return figures;
}
