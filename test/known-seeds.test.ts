/**
 * A rebuild knows an unchanged seed file by its stat instead of reading it (src/read/known-seeds.ts); any
 * write to the file, even one that keeps its size and modification time, has it read again, and a seed
 * whose record is not in the cache is read after all.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { FileCache } from "../src/cache/index.ts";
import { ingestSeeds } from "../src/ingest/index.ts";
import { loadKnowledge } from "../src/knowledge/index.ts";
import { readSeeds } from "../src/read/index.ts";
import type { ExtractedArticle, SeedSource } from "../src/types.ts";

const scratch = mkdtempSync(path.join(os.tmpdir(), "news-archive-known-seeds-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

const ARTICLES: Record<string, string> = {
  "a.txt": "QUETTA: Officials said the road to Chaman was reopened on Monday after talks with traders.\n",
  "b.txt":
    "---\ntitle: Traders end strike in Turbat\noutlet: Dawn\n---\nTURBAT: Traders ended their strike on Tuesday.\n",
  "c.txt": "GWADAR: Fishermen protested against trawlers off the coast on Wednesday, officials said.\n",
  // A copy of a.txt with other blank edges: one article, two files.
  "d.txt": "\nQUETTA: Officials said the road to Chaman was reopened on Monday after talks with traders.\n\n",
};

/** A fresh seeds folder holding ARTICLES. */
function seedsFolder(label: string): string {
  const dir = mkdtempSync(path.join(scratch, `${label}-`));
  for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(path.join(dir, name), text);
  return dir;
}

/** Lets a few milliseconds pass: a read with `settleMs: 0` records the files written before the millisecond it starts in. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

/** The fields of a source the later stages read, text aside. */
const header = ({ text: _text, ...rest }: SeedSource) => rest;

test("a second read knows the unchanged files by their stat; a file rewritten with its size and time kept is read", async () => {
  const dir = seedsFolder("read");
  // A whole-second modification time, which utimes can put back exactly.
  const file = path.join(dir, "c.txt");
  const longAgo = new Date("2020-01-01T00:00:00Z");
  utimesSync(file, longAgo, longAgo);
  const before = statSync(file, { bigint: true });
  await tick();

  const first = await readSeeds(dir, { settleMs: 0 });
  assert.equal(first.unread.size, 0);
  assert.deepEqual([...first.known.keys()].sort(), ["a.txt", "b.txt", "c.txt", "d.txt"]);

  const second = await readSeeds(dir, { known: first.known, settleMs: 0 });
  assert.equal(second.unread.size, second.sources.length, "no file is read");
  assert.deepEqual(second.sources.map(header), first.sources.map(header), "the same sources, copies included");
  assert.deepEqual(
    second.sources.find((s) => s.file === "a.txt")?.duplicates,
    ["d.txt"],
    "a copy is still a copy of the first file",
  );

  // The same number of bytes, and the modification time put back: the change time still moves.
  writeFileSync(file, ARTICLES["c.txt"].replace("Fishermen", "Fisherfo "));
  utimesSync(file, longAgo, longAgo);
  const after = statSync(file, { bigint: true });
  assert.equal(after.size, before.size);
  assert.equal(after.mtimeNs, before.mtimeNs);
  await tick();
  const third = await readSeeds(dir, { known: second.known, settleMs: 0 });
  const changed = third.sources.find((s) => s.file === "c.txt");
  assert.ok(changed && !third.unread.has(changed), "the rewritten file is read");
  assert.match(changed.text, /Fisherfo /);
  assert.notEqual(changed.sha256, first.sources.find((s) => s.file === "c.txt")?.sha256);
  assert.equal(third.unread.size, 2, "the others are known (a.txt with its copy, and b.txt)");
});

test("a file written just before a read is not known by its stat on the next", async () => {
  const read = await readSeeds(seedsFolder("fresh"));
  assert.equal(read.sources.length, 3);
  assert.equal(read.known.size, 0, "written within READ.settleMs of the read");
});

test("an ingest takes every unchanged seed from the cache unread, and reads a seed whose record is gone", async () => {
  const dir = seedsFolder("ingest");
  await tick();
  const knowledge = loadKnowledge();
  const cacheDir = path.join(scratch, "ingest-cache");

  const firstCache = new FileCache(cacheDir, "v1");
  const first = await ingestSeeds(dir, knowledge, { cache: firstCache, threads: 0 });
  assert.equal(first.parsed.length, 3, "three articles, one of them in two files");
  firstCache.rememberSeeds((await readSeeds(dir, { settleMs: 0 })).known);
  firstCache.saveManifest();

  /** A cache that notes whether each answer was asked with the seed's text read. */
  class NotingCache extends FileCache {
    readonly textRead: boolean[] = [];
    override get(source: SeedSource, textRead = true, intern?: <T>(value: T) => T) {
      this.textRead.push(textRead);
      return super.get(source, textRead, intern);
    }
  }
  // The records as JSON, their sources' text aside (the seed's text, dropped once its record exists).
  const records = (extracted: ExtractedArticle[]) =>
    JSON.stringify(
      extracted.map(({ source, ...rest }) => {
        const { text: _text, ...kept } = source as ExtractedArticle["source"] & { text?: string };
        return { ...rest, source: kept };
      }),
    );

  const again = new NotingCache(cacheDir, "v1");
  const second = await ingestSeeds(dir, knowledge, { cache: again, threads: 0 });
  assert.deepEqual(second.parsed, []);
  assert.deepEqual(again.textRead, [false, false, false], "no seed was read");
  assert.equal(records(second.extracted), records(first.extracted));

  // The record of c.txt is gone from the cache: c.txt is read and extracted again, the same.
  const sha = first.extracted.find((a) => a.source.file === "c.txt")?.source.sha256;
  const version = path.join(cacheDir, "v1");
  assert.ok(readdirSync(version).includes(`${sha}.2.json`));
  rmSync(path.join(version, `${sha}.2.json`));
  const third = await ingestSeeds(dir, knowledge, { cache: new FileCache(cacheDir, "v1"), threads: 0 });
  assert.deepEqual(third.parsed, ["c.txt"]);
  assert.equal(records(third.extracted), records(first.extracted));
});
