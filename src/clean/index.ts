/**
 * Stage 2 — clean: separates the article body from page furniture. Every non-empty line
 * gets a role; furniture is kept in `lines` (bylines and footers carry metadata) and listed
 * in `discarded` with a reason, so nothing disappears without a trace. The article itself is
 * the densest run of prose on the page (content.ts): lines above it are the header, lines
 * below it the footer, and only furniture rules drop lines inside it.
 */
import { SeedRejectedError } from "../errors.ts";
import type { Knowledge } from "../knowledge/index.ts";
import type { CleanedText, Discarded, LineRole, SeedSource, TextLine } from "../types.ts";
import { CONTENT_SETTINGS, type ContentLine, contentTokens, findContent, pageStopWords } from "./content.ts";
import { compileFurniture, type FurnitureMatch, type FurnitureRules, normalisePhrase } from "./furniture.ts";
import { isProse, looksLikeSubheading } from "./shape.ts";

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
 * once the article has begun — before it, it could be a page header link like "12 Comments"
 * or a menu's "About Us", and taking everything after it would lose the article — or, for
 * lists of links, up to the next prose paragraph. The article begins at `articleStart` (where
 * the densest run of prose starts, see content.ts) and not before its first prose line.
 */
function classify(
  lines: { line: number; text: string }[],
  matches: (FurnitureMatch | null)[],
  menu: boolean[],
  rules: FurnitureRules,
  articleStart: number,
): Classified[] {
  let block: { kind: "end" | "prose"; reason: string } | null = null;
  let proseSeen = false;
  return lines.map(({ line, text }, index) => {
    const match: FurnitureMatch | null = matches[index] ?? null;
    const prose = isProse(rules.shape(text));
    const begun = proseSeen && index >= articleStart;
    if (match) {
      // Before the story a "Latest" or "Related" item is a menu link, not a list's heading.
      // Nothing ends a block that runs to the end of the page.
      if (match.block && block?.kind !== "end" && (match.block === "prose" ? begun || !menu[index] : begun))
        block = { kind: match.block, reason: match.blockReason ?? match.reason };
      return { line, text, furniture: match.reason, prose: false };
    }
    if (block?.kind === "prose" && prose) block = null;
    if (block) return { line, text, furniture: block.reason, prose: false };
    if (menu[index]) return { line, text, furniture: "navigation", prose: false };
    proseSeen ||= prose;
    return { line, text, furniture: null, prose };
  });
}

const outletNames = new WeakMap<Knowledge, Set<string>>();
function outletNamesFor(knowledge: Knowledge): Set<string> {
  let names = outletNames.get(knowledge);
  if (!names) {
    names = new Set(knowledge.outlets.flatMap((o) => [o.name, ...o.variants]).map(normalisePhrase));
    outletNames.set(knowledge, names);
  }
  return names;
}

/** "Jane Doe", "Pazir Gul | Tahir Naseer": a line of personal names and nothing else. */
const NAME = "\\p{Lu}[\\p{L}'’.-]+(?:\\s+(?:\\p{Lu}[\\p{L}'’.-]+|bin|ul|ud|al|el|de|van|von)){1,3}";
const NAMES_LINE = new RegExp(`^${NAME}(?:\\s*(?:[|/,&]|\\band\\b)\\s*${NAME}){0,3}$`, "u");

/**
 * Credits the page prints around the headline: the caption after a photo credit ("Getty Images" then a caption
 * without a full stop), and an author's name standing next to a time stamp or an outlet credit.
 */
