/**
 * A short hash of source files, for caches that must start afresh when the code that produced
 * their entries changes.
 */
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { filesUnder } from "./files.ts";
import { compareStrings } from "./group.ts";

/** The files of a folder, or the file itself. */
const filesAt = (target: string): string[] => (statSync(target).isDirectory() ? filesUnder(target) : [target]);

/** Hash of every file under the given paths (folders or files, relative to `root`), by path and content. */
export function codeVersion(root: string, paths: string[], salt = ""): string {
  const hash = createHash("sha256");
  const files = paths.flatMap((p) => filesAt(path.join(root, p))).sort(compareStrings);
  for (const file of files) hash.update(path.relative(root, file)).update(readFileSync(file));
  hash.update(salt);
  return hash.digest("hex").slice(0, 16);
}
