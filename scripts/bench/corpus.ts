/**
 * Writes a synthetic corpus to a folder, and reuses one already written with the same
 * parameters. A hidden marker file records them; the build and the floor skip hidden files.
 */
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { makeArticle } from "./article.ts";
import { loadSeedMaterial, type SeedMaterial } from "./seed-text.ts";

/** Bump when the generator's output changes, so cached corpora are regenerated. */
const GENERATOR_VERSION = 1;
const MARKER = ".corpus.json";
/** Enough writes in flight to keep the disk busy without holding the corpus in memory. */
const WRITES_IN_FLIGHT = 64;

export interface CorpusSpec {
  articles: number;
  seed: number;
  seedsDir: string;
}

interface Marker {
  generator: number;
  articles: number;
  seed: number;
  seedsFingerprint: string;
}

function markerFor(spec: CorpusSpec, material: SeedMaterial): Marker {
  return {
    generator: GENERATOR_VERSION,
    articles: spec.articles,
    seed: spec.seed,
    seedsFingerprint: material.fingerprint,
  };
}

async function readMarker(dir: string): Promise<Marker | undefined> {
  try {
    return JSON.parse(await readFile(path.join(dir, MARKER), "utf8")) as Marker;
  } catch {
    return undefined;
  }
}

/** Refuses to wipe a folder that is not a corpus this script wrote. */
async function clearCorpusDir(dir: string): Promise<void> {
  if (!existsSync(dir)) return;
  const entries = await readdir(dir);
  if (entries.length > 0 && !entries.includes(MARKER)) {
    throw new Error(`${dir} is not empty and holds no ${MARKER}; refusing to overwrite it`);
  }
  await rm(dir, { recursive: true, force: true });
}

export async function writeCorpus(dir: string, spec: CorpusSpec, material = loadSeedMaterial(spec.seedsDir)) {
  await clearCorpusDir(dir);
  await mkdir(dir, { recursive: true });
  let next = 0;
  let bytes = 0;
  const worker = async () => {
    while (next < spec.articles) {
      const article = makeArticle(material, spec.seed, next++);
      bytes += Buffer.byteLength(article.text);
      await writeFile(path.join(dir, article.fileName), article.text);
    }
  };
  await Promise.all(Array.from({ length: WRITES_IN_FLIGHT }, worker));
  // Written last: a corpus interrupted half-way has no marker and is regenerated.
  await writeFile(path.join(dir, MARKER), `${JSON.stringify(markerFor(spec, material))}\n`);
  return { files: spec.articles, bytes };
}

/** Returns true when a matching corpus was already there. */
export async function ensureCorpus(dir: string, spec: CorpusSpec): Promise<boolean> {
  const material = loadSeedMaterial(spec.seedsDir);
  const found = await readMarker(dir);
  const wanted = markerFor(spec, material);
  if (found && JSON.stringify(found) === JSON.stringify(wanted)) return true;
  await writeCorpus(dir, spec, material);
  return false;
}

/** The article that follows a corpus of `spec.articles`: the seed the rebuild benchmark adds. */
export async function writeExtraArticle(dir: string, spec: CorpusSpec): Promise<string> {
  const article = makeArticle(loadSeedMaterial(spec.seedsDir), spec.seed, spec.articles);
  await writeFile(path.join(dir, article.fileName), article.text);
  return article.fileName;
}
