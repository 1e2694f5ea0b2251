/** Renders the fixture archive, with its seed files, into a fresh temporary folder. */
import { mkdir, mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { renderSite } from "../../src/site/index.ts";
import { fixtureArchive, fixtureSeedFiles } from "./fixture-archive.ts";

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
