/**
 * A worker thread (started by src/render/site-overlay.ts) that lists every file under `workerData.data`,
 * relative and "/"-separated, and posts the list back: empty when a folder cannot be read. A list, not
 * lines: a seed's file name, copied into the site, may hold a line break.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";

const dir = workerData.data as string;
const files: string[] = [];
// Folder by folder, files only: a 50,000-article site has as many page folders as pages, which the render
// never asks about (a walk took 1.5 s for its 293,000 files where a recursive readdir took 2.0–2.3 s).
const folders = [""];
try {
  while (folders.length > 0) {
    const folder = folders.pop() as string;
    for (const entry of readdirSync(folder ? path.join(dir, folder) : dir, { withFileTypes: true })) {
      const rel = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isDirectory()) folders.push(rel);
      else files.push(rel);
    }
  }
} catch {
  files.length = 0; // no live site yet, or one that cannot be read: nothing is kept without asking
}
parentPort!.postMessage(files);
