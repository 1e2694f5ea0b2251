/**
 * The resolve's cache files `npm start` keeps in memory between builds (KeptCaches, src/cache/kept-caches.ts): once
 * flushed, each holds what a build that reads and writes its files leaves in it, through edits, additions and
 * removals, and a build takes the kept caches, not the files.
 */
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { KeptCaches } from "../src/cache/index.ts";
import { build } from "../src/pipeline/index.ts";
import { treeDigest } from "./helpers/build-fixture-site.ts";

const scratch = mkdtempSync(path.join(os.tmpdir(), "news-archive-kept-caches-"));
const CACHE_FILES = ["text-terms.json", "story-pairs.json", "redated-events.json", "place-lookups.json"];

/** A project folder of its own: seeds, site and cache. */
function project(name: string) {
  const dir = path.join(scratch, name);
  const seeds = path.join(dir, "seeds");
  const cacheDir = path.join(dir, "cache");
  const site = path.join(dir, "site");
  return { seeds, cacheDir, site, file: (name: string) => path.join(cacheDir, name) };
}

/** A site's pages and archive files by digest, without the search index's files. */
const pages = async (dir: string) =>
  [...(await treeDigest(dir))].filter(([file]) => /\.(html|json|csv|xml)$/.test(file) && !/pagefind|search/.test(file));

describe("the resolve's caches kept between builds of one process", () => {
  const keeping = project("keeping");
  const reading = project("reading");
  const keptCaches = new KeptCaches();
  const buildKeeping = async () => {
    await build({
      seedsDir: keeping.seeds,
      outDir: keeping.site,
      cacheDir: keeping.cacheDir,
      keptCaches,
      log: () => {},
    });
    keptCaches.flush();
  };
  const buildReading = () =>
    build({ seedsDir: reading.seeds, outDir: reading.site, cacheDir: reading.cacheDir, log: () => {} });
  /** Makes the same change to both projects' seeds. */
  const change = (edit: (seeds: string) => void) => {
    edit(keeping.seeds);
    edit(reading.seeds);
  };
  const seedFiles = () =>
    readdirSync(keeping.seeds)
      .filter((name) => name.endsWith(".txt"))
      .sort();

  // Enough articles that one dropped leaves the text terms' dictionary as numbered (a tenth of them drops first).
  before(() => {
    for (const { seeds } of [keeping, reading]) {
      cpSync("seeds", seeds, { recursive: true });
      cpSync("test/fixtures/heldout", seeds, { recursive: true, filter: (from) => !from.endsWith(".json") });
    }
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  const sameFilesAndSite = async (step: string) => {
    for (const name of CACHE_FILES)
      assert.equal(
        readFileSync(keeping.file(name), "utf8"),
        readFileSync(reading.file(name), "utf8"),
        `${step}: ${name}`,
      );
    assert.deepEqual(await pages(keeping.site), await pages(reading.site), `${step}: the site`);
  };

  test("once flushed, write the files a build that reads them writes, through edits, additions and removals", async () => {
    await buildKeeping();
    await buildReading();
    await sameFilesAndSite("first build");
    const [first, second, third] = seedFiles();
    change((seeds) =>
      writeFileSync(
        path.join(seeds, first),
        `${readFileSync(path.join(seeds, first), "utf8")}\nThe provincial assembly met again on the matter in Quetta.\n`,
      ),
    );
    await buildKeeping();
    await buildReading();
    await sameFilesAndSite("an edit");
    change((seeds) => {
      const text = readFileSync(path.join(seeds, second), "utf8").replace(/\bthe\b/, "a");
      writeFileSync(path.join(seeds, `zz-added-${second}`), text);
    });
    await buildKeeping();
    await buildReading();
    await sameFilesAndSite("an addition");
    change((seeds) => rmSync(path.join(seeds, third)));
    await buildKeeping();
    await buildReading();
    await sameFilesAndSite("a removal");
  });

  test("are taken as kept, not read from the files", async () => {
    // Files no build can read: a build reading them would number the articles' words afresh, and its text terms
    // would differ from the project's that reads its own.
    for (const name of CACHE_FILES) writeFileSync(keeping.file(name), "not a cache file");
    const [first] = seedFiles();
    change((seeds) =>
      writeFileSync(
        path.join(seeds, first),
        `${readFileSync(path.join(seeds, first), "utf8")}\nOfficials in Gwadar said the talks would resume next week after the holiday.\n`,
      ),
    );
    await buildKeeping();
    await buildReading();
    for (const name of ["text-terms.json", "story-pairs.json"])
      assert.equal(readFileSync(keeping.file(name), "utf8"), readFileSync(reading.file(name), "utf8"), name);
  });
});
