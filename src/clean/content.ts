/**
 * Where the article is on the page: block classification in the manner of jusText and
 * trafilatura, on lines of plain text. Each line is judged by its length and its density of
 * function words in the page's language (prose is long and dense in them; menus, headline
 * lists, captions and widgets are short or sparse), and the article is the contiguous run of
 * lines whose worth is greatest — the densest run of prose. Boilerplate inside that run stays
 * (a short line between paragraphs is a subheading or a one-line paragraph); prose outside it
 * (a cookie notice above the story, teasers of other stories below) does not belong to the
 * article. A paragraph crowded with other lines (where blank lines set paragraphs apart), a
 * line the page repeats and the page's copyright line count against the run; a long run of
 * worthless lines costs more with each line; sentences standing alone at its edges and a list
 * right below it are the story's. Every threshold is in CONTENT_SETTINGS. The function words
 * come from the `stopword` package (62 languages; the page's language is the list that covers
 * most of its words).
 */
import stopwordLists from "stopword";
import { endsLikeSentence } from "./shape.ts";

/** Thresholds and weights of the content finder, in one place (trafilatura keeps its settings alike). */
export const CONTENT_SETTINGS = {
  /** Below this many characters a line is short: a label, a heading, a one-line sentence. */
  lengthLow: 70,
  /** From this many characters a line dense enough in function words is a paragraph of prose. */
  lengthHigh: 150,
  /** Function-word density of prose: for a long line (≥ lengthHigh) and a short sentence; for any other line. */
  stopHigh: 0.2,
  stopLow: 0.3,
  /** What a short line that is not a sentence costs the run it is in, in characters of prose (no paragraph structure known). */
  shortCost: 25,
  /** Share of its length a near-good line adds: a mid-length line of prose, a short sentence dense in function words. */
  nearWeight: 0.5,
  /** Share of its length a long line that is not prose (a run-on headline list, a cookie notice) costs. */
  badWeight: 0.5,
  /**
   * What a line of page furniture costs. Little: a furniture rule already drops the line, so
   * inside the article (a share bar, an inline "Related" list) it should not split the story.
   */
  furnitureCost: 10,
  /** What the page's copyright line costs: the story goes on below it only if much more prose follows. */
  footerCost: 300,
  /** A CJK character carries about as much as this many Latin letters. */
  cjkWeight: 3,
  /** A line with this share of CJK characters is measured by characters and sentence marks, not words. */
  cjkShare: 0.3,
  /**
   * Below this share of the page's words in its best function-word list, no list fits (Korean
   * words carry their particles, a language the package lacks): sentence marks stand for them.
   */
  minCoverage: 0.05,
  /** A paragraph of this many lines is a list, a menu or a teaser, where the page sets paragraphs apart. */
  crowdedRun: 4,
  /** Fewer blank-line paragraphs than this, and the page does not set its paragraphs apart. */
  minParagraphs: 4,
  /** Share of its worth a prose line keeps inside such a crowded paragraph; what a short line there costs more. */
  crowdedWeight: 0.3,
  crowdedShortCost: 35,
  /** A list below the story's last paragraph belongs to it with at least this many items (see listEnd). */
  minListItems: 3,
  /** How much more each further line of a run of worthless lines costs (see findContent). */
  gapGrowth: 0.5,
  /** What a short line standing alone costs (a subheading, a caption, a one-line paragraph). */
  aloneShortCost: 15,
} as const;

/** What the content finder needs to know of a line beyond its text. */
export interface ContentLine {
  text: string;
  /** A furniture rule or a menu run matched the line. */
  furniture: boolean;
  /** The line is a sentence by the shape rules (see isProse in shape.ts). */
  prose: boolean;
  /** The line shares its paragraph (lines with no blank line between) with several others. */
  crowded?: boolean;
  /** The page prints the same long line more than once (a caption and its gallery copy, a teaser in two lists). */
  repeated?: boolean;
}

export type BlockClass = "furniture" | "page footer" | "good" | "near-good" | "sentence" | "short" | "bad";

/**
 * The page's copyright line ("© 2019 CBS Interactive Inc. All Rights Reserved."): what follows
 * it is mostly other stories. Not an end: some sites print it under each photo inside the story.
 */
const COPYRIGHT_LINE = /^(?:©|\(c\)|copyright\b).{0,160}\ball rights? reserved\.?$/iu;

