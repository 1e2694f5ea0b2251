/**
 * A worker thread (started by src/render/site-overlay.ts) that lists every file under `workerData.data`,
 * relative and "/"-separated, and posts the list back: empty when a folder cannot be read. A list, not
 * lines: a seed's file name, copied into the site, may hold a line break.
 */
import { type Dirent, readdirSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { pacedReads } from "../ingest/paced-reads.ts";

const dir = workerData.data as string;
const files: string[] = [];

// Folder by folder, files only: a 50,000-article site has as many page folders as pages, which the render
// never asks about (a walk took 1.5 s for its 293,000 files where a recursive readdir took 2.0–2.3 s). A level
// of folders at a time, read one after another from memory and several at once from the disk
// (src/ingest/paced-reads.ts): with its folders not in memory, that site took 11.2–12.7 s to list one folder
// after another, and takes 6.4–7.1 s so.
let level = [""];
const at = (folder: string) => (folder ? path.join(dir, folder) : dir);
const listed = (folder: string, entries: Dirent[], next: string[]) => {
  for (const entry of entries) {
    const rel = folder ? `${folder}/${entry.name}` : entry.name;
    if (entry.isDirectory()) next.push(rel);
    else files.push(rel);
  }
};
try {
  while (level.length > 0) {
    const next: string[] = [];
    await pacedReads(
      level,
      (folder) => listed(folder, readdirSync(at(folder), { withFileTypes: true }), next),
      async (folder) => listed(folder, await readdir(at(folder), { withFileTypes: true }), next),
    );
    level = next;
  }
} catch {
  files.length = 0; // no live site yet, or one that cannot be read: nothing is kept without asking
}
parentPort!.postMessage(files);
