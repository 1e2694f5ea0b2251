/**
 * A build whose inputs are those of the site already in place has nothing to do: the same seeds, knowledge,
 * code and options make the same site, byte for byte. The site keeps what it was made from (BUILD_INPUTS:
 * a digest of the inputs, and what the build's summary reports), and a build that finds the same digest
 * and every file of the site still there stops before the ingest — a second or two at 10,000 articles,
 * where rebuilding to find every page unchanged takes twenty (`npm start` on an archive opened again).
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Knowledge } from "../knowledge/index.ts";
import type { ReadResult } from "../read/index.ts";
import type { Rejected } from "../types.ts";
import { codeVersion } from "../util/code-version.ts";
import { FILE_LIST } from "./commit.ts";

export const BUILD_INPUTS = ".news-archive/build-inputs.json";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** What made a site, and what its build reported: enough to report it again without building. */
export interface BuildInputs {
  digest: string;
  articles: number;
  rejected: Rejected[];
  unmatchedCorrections: string[];
  searchShards: number;
}

/** A site found up to date: what made it, and its pages. */
export interface UpToDate {
  inputs: BuildInputs;
  pages: number;
}

/**
 * The digest of everything a site is made from: each seed file's name and content hash (and the files the
 * read stage refused, with why), the knowledge (every file's data), the code and its dependencies (every
 * file under src/ and templates/, the Eleventy config and package-lock.json), and the options that shape
 * the output. Folders' paths are left out: the same seeds elsewhere make the same site. The code and
 * knowledge are hashed once; the function takes a read of the seeds (a build digests the read before and
 * after its ingest).
 */
export function inputsDigester(
  knowledge: Knowledge,
  options: { searchShardSize?: number },
): (read: ReadResult) => string {
  const base = createHash("sha256");
  base.update(codeVersion(ROOT, ["eleventy.config.ts", "src", "templates", "package-lock.json"]));
  // All of it: knowledge.version leaves out the files only the resolve stage reads (people, corrections).
  base.update(JSON.stringify(knowledge));
  base.update(JSON.stringify({ searchShardSize: options.searchShardSize ?? null }));
  return (read) => {
    const hash = base.copy();
    for (const source of read.sources)
      hash.update(`\n${source.sha256} ${JSON.stringify([source.file, ...source.duplicates])}`);
    for (const r of read.rejected) hash.update(`\nrejected ${JSON.stringify(r)}`);
    return hash.digest("base64url");
  };
}

/** Writes the record of what made the site, into the staged site (so it is committed with it). */
export async function writeBuildInputs(siteDir: string, inputs: BuildInputs): Promise<void> {
  const file = path.join(siteDir, BUILD_INPUTS);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(inputs, null, 1)}\n`);
}

/**
 * The site's record of what made it, when that is `digest` and every file the site lists is still there (a
 * page deleted by hand is built again); null otherwise.
 */
export async function upToDate(siteDir: string, digest: string): Promise<UpToDate | null> {
  let inputs: BuildInputs;
  let listed: string[];
  try {
    inputs = JSON.parse(await readFile(path.join(siteDir, BUILD_INPUTS), "utf8"));
    listed = (await readFile(path.join(siteDir, FILE_LIST), "utf8")).split("\n").filter(Boolean);
  } catch {
    return null; // a first build, or a site from before this record
  }
  if (inputs?.digest !== digest) return null;
  for (const file of listed) if (!existsSync(path.join(siteDir, file))) return null;
  return { inputs, pages: listed.filter((file) => file.endsWith(".html")).length };
}
