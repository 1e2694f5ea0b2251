/**
 * The tagger's features, shared by training (scripts/train-ner.ts) and tagging so the two can
 * never drift apart. Static features depend on the sentence alone (the word, its shape, affixes,
 * neighbours, known names); history features on the tags already given (the previous two tags,
 * and the type this word last had in the document).
 */
import type { NerGazetteer } from "./gazetteer.ts";

/** BILOU tags over the four CoNLL types; MISC is learnt (it marks what is not a person, place or organization) and dropped on output. */
export const TYPES = ["PER", "ORG", "LOC", "MISC"] as const;
export type NerType = (typeof TYPES)[number];
export const TAGS: string[] = ["O", ...TYPES.flatMap((type) => ["B", "I", "L", "U"].map((p) => `${p}-${type}`))];

/** Whether tag `next` may follow tag `previous` (an entity opened by B or I must go on with I or end with L of its type). */
export function allowed(previous: string, next: string): boolean {
  const open = previous[0] === "B" || previous[0] === "I";
  if (open) return (next[0] === "I" || next[0] === "L") && next.slice(2) === previous.slice(2);
  return next === "O" || next[0] === "B" || next[0] === "U";
}

/** Xxxx → Xx, U.S. → X.X., 1996-08-22 → d-d-d, McDonald → XxXx. */
export function shape(word: string): string {
  let out = "";
  let last = "";
  for (const char of word) {
    const c = /\p{Lu}/u.test(char) ? "X" : /\p{Ll}/u.test(char) ? "x" : /\p{N}/u.test(char) ? "d" : char;
    if (c !== last) out += c;
    last = c;
  }
  return out.length > 6 ? `${out.slice(0, 6)}~` : out;
}

export const normalise = (word: string) => word.toLowerCase().replace(/\p{N}/gu, "0");

/** A line in capitals only (CoNLL headlines and datelines): its shapes say nothing about names. */
export function isCapsLine(words: readonly string[]): boolean {
  let letters = 0;
  for (const word of words) {
    if (/\p{Ll}/u.test(word)) return false;
    if (/\p{Lu}{2}/u.test(word)) letters++;
  }
  return letters >= 2;
}

const CAPITALISED = /^\p{Lu}/u;

/** Known-name features of each token: kind and position in the longest known name covering it. */
function gazetteerFeatures(lower: readonly string[], words: readonly string[], gazetteer: NerGazetteer): string[][] {
  const out: string[][] = lower.map(() => []);
  for (let i = 0; i < lower.length; i++) {
    if (!CAPITALISED.test(words[i]!)) continue;
    const candidates = gazetteer.names.get(lower[i]!);
    if (!candidates) continue;
    for (const { tokens, kind } of candidates) {
      if (i + tokens.length > lower.length) continue;
      let fits = true;
      for (let k = 1; k < tokens.length && fits; k++) fits = lower[i + k] === tokens[k];
      if (!fits) continue;
      const n = tokens.length;
      for (let k = 0; k < n; k++) {
        const position = n === 1 ? "U" : k === 0 ? "B" : k === n - 1 ? "L" : "I";
        out[i + k]!.push(`gz=${kind}:${position}`, `gz=${kind}`);
      }
      break;
    }
  }
  return out;
}

/** The static features of every token of a sentence. */
export function sentenceFeatures(words: readonly string[], gazetteer: NerGazetteer): string[][] {
  const caps = isCapsLine(words);
  const lower = words.map((word) => word.toLowerCase());
  const norm = words.map(normalise);
  const shapes = words.map((word) => (caps ? `C${shape(word)}` : shape(word)));
  const known = gazetteerFeatures(lower, words, gazetteer);
  const at = (list: readonly string[], i: number) => (i < 0 ? "<s>" : i >= list.length ? "</s>" : list[i]!);
  return words.map((_, i) => {
    const w = norm[i]!;
    const features = [
      "b",
      `w=${w}`,
      `w-1=${at(norm, i - 1)}`,
      `w+1=${at(norm, i + 1)}`,
      `w-2=${at(norm, i - 2)}`,
      `w+2=${at(norm, i + 2)}`,
      `w-1|w=${at(norm, i - 1)}|${w}`,
      `w|w+1=${w}|${at(norm, i + 1)}`,
      `sh=${shapes[i]}`,
      `sh-1=${at(shapes, i - 1)}`,
      `sh+1=${at(shapes, i + 1)}`,
      `sh-1|sh=${at(shapes, i - 1)}|${shapes[i]}`,
      `sh|sh+1=${shapes[i]}|${at(shapes, i + 1)}`,
      `sh|w+1=${shapes[i]}|${at(norm, i + 1)}`,
      `w-1|sh=${at(norm, i - 1)}|${shapes[i]}`,
      ...known[i]!,
    ];
    for (let k = 1; k <= 4 && k < w.length; k++) features.push(`p${k}=${w.slice(0, k)}`, `s${k}=${w.slice(-k)}`);
    if (i === 0) features.push(`first|sh=${shapes[i]}`);
    if (caps) features.push("capsline");
    if (i > 0 && gazetteer.honorifics.has(lower[i - 1]!.replace(/\.$/, ""))) features.push("hon-1");
    if (i > 0 && gazetteer.roleWords.has(lower[i - 1]!)) features.push("role-1");
    if (gazetteer.roleWords.has(lower[i]!)) features.push("role");
    for (const k of [-1, 1]) for (const f of known[i + k] ?? []) if (f.length < 12) features.push(`${k}${f}`);
    return features;
  });
}

/** The history features of token `i`: previous tags and the type the word last had in the document. */
export function historyFeatures(
  tags: readonly string[],
  i: number,
  word: string,
  shapeOf: string,
  seen: ReadonlyMap<string, string>,
): string[] {
  const t1 = i > 0 ? tags[i - 1]! : "<s>";
  const t2 = i > 1 ? tags[i - 2]! : "<s>";
  const features = [`t-1=${t1}`, `t-2|t-1=${t2}|${t1}`, `t-1|w=${t1}|${word}`, `t-1|sh=${t1}|${shapeOf}`];
  const last = seen.get(word);
  if (last) features.push(`hist=${last}`, `hist|sh=${last}|${shapeOf}`);
  return features;
}

/** Remembers the type given to each capitalised word, for `hist` features of later tokens. */
export function remember(seen: Map<string, string>, words: readonly string[], tags: readonly string[]): void {
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (!CAPITALISED.test(word) || word.length < 2) continue;
    const tag = tags[i]!;
    seen.set(normalise(word), tag === "O" ? "O" : tag.slice(2));
  }
}
