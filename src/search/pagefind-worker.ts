/** A worker thread indexing one Pagefind bundle (src/search/pagefind-bundle.ts, indexBundleInWorker). */
import { parentPort, workerData } from "node:worker_threads";
import { type BundleAnswer, type BundleJob, indexBundleHere } from "./pagefind-bundle.ts";

const job = workerData.data as BundleJob;
let answer: BundleAnswer;
try {
  answer = { ids: [...(await indexBundleHere(job))] };
} catch (error) {
  answer = { error: error instanceof Error ? error.message : String(error) };
}
parentPort!.postMessage(answer);
