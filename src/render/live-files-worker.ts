/**
 * A worker thread (started by src/render/site-overlay.ts) that lists every file and folder under
 * `workerData.data`, relative and "/"-separated, and posts them back as one string, a path a line: an empty
 * string when the folder cannot be read.
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
const text = path.sep === "/" ? listed.join("\n") : listed.map((file) => file.split(path.sep).join("/")).join("\n");
parentPort!.postMessage(text);
