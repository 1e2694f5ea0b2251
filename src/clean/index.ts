/**
 * Stage 2 — clean: separates the article body from page furniture. Every non-empty line
 * gets a role; furniture is kept in `lines` (bylines and footers carry metadata) and listed
 * in `discarded` with a reason, so nothing disappears without a trace.
 */
import type { Knowledge } from "../knowledge/index.ts";
import type { CleanedText, Discarded, LineRole, SeedSource, TextLine } from "../types.ts";
import { compileFurniture, type FurnitureMatch, type FurnitureRules } from "./furniture.ts";
import { isProse, looksLikeSubheading } from "./shape.ts";

export { compileFurniture } from "./furniture.ts";

interface Classified {
  line: number;
  text: string;
  furniture: string | null;
  prose: boolean;
}

// Compiling the knowledge's patterns once per Knowledge object, not once per seed.
const compiled = new WeakMap<Knowledge, FurnitureRules>();
function rulesFor(knowledge: Knowledge): FurnitureRules {
  let rules = compiled.get(knowledge);
  if (!rules) {
    rules = compileFurniture(knowledge.furniture);
    compiled.set(knowledge, rules);
  }
  return rules;
}

/**
 * Marks each line as furniture or not. A line that opens a block (a comment section,
 * "About the Author", "Related articles") makes the lines after it furniture too: to the end
 * once the article has begun — before any prose it could be a page header link like
 * "12 Comments", and taking everything after it would lose the article — or, for lists of
 * links, up to the next prose paragraph.
 */
function classify(lines: { line: number; text: string }[], rules: FurnitureRules): Classified[] {
  let block: { kind: "end" | "prose"; reason: string } | null = null;
  let proseSeen = false;
  return lines.map(({ line, text }) => {
    const match: FurnitureMatch | null = rules.match(text);
    const prose = isProse(rules.shape(text));
    if (match) {
      if (match.block && (match.block === "prose" || proseSeen))
        block = { kind: match.block, reason: match.blockReason ?? match.reason };
      return { line, text, furniture: match.reason, prose: false };
    }
    if (block?.kind === "prose" && prose) block = null;
    if (block) return { line, text, furniture: block.reason, prose: false };
    proseSeen ||= prose;
    return { line, text, furniture: null, prose };
  });
}

/** Stage 2: separates article paragraphs from page furniture; every dropped line is kept in `discarded` with a reason. */
export function cleanText(source: SeedSource, knowledge: Knowledge): CleanedText {
  const rules = rulesFor(knowledge);
  const nonEmpty = source.text
    .split("\n")
    .map((text, index) => ({ line: source.firstLine + index, text: text.trim() }))
    .filter(({ text }) => text !== "");
  const classified = classify(nonEmpty, rules);

  const first = classified.findIndex((entry) => entry.prose);
  const last = classified.reduce((found, entry, index) => (entry.prose ? index : found), -1);
  const roleOf = (entry: Classified, index: number): LineRole => {
    if (entry.furniture) return "furniture";
    if (first === -1 || index < first) return "header";
    if (index > last) return "footer";
    if (entry.prose) return "paragraph";
    // Between paragraphs nothing is dropped: a short line is a heading or a short paragraph.
    return looksLikeSubheading(entry.text, rules.shape(entry.text)) ? "subheading" : "paragraph";
  };

  const lines: TextLine[] = classified.map((entry, index) => ({
    line: entry.line,
    text: entry.text,
    role: roleOf(entry, index),
  }));
  const paragraphs = lines.filter((entry) => entry.role === "paragraph" || entry.role === "subheading");
  const discarded: Discarded[] = classified
    .filter((entry) => entry.furniture)
    .map((entry) => ({ line: entry.line, text: entry.text, reason: entry.furniture ?? "" }));
  return { lines, paragraphs, discarded };
}
