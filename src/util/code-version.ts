/**
 * A short hash of source files, for caches that must start afresh when the code that produced
 * their entries changes.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { compareStrings } from "./group.ts";

function filesUnder(target: string): string[] {
  if (!statSync(target).isDirectory()) return [target];
  return readdirSync(target, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

/** Hash of every file under the given paths (folders or files, relative to `root`), by path and content. */
export function codeVersion(root: string, paths: string[], salt = ""): string {
  const hash = createHash("sha256");
  const files = paths.flatMap((p) => filesUnder(path.join(root, p))).sort(compareStrings);
  for (const file of files) hash.update(path.relative(root, file)).update(readFileSync(file));
  hash.update(salt);
  return hash.digest("hex").slice(0, 16);
}
