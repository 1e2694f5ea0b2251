/**
 * A worker thread (started by src/cache/read-ahead.ts) that reads the files of `workerData.data`, in order,
 * and drops what it read: the reads only bring the files into the operating system's page cache before the
 * build reads them itself. A file that cannot be read is passed over.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { open } from "node:fs/promises";
import { workerData } from "node:worker_threads";
import { pacedReads } from "../ingest/paced-reads.ts";

const CHUNK_BYTES = 64 * 1024;
const shared = Buffer.allocUnsafe(CHUNK_BYTES);
/** The buffers of reads in flight at once, kept for the next ones. */
const spare: Buffer[] = [];

function readNow(file: string): void {
  try {
    const fd = openSync(file, "r");
    try {
      while (readSync(fd, shared, 0, CHUNK_BYTES, null) === CHUNK_BYTES);
    } finally {
      closeSync(fd);
    }
  } catch {
    // gone, or unreadable: the build's own read says what that means
  }
}

async function readLater(file: string): Promise<void> {
  // A buffer of its own: several reads are in flight at once.
  const buffer = spare.pop() ?? Buffer.allocUnsafe(CHUNK_BYTES);
  try {
    const handle = await open(file, "r");
    try {
      while ((await handle.read(buffer, 0, CHUNK_BYTES, null)).bytesRead === CHUNK_BYTES);
    } finally {
      await handle.close();
    }
  } catch {
    // as readNow
  } finally {
    spare.push(buffer);
  }
}

await pacedReads(workerData.data as string[], readNow, readLater);
