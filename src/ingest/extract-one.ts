import { cleanSeed } from "../clean/index.ts";
import { SeedRejectedError } from "../errors.ts";
import { extractArticle } from "../extract/index.ts";
import type { Knowledge } from "../knowledge/index.ts";
import type { ExtractedArticle, Rejected, SeedSource } from "../types.ts";

/** Cleans and extracts one source (stages 2 and 3), turning any failure into a rejection that names the file. */
export function extractOrReject(source: SeedSource, knowledge: Knowledge): ExtractedArticle | Rejected {
  try {
    return extractArticle(source, cleanSeed(source, knowledge), knowledge);
  } catch (error) {
    if (error instanceof SeedRejectedError) return { file: error.file, reason: error.reason, line: error.line };
    const message = error instanceof Error ? error.message : String(error);
    return { file: source.file, reason: `could not be processed: ${message.split("\n")[0]}` };
  }
}

export const isRejected = (x: ExtractedArticle | Rejected): x is Rejected => "reason" in x;
