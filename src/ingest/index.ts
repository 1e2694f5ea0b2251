/**
 * Ingest: seeds/ → read → clean → extract → resolve → Archive.
 * One bad seed never stops the others: whatever goes wrong with a file becomes a
 * one-line entry in `rejected`, and every other article is built as usual.
 */
import { SeedRejectedError } from "../errors.ts";
import { extractArticle } from "../extract/index.ts";
import { inferMissingYears } from "../extract/metadata/index.ts";
import type { Knowledge } from "../knowledge/index.ts";
import { readSeeds } from "../read/index.ts";
import { resolveArchive } from "../resolve/index.ts";
import type { Archive, ExtractedArticle, Rejected, SeedSource } from "../types.ts";

export interface IngestOptions {
  /** Called after each seed is extracted (for a progress counter). */
  onProgress?: (done: number, total: number) => void;
  /** Extraction results by content, so an unchanged seed is not parsed again. */
  cache?: ExtractionCache;
}

export interface ExtractionCache {
  get(source: SeedSource): ExtractedArticle | Rejected | undefined;
  /** Called with the result as extracted, before any cross-article inference changes it. */
  set(source: SeedSource, result: ExtractedArticle | Rejected): void;
}

export interface IngestResult {
  archive: Archive;
  extracted: ExtractedArticle[];
  /** Sources that were extracted afresh (not served from the cache). */
  parsed: string[];
}

/** Extracts one source, turning any failure into a rejection that names the file. */
export function extractOrReject(source: SeedSource, knowledge: Knowledge): ExtractedArticle | Rejected {
  try {
    return extractArticle(source, knowledge);
  } catch (error) {
    if (error instanceof SeedRejectedError) return { file: error.file, reason: error.reason, line: error.line };
    const message = error instanceof Error ? error.message : String(error);
    return { file: source.file, reason: `could not be processed: ${message.split("\n")[0]}` };
  }
}

const isRejected = (x: ExtractedArticle | Rejected): x is Rejected => "reason" in x;

export async function ingest(
  seedsDir: string,
  knowledge: Knowledge,
  options: IngestOptions = {},
): Promise<IngestResult> {
  const { sources, rejected } = await readSeeds(seedsDir);
  const extracted: ExtractedArticle[] = [];
  const parsed: string[] = [];
  sources.forEach((source, index) => {
    let result = options.cache?.get(source);
    if (!result) {
      result = extractOrReject(source, knowledge);
      parsed.push(source.file);
      options.cache?.set(source, result);
    }
    if (isRejected(result)) rejected.push(result);
    else extracted.push(result);
    options.onProgress?.(index + 1, sources.length);
  });
  // Years missing from a dateline are inferred from the neighbouring articles.
  inferMissingYears(extracted);
  return { archive: resolveArchive(extracted, rejected, knowledge), extracted, parsed };
}
