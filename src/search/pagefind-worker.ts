/** A worker thread indexing one Pagefind bundle (src/search/pagefind-bundle.ts, indexBundleInWorker). */
import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { type BundleAnswer, type BundleJob, indexBundleHere } from "./pagefind-bundle.ts";

/**
 * This thread's niceness, which the Pagefind process it starts inherits (Linux keeps one per thread). The
 * render beside it is the build's critical path: on two cores, a cold build of 10,001 articles took
 * 96.4–106.0 s with Pagefind at 10, against 101.5–117.0 s at 0 in alternating runs (the render 76.1–89.9 s
 * against 86.2–101.4 s). Pagefind takes what the render leaves, and the whole machine once it is done.
 */
const NICENESS = 10;

// Elsewhere a niceness is the whole process's, and would slow the render with it.
if (process.platform === "linux") setPriority(NICENESS);
const job = workerData.data as BundleJob;
let answer: BundleAnswer;
try {
  answer = { ids: [...(await indexBundleHere(job))] };
} catch (error) {
  answer = { error: error instanceof Error ? error.message : String(error) };
}
parentPort!.postMessage(answer);
