/**
 * A worker thread (started by src/render/site-overlay.ts) that lists every file under `workerData.data`,
 * relative and "/"-separated, and posts the list back: empty when the folder cannot be read. A list, not
 * lines: a seed's file name, copied into the site, may hold a line break.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";

const dir = workerData.data as string;
const files: string[] = [];
try {
  // Files only: a 50,000-article site has as many page folders as pages, which the render never asks about.
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isDirectory()) files.push(path.relative(dir, path.join(entry.parentPath, entry.name)));
  }
} catch {
  // no live site yet: nothing to keep
}
parentPort!.postMessage(path.sep === "/" ? files : files.map((file) => file.split(path.sep).join("/")));
