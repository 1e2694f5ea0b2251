/**
 * The articles' words for story grouping as a cache file (`TextTermsFile`), and its JSON written in pieces.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { forEachNumberedTerm, type NumberedTerms, type TextTerms, type TextTermsCache } from "../resolve/text-terms.ts";
import { compareStrings } from "../util/group.ts";
import { asciiOnly, readCacheText } from "./ascii-json.ts";
import { writeEntry } from "./write-entry.ts";

/** The share of entries kept that, dropped since, has the text terms' dictionary numbered afresh. */
const COMPACT_AFTER_DROPPED = 0.1;

/**
 * Articles' words for story grouping (src/resolve/text-terms.ts), kept between builds in one file,
 * `<cacheDir>/text-terms.json`, with the version of the code that made them: a rebuild stems only the
 * new and changed articles' text. Each text's terms are numbers into the file's dictionary of terms
 * (`NumberedTerms`). Saving keeps only the entries this build asked for; the terms only they used stay in
 * the dictionary until the entries dropped since the terms were last numbered afresh pass a tenth of those
 * kept (COMPACT_AFTER_DROPPED). Numbering afresh reads and rewrites every entry: 1.4 s at 50,000 articles
 * for each rebuild that changed one.
 */
export class TextTermsFile implements TextTermsCache {
  private readonly file: string;
  private stored = new Map<string, NumberedTerms>();
  private dictionary: string[] = [];
  /** The dictionary's number of each term, made when a text's terms are first added. */
  private numbers: Map<string, number> | undefined;
  private used = new Map<string, NumberedTerms>();
  private added = 0;
  /** Entries dropped since the dictionary was last numbered afresh: their terms may be in it unused. */
  private dropped = 0;

  constructor(
    cacheDir: string,
    private readonly version: string,
  ) {
    this.file = path.join(cacheDir, "text-terms.json");
    try {
      const parsed = JSON.parse(readCacheText(this.file).text) as {
        version?: string;
        dictionary?: unknown;
        texts?: Record<string, NumberedTerms>;
        dropped?: unknown;
      };
      const texts = parsed.texts ? Object.entries(parsed.texts) : [];
      if (
        parsed.version === version &&
        Array.isArray(parsed.dictionary) &&
        texts.every(([, numbered]) => typeof numbered === "string")
      ) {
        this.dictionary = parsed.dictionary as string[];
        this.stored = new Map(texts);
        if (Number.isSafeInteger(parsed.dropped) && (parsed.dropped as number) > 0)
          this.dropped = parsed.dropped as number;
      }
    } catch {
      // none yet, or unreadable: the terms are made again
    }
  }

  get(key: string): NumberedTerms | undefined {
    const value = this.stored.get(key);
    if (value !== undefined) this.used.set(key, value);
    return value;
  }

  set(key: string, { title, body }: TextTerms): NumberedTerms {
    if (!this.numbers) this.numbers = new Map(this.dictionary.map((term, id) => [term, id]));
    const numbers = this.numbers;
    const parts = [title.terms.length];
    for (const { terms, counts } of [title, body]) {
      terms.forEach((term, at) => {
        let id = numbers.get(term);
        if (id === undefined) {
          id = this.dictionary.length;
          numbers.set(term, id);
          this.dictionary.push(term);
        }
        parts.push(id, counts[at]);
      });
    }
    const numbered = parts.join(" ");
    this.used.set(key, numbered);
    this.added++;
    return numbered;
  }

  term(id: number): string {
    return this.dictionary[id];
  }

  /**
   * Writes the entries this build used, when they differ from the file's; numbers their terms afresh once
   * enough entries were dropped.
   */
  save(): void {
    this.finish()();
  }

  /**
   * Ends a build's use of the cache: it then holds what its file holds once written (the entries the build used,
   * numbered afresh once enough were dropped), for a next build of the same process to use without reading the
   * file (src/cache/kept-caches.ts). Returns the writing of the file: nothing when its entries are the file's.
   */
  finish(): () => void {
    let dropped = 0;
    for (const key of this.stored.keys()) if (!this.used.has(key)) dropped++;
    const used = this.used;
    const added = this.added;
    this.used = new Map();
    this.added = 0;
    if (added === 0 && dropped === 0) return () => {}; // the file's entries: `used` has every stored key
    if (this.dropped + dropped > used.size * COMPACT_AFTER_DROPPED) this.numberAfresh(used);
    else {
      this.stored = used;
      this.dropped += dropped;
    }
    const { version, dictionary, stored, dropped: written } = this;
    return () => {
      mkdirSync(path.dirname(this.file), { recursive: true });
      const sorted = [...stored].sort(([a], [b]) => compareStrings(a, b));
      writeEntry(this.file, textTermsJson(version, dictionary, sorted, written));
    };
  }

  /** Keeps only the entries of `used`, their terms numbered afresh in a dictionary of the terms they use. */
  private numberAfresh(used: Map<string, NumberedTerms>): void {
    const dictionary: string[] = [];
    const renumbered = new Map<number, number>();
    const texts = new Map<string, NumberedTerms>();
    for (const [key, numbered] of [...used].sort(([a], [b]) => compareStrings(a, b))) {
      let headlineTerms = 0;
      const pairs: number[] = [];
      forEachNumberedTerm(numbered, (cached, count, inHeadline) => {
        let id = renumbered.get(cached);
        if (id === undefined) {
          id = dictionary.length;
          renumbered.set(cached, id);
          dictionary.push(this.dictionary[cached]);
        }
        if (inHeadline) headlineTerms++;
        pairs.push(id, count);
      });
      texts.set(key, [headlineTerms, ...pairs].join(" "));
    }
    this.stored = texts;
    this.dictionary = dictionary;
    this.numbers = undefined;
    this.dropped = 0;
  }
}

/** Characters of JSON text in each piece textTermsJson gives, about. */
const PIECE_CHARS = 64 * 1024;

/**
 * The text terms file's JSON, `{version, dictionary, texts, dropped}` with `texts` an object in the order
 * given, in pieces of some kilobytes rather than one string of the whole file; ASCII (src/cache/ascii-json.ts):
 * the keys and numbers are, and a stem outside ASCII is escaped.
 */
function* textTermsJson(
  version: string,
  dictionary: readonly string[],
  texts: Iterable<[string, NumberedTerms]>,
  dropped: number,
): Generator<string> {
  let piece = `{"version":${JSON.stringify(version)},"dictionary":[`;
  for (let at = 0; at < dictionary.length; at++) {
    piece += `${at > 0 ? "," : ""}${asciiOnly(JSON.stringify(dictionary[at]))}`;
    if (piece.length >= PIECE_CHARS) {
      yield piece;
      piece = "";
    }
  }
  piece += '],"texts":{';
  let first = true;
  for (const [key, numbered] of texts) {
    piece += `${first ? "" : ","}${JSON.stringify(key)}:${JSON.stringify(numbered)}`;
    first = false;
    if (piece.length >= PIECE_CHARS) {
      yield piece;
      piece = "";
    }
  }
  yield `${piece}},"dropped":${dropped}}`;
}
