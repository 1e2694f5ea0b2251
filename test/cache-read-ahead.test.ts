/**
 * The cache's files read ahead of a build (src/cache/read-ahead.ts): the entries of the seeds asked for, in
 * their order, then the files kept beside them; a file that cannot be read is passed over, and a read
 * stopped early ends the worker. A build gives the same site with it (build.test.ts, regenerate.test.ts).
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { FileCache, TextTermsFile } from "../src/cache/index.ts";
import { readAhead } from "../src/cache/read-ahead.ts";
import { ingestSeeds } from "../src/ingest/index.ts";
import { loadKnowledge } from "../src/knowledge/index.ts";
import { readSeeds } from "../src/read/index.ts";
import { textTerms } from "../src/resolve/text-terms.ts";

const scratch = mkdtempSync(path.join(os.tmpdir(), "news-archive-read-ahead-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

test("a cache reads ahead each seed's entry in the seeds' order, then the files kept beside the entries", async () => {
  const seeds = path.join(scratch, "seeds");
  mkdirSync(seeds);
  writeFileSync(path.join(seeds, "b.txt"), "TURBAT: Traders ended their strike on Tuesday, officials said.\n");
  writeFileSync(path.join(seeds, "a.txt"), "QUETTA: Officials said the road to Chaman was reopened on Monday.\n");
  const knowledge = loadKnowledge();
  const cacheDir = path.join(scratch, "cache");
  const first = new FileCache(cacheDir, "v1");
  const read = await readSeeds(seeds);
  await ingestSeeds(seeds, knowledge, { cache: first, read });
  first.saveManifest();
  const terms = new TextTermsFile(cacheDir, "t1");
  terms.set("key", textTerms("A title", "A body"));
  terms.save();

  const cache = new FileCache(cacheDir, "v1");
  const sources = [...read.sources].reverse();
  assert.deepEqual(cache.readAhead(sources).files, [], "too few to read ahead");
  const ahead = cache.readAhead(sources, 1);
  await ahead.done;
  const entries = ahead.files.slice(0, sources.length);
  assert.equal(entries.length, 2);
  for (const [at, file] of entries.entries()) {
    assert.ok(existsSync(file), `${file} is an entry the cache holds`);
    assert.ok(path.basename(file).startsWith(sources[at].sha256), "in the order the seeds were given");
  }
  assert.deepEqual(
    ahead.files.slice(sources.length).map((file) => path.basename(file)),
    ["manifest.json", "seeds.json", "text-terms.json"],
    "then the files beside the entries",
  );
});

test("reading ahead passes over what cannot be read, and stops when told", async () => {
  const folder = mkdtempSync(path.join(scratch, "files-"));
  const file = path.join(folder, "kept.json");
  // Larger than one chunk of the worker's reads.
  writeFileSync(file, "x".repeat(200_000));
  const read = readAhead([path.join(folder, "missing.json"), folder, file], 1);
  assert.equal(read.files.length, 3);
  await read.done;

  const many = Array.from({ length: 2000 }, () => file);
  const stopped = readAhead(many);
  assert.equal(stopped.files.length, 2000);
  stopped.stop();
  await stopped.done;
  assert.deepEqual(readAhead([]).files, []);
});
