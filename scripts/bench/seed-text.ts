/**
 * Reads the project's seed files at run time and turns their prose into sentence templates:
 * the names of people and places and the counts in a sentence become slots, so every
 * synthetic article can reuse the seeds' sentences with its own cast, places and numbers.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { MONTH_ABBREVIATIONS } from "../../src/util/calendar.ts";
import { escapeRegExp } from "../../src/util/regexp.ts";

/** The people named in the seeds, with the short form later mentions use ("Achakzai"). */
const SEED_PEOPLE: { names: string[]; short?: string }[] = [
  { names: ["Mir Shoaib Nosherwani"] },
  { names: ["Raheela Hameed Durrani"] },
  { names: ["Ali Madad Jattak"] },
  { names: ["Syed Iqbal Shah"] },
  { names: ["Imran Zarkoon"] },
  { names: ["Arif Khan Achakzai"] },
  { names: ["Asghar Khan Achakzai"] },
  { names: ["Dr. Ishaq Baloch"] },
  { names: ["Nasrullah Khan Zerey"] },
  { names: ["Salam Agha"] },
  { names: ["Asmat Yari"] },
  { names: ["Sanaullah Kakar"] },
  { names: ["Mir Inayat Buzdar"] },
  { names: ["Ismail Kasi"] },
  { names: ["Inayat Shah"] },
  { names: ["Khawaja Asif"], short: "Asif" },
  { names: ["Mahmood Khan Achakzai"], short: "Achakzai" },
  { names: ["Raja Nasir Abbas"], short: "Abbas" },
  { names: ["Barrister Gohar Ali Khan", "Barrister Gohar"] },
  { names: ["Raja Pervez Ashraf"], short: "Ashraf" },
  { names: ["Asad Qaiser"] },
  { names: ["Rana Sanaullah"] },
  { names: ["Azam Nazeer Tarar"] },
  { names: ["Mohsin Naqvi"] },
  { names: ["Sarfraz Bugti", "Sarfaraz Bugti"], short: "Bugti" },
  { names: ["Jam Kamal Khan", "Jam Kamal"] },
  { names: ["Dr. Malik Baloch"] },
  { names: ["Jan Muhammad Buledi", "Jan Buledi"] },
  { names: ["Mir Quddus Bizenjo"], short: "Bizenjo" },
];

const SEED_PLACES = [
  "Quetta",
  "Gwadar",
  "Mastung",
  "Noshki",
  "Nushki",
  "Dalbandin",
  "Pasni",
  "Harnai",
  "Panjgur",
  "Awaran",
  "Lasbela",
  "Hub",
];

export type Slot =
  | { kind: "person"; ref: number; form: "full" | "short" }
  | { kind: "place"; ref: number }
  | { kind: "number"; value: number };

/** Literal text alternating with slots: parts[0], slots[0], parts[1], … */
export interface SentenceTemplate {
  parts: string[];
  slots: Slot[];
}

export interface SeedMaterial {
  sentences: SentenceTemplate[];
  /** Lorem-ipsum lines of the cart-widget seed, reused as page furniture. */
  loremLines: string[];
  /** Hash of the seed texts, so a cached corpus is rebuilt when the seeds change. */
  fingerprint: string;
}

function buildSlotPattern(): { pattern: RegExp; slotOf: Map<string, Slot> } {
  const slotOf = new Map<string, Slot>();
  SEED_PEOPLE.forEach((person, ref) => {
    for (const name of person.names) slotOf.set(name, { kind: "person", ref, form: "full" });
    if (person.short) slotOf.set(person.short, { kind: "person", ref, form: "short" });
  });
  SEED_PLACES.forEach((place, ref) => {
    slotOf.set(place, { kind: "place", ref });
  });
  // Longest first, so "Jam Kamal Khan" wins over "Jam Kamal" at the same position.
  const names = [...slotOf.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  // Counts are only those followed by a lower-case word ("177 terrorists"), never a day of a date.
  const pattern = new RegExp(`\\b(?:${names.join("|")})\\b|\\b\\d{1,3}(?= [a-z])`, "g");
  return { pattern, slotOf };
}

const { pattern: SLOT_PATTERN, slotOf: SLOT_OF } = buildSlotPattern();

export function compileSentence(sentence: string): SentenceTemplate {
  const parts: string[] = [];
  const slots: Slot[] = [];
  let last = 0;
  for (const match of sentence.matchAll(SLOT_PATTERN)) {
    parts.push(sentence.slice(last, match.index));
    slots.push(SLOT_OF.get(match[0]) ?? { kind: "number", value: Number(match[0]) });
    last = match.index + match[0].length;
  }
  parts.push(sentence.slice(last));
  return { parts, slots };
}

const ABBREVIATION_END = new RegExp(`\\b(?:Dr|Mr|Mrs|Ms|St|No|${MONTH_ABBREVIATIONS.join("|")}|Gen|Col|Lt|[A-Z])\\.$`);

export function splitSentences(paragraph: string): string[] {
  const pieces = paragraph.split(/(?<=[.!?][”"’']?)\s+(?=[A-Z“"‘'])/);
  const sentences: string[] = [];
  for (const piece of pieces) {
    const previous = sentences.at(-1);
    if (previous !== undefined && ABBREVIATION_END.test(previous))
      sentences[sentences.length - 1] = `${previous} ${piece}`;
    else sentences.push(piece);
  }
  return sentences;
}

const FILLER = /lorem|ipsum|dolor sit|consectetur|adipisicing/i;
const END_OF_ARTICLE = /^(?:comments?:?|leave a reply|about the author)$/i;
const LEADING_DATELINE = /^(?:[A-Z][A-Z ]{2,}:\s*|[A-Z][a-z]+, [A-Z][a-z]{2} \d{1,2}:\s*)/;

/** Prose paragraphs of one seed: long lines ending a sentence, up to the comment section. */
export function proseParagraphs(text: string): string[] {
  const paragraphs: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (END_OF_ARTICLE.test(line)) break;
    if (line.length < 60 || FILLER.test(line) || !/[.!?]["”’']?$/.test(line)) continue;
    paragraphs.push(line.replace(LEADING_DATELINE, ""));
  }
  return paragraphs;
}

function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, "0");
}

export function loadSeedMaterial(seedsDir: string): SeedMaterial {
  const files = readdirSync(seedsDir)
    .filter((name) => name.endsWith(".txt") && !name.startsWith("."))
    .sort();
  if (files.length === 0) throw new Error(`no .txt seed files in ${seedsDir}`);
  const texts = files.map((name) => readFileSync(path.join(seedsDir, name), "utf8"));
  const sentences = texts
    .flatMap(proseParagraphs)
    .flatMap(splitSentences)
    .filter((sentence) => sentence.length >= 40)
    .map(compileSentence);
  const loremLines = texts
    .flatMap((text) => text.split(/\r?\n/))
    .map((line) => line.trim())
    .filter((line) => FILLER.test(line));
  return { sentences, loremLines, fingerprint: fnv1a(texts.join("\u0000")) };
}
