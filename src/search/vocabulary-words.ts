/**
 * The archive's vocabulary (searchVocabulary, src/search/shards.ts) kept from one build to the next. Every
 * word of every article split and put in a set took 0.5 s of a 10,000-article rebuild and 2.4 s at 50,000, for
 * the few articles a rebuild changes. A build records, beside the site, each article's words (as numbers into
 * a table of words) under its record's digest (src/archive), and how many articles have each word. A rebuild
 * takes the words of an article whose record's digest is the recorded one as they were (its words are read
 * from its record's fields alone), counts the words of the new and changed articles in and those of the
 * changed and removed ones out, and the vocabulary is the words some article still has, sorted: what
 * searchVocabulary gives. Without a record made by the same site code, or one that does not read back whole, or
 * one whose table is mostly words no article has any more, every article's words are counted again.
 *
 * The file: "NAVW", the header's length (4 bytes, little-endian), the header as JSON (the table of words,
 * each word's count of articles, and per article its slug, record digest and the stretch of the numbers that
 * hold its words), then each article's word numbers, ascending, as differences in LEB128 varints.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { renderVersion } from "../render/page-reuse.ts";
import type { Archive, ArticleRecord } from "../types.ts";
import { compareStrings } from "../util/group.ts";
import { articleWords } from "./shards.ts";

export const VOCABULARY_WORDS_FILE = ".news-archive/vocabulary-words.bin";
const MAGIC = "NAVW";
const VERSION = 1;

interface Header {
  version: number;
  /** The site code that read the words (renderVersion): other code may read others. */
  code: string;
  words: string[];
  counts: number[];
  /** Slug, record digest, and the byte range of the article's word numbers. */
  articles: [slug: string, digest: string, start: number, end: number][];
}

interface Recorded {
  header: Header;
  numbers: Uint8Array;
}

/** The vocabulary, and the record for the next build. */
export interface KeptVocabulary {
  vocabulary: string;
  /** Articles whose words were counted (the rest were taken from the record). */
  counted: number;
  file: Buffer;
}

/** Reads the record of `siteDir`, or null when there is none whole and of this version. */
export async function readVocabularyWords(siteDir: string): Promise<Recorded | null> {
  try {
    const bytes = await readFile(path.join(siteDir, VOCABULARY_WORDS_FILE));
    if (bytes.length < 8 || bytes.toString("latin1", 0, 4) !== MAGIC) return null;
    const headerEnd = 8 + bytes.readUInt32LE(4);
    if (headerEnd > bytes.length) return null;
    const header = JSON.parse(bytes.toString("utf8", 8, headerEnd)) as Header;
    const numbers = bytes.subarray(headerEnd);
    if (header.version !== VERSION || !Array.isArray(header.words) || !Array.isArray(header.articles)) return null;
    if (header.counts.length !== header.words.length) return null;
    for (const [, , start, end] of header.articles) if (!(start <= end && end <= numbers.length)) return null;
    if (new Set(header.articles.map(([slug]) => slug)).size !== header.articles.length) return null;
    return { header, numbers };
  } catch {
    return null; // no previous site, or not one of ours: count every article's words
  }
}

/** Bytes appended to one growing buffer. */
class ByteWriter {
  private bytes = new Uint8Array(1 << 16);
  length = 0;

  private room(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.length + n, this.bytes.length * 2));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  /** Appends `value` as an unsigned LEB128 varint. */
  varint(value: number): void {
    this.room(5);
    let rest = value;
    while (rest >= 0x80) {
      this.bytes[this.length++] = (rest & 0x7f) | 0x80;
      rest >>>= 7;
    }
    this.bytes[this.length++] = rest;
  }

  copy(from: Uint8Array): void {
    this.room(from.length);
    this.bytes.set(from, this.length);
    this.length += from.length;
  }

  written(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}

/** The word numbers of one article, from its stretch of varint differences. */
function readNumbers(bytes: Uint8Array, start: number, end: number): number[] {
  const numbers: number[] = [];
  let previous = 0;
  let at = start;
  while (at < end) {
    let value = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = bytes[at++];
      value |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    previous += value;
    numbers.push(previous);
  }
  return numbers;
}

/** The table of words: each word's number, and how many articles have it. */
class WordTable {
  private numberOf: Map<string, number> | undefined;
  /** By word number: how many articles have it, and the last article (by its turn) it was counted in for. */
  private counts: Int32Array;
  private lastTurn: Int32Array;
  private turn = 0;

