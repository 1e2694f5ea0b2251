/**
 * Worker threads running a TypeScript module (see typescript-worker.mjs): the module reads `data` from
 * `workerData.data` and talks to the main thread through `parentPort`. Used by the ingest's extraction
 * workers and the index stage's Pagefind worker (src/search/pagefind-bundle.ts); kept out of src/util,
 * which the extraction cache's key covers (src/cache/index.ts).
 */
import { Worker } from "node:worker_threads";

export function typescriptWorker(module: URL, data: unknown): Worker {
  return new Worker(new URL("./typescript-worker.mjs", import.meta.url), { workerData: { module: module.href, data } });
}
