/**
 * The outlet that published an article. Strong textual patterns come first ("Published in X",
 * a masthead or kicker naming the outlet, its own "About" blurb, a dateline credit, "told X"),
 * then page-furniture signatures from knowledge/outlets.yaml. A media organisation the story
 * merely quotes ("State broadcaster X said") matches none of these shapes.
 */

import type { Knowledge, OutletCues, OutletEntry } from "../../knowledge/index.ts";
import type { FrontMatter, OutletSource, TextLine } from "../../types.ts";
import { MONTH_PATTERN } from "../../util/calendar.ts";
import { escapeRegExp } from "../../util/regexp.ts";
import type { Dateline } from "./dateline.ts";

export interface OutletMatch {
  outlet: string;
  from: OutletSource;
  evidence: string;
}

/** Folds typographic variants so "TODAY’S  PAPER" matches "today's paper". */
export function foldText(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[‘’‚‛′`]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—―]/g, "-")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

function nameKey(name: string): string {
  return foldText(name).replace(/[.,:;]+$/, "");
}

/**
 * The key without a leading "The", or null when what is left is one word: "The Express
 * Tribune" is still named by "Express Tribune", but "The News" is not named by a "News"
 * menu item, nor "The Print" by a "Print" button.
 */
function looseKey(key: string): string | null {
  const rest = key.replace(/^the\s+/, "");
  return rest !== key && /\s/.test(rest) ? rest : null;
}

const namesByOutlets = new WeakMap<OutletEntry[], OutletNames>();

/** The outlet names of a knowledge load, built once (the constructor folds every spelling). */
export function outletNamesOf(outlets: OutletEntry[]): OutletNames {
  let names = namesByOutlets.get(outlets);
  if (!names) {
    names = new OutletNames(outlets);
    namesByOutlets.set(outlets, names);
  }
  return names;
}

/** Canonical outlet names by every spelling in the knowledge file, with or without a leading "The". */
export class OutletNames {
  private readonly byKey = new Map<string, OutletEntry>();
  /** Every spelling, longest first, for finding a known outlet inside running text. */
  readonly spellings: string[];

  /** Signatures compiled once: "…" in a signature stands for any short text (the date inside a masthead). */
  private readonly signatures: { outlet: string; signature: string; pattern: RegExp }[];

  /** "told Dawn", "Dawn has learnt": a known outlet named as the story's own reporter, or null without outlets. */
  readonly ownReporting: RegExp | null;

  constructor(private readonly outlets: OutletEntry[]) {
    this.signatures = outlets.flatMap((outlet) =>
      outlet.signatures.map((signature) => {
        const parts = foldText(signature)
          .split(/\s*(?:…|\.\.\.)\s*/)
          .map(escapeRegExp);
        return { outlet: outlet.name, signature, pattern: new RegExp(parts.join(".{0,80}?")) };
      }),
    );
    for (const outlet of outlets)
      for (const name of [outlet.name, ...outlet.variants]) {
        const key = nameKey(name);
        for (const k of [key, looseKey(key)]) if (k && !this.byKey.has(k)) this.byKey.set(k, outlet);
      }
    this.spellings = outlets.flatMap((o) => [o.name, ...o.variants]).sort((a, b) => b.length - a.length);
    const alternatives = this.spellings.map(escapeRegExp).join("|");
    this.ownReporting =
      this.spellings.length === 0
        ? null
        : new RegExp(
            `\\b(?:told|talking to|speaking to|in an interview with)\\s+(${alternatives})\\b|\\b(${alternatives})\\s+has\\s+learn(?:t|ed)\\b`,
          );
  }

  canonical(name: string): string | null {
    const key = nameKey(name);
    return (this.byKey.get(key) ?? this.byKey.get(key.replace(/^the\s+/, "")))?.name ?? null;
  }

  byDomain(url: string): string | null {
    let host: string;
    try {
      host = new URL(url).hostname.toLowerCase().replace(/^www\./, "");
    } catch {
      return null;
    }
    const outlet = this.outlets.find((o) => o.domains.some((d) => host === d || host.endsWith(`.${d}`)));
    return outlet?.name ?? null;
  }

  signature(text: string): { outlet: string; signature: string } | null {
    const folded = foldText(text);
    const found = this.signatures.find((entry) => entry.pattern.test(folded));
    return found ? { outlet: found.outlet, signature: found.signature } : null;
  }
}

const PROPER_NAME =
  /^(?:The\s+)?[\p{Lu}\d][\p{L}\d.&'’-]*(?:\s+(?:of\s+|the\s+|and\s+|&\s+)?[\p{Lu}\d][\p{L}\d.&'’-]*){0,5}$/u;
const MONTH_START = new RegExp(`\\b${MONTH_PATTERN}\\s+\\d`);
const PUBLISHED_IN =
  /^\W*(?:this\s+(?:article|story)\s+(?:was\s+)?)?(?:first\s+|originally\s+)?published\s+in\s+(?:the\s+print\s+edition\s+of\s+)?(.+)$/i;
const KICKER =
  /^(.+?)\s+(?:special\s+report|report|news\s+desk|web\s+desk|monitoring\s+desk|staff\s+report(?:er)?|correspondent)\s*[:|-]?\s*$/i;
const BLURB_NOUN =
  "daily|weekly|newspaper|news\\s+(?:website|portal|outlet|agency|channel|network|site|service|organi[sz]ation|magazine)|digital\\s+(?:newspaper|publication)|magazine|broadcaster|publication|media\\s+(?:outlet|house|organi[sz]ation)";
const BLURB = new RegExp(
  `^(?:about\\s+)?(.{2,60}?)\\s+(?:is|was)\\s+(?:an?|the)\\s+(?:[\\p{L}'’-]+\\s+){0,4}?(?:${BLURB_NOUN})\\b`,
  "iu",
);

/** The outlet named at the start of a "Published in X, date" text, cut before the date. */
function publishedInName(text: string): string | null {
  const match = PUBLISHED_IN.exec(text);
  if (!match) return null;
  const name = match[1]!
    .split(/,|\s+on\s+|\s+-\s+/)[0]!
    .split(MONTH_START)[0]!
    .trim();
  return name && PROPER_NAME.test(name) ? name : null;
}

function known(names: OutletNames, written: string): string | null {
  return names.canonical(written.trim());
}

/** A known outlet or, for strong patterns, a name-shaped unknown one. */
function acceptName(names: OutletNames, written: string, allowUnknown: boolean): string | null {
  const canonical = known(names, written);
  if (canonical) return canonical;
  return allowUnknown && PROPER_NAME.test(written.trim()) ? written.trim() : null;
}

function findInFurniture(lines: TextLine[], names: OutletNames): OutletMatch | null {
  for (const { text } of lines) {
    const name = publishedInName(text);
    if (name) return { outlet: known(names, name) ?? name, from: "text", evidence: text.trim() };
  }
  for (const { text } of lines) {
    // A masthead naming the outlet, alone or among "|"-separated items, or a credit line "— Reuters".
    const items = text.split("|").map((item) => item.replace(/^\s*[-—–]\s*/, "").trim());
    const masthead = items.map((item) => known(names, item)).find(Boolean);
    if (masthead) return { outlet: masthead, from: "text", evidence: text.trim() };
    const kicker = KICKER.exec(text.trim());
    const kickerName = kicker && acceptName(names, kicker[1]!, /special\s+report/i.test(text));
    if (kickerName) return { outlet: kickerName, from: "text", evidence: text.trim() };
  }
  for (const { text } of lines) {
    const blurb = BLURB.exec(text.trim());
    const blurbName = blurb && acceptName(names, blurb[1]!, true);
    if (blurbName) return { outlet: blurbName, from: "text", evidence: text.trim() };
  }
  return null;
}

interface CompiledCue {
  pattern: RegExp;
  kind: "credit" | "self-mention";
  where: "page" | "lead" | "end";
  unknown: boolean;
}

/** The cues of knowledge/outlet-cues.yaml with `{outlet}` filled in, and the words they are checked against. */
interface Cues {
  cues: CompiledCue[];
  suffixes: RegExp | null;
  notOutlets: Set<string>;
}

const cuesByKnowledge = new WeakMap<OutletCues, Cues>();

/**
 * `{outlet}` becomes a listed outlet's spelling, or (for a cue that accepts unknown outlets)
 * any short text without sentence punctuation, which `readCue` then checks is name-shaped.
 */
function cuesOf(knowledge: Knowledge, names: OutletNames): Cues {
  const data = knowledge.outletCues;
  let compiled = cuesByKnowledge.get(data);
  if (!compiled) {
    const knownNames = names.spellings.length ? `(?<outlet>${names.spellings.map(escapeRegExp).join("|")})` : null;
    const anyName = "(?<outlet>[^.,|:;()\\n]{2,60}?)";
    const suffixes = data.corporateSuffixes.map(escapeRegExp).sort((a, b) => b.length - a.length);
    compiled = {
      cues: data.cues.flatMap((cue) => {
        const name = cue.unknown ? anyName : knownNames;
        if (!name) return [];
        return [
          {
            ...cue,
            pattern: new RegExp(
              cue.pattern.replaceAll("{outlet}", () => name),
              "iu",
            ),
          },
        ];
      }),
      suffixes: suffixes.length ? new RegExp(`(?:\\s*,)?\\s+(?:${suffixes.join("|")})\\s*$`, "i") : null,
      notOutlets: new Set(data.notOutlets.map((n) => n.toLowerCase())),
    };
    cuesByKnowledge.set(data, compiled);
  }
  return compiled;
}

/** The outlet a cue names in a line: a listed outlet, or a name-shaped unknown one where the cue allows. */
function readCue(cue: CompiledCue, text: string, names: OutletNames, cues: Cues): OutletMatch | null {
  const written = cue.pattern.exec(text.replace(/[‘’]/g, "'"))?.groups?.outlet;
  if (!written) return null;
  let name = written.trim().replace(/[\s.,;:'"-]+$/, "");
  for (let before = ""; cues.suffixes && before !== name; ) {
    before = name;
    name = name.replace(cues.suffixes, "").trim();
  }
  const evidence = text.trim().slice(0, 200);
  const canonical = known(names, name);
  if (canonical) return { outlet: canonical, from: cue.kind, evidence };
  if (!cue.unknown || !PROPER_NAME.test(name) || /^[\d\s]+$/.test(name)) return null;
  if (cues.notOutlets.has(name.toLowerCase()) || cues.notOutlets.has(name.replace(/^the\s+/i, "").toLowerCase()))
    return null;
  return { outlet: name, from: cue.kind, evidence };
}

/** The first cue of a place (in the file's order) that names an outlet in the given lines, tried in order. */
function findCue(where: CompiledCue["where"], lines: TextLine[], names: OutletNames, cues: Cues): OutletMatch | null {
  for (const cue of cues.cues) {
    if (cue.where !== where) continue;
    for (const { text } of lines) {
      const found = readCue(cue, text, names, cues);
      if (found) return found;
    }
  }
  return null;
}

/** A wire credit in the dateline ("KARACHI (Reuters) -"): a listed outlet, or a name-shaped unknown agency ("(Kyodo)"). */
function datelineCredit(dateline: Dateline | null, names: OutletNames, cues: Cues): OutletMatch | null {
  const credit = dateline?.credit?.trim();
  if (!credit) return null;
  const canonical = known(names, credit);
  if (canonical) return { outlet: canonical, from: "credit", evidence: dateline!.evidence };
  if (!PROPER_NAME.test(credit) || cues.notOutlets.has(credit.toLowerCase()) || /\d/.test(credit)) return null;
  return { outlet: credit, from: "credit", evidence: dateline!.evidence };
}

/** "told Dawn", "talking to The Express Tribune", "Dawn has learnt": the outlet's own reporting. */
function findOwnReporting(body: TextLine[], names: OutletNames): OutletMatch | null {
  const told = names.ownReporting;
  if (!told) return null;
  for (const { text } of body) {
    const match = told.exec(text.replace(/[‘’]/g, "'"));
    const name = match && (match[1] ?? match[2]);
    if (name) return { outlet: known(names, name)!, from: "text", evidence: match[0] };
  }
  return null;
}

/** The publishing outlet and where it was read, or null when nothing identifies it. */
export function findOutlet(
  frontMatter: FrontMatter,
  lines: TextLine[],
  dateline: Dateline | null,
  knowledge: Knowledge,
): OutletMatch | null {
  const names = outletNamesOf(knowledge.outlets);
  if (frontMatter.outlet)
    return {
      outlet: known(names, frontMatter.outlet) ?? frontMatter.outlet,
      from: "front-matter",
      evidence: `front matter outlet: ${frontMatter.outlet}`,
    };
  const fromUrl = frontMatter.url ? names.byDomain(frontMatter.url) : null;
  if (fromUrl) return { outlet: fromUrl, from: "front-matter", evidence: `front matter url: ${frontMatter.url}` };

  const body = lines.filter((l) => l.role === "paragraph" || l.role === "subheading");
  const furniture = lines.filter((l) => (l.role !== "paragraph" && l.role !== "subheading") || publishedInName(l.text));
  const textual = findInFurniture(furniture, names);
  if (textual) return textual;
  // The page naming itself (a copyright line, "Follow X on"), footers first; then a wire credit
  // at the story's start; "told X"; then a credit at its end.
  const cues = cuesOf(knowledge, names);
  const selfMention = findCue("page", [...lines].reverse(), names, cues);
  if (selfMention) return selfMention;
  const credit =
    datelineCredit(dateline, names, cues) ??
    findCue("lead", [...lines.filter((l) => l.role === "header"), ...body.slice(0, 2)], names, cues);
  if (credit) return credit;
  const reporting = findOwnReporting(body, names);
  if (reporting) return reporting;
  const lastBody = body.length ? lines.indexOf(body.at(-1)!) : -1;
  const closing = findCue("end", [...body.slice(-2), ...lines.slice(lastBody + 1)], names, cues);
  if (closing) return closing;

  for (const { text } of lines) {
    const signed = names.signature(text);
    if (signed) return { outlet: signed.outlet, from: "signature", evidence: text.trim() };
  }
  // A signature may wrap over lines of the scraped page.
  const signed = names.signature(lines.map((l) => l.text).join(" "));
  if (signed) return { outlet: signed.outlet, from: "signature", evidence: signed.signature };
  return null;
}
