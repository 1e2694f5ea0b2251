/**
 * Cache files read ahead of the build, off the main thread.
 *
 * A rebuild reads the cached extraction of every unchanged seed, one small file after another, each read
 * waiting for the last. When the files are in the operating system's page cache that is quick (50,000 files,
 * 554 MB, in 0.5 s); when they are not — the site was written since, or the machine did other work — each
 * read waits on the disk, and the same files took 11.3 s. So a worker thread reads the build's files ahead of
 * it, several at once when they come from the disk (src/ingest/paced-reads.ts), and the build's own reads find
 * them in memory.
 *
 * The worker only warms the page cache: it drops what it reads, and the build reads every file itself as it
 * did before. A file read late, or not at all, changes nothing but the time.
 */
import { typescriptWorker } from "../ingest/typescript-worker.ts";

export interface ReadAhead {
  /** The files being read, in order. */
  readonly files: readonly string[];
  /** Settles once the worker has ended: every file read, or stopped, or failed. */
  readonly done: Promise<void>;
  /** Stops reading (the build has read what it needed, or failed). */
  stop(): void;
}

/**
 * Fewer files than this are not read ahead: starting the worker (tsx's loader in it) costs 0.2–0.4 s of a
 * core, and 1,000 files on the disk are read in about that time.
 */
const FEWEST_READ_AHEAD = 1000;

/** Starts reading `files` ahead, in order, if there are at least `fewest` (FEWEST_READ_AHEAD). */
export function readAhead(files: readonly string[], fewest = FEWEST_READ_AHEAD): ReadAhead {
  if (files.length < Math.max(fewest, 1)) return { files: [], done: Promise.resolve(), stop() {} };
  const worker = typescriptWorker(new URL("./read-ahead-worker.ts", import.meta.url), files);
  // Never the build's failure: a worker that fails has warmed less.
  worker.on("error", () => {});
  const done = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  return {
    files,
    done,
    stop() {
      void worker.terminate();
    },
  };
}
