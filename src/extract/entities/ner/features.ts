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
    const code = char.charCodeAt(0);
    const c =
      code >= 65 && code <= 90
        ? "X"
        : code >= 97 && code <= 122
          ? "x"
          : code >= 48 && code <= 57
            ? "d"
            : code < 128
              ? char
              : /\p{Lu}/u.test(char)
                ? "X"
                : /\p{Ll}/u.test(char)
                  ? "x"
                  : /\p{N}/u.test(char)
                    ? "d"
                    : char;
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

/** What the word-only features read of a word: its normalised form, shape (marked in a capitals line) and lower case. */
export interface WordView {
  norm: string;
  shape: string;
  lower: string;
  /** As written, digits as 0: "US" is not "us", "May" not "may". */
  cased: string;
}

/** Stand-ins for the words before the first and after the last. */
export const BEFORE: WordView = { norm: "<s>", shape: "<s>", lower: "", cased: "<s>" };
export const AFTER: WordView = { norm: "</s>", shape: "</s>", lower: "", cased: "</s>" };

export function wordView(word: string, caps: boolean): WordView {
  return {
    norm: normalise(word),
    shape: caps ? `C${shape(word)}` : shape(word),
    lower: word.toLowerCase(),
    cased: word.replace(/\p{N}/gu, "0"),
  };
}

/** Where a word stands from the token being tagged: itself, one or two before, one or two after. */
export const ROLES = ["c", "-1", "+1", "-2", "+2"] as const;
export type Role = (typeof ROLES)[number];

/** The features one word gives a token from where it stands (its own identity, or a neighbour's). */
export function unitFeatures(view: WordView, role: Role, gazetteer: NerGazetteer): string[] {
  const { norm: w, shape: sh, lower } = view;
  switch (role) {
    case "c": {
      const features = ["b", `w=${w}`, `sh=${sh}`, `W=${view.cased}`];
      for (let k = 1; k <= 4 && k < w.length; k++) features.push(`p${k}=${w.slice(0, k)}`, `s${k}=${w.slice(-k)}`);
      if (gazetteer.roleWords.has(lower)) features.push("role");
      return features;
    }
    case "-1": {
      const features = [`w-1=${w}`, `sh-1=${sh}`];
      if (gazetteer.honorifics.has(lower.replace(/\.$/, ""))) features.push("hon-1");
      if (gazetteer.roleWords.has(lower)) features.push("role-1");
      return features;
    }
    case "+1":
      return [`w+1=${w}`, `sh+1=${sh}`];
    case "-2":
      return [`w-2=${w}`];
    case "+2":
      return [`w+2=${w}`];
  }
}

/** A sentence's word views and each token's features that join two words or read the sentence. */
export function sentenceParts(
  words: readonly string[],
  gazetteer: NerGazetteer,
): { views: WordView[]; context: string[][] } {
  const caps = isCapsLine(words);
  const views = words.map((word) => wordView(word, caps));
  const lower = views.map((view) => view.lower);
  const known = gazetteerFeatures(lower, words, gazetteer);
  const context = words.map((_, i) => {
    const here = views[i]!;
    const previous = viewAt(views, i - 1);
    const next = viewAt(views, i + 1);
    const features = [
      `w-1|w=${previous.norm}|${here.norm}`,
      `w|w+1=${here.norm}|${next.norm}`,
      `sh-1|sh=${previous.shape}|${here.shape}`,
      `sh|sh+1=${here.shape}|${next.shape}`,
      `sh|w+1=${here.shape}|${next.norm}`,
      `w-1|sh=${previous.norm}|${here.shape}`,
      ...known[i]!,
    ];
    if (i === 0) features.push(`first|sh=${here.shape}`);
    if (caps) features.push("capsline");
    for (const k of [-1, 1]) for (const f of known[i + k] ?? []) if (f.length < 12) features.push(`${k}${f}`);
    return features;
  });
  return { views, context };
}

export function viewAt(views: readonly WordView[], i: number): WordView {
  return i < 0 ? BEFORE : i >= views.length ? AFTER : views[i]!;
}

const OFFSETS: Record<Role, number> = { c: 0, "-1": -1, "+1": 1, "-2": -2, "+2": 2 };

/** The static features of every token of a sentence (what training reads; tagging sums the same weights faster). */
export function sentenceFeatures(words: readonly string[], gazetteer: NerGazetteer): string[][] {
  const { views, context } = sentenceParts(words, gazetteer);
  return words.map((_, i) => [
    ...ROLES.flatMap((role) => unitFeatures(viewAt(views, i + OFFSETS[role]), role, gazetteer)),
    ...context[i]!,
  ]);
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
