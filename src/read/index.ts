import type { Rejected, SeedSource } from "../types.ts";

export interface ReadResult {
  sources: SeedSource[];
  rejected: Rejected[];
}

/** Stage 1: reads every seed file of `dir` into a decoded SeedSource, rejecting bad files with a reason. */
export async function readSeeds(_dir: string): Promise<ReadResult> {
  throw new Error("not implemented");
}
