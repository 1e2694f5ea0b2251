/**
 * The page manifest `npm start` keeps in memory between builds (KeptPageManifest, src/render/page-reuse.ts):
 * it is what the site's file reads back, it follows each build's, and a file the process did not write is
 * read from disk.
 */
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { KeptExtractions } from "../src/ingest/index.ts";
import { build } from "../src/pipeline/index.ts";
import { KeptPageManifest } from "../src/render/index.ts";
import { noManifest, readPageManifest, writePageManifest } from "../src/render/page-reuse.ts";
import { KeptRecords } from "../src/resolve/index.ts";
import { treeDigest } from "./helpers/build-fixture-site.ts";

const scratch = mkdtempSync(path.join(os.tmpdir(), "news-archive-kept-manifest-"));
const seeds = path.join(scratch, "seeds");
const site = path.join(scratch, "site");

/** A site's pages and archive files by digest: what a reader gets, without the search index's files. */
const pages = async (dir: string) =>
  [...(await treeDigest(dir))].filter(([file]) => /\.(html|json|csv|xml)$/.test(file) && !/pagefind|search/.test(file));

describe("the page manifest kept between builds of one process", () => {
  const keptManifest = new KeptPageManifest();
  const options = { kept: new KeptExtractions(), keptRecords: new KeptRecords(), keptManifest };
  const rebuild = () => build({ seedsDir: seeds, outDir: site, cacheDir: path.join(scratch, "cache"), ...options });
  before(() => cpSync("seeds", seeds, { recursive: true }));
  after(() => rmSync(scratch, { recursive: true, force: true }));

  test("is the manifest the site's file holds, taken without reading it again", async () => {
    await rebuild();
    const kept = await keptManifest.read(site);
    assert.ok(Object.keys(kept.pages).length > 20, "the manifest lists the site's pages");
    // Field for field and key for key, in the order a read of the file gives them.
    assert.equal(JSON.stringify(kept), JSON.stringify(await readPageManifest(site)));
    assert.equal(await keptManifest.read(site), kept, "the same object, not the file parsed again");
  });

  test("follows each build's manifest: an edit and its restore give the pages of the first build", async () => {
    const first = await pages(site);
    const file = readdirSync(seeds).filter((name) => name.endsWith(".txt"))[0];
    const original = readFileSync(path.join(seeds, file), "utf8");
    writeFileSync(path.join(seeds, file), `${original}\nA sentence added between two builds.\n`);
    await rebuild();
    assert.notDeepEqual(await pages(site), first, "the edit changed pages");
    // Were the first build's manifest still the one taken, the restore would find the edited pages unchanged.
    writeFileSync(path.join(seeds, file), original);
    await rebuild();
    assert.deepEqual(await pages(site), first);
  });

  test("a manifest file the process did not write is read from disk", async () => {
    await rebuild();
    const other = { ...noManifest(), pages: { "articles/index.html": "written by another build" } };
    await writePageManifest(site, other);
    assert.deepEqual((await keptManifest.read(site)).pages, other.pages);
  });
});

test("the manifest's keys are in order whether or not the last manifest's order serves", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "news-archive-manifest-order-"));
  try {
    const written = async (keys: string[]) => {
      const manifest = {
        ...noManifest(),
        pages: Object.fromEntries(keys.map((key) => [key, `fingerprint of ${key}`])),
      };
      await writePageManifest(dir, manifest);
      return Object.keys((await readPageManifest(dir)).pages);
    };
    const sorted = (keys: string[]) => [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const first = ["b/index.html", "a/index.html", "c/index.html"];
    assert.deepEqual(await written(first), sorted(first));
    // The same keys in another order: the last order serves.
    assert.deepEqual(await written([...first].reverse()), sorted(first));
    // As many keys, one of them another: sorted afresh.
    const swapped = ["b/index.html", "0/index.html", "c/index.html"];
    assert.deepEqual(await written(swapped), sorted(swapped));
    // A key more.
    const more = [...swapped, "aa/index.html"];
    assert.deepEqual(await written(more), sorted(more));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
