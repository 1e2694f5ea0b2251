/**
 * A worker thread (started by src/render/site-overlay.ts) that lists every file and folder under
 * `workerData.data`, relative and "/"-separated, and posts the list back: empty when the folder cannot be
 * read. A list, not lines: a seed's file name, copied into the site, may hold a line break.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";

const dir = workerData.data as string;
let listed: string[] = [];
try {
  listed = readdirSync(dir, { recursive: true, encoding: "utf8" });
} catch {
  // no live site yet: nothing to keep
}
parentPort!.postMessage(path.sep === "/" ? listed : listed.map((file) => file.split(path.sep).join("/")));