const TOKEN = /[\p{L}\p{N}\p{M}]+/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const ANY_CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** A line's words, lower case, as the content finder counts them. */
export function contentTokens(text: string): string[] {
  return text.toLowerCase().match(TOKEN) ?? [];
}
/** A sentence end inside the line or at its end: what stands for function words where no list fits the page. */
const SENTENCE_MARK = /[。！？]|[.!?…]["'”’»)\]]*(?:\s|$)/u;

interface Languages {
  names: string[];
  /** Word → the languages whose function-word list holds it. */
  byWord: Map<string, number[]>;
  lists: Set<string>[];
}

let languages: Languages | null = null;
function languageLists(): Languages {
  if (languages) return languages;
  // `_123` is the package's list of numerals, not a language.
  const names = Object.keys(stopwordLists)
    .filter((name) => name !== "_123" && Array.isArray(stopwordLists[name]))
    .sort();
  // English first: it wins a tie (a page of names and numbers).
  names.splice(names.indexOf("eng"), 1);
  names.unshift("eng");
  const lists = names.map((name) => new Set((stopwordLists[name] as string[]).map((word) => word.toLowerCase())));
  const byWord = new Map<string, number[]>();
  lists.forEach((list, index) => {
    for (const word of list) {
      const found = byWord.get(word);
      if (found) found.push(index);
      else byWord.set(word, [index]);
    }
  });
  languages = { names, byWord, lists };
  return languages;
}

/** The page's function words: the list, among the `stopword` package's languages, that covers most of its words. */
export function pageStopWords(tokens: string[][]): { language: string | null; words: ReadonlySet<string> | null } {
  const { names, byWord, lists } = languageLists();
  const hits = new Array<number>(names.length).fill(0);
  let count = 0;
  for (const line of tokens) {
    count += line.length;
    for (const token of line) for (const index of byWord.get(token) ?? []) hits[index]!++;
  }
  let best = 0;
  for (let i = 1; i < hits.length; i++) if (hits[i]! > hits[best]!) best = i;
  if (hits[best]! < count * CONTENT_SETTINGS.minCoverage) return { language: null, words: null };
  return { language: names[best]!, words: lists[best]! };
}

interface Measured {
  /** Length in Latin-letter equivalents. */
  size: number;
  stopDensity: number;
}

function measure(text: string, tokens: string[], stopWords: ReadonlySet<string> | null): Measured {
  const cjk = ANY_CJK.test(text) ? (text.match(CJK)?.length ?? 0) : 0;
  const { cjkWeight, cjkShare, stopLow } = CONTENT_SETTINGS;
  if (cjk >= text.length * cjkShare || !stopWords) {
    // No spaces to count words by, or no list for the language: a sentence mark stands for the function words.
    return { size: text.length + cjk * (cjkWeight - 1), stopDensity: SENTENCE_MARK.test(text) ? stopLow : 0 };
  }
  const stops = tokens.filter((token) => stopWords.has(token)).length;
  return { size: text.length, stopDensity: stops / Math.max(tokens.length, 1) };
}

/** jusText's first, context-free pass: each line on its own. */
export function classifyBlock(line: ContentLine, measured: Measured): BlockClass {
  const { lengthLow, lengthHigh, stopHigh, stopLow } = CONTENT_SETTINGS;
  if (COPYRIGHT_LINE.test(line.text)) return "page footer";
  // A repeated line counts as furniture here, though no rule drops it.
  if (line.furniture || line.repeated) return "furniture";
  const { size, stopDensity } = measured;
  if (size < lengthLow) {
    if (line.prose && stopDensity >= stopHigh) return "near-good";
    // "Trust me.", "It's very wet.": a sentence standing alone is no menu item, whatever its length.
    return !line.crowded && endsLikeSentence(line.text) ? "sentence" : "short";
  }
  if (size >= lengthHigh && stopDensity >= stopHigh) return "good";
  // A sentence is near-good however many names it carries ("…, Senator Mir Baz Khan and Nasrullah Zerey.").
  if (stopDensity >= stopLow || line.prose) return "near-good";
  return "bad";
}

function worth(kind: BlockClass, size: number, crowded: boolean | undefined): number {
  const { shortCost, nearWeight, badWeight, furnitureCost, crowdedWeight, crowdedShortCost, aloneShortCost } =
    CONTENT_SETTINGS;
  const share = crowded ? crowdedWeight : 1;
  switch (kind) {
    case "good":
      return size * share;
    case "near-good":
      return size * nearWeight * share;
    case "sentence":
      return 0;
    case "short":
      return crowded === undefined ? -shortCost : crowded ? -crowdedShortCost : -aloneShortCost;
    case "bad":
      return -size * badWeight;
    case "furniture":
      return -furnitureCost;
    case "page footer":
      return -CONTENT_SETTINGS.footerCost;
  }
}

export interface ContentRegion {
  /** Index of the first and the last line of the article, inclusive. */
  start: number;
  end: number;
  classes: BlockClass[];
}

/**
 * The article's lines: the contiguous run whose summed worth is greatest (a maximum-sum
 * subarray, as in Finn et al.'s body-text extraction), or null when no line is worth anything.
 * The earliest of equal runs wins, so the result is the same for the same page.
 */
export function findContent(
  lines: ContentLine[],
  stopWords?: ReadonlySet<string> | null,
  lineTokens?: string[][],
): ContentRegion | null {
  const tokens = lineTokens ?? lines.map((line) => contentTokens(line.text));
  const words = stopWords === undefined ? pageStopWords(tokens).words : stopWords;
  const classes: BlockClass[] = [];
  let best = 0;
  let bestStart = -1;
  let bestEnd = -1;
  let sum = 0;
  let start = 0;
  // The k-th line of a run of worthless lines costs (1 + gapGrowth·(k − 1)) times its own cost:
  // a share bar or a caption between paragraphs is a pause, a long run of them is the story's end.
  let gap = 0;
  lines.forEach((line, index) => {
    const measured = measure(line.text, tokens[index]!, words);
    const kind = classifyBlock(line, measured);
    classes.push(kind);
    if (sum <= 0) {
      sum = 0;
      start = index;
    }
    const own = worth(kind, measured.size, line.crowded);
    // Known furniture keeps its flat cost: the rules drop it anyway, and a share bar is no end of the story.
    if (kind === "furniture" || kind === "page footer" || kind === "sentence") sum += own;
    else {
      gap = own > 0 ? 0 : gap + 1;
      sum += own > 0 ? own : own * (1 + CONTENT_SETTINGS.gapGrowth * (gap - 1));
    }
    if (sum > best) {
      best = sum;
      bestStart = start;
      bestEnd = index;
    }
  });
  if (bestStart === -1) return null;
  // Sentences standing alone right at either edge are the story's: a one-line lead ("LOS
  // ANGELES (AP) — To LeBron James, triple-doubles are not a goal.") or its last short lines.
  const edge = (line: ContentLine | undefined) =>
    line?.prose === true && !line.furniture && !line.crowded && !line.repeated;
  let first = bestStart;
  while (edge(lines[first - 1])) first--;
  let last = bestEnd;
  while (edge(lines[last + 1])) last++;
  return { start: first, end: listEnd(lines, last), classes };
}

/** "1) ", "2. ", "• ", "- ": how a list item is marked, or null. */
function enumerator(text: string): string | null {
  const mark = /^(?:(\d{1,3})([.)])|([•·*–—-]{1,2}))\s/u.exec(text);
  if (!mark) return null;
  return mark[2] ? `digit${mark[2]}` : mark[3]!;
}

