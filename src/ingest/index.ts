/**
 * Ingest: seeds/ → read → clean → extract (ingestSeeds), then → resolve → Archive (resolveRecords);
 * `ingest` does both.
 * One bad seed never stops the others: whatever goes wrong with a file becomes a
 * one-line entry in `rejected`, and every other article is built as usual.
 */
import type { Knowledge } from "../knowledge/index.ts";
import { type KnownSeed, READ_AHEAD, type ReadResult, readSeedFile, readSeeds } from "../read/index.ts";
import { type ResolveOptions, resolveArchive } from "../resolve/index.ts";
import type { Archive, ExtractedArticle, Rejected, SeedSource } from "../types.ts";
import { extractOrReject, isRejected } from "./extract-one.ts";
import type { KeptExtractions } from "./kept.ts";
import { extractInWorkers, workerCount } from "./parallel.ts";
import { StringPool } from "./string-pool.ts";

export { KeptExtractions } from "./kept.ts";

export interface IngestOptions {
  /** Called after each seed is extracted (for a progress counter). */
  onProgress?: (done: number, total: number) => void;
  /** Worker threads for extraction (default: one per core for large ingests, none for small ones). */
  threads?: number;
  /** Extraction results by content, so an unchanged seed is not parsed again. */
  cache?: ExtractionCache;
  /** The seeds folder as already read (with the cache's known seeds), so it is not read twice. */
  read?: ReadResult;
  /**
   * Extractions kept in memory by an earlier build of this process (`npm start`), set to this build's
   * extractor version: what they hold is not read from the cache again, and this build's are kept.
   */
  kept?: KeptExtractions;
}

export interface ExtractionCache {
  /**
   * The record of `source`, if kept. `textRead` false: the source's text was not read (known by its stat,
   * src/read/known-seeds.ts), so only an entry kept for its content can answer. `intern`, when given,
   * shares the entry's strings with other records' (string-pool.ts): the cache applies it as it reads, before
   * it makes anything of those strings.
   */
  get(source: SeedSource, textRead?: boolean, intern?: <T>(value: T) => T): ExtractedArticle | Rejected | undefined;
  /** Called with the result as extracted, before any cross-article inference changes it. */
  set(source: SeedSource, result: ExtractedArticle | Rejected): void;
  /** What the last build's read made of each seed file, to know unchanged files by their stat. */
  knownSeeds?(): ReadonlyMap<string, KnownSeed>;
  /** What this build's read made of them, for the next build (kept once this one succeeds). */
  rememberSeeds?(known: ReadonlyMap<string, KnownSeed>): void;
  /** `source` is still an article, though its record came from elsewhere (memory): its entry stays. */
  touch?(source: SeedSource): void;
}

export interface IngestResult {
  archive: Archive;
  /** Sources that were extracted afresh (not served from the cache). */
  parsed: string[];
}

/** The seeds' records, each on its own: what the resolve step joins into an Archive. */
export interface IngestedSeeds {
  extracted: ExtractedArticle[];
  rejected: Rejected[];
  /** Sources that were extracted afresh (not served from the cache). */
  parsed: string[];
}

export async function ingest(
  seedsDir: string,
  knowledge: Knowledge,
  options: IngestOptions = {},
): Promise<IngestResult> {
  const { extracted, rejected, parsed } = await ingestSeeds(seedsDir, knowledge, options);
  return { archive: resolveRecords(extracted, rejected, knowledge), parsed };
}

/** The cross-article stage (resolve) over freshly ingested records. */
export function resolveRecords(
  extracted: ExtractedArticle[],
  rejected: Rejected[],
  knowledge: Knowledge,
  options: ResolveOptions = {},
): Archive {
  return resolveArchive(extracted, rejected, knowledge, options);
}

/** Reads, cleans and extracts every seed of `seedsDir` (from the cache where it can). */
export async function ingestSeeds(
  seedsDir: string,
  knowledge: Knowledge,
  options: IngestOptions = {},
): Promise<IngestedSeeds> {
  const folder = options.read ?? (await readSeeds(seedsDir, { known: options.cache?.knownSeeds?.() }));
  const { sources, unread, known } = folder;
  // The read's own list stays what the read refused: the build digests it (src/pipeline/up-to-date.ts).
  const rejected = [...folder.rejected];
  options.cache?.rememberSeeds?.(known);
  // Shared copies of the strings records repeat; dropped with the ingest (string-pool.ts).
  const pool = new StringPool();
  const intern = <T>(value: T) => pool.intern(value);
  // A seed's text is dropped once its record exists (the sources are this ingest's own): 50,000 seeds'
  // text is ~0.4 GiB otherwise held to the end of the ingest.
  const dropText = (source: SeedSource) => {
    source.text = "";
  };
  const { kept } = options;
  const fromCache = (source: SeedSource): ExtractedArticle | Rejected | undefined => {
    const known = kept?.get(source);
    if (known) {
      options.cache?.touch?.(source);
      dropText(source);
      return known;
    }
    const pooled = options.cache?.get(source, !unread.has(source), intern);
    if (!pooled) return undefined;
    dropText(source);
    kept?.keep(source, pooled);
    return pooled;
  };
  const results: (ExtractedArticle | Rejected | undefined)[] = sources.map(fromCache);
  // A seed known by its stat whose record is not kept (the knowledge changed, say) is read after all.
  const unreadMissing = sources.flatMap((source, index) => (!results[index] && unread.has(source) ? [index] : []));
  for (let from = 0; from < unreadMissing.length; from += READ_AHEAD) {
    const batch = unreadMissing.slice(from, from + READ_AHEAD);
    const reads = await Promise.all(batch.map((index) => readSeedFile(seedsDir, sources[index].file)));
    batch.forEach((index, at) => {
      const source = sources[index];
      const read = reads[at];
      unread.delete(source);
      if (read.rejected) results[index] = read.rejected;
      else {
        // The file as it is now (it may have changed since its stat was taken); its copies stay its copies.
        Object.assign(source, { ...read.source, duplicates: source.duplicates });
        results[index] = fromCache(source);
      }
    });
  }
  const toParse = sources.map((source, index) => ({ source, index })).filter(({ index }) => !results[index]);
  let done = sources.length - toParse.length;
  const settle = (index: number, result: ExtractedArticle | Rejected) => {
    results[index] = pool.intern(result);
    options.cache?.set(sources[index], result);
    kept?.keep(sources[index], result);
    dropText(sources[index]);
    options.onProgress?.(++done, sources.length);
  };
  const threads = options.threads ?? workerCount(toParse.length);
  if (threads > 0) {
    const batch = toParse.map((p) => p.source);
    await extractInWorkers(batch, knowledge, threads, (i, result) => settle(toParse[i].index, result));
  } else {
    for (const { source, index } of toParse) settle(index, extractOrReject(source, knowledge));
  }
  kept?.retain(sources);
  const extracted: ExtractedArticle[] = [];
  for (const result of results) {
    if (!result) continue;
    if (isRejected(result)) rejected.push(result);
    else extracted.push(result);
  }
  return { extracted, rejected, parsed: toParse.map((p) => p.source.file) };
}
