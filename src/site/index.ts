/**
 * The site stage: Archive → static website in `outDir`.
 *
 * renderSite writes only its own files — pages, assets/, feed.xml, sitemap.xml, seeds/, pagefind/ and the
 * search fallback for pages opened from disk (search/offline/, src/site/offline-index.ts) —
 * and deletes nothing, so archive.json and figures.csv may be written into the same folder before or
 * after. Give it an empty folder for a clean result: files left by an earlier, different archive stay.
 */
import { readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import { configureSite } from "../../.eleventy.ts";
import type { Archive } from "../types.ts";
import { parseArchive } from "./archive-schema.ts";
import { writeOfflineIndex } from "./offline-index.ts";
import { indexSearch } from "./search-index.ts";
import { publishSeeds } from "./seeds.ts";

export interface RenderOptions {
  /** Folder of the seed files; when given, each article's seed is published at /seeds/<file> and linked. */
  seedsDir?: string;
}

export const templatesDir = fileURLToPath(new URL("../../templates/", import.meta.url));

async function countHtmlFiles(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith(".html")).length;
}

export async function renderSite(
  archive: Archive,
  outDir: string,
  options: RenderOptions = {},
): Promise<{ pages: number }> {
  const checked = parseArchive(archive);
  const output = path.resolve(outDir);
  const linkSeeds = options.seedsDir !== undefined;
  if (options.seedsDir !== undefined) await publishSeeds(checked, options.seedsDir, output);
  const eleventy = new Eleventy(templatesDir, output, {
    // No config file: the archive is handed over here, not read from disk by the CLI entry of .eleventy.ts.
    configPath: false,
    quietMode: true,
    config: (eleventyConfig) => configureSite(eleventyConfig, checked, { linkSeeds }),
  });
  // The build prints its own one-line summary; Eleventy's would be a second one.
  eleventy.disableLogger();
  await eleventy.write();
  await indexSearch(output);
  await writeOfflineIndex(checked, output);
  return { pages: await countHtmlFiles(output) };
}

export { serveSite } from "./serve.ts";
