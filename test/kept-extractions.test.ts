/**
 * Extractions kept in memory between the builds of one process (`npm start`; src/ingest/kept.ts): a rebuild
 * takes them instead of the cache's files, and makes the archive a build without them makes.
 */
import assert from "node:assert/strict";
import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { KeptExtractions } from "../src/ingest/index.ts";
import { build } from "../src/pipeline/index.ts";
import type { ExtractedArticle, SeedSource } from "../src/types.ts";

const scratch = mkdtempSync(path.join(os.tmpdir(), "news-archive-kept-"));
const seeds = path.join(scratch, "seeds");
const cacheDir = path.join(scratch, "cache");

describe("extractions kept between builds of one process", () => {
  const kept = new KeptExtractions();
  before(() => cpSync("seeds", seeds, { recursive: true }));
  after(() => rmSync(scratch, { recursive: true, force: true }));

  test("a rebuild takes the kept extractions, not the cache, and makes the archive a fresh build makes", async () => {
    const first = await build({ seedsDir: seeds, outDir: path.join(scratch, "site"), cacheDir, kept });
    assert.ok(
      first.archive.articles.some((a) => a.dateFrom === "inferred"),
      "the seeds have a year to infer",
    );
    assert.equal(kept.size, first.archive.articles.length + first.rejected.length);
    // With the cache gone, only what is kept spares an article its extraction.
    rmSync(cacheDir, { recursive: true });
    const changed = readdirSync(seeds).filter((file) => file.endsWith(".txt"))[0];
    appendFileSync(path.join(seeds, changed), "\nA sentence added after the first build.\n");
    const again = await build({ seedsDir: seeds, outDir: path.join(scratch, "site"), cacheDir, kept });
    assert.deepEqual(again.parsed, [changed]);

    const fresh = await build({ seedsDir: seeds, outDir: path.join(scratch, "fresh"), cacheDir: null });
    assert.deepEqual(again.archive, fresh.archive);
  });

  test("a build that finds the site up to date warms a new process's store from the cache", async () => {
    const site = path.join(scratch, "warmed");
    const first = await build({ seedsDir: seeds, outDir: site, cacheDir });
    const store = new KeptExtractions(); // npm start, started again on the same archive
    const opened = await build({ seedsDir: seeds, outDir: site, cacheDir, kept: store });
    assert.equal(opened.parsed.length, 0);
    await store.warmed();
    assert.equal(store.size, first.archive.articles.length + first.rejected.length);
    rmSync(cacheDir, { recursive: true });
    const changed = readdirSync(seeds).filter((file) => file.endsWith(".txt"))[1];
    appendFileSync(path.join(seeds, changed), "\nAnother sentence, added once the archive was opened again.\n");
    const saved = await build({ seedsDir: seeds, outDir: site, cacheDir, kept: store });
    assert.deepEqual(saved.parsed, [changed]);
    const fresh = await build({ seedsDir: seeds, outDir: path.join(scratch, "fresh-2"), cacheDir: null });
    assert.deepEqual(saved.archive, fresh.archive);
  });

  test("a kept extraction is frozen, and each build gets its own top-level copy carrying its seed", () => {
    const store = new KeptExtractions();
    store.use("v1");
    const source = { file: "a.txt", sha256: "abc" } as SeedSource;
    const article = {
      source,
      metadata: { date: null, title: "A" },
      flags: ["one"],
    } as unknown as ExtractedArticle;
    store.keep(source, article);
    const renamed = { file: "b.txt", sha256: "abc" } as SeedSource;
    const got = store.get(renamed) as ExtractedArticle;
    assert.equal(got.source, renamed);
    assert.notEqual(got, store.get(renamed));
    assert.throws(() => {
      (got.metadata as { date: string | null }).date = "2024-01-01";
    }, TypeError);
    assert.throws(() => got.flags.push("two"), TypeError);
    got.flags = [...got.flags, "two"]; // the top level is the build's own
    assert.deepEqual((store.get(source) as ExtractedArticle).flags, ["one"]);

    store.retain([]);
    assert.equal(store.get(source), undefined, "a seed no longer in the folder is dropped");
    store.keep(source, article);
    store.use("v2");
    assert.equal(store.get(source), undefined, "another extractor version starts empty");
  });

  test("kept extractions share one frozen copy of each list of strings, and of the empty list", () => {
    const store = new KeptExtractions();
    store.use("v1");
    const place = (variants: string[]) => ({
      key: "Quetta",
      name: "Quetta",
      variants,
      evidence: [{ text: "In Quetta." }],
    });
    const extraction = (sha256: string, variants: string[], flags: string[]) => {
      const source = { file: `${sha256}.txt`, sha256 } as SeedSource;
      const article = {
        source,
        metadata: { title: sha256 },
        entities: { people: [], parties: [], organizations: [], places: [place(variants)] },
        flags,
      } as unknown as ExtractedArticle;
      store.keep(source, article);
      return { article, kept: store.get(source) as ExtractedArticle };
    };
    const a = extraction("a", ["Quetta", "Kwatah"], ["no date found"]);
    const b = extraction("b", ["Quetta", "Kwatah"], ["no date found"]);
    const c = extraction("c", ["Quetta"], []);
    const [pa, pb, pc] = [a, b, c].map(({ kept }) => kept.entities.places[0]);
    assert.equal(pa.variants, pb.variants, "equal lists are one list");
    assert.notEqual(pa.variants, pc.variants, "a list of other items is its own");
    assert.deepEqual(pc.variants, ["Quetta"]);
    assert.ok(Object.isFrozen(pa.variants));
    assert.notEqual(pa.evidence, pb.evidence, "a list of objects is not shared");
    assert.equal(a.kept.flags, b.kept.flags);
    assert.equal(b.article.flags, a.kept.flags, "the build that kept the extraction goes on with the shared list");
    assert.equal(c.kept.entities.people, a.kept.entities.organizations, "every empty list is one list");
    assert.deepEqual(b.kept.entities.places[0].variants, ["Quetta", "Kwatah"]);
    // Sharing is by the store: another extractor version's lists are not the last version's.
    store.use("v2");
    const d = extraction("d", ["Quetta", "Kwatah"], []);
    assert.notEqual(d.kept.entities.places[0].variants, pa.variants);
    assert.deepEqual(d.kept.entities.places[0].variants, pa.variants);
  });
});
