/** Publishes each article's raw seed file at /seeds/<file>, so readers can check the page against its source. */
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Archive } from "../types.ts";
import { reusePage } from "./page-reuse.ts";
import { keptByListing } from "./site-overlay.ts";

/** The content hash of each published seed, so the next build copies only the seeds that changed. */
const PUBLISHED_SEEDS = ".news-archive/seeds.json";

type Published = Record<string, string>;

async function readPublished(siteDir: string): Promise<Published> {
  try {
    return JSON.parse(await readFile(path.join(siteDir, PUBLISHED_SEEDS), "utf8")) as Published;
  } catch {
    return {};
  }
}

/**
 * Copies the seed files the archive's articles name (or keeps the copies of `previousDir` whose content is
 * unchanged); throws when one is missing or escapes the folders.
 */
export async function publishSeeds(
  archive: Archive,
  seedsDir: string,
  outDir: string,
  previousDir?: string,
): Promise<number> {
  const seedsRoot = path.resolve(seedsDir);
  const publishRoot = path.resolve(outDir, "seeds");
  const hashes = new Map(archive.articles.map((a) => [a.source.file, a.source.sha256]));
  const files = [...hashes.keys()].sort();
  const before = previousDir ? await readPublished(previousDir) : {};
  const published: Published = {};
  const keptAtOnce = previousDir ? await keptByListing(previousDir, outDir) : null;
  for (const file of files) {
    const from = path.resolve(seedsRoot, file);
    const to = path.resolve(publishRoot, file);
    // A file name is data from the archive: never let it read or write outside the two folders.
    if (!from.startsWith(seedsRoot + path.sep) || !to.startsWith(publishRoot + path.sep)) {
      throw new Error(`seed file name leaves the seeds folder: ${file}`);
    }
    const hash = hashes.get(file)!;
    published[file] = hash;
    if (previousDir && before[file] === hash) {
      const rel = `seeds/${file}`;
      if (keptAtOnce?.(rel) || (await reusePage(previousDir, outDir, rel))) continue;
    }
    await mkdir(path.dirname(to), { recursive: true });
    await copyFile(from, to);
  }
  await mkdir(path.dirname(path.join(outDir, PUBLISHED_SEEDS)), { recursive: true });
  await writeFile(path.join(outDir, PUBLISHED_SEEDS), `${JSON.stringify(published)}\n`);
  return files.length;
}
