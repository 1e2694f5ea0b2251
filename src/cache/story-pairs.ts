/**
 * The last build's pairs of similar articles (src/resolve/story-pairs.ts), kept in
 * `<cacheDir>/story-pairs.json` under the version of the code that made them. The numbers go as base64 of
 * their typed arrays: at 50,000 articles, hundreds of thousands of pairs and a million index terms, read
 * back without a number parsed each. A file that is not whole and consistent is not used: the pairs are
 * then all worked out, as in a cold build.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { KeptPairs, StoryPairsCache } from "../resolve/index.ts";
import { asciiOnly, readCacheText } from "./ascii-json.ts";
import { writeEntry } from "./write-entry.ts";

type Typed = Int32Array | Float64Array;

const base64 = (array: Typed) => Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString("base64");

/** A typed array from its base64, or undefined when the text is not one. */
function fromBase64<T extends Typed>(value: unknown, make: (buffer: ArrayBuffer) => T, width: number): T | undefined {
  if (typeof value !== "string") return undefined;
  const bytes = Buffer.from(value, "base64");
  if (bytes.length % width !== 0) return undefined;
  // Copied into a buffer of its own: a typed array must start at a multiple of its width.
  const copy = new ArrayBuffer(bytes.length);
  new Uint8Array(copy).set(bytes);
  return make(copy);
}

const isStrings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === "string");

/** Whether every number of `kept` points where it should: any other file is not used. */
function consistent(kept: KeptPairs): boolean {
  const articles = kept.digests.length;
  const terms = kept.terms.length;
  const { indexStart, indexTerms, pairA, pairB, pairS } = kept;
  if (kept.df.length !== terms || indexStart.length !== articles + 1 || indexStart[0] !== 0) return false;
  if (indexStart[articles] !== indexTerms.length) return false;
  for (let a = 0; a < articles; a++) if (indexStart[a + 1] < indexStart[a]) return false;
  for (const t of indexTerms) if (t < 0 || t >= terms) return false;
  if (pairB.length !== pairA.length || pairS.length !== pairA.length) return false;
  for (let p = 0; p < pairA.length; p++) {
    if (pairA[p] < 0 || pairA[p] >= pairB[p] || pairB[p] >= articles || !Number.isFinite(pairS[p])) return false;
  }
  return true;
}

export class StoryPairsFile implements StoryPairsCache {
  private readonly file: string;
  /** The pairs the file holds, once read or once a build of this process has finished with the cache. */
  private held: { pairs: KeptPairs | undefined } | undefined;
  private next: KeptPairs | undefined;
  /** How many articles the last grouping compared (the others' pairs kept), once it has run. */
  compared: number | undefined;

  constructor(
    cacheDir: string,
    private readonly version: string,
  ) {
    this.file = path.join(cacheDir, "story-pairs.json");
  }

  kept(): KeptPairs | undefined {
    this.held ??= { pairs: this.read() };
    return this.held.pairs;
  }

  private read(): KeptPairs | undefined {
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(readCacheText(this.file).text) as Record<string, unknown>;
    } catch {
      return undefined; // none yet, or unreadable: every pair is worked out
    }
    if (parsed.version !== this.version || !isStrings(parsed.digests) || !isStrings(parsed.terms)) return undefined;
    const ints = (name: string) => fromBase64(parsed[name], (b) => new Int32Array(b), 4);
    const kept = {
      digests: parsed.digests,
      terms: parsed.terms,
      df: ints("df"),
      indexStart: ints("indexStart"),
      indexTerms: ints("indexTerms"),
      pairA: ints("pairA"),
      pairB: ints("pairB"),
      pairS: fromBase64(parsed.pairS, (b) => new Float64Array(b), 8),
    };
    const whole = Object.values(kept).every((value) => value !== undefined);
    return whole && consistent(kept as KeptPairs) ? (kept as KeptPairs) : undefined;
  }

  keep(pairs: KeptPairs, compared: number): void {
    this.next = pairs;
    this.compared = compared;
  }

  /** Writes the pairs this build kept, if it grouped stories. */
  save(): void {
    this.finish()();
  }

  /**
   * Ends a build's use of the cache: it then holds the pairs this build kept, if it grouped stories, for a next
   * build of the same process to use without reading the file (src/cache/kept-caches.ts). Returns the writing
   * of the file, which holds them once written; nothing when the build grouped none.
   */
  finish(): () => void {
    const kept = this.next;
    this.next = undefined;
    if (!kept) return () => {};
    this.held = { pairs: kept };
    return () => {
      mkdirSync(path.dirname(this.file), { recursive: true });
      const { digests, terms, df, indexStart, indexTerms, pairA, pairB, pairS } = kept;
      const numbers = { df, indexStart, indexTerms, pairA, pairB, pairS };
      const encoded = Object.fromEntries(Object.entries(numbers).map(([name, array]) => [name, base64(array)]));
      // As ASCII, as every cache file is (src/cache/ascii-json.ts): a term may be a word of another alphabet.
      writeEntry(this.file, asciiOnly(JSON.stringify({ version: this.version, digests, terms, ...encoded })));
    };
  }
}