  constructor(
    readonly words: string[],
    counts: readonly number[],
  ) {
    this.counts = new Int32Array(Math.max(1024, words.length * 2));
    this.counts.set(counts);
    this.lastTurn = new Int32Array(this.counts.length);
  }

  /** Starts counting one article's words in. */
  nextArticle(): void {
    this.turn++;
  }

  /** Counts `word` in for the article being counted (once however often it is written); its number, or -1 if counted already. */
  countIn(word: string): number {
    this.numberOf ??= new Map(this.words.map((w, n) => [w, n]));
    let n = this.numberOf.get(word);
    if (n === undefined) {
      n = this.words.length;
      this.words.push(word);
      this.numberOf.set(word, n);
      if (n >= this.counts.length) {
        const counts = new Int32Array(this.counts.length * 2);
        counts.set(this.counts);
        this.counts = counts;
        const lastTurn = new Int32Array(this.counts.length);
        lastTurn.set(this.lastTurn);
        this.lastTurn = lastTurn;
      }
    }
    if (this.lastTurn[n] === this.turn) return -1;
    this.lastTurn[n] = this.turn;
    this.counts[n]++;
    return n;
  }

  countOut(numbers: readonly number[]): void {
    for (const n of numbers) this.counts[n]--;
  }

  count(n: number): number {
    return this.counts[n];
  }

  allCounts(): number[] {
    return Array.from(this.counts.subarray(0, this.words.length));
  }
}

/**
 * The vocabulary of `archive`, its articles' words taken from `recorded` where their records' digests (`digestOf`,
 * by slug; "" for none) are the recorded ones; and the record for the next build.
 */
export function keptVocabulary(
  archive: Archive,
  digestOf: (article: ArticleRecord) => string,
  recorded: Recorded | null,
): KeptVocabulary {
  // Two articles under one slug cannot be told apart in a record: every article is counted. (The record then
  // lists the slug twice, which makes it one no build reads.)
  const slugsUnique = new Set(archive.articles.map((article) => article.slug)).size === archive.articles.length;
  const code = renderVersion();
  const kept = recorded !== null && slugsUnique && recorded.header.code === code ? recorded : null;
  const table = new WordTable(kept ? [...kept.header.words] : [], kept ? kept.header.counts : []);
  const before = new Map(kept ? kept.header.articles.map((entry) => [entry[0], entry]) : []);
  const entries: Header["articles"] = [];
  const out = new ByteWriter();
  const numbers: number[] = [];
  let counted = 0;
  for (const article of archive.articles) {
    const digest = digestOf(article);
    const entry = before.get(article.slug);
    before.delete(article.slug);
    const start = out.length;
    if (kept && entry !== undefined && digest !== "" && entry[1] === digest) {
      out.copy(kept.numbers.subarray(entry[2], entry[3]));
    } else {
      if (kept && entry !== undefined) table.countOut(readNumbers(kept.numbers, entry[2], entry[3]));
      counted++;
      table.nextArticle();
      numbers.length = 0;
      articleWords(article, (word) => {
        const n = table.countIn(word);
        if (n >= 0) numbers.push(n);
      });
      // A typed array sorts numbers as numbers, without a comparison function.
      let previous = 0;
      for (const n of Int32Array.from(numbers).sort()) {
        out.varint(n - previous);
        previous = n;
      }
    }
    entries.push([article.slug, digest, start, out.length]);
  }
  // The articles no longer in the archive.
  if (kept) for (const [, , start, end] of before.values()) table.countOut(readNumbers(kept.numbers, start, end));

  const live: string[] = [];
  table.words.forEach((word, n) => {
    if (table.count(n) > 0) live.push(word);
  });
  // A table mostly of words no article has: start it again, every article counted.
  if (kept && table.words.length > 2 * live.length) return keptVocabulary(archive, digestOf, null);
  live.sort(compareStrings);
  const header: Header = { version: VERSION, code, words: table.words, counts: table.allCounts(), articles: entries };
  const headerBytes = Buffer.from(JSON.stringify(header), "utf8");
  const prefix = Buffer.alloc(8);
  prefix.write(MAGIC, 0, "latin1");
  prefix.writeUInt32LE(headerBytes.length, 4);
  return { vocabulary: live.join(" "), counted, file: Buffer.concat([prefix, headerBytes, out.written()]) };
}
