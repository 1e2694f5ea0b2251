import type { TextLine } from "../types.ts";

export interface Sentence {
  text: string;
  /** Line of the seed the sentence stands on. */
  line: number;
}

// Abbreviations after which a full stop does not end a sentence ("Dr. Malik", "Feb. 1", "U.S. forces").
const NON_TERMINAL =
  /(?:\b(?:Dr|Mr|Mrs|Ms|Prof|Gen|Lt|Col|Maj|Capt|Brig|Sgt|Gov|Sen|Rep|St|Jr|Sr|No|Vol|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|vs|etc|Inc|Ltd|Co)|\b[A-Z])\.$/;

/**
 * Splits paragraphs into sentences. Uses the platform's Intl.Segmenter, then re-joins
 * breaks it makes after honorifics and initials, which English news text is full of.
 */
// Building a segmenter is costly; one serves every call.
const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

// Several extractors read the same paragraphs; each line is segmented once.
const sentencesOfLine = new WeakMap<TextLine, Sentence[]>();

function lineSentences({ text, line }: TextLine): Sentence[] {
  const sentences: Sentence[] = [];
  let pending = "";
  for (const { segment } of segmenter.segment(text)) {
    pending += segment;
    if (NON_TERMINAL.test(pending.trimEnd())) continue;
    if (pending.trim()) sentences.push({ text: pending.trim(), line });
    pending = "";
  }
  if (pending.trim()) sentences.push({ text: pending.trim(), line });
  return sentences;
}

export function splitSentences(lines: TextLine[]): Sentence[] {
  return lines.flatMap((textLine) => {
    let sentences = sentencesOfLine.get(textLine);
    if (!sentences) {
      sentences = lineSentences(textLine);
      sentencesOfLine.set(textLine, sentences);
    }
    return sentences;
  });
}
