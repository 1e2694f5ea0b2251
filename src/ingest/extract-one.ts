import { SeedRejectedError } from "../errors.ts";
import { extractArticle } from "../extract/index.ts";
import type { Knowledge } from "../knowledge/index.ts";
import type { ExtractedArticle, Rejected, SeedSource } from "../types.ts";

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

export const isRejected = (x: ExtractedArticle | Rejected): x is Rejected => "reason" in x;