/**
 * What items of one list share: the same marker, or else a figure (a date, a score, a price),
 * at the start or not. A run of bare headlines is no list of the story's: it has neither.
 */
function itemShape(text: string): string | null {
  return enumerator(text) ?? (/\d/.test(text) ? `figure${/^\d/.test(text)}` : null);
}

/**
 * A list that ends the story: a paragraph's words fall short, so the densest run stops above
 * it ("Tour dates:" then "June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL", …; or "1) …",
 * "2) …"). The run goes on through a list that the line after it announces with a colon, or
 * whose items are numbered or bulleted, as long as its items keep one shape (see itemShape) or a
 * short heading stands over the next item; furniture between
 * them (a bare link under each) does not stop it.
 */
function listEnd(lines: ContentLine[], end: number): number {
  const { lengthLow, lengthHigh, minListItems } = CONTENT_SETTINGS;
  let i = end + 1;
  while (i < lines.length && lines[i]!.furniture) i++;
  if (i >= lines.length) return end;
  const announced = /:$/.test(lines[i]!.text) && !lines[i]!.prose;
  if (announced) i++;
  while (i < lines.length && lines[i]!.furniture) i++;
  const first = lines[i];
  if (!first || (!announced && !enumerator(first.text))) return end;
  const shape = itemShape(first.text);
  if (shape === null) return end;
  let items = 0;
  let last = end;
  const isItem = (line: ContentLine | undefined) =>
    line !== undefined && line.text.length < lengthHigh * 2 && itemShape(line.text) === shape;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.furniture) continue;
    if (!isItem(line)) {
      // A short heading over the next items ("DIARIO 16" over "- Catalan nationalists say …") is the list's.
      if (line.text.length < lengthLow && isItem(lines[i + 1])) continue;
      break;
    }
    items++;
    last = i;
  }
  return items >= minListItems ? last : end;
}
