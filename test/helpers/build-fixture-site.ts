/** Renders the fixture archive, with its seed files, into a fresh temporary folder. */
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { renderSite } from "../../src/pipeline/site.ts";
import { renderPages } from "../../src/render/index.ts";
import { csvFingerprint, PAGE_MANIFEST } from "../../src/render/page-reuse.ts";
import type { Archive } from "../../src/types.ts";
import { fixtureArchive, fixtureSeedFiles } from "./fixture-archive.ts";

/**
 * Files the pipeline (src/archive) writes next to the site, not renderSite: the footer links them,
 * so a rendered fixture site has links to them but not the files.
 */
export const writtenByCaller: ReadonlySet<string> = new Set(["archive.json", "figures.csv"]);

export interface FixtureSite {
  outDir: string;
  pages: number;
  renderMs: number;
}

export async function buildFixtureSite(label = "site"): Promise<FixtureSite> {
  const root = await mkdtemp(path.join(tmpdir(), `news-archive-${label}-`));
  const seedsDir = path.join(root, "seeds");
  const outDir = path.join(root, "out");
  await mkdir(seedsDir, { recursive: true });
  for (const [file, text] of fixtureSeedFiles()) await writeFile(path.join(seedsDir, file), text);
  const started = performance.now();
  const { pages } = await renderSite(fixtureArchive(), outDir, { seedsDir });
  return { outDir, pages, renderMs: performance.now() - started };
}

/** Every file under `dir`, as sorted POSIX paths relative to it. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

/** Every file under `dir` (sorted POSIX paths relative to it) with the SHA-256 of its content, for comparing two trees. */
export async function treeDigest(dir: string): Promise<Map<string, string>> {
  const digests = new Map<string, string>();
  for (const file of await listFiles(dir)) {
    digests.set(
      file,
      createHash("sha256")
        .update(await readFile(path.join(dir, file)))
        .digest("hex"),
    );
  }
  return digests;
}

/**
 * treeDigest of a rebuilt site and of a cold build of the same archive, to compare: each one's page manifest
 * (PAGE_MANIFEST) without the pages the rebuild rendered without working out their keys (a changed list of
 * articles: `unkeyed` in src/render/entity-pages-known.ts), whose fingerprints are made of their rosters and
 * whose pre-keys are not worked out, nor those pages' CSV exports. Every other entry, and every other file, must be the same.
 */
export async function rebuiltAndColdTrees(
  rebuilt: string,
  cold: string,
): Promise<[rebuilt: Map<string, string>, cold: Map<string, string>]> {
  const trees = [await treeDigest(rebuilt), await treeDigest(cold)];
  const read = async (site: string) =>
    JSON.parse(await readFile(path.join(site, PAGE_MANIFEST), "utf8")) as {
      pages: Record<string, string>;
      preKeys?: Record<string, string>;
    };
  const manifests = [await read(rebuilt), await read(cold)];
  const left: string[] = [];
  for (const [file, fingerprint] of Object.entries(manifests[0].pages)) {
    if (!fingerprint.startsWith("unkeyed ")) continue;
    const csv = csvFingerprint(fingerprint);
    left.push(file, ...Object.keys(manifests[0].pages).filter((other) => manifests[0].pages[other] === csv));
  }
  manifests.forEach((manifest, at) => {
    for (const file of left) {
      delete manifest.pages[file];
      delete manifest.preKeys?.[file];
    }
    trees[at].set(PAGE_MANIFEST, createHash("sha256").update(JSON.stringify(manifest)).digest("hex"));
  });
  return [trees[0], trees[1]];
}

/**
 * `archive` rendered twice under `folder` (the page-reuse tests' comparison): as a rebuild over the site in
 * `previousDir` (`rebuilt`, with how many pages it kept), and into an empty folder (`cold`).
 */
export async function rebuiltAndCold(
  archive: Archive,
  previousDir: string,
  folder: string,
): Promise<{ rebuilt: string; cold: string; reused: number }> {
  const rebuilt = path.join(folder, "rebuilt");
  const cold = path.join(folder, "cold");
  const { reused } = await renderPages(archive, rebuilt, { previousDir });
  await renderPages(archive, cold);
  return { rebuilt, cold, reused };
}
