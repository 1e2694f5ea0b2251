/**
 * Extraction is pure CPU work per seed, so a large ingest spreads it over worker threads,
 * one per core. Batches are handed out as workers become free; results are placed by
 * index, so the output order (and the archive) is the same as a single-threaded run.
 */
import { availableParallelism } from "node:os";
import type { Knowledge } from "../knowledge/index.ts";
import type { ExtractedArticle, Rejected, SeedSource } from "../types.ts";
import { typescriptWorker } from "./typescript-worker.ts";

const BATCH = 16;

export function workerCount(jobs: number): number {
  // Starting a worker (and compiling the extractor in it) costs a few hundred ms: not worth it for a few seeds.
  if (jobs < 64) return 0;
  return Math.min(availableParallelism(), 8);
}

export async function extractInWorkers(
  sources: SeedSource[],
  knowledge: Knowledge,
  threads: number,
  onResult: (index: number, result: ExtractedArticle | Rejected) => void,
): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: threads }, () =>
    // The main thread's own knowledge (plain data, so it clones), not a reload from disk: a data file
    // saved mid-build must not make workers disagree with the cache key.
    typescriptWorker(new URL("./worker.ts", import.meta.url), knowledge),
  );
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let batchStart = 0;
            const sendNext = () => {
              if (next >= sources.length) return resolve();
              batchStart = next;
              next = Math.min(sources.length, next + BATCH);
              worker.postMessage(sources.slice(batchStart, next));
            };
            worker.on("message", (results: (ExtractedArticle | Rejected)[]) => {
              for (const [i, result] of results.entries()) onResult(batchStart + i, result);
              sendNext();
            });
            worker.once("error", reject);
            worker.once("exit", (code) => {
              if (code !== 0) reject(new Error(`an ingest worker stopped with exit code ${code}`));
            });
            sendNext();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
