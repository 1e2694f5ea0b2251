/**
 * The offline search index's documents (src/search/offline-index.ts): each carries the start of its article's plain
 * text for the result's excerpt, cut at a fixed number of UTF-16 code units, as the search page shows it.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { writeOfflineIndex } from "../src/search/offline-index.ts";
import { OFFLINE_INDEX } from "../src/settings.ts";
import type { Archive } from "../src/types.ts";
import { article } from "./helpers/fixture-archive.ts";
import { tempDir } from "./helpers/temp-dir.ts";

const archiveOf = (bodies: string[]): Archive => ({
  articles: bodies.map((body, n) => article({ slug: `article-${n}`, title: `Article ${n}`, body })),
  stories: [],
  people: [],
  parties: [],
  organizations: [],
  places: [],
  outlets: [],
  rejected: [],
  unmatchedCorrections: [],
});

/** The excerpt texts of the documents written into `dir`, in doc order. */
async function excerpts(dir: string): Promise<string[]> {
  const text = await readFile(path.join(dir, "search/offline/d0.js"), "utf8");
  const call = /^window\.__archiveSearch\.addDocs\(0,(.*)\);\n$/s.exec(text);
  assert.ok(call, text.slice(0, 200));
  return (JSON.parse(call[1]) as string[][]).map((doc) => doc[5]);
}

test("a document's excerpt is its text's first code units, a character cut in half kept as written", async () => {
  const limit = OFFLINE_INDEX.excerptChars;
  const short = "A short report.";
  const long = `${"word ".repeat(limit / 5)}and more after the cut.`;
  // An emoji is two code units: the cut falls between them.
  const split = `${"x".repeat(limit - 1)}\u{1F600} and the rest.`;
  const dir = tempDir("offline-excerpts");
  await writeOfflineIndex(archiveOf([short, long, split]), dir, { filterable: new Set() });
  const [first, second, third] = await excerpts(dir);
  assert.equal(first, short);
  assert.equal(second, long.slice(0, limit));
  assert.equal(third, `${"x".repeat(limit - 1)}\ud83d`);
  assert.equal(third.length, limit);
});
