/**
 * Cache files are written as ASCII (src/cache/ascii-json.ts), so a read copies their bytes into one-byte
 * strings: the values read back are the ones written, and an entry an earlier version wrote as UTF-8 is
 * read as it was and written again as ASCII.
 */
import assert from "node:assert/strict";
import { isAscii } from "node:buffer";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { asciiOnly } from "../src/cache/ascii-json.ts";
import { FileCache, TextTermsFile } from "../src/cache/index.ts";
import { ingestSeeds } from "../src/ingest/index.ts";
import { loadKnowledge } from "../src/knowledge/index.ts";
import { noManifest, PAGE_MANIFEST, readPageManifest, writePageManifest } from "../src/render/page-reuse.ts";
import { forEachNumberedTerm, textTerms } from "../src/resolve/text-terms.ts";

const scratch = mkdtempSync(path.join(os.tmpdir(), "news-archive-cache-ascii-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

test("JSON made ASCII parses to the same value", () => {
  const value = {
    quote: "“It’s over,” he said — in Quetta",
    urdu: "بلوچستان",
    emoji: "a 📰 b",
    controls: "tab\tnew\nline \u2028 \u0080",
    list: ["é", 1, null, { kéy: "ü" }],
  };
  const json = JSON.stringify(value);
  const ascii = asciiOnly(json);
  assert.ok(isAscii(Buffer.from(ascii)), "nothing outside ASCII is left");
  assert.notEqual(ascii, json);
  assert.deepEqual(JSON.parse(ascii), value);
  assert.equal(asciiOnly('[1,"plain"]'), '[1,"plain"]', "ASCII text stays as it is");
});

test("a cached extraction is written as ASCII, and one written as UTF-8 is read as it was, then made ASCII", async () => {
  const seeds = mkdtempSync(path.join(scratch, "seeds-"));
  writeFileSync(
    path.join(seeds, "quetta.txt"),
    "QUETTA: “The road to Chaman is open again,” officials said on Monday — traders welcomed it.\n",
  );
  const knowledge = loadKnowledge();
  const cacheDir = path.join(scratch, "cache");
  const first = await ingestSeeds(seeds, knowledge, { cache: new FileCache(cacheDir, "v1"), threads: 0 });
  assert.equal(first.parsed.length, 1);
  const [article] = first.extracted;
  assert.match(article.body, /“The road/, "the text keeps its curly quotes");
  const entryFile = path.join(cacheDir, "v1", `${article.source.sha256}.2.json`);
  assert.ok(isAscii(readFileSync(entryFile)), "the entry is ASCII");

  // As an earlier version wrote it: UTF-8, its quotes as they are, under the name of its layout.
  const olderFile = path.join(cacheDir, "v1", `${article.source.sha256}.json`);
  writeFileSync(olderFile, JSON.stringify(article));
  rmSync(entryFile);
  assert.ok(!isAscii(readFileSync(olderFile)));
  const again = await ingestSeeds(seeds, knowledge, { cache: new FileCache(cacheDir, "v1"), threads: 0 });
  assert.deepEqual(again.parsed, [], "taken from the cache");
  assert.equal(again.extracted[0].body, article.body);
  assert.deepEqual(again.extracted[0].entities, article.entities);
  assert.ok(isAscii(readFileSync(entryFile)), "written again as ASCII");
  assert.deepEqual(
    readdirSync(path.join(cacheDir, "v1")).filter((f) => f.endsWith(".tmp")),
    [],
  );
});

test("the text terms file is ASCII, and its terms outside ASCII read back as they were", () => {
  const dir = mkdtempSync(path.join(scratch, "terms-"));
  const written = new TextTermsFile(dir, "v1");
  const terms = textTerms("Café owners in Zürich", "Les cafés de Zürich ferment; بلوچستان");
  const numbered = written.set("key", terms);
  written.save();
  assert.ok(isAscii(readFileSync(path.join(dir, "text-terms.json"))));
  const read = new TextTermsFile(dir, "v1");
  assert.equal(read.get("key"), numbered);
  const back: string[] = [];
  forEachNumberedTerm(numbered, (id) => back.push(read.term(id)));
  assert.deepEqual(back, [...terms.title.terms, ...terms.body.terms]);
  assert.ok(back.includes("zürich") && back.includes("بلوچستان"));
});

test("the page manifest is written as ASCII and read back as it was", async () => {
  const site = mkdtempSync(path.join(scratch, "site-"));
  const manifest = {
    ...noManifest(),
    pages: { "places/zurich/index.html": "fp1" },
    preKeys: { "places/zurich/index.html": "pk1" },
    names: { "place:zurich": "Zürich", "person:ali": "“Ali” Khan" },
  };
  await writePageManifest(site, manifest);
  assert.ok(isAscii(readFileSync(path.join(site, PAGE_MANIFEST))));
  const read = await readPageManifest(site);
  assert.deepEqual(read.names, manifest.names);
  assert.deepEqual(read.pages, manifest.pages);
});