function markHeaderCredits(entries: Classified[], rules: FurnitureRules): Classified[] {
  const firstProse = entries.findIndex((entry) => entry.prose);
  const header = firstProse === -1 ? entries.length : firstProse;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (entry.furniture) continue;
    const previous = entries[i - 1];
    if (previous?.furniture === "image credit" && !rules.shape(entry.text).endsLikeSentence && !entry.prose) {
      entry.furniture = "image caption";
    }
  }
  // Below a deck set as a sentence, a "By …" line is still the byline, not a paragraph of the story.
  for (let i = header + 1; i < entries.length; i++) {
    const entry = entries[i]!;
    const names = entry.text.trim().replace(/^by\s+/i, "");
    if (!entry.furniture && names !== entry.text.trim() && NAMES_LINE.test(names)) {
      entry.furniture = "byline";
      entry.prose = false;
    }
  }
  const stamp = (entry: Classified | undefined) =>
    entry?.furniture !== null &&
    entry?.furniture !== undefined &&
    /time stamp|dated byline|masthead|publication footer/.test(entry.furniture);
  for (let i = 0; i < header; i++) {
    const entry = entries[i]!;
    // A "By …" line is a byline the article keeps in its header (see findByline).
    if (entry.furniture || /^by\s/i.test(entry.text.trim()) || !NAMES_LINE.test(entry.text.trim())) continue;
    if (stamp(entries[i - 1]) || stamp(entries[i + 1])) entry.furniture = "byline";
  }
  return entries;
}

/** A short label: a menu item or share button ("World", "U.S.", "Show Purposes"), never a dateline ("LAHORE:"). */
function isShortLabel(text: string, rules: FurnitureRules): boolean {
  const shape = rules.shape(text);
  const trimmed = text.trim();
  // A bare dateline in capitals ("NEW DELHI") or with a colon ("LAHORE:") starts the story.
  // Nor is a byline ("By Ann Lee") a menu item, nor a numbered list's item ("3) Drinking water").
  if (
    /[:,]$/.test(trimmed) ||
    /^[\p{Lu}][\p{Lu}\s'’-]{3,}$/u.test(trimmed) ||
    /^by\s/i.test(trimmed) ||
    /^\d{1,3}[.)]\s/.test(trimmed)
  )
    return false;
  // One word with a dot ("U.S.") is an abbreviation, not a sentence.
  return shape.words.length > 0 && shape.words.length <= 3 && (!shape.endsLikeSentence || shape.words.length === 1);
}

/**
 * Lines inside a menu: a run of at least three short labels, furniture lines in between
 * allowed ("Skip to main content", World, U.S., Politics; Share, Copy, Email, X). A story
 * never stacks three bare labels, so the run is navigation or a share bar.
 */
function menuRuns(lines: { text: string }[], matches: (FurnitureMatch | null)[], rules: FurnitureRules): boolean[] {
  const inMenu = lines.map(() => false);
  let start = 0;
  const close = (end: number) => {
    const labels = [];
    for (let i = start; i < end; i++) if (!matches[i]) labels.push(i);
    const furniture = end - start - labels.length;
    if (labels.length >= 3 || (labels.length >= 1 && furniture >= 2 && labels.length <= furniture))
      for (let i = start; i < end; i++) inMenu[i] = true;
  };
  for (let i = 0; i <= lines.length; i++) {
    const part =
      i < lines.length &&
      (matches[i] ? !matches[i]!.block || matches[i]!.block === "prose" : isShortLabel(lines[i]!.text, rules));
    if (!part) {
      close(i);
      start = i + 1;
    }
  }
  return inMenu;
}

/**
 * Lines that share their paragraph with several others. Where a page sets its paragraphs apart
 * with blank lines, a story's paragraph stands alone, while menus, headline lists and teasers
 * (headline, author, date, summary) are runs of lines with no blank line between them. A page
 * with hardly any blank line says nothing this way: no line of it is crowded.
 */
function crowdedLines(lines: { line: number }[]): boolean[] {
  const { crowdedRun, minParagraphs } = CONTENT_SETTINGS;
  const runs: number[] = [];
  const runOf = lines.map((entry, index) => {
    if (index === 0 || entry.line !== lines[index - 1]!.line + 1) runs.push(0);
    runs[runs.length - 1]!++;
    return runs.length - 1;
  });
  if (runs.length < minParagraphs) return lines.map(() => false);
  return runOf.map((run) => runs[run]! >= crowdedRun);
}

