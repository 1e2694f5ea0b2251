/**
 * Title and subtitle: the headline and deck when the page has them, else a short title cut
 * from the lead sentence at a clause boundary.
 */
import type { Knowledge } from "../../knowledge/index.ts";
import type { TextLine } from "../../types.ts";
import { splitSentences } from "../sentences.ts";
import { findByline } from "./authors.ts";
import { readDateline } from "./dateline.ts";
import { findDates, isFullDate } from "./dates.ts";
import type { OutletNames } from "./outlet.ts";

const MIN_HEADLINE_WORDS = 3;
const MAX_HEADLINE_WORDS = 30;
const MAX_TITLE_WORDS = 12;
const MAX_TITLE_CHARS = 90;
const MIN_TITLE_WORDS = 5;
// Words that open a new clause or phrase: a lead sentence cut just before one still reads whole.
const CLAUSE_OPENERS = new Set(
  "after against ahead amid amidst among across as at because before but despite during following for from in into near on over since than that through to under until when where whereas which while who whom whose with without".split(
    " ",
  ),
);

const FUNCTION_WORDS = new Set("a an and or nor of the its their his her our this these those".split(" "));

function isMetadataLine(text: string, outlets: OutletNames): boolean {
  if (/\||\bmin(?:ute)?s? read\b|^\s*by\s/i.test(text)) return true;
  if (findDates(text).some(isFullDate)) return true;
  if (outlets.canonical(text) || outlets.signature(text)) return true;
  return findByline([{ line: 0, text, role: "header" }], outlets) !== null;
}

/** A header line that reads like a headline: not a kicker, masthead, byline, date or dateline. */
function isHeadline(line: TextLine, knowledge: Knowledge, outlets: OutletNames): boolean {
  const text = line.text.trim();
  const words = text.split(/\s+/);
  if (words.length < MIN_HEADLINE_WORDS || words.length > MAX_HEADLINE_WORDS) return false;
  if (/[:|]\s*$/.test(text) || !/\p{Ll}/u.test(text)) return false;
  // A place kicker before a headline ("Chaman: Three killed, …") is not a dateline line.
  const dateline = readDateline(line, knowledge);
  if (dateline && text.slice(dateline.length).trim().split(/\s+/).length < MIN_HEADLINE_WORDS) return false;
  return !isMetadataLine(text, outlets);
}

export function findHeadline(
  lines: TextLine[],
  knowledge: Knowledge,
  outlets: OutletNames,
): { title: string; subtitle: string | null } | null {
  const firstBody = lines.find((l) => l.role === "paragraph" || l.role === "subheading")?.line;
  const header = lines.filter((l) => l.role === "header" && (firstBody === undefined || l.line < firstBody));
  const headlines = header.filter((l) => isHeadline(l, knowledge, outlets));
  const [title, deck] = headlines;
  if (!title) return null;
  return { title: title.text.trim(), subtitle: deck?.text.trim() ?? null };
}

/** Without a clause boundary, cut before a function word so the title does not end inside a noun phrase. */
function cutBeforeFunctionWord(words: string[]): number {
  let hard = MAX_TITLE_WORDS;
  while (hard > 1 && words.slice(0, hard).join(" ").length > MAX_TITLE_CHARS) hard--;
  const bare = (word: string) => word.toLowerCase().replace(/\W+$/, "");
  for (let kept = hard; kept >= MIN_TITLE_WORDS; kept--) {
    const last = bare(words[kept - 1]!);
    if (FUNCTION_WORDS.has(bare(words[kept]!)) && !FUNCTION_WORDS.has(last) && !CLAUSE_OPENERS.has(last)) return kept;
  }
  return hard;
}

/**
 * A short title from the lead sentence: whole when short, else cut at the last clause
 * boundary within the limits (a comma, else before a word that opens a clause), with an ellipsis.
 */
export function titleFromLead(sentence: string): string {
  const text = sentence.trim().replace(/[.!?]+$/, "");
  const words = text.split(/\s+/);
  if (words.length <= MAX_TITLE_WORDS && text.length <= MAX_TITLE_CHARS) return text;
  // Punctuation ends a clause more surely than a word that may open one ("at" in "at least").
  let punctuationCut = 0;
  let openerCut = 0;
  for (let kept = MIN_TITLE_WORDS; kept <= Math.min(MAX_TITLE_WORDS, words.length - 1); kept++) {
    const candidate = words.slice(0, kept).join(" ");
    if (candidate.length > MAX_TITLE_CHARS) break;
    const next = words[kept]!.toLowerCase().replace(/\W+$/, "");
    if (/[,;:]$/.test(words[kept - 1]!)) punctuationCut = kept;
    else if (CLAUSE_OPENERS.has(next)) openerCut = kept;
  }
  const cut = punctuationCut || openerCut || cutBeforeFunctionWord(words);
  return `${words
    .slice(0, cut)
    .join(" ")
    .replace(/[,;:—–-]+$/, "")}…`;
}

/** The first sentence of the first paragraph of the story (paragraphs with the dateline already cut). */
export function leadSentence(story: TextLine[]): string {
  for (const paragraph of story) {
    if (paragraph.role !== "paragraph") continue;
    const [first] = splitSentences([{ ...paragraph, text: paragraph.text.trim() }]);
    if (first) return first.text;
  }
  return "";
}
