/** File-system listing shared by the site stage and the code-version hash. */
import { readdirSync } from "node:fs";
import path from "node:path";

/**
 * Every regular file under the folder `dir`, at any depth, as paths joined onto `dir` (absolute when `dir`
 * is), in no particular order: callers sort them as they need.
 */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}
