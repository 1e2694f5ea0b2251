/** Publishes each article's raw seed file at /seeds/<file>, so readers can check the page against its source. */
import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import type { Archive } from "../types.ts";

/** Copies the seed files the archive's articles name; throws when one is missing or escapes the folders. */
export async function publishSeeds(archive: Archive, seedsDir: string, outDir: string): Promise<number> {
  const seedsRoot = path.resolve(seedsDir);
  const publishRoot = path.resolve(outDir, "seeds");
  const files = [...new Set(archive.articles.map((a) => a.source.file))].sort();
  for (const file of files) {
    const from = path.resolve(seedsRoot, file);
    const to = path.resolve(publishRoot, file);
    // A file name is data from the archive: never let it read or write outside the two folders.
    if (!from.startsWith(seedsRoot + path.sep) || !to.startsWith(publishRoot + path.sep)) {
      throw new Error(`seed file name leaves the seeds folder: ${file}`);
    }
    await mkdir(path.dirname(to), { recursive: true });
    await copyFile(from, to);
  }
  return files.length;
}