/**
 * Long lines the page prints more than once: a photo caption over the photo and again in its
 * gallery, a teaser in two lists. A story does not repeat its paragraphs.
 */
function repeatedLines(lines: { text: string }[]): boolean[] {
  const seen = new Map<string, number>();
  lines.forEach(({ text }, index) => {
    // The same line twice in a row is the scraper's (a lead printed as the deck too), not the page's.
    if (text.length >= CONTENT_SETTINGS.lengthLow && text !== lines[index - 1]?.text)
      seen.set(text, (seen.get(text) ?? 0) + 1);
  });
  return lines.map(({ text }) => (seen.get(text) ?? 0) > 1);
}

/**
 * Stage 2, clean: a seed's text as lines with their roles, article paragraphs apart from page
 * furniture. A seed with no article text left is rejected here, naming the file.
 */
export function cleanSeed(source: SeedSource, knowledge: Knowledge): CleanedText {
  const cleaned = cleanText(source, knowledge);
  if (cleaned.paragraphs.length === 0) {
    throw new SeedRejectedError(source.file, "no article text: every line is page furniture or too short to be prose");
  }
  return cleaned;
}

/** Separates article paragraphs from page furniture; every dropped line is kept in `discarded` with a reason. */
export function cleanText(source: SeedSource, knowledge: Knowledge): CleanedText {
  const rules = rulesFor(knowledge);
  const nonEmpty = source.text
    .split("\n")
    .map((text, index) => ({ line: source.firstLine + index, text: text.trim() }))
    .filter(({ text }) => text !== "");
  const outlets = outletNamesFor(knowledge);
  // A masthead or outlet credit line: "Dawn", "The News International", "BBC News, Nairobi".
  const isOutletLine = (text: string) => {
    const [name, ...rest] = text.split(",");
    return outlets.has(normalisePhrase(name!)) && (rest.length === 0 || rules.shape(rest.join(",")).words.length <= 3);
  };
  const matches = nonEmpty.map(({ text }) => rules.match(text) ?? (isOutletLine(text) ? { reason: "masthead" } : null));
  // "jdoe says:" heads a reader's comment where a page has several; once, it is a quoted speaker.
  if (matches.filter((match) => match?.reason === "comment author").length < 2)
    matches.forEach((match, index) => {
      if (match?.reason === "comment author") matches[index] = null;
    });
  const menu = menuRuns(nonEmpty, matches, rules);
  const crowded = crowdedLines(nonEmpty);
  const repeated = repeatedLines(nonEmpty);
  const tokens = nonEmpty.map(({ text }) => contentTokens(text));
  const stopWords = pageStopWords(tokens).words;
  // Where the article starts, judged before any block is opened: a block opener above it is a menu link.
  const draft = findContent(
    nonEmpty.map(
      ({ text }, index): ContentLine => ({
        text,
        furniture: matches[index] !== null || menu[index]!,
        prose: isProse(rules.shape(text)),
        crowded: crowded[index]!,
        repeated: repeated[index]!,
      }),
    ),
    stopWords,
    tokens,
  );
  const classified = markHeaderCredits(classify(nonEmpty, matches, menu, rules, draft?.start ?? 0), rules);

  // The article: the densest run of prose once furniture is known; before it the header, after it the footer.
  const region = findContent(
    classified.map(({ text, furniture, prose }, index) => ({
      text,
      furniture: furniture !== null,
      prose,
      crowded: crowded[index]!,
      repeated: repeated[index]!,
    })),
    stopWords,
    tokens,
  );
  const firstProse = classified.findIndex((entry) => entry.prose);
  const lastProse = classified.reduce((found, entry, index) => (entry.prose ? index : found), -1);
  const first = region ? region.start : firstProse;
  const last = region ? region.end : lastProse;
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
