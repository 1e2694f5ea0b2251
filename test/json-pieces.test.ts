/**
 * Texts hashed or written in pieces rather than made whole (src/render/json-pieces.ts, excelCsvPieces in
 * src/archive/csv.ts, writeEntry in src/cache/write-entry.ts): the same bytes as the whole text, in pieces
 * that stay small however large the value.
 */
import assert from "node:assert/strict";
import { createHash, type Hash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { excelCsv, excelCsvPieces } from "../src/archive/csv.ts";
import { writeEntry } from "../src/cache/write-entry.ts";
import { updateWithJson } from "../src/render/json-pieces.ts";
import { buildSiteViews } from "../src/render/views/index.ts";
import { oneOffPages } from "../src/render/views/one-off-pages.ts";
import { fixtureArchive } from "./helpers/fixture-archive.ts";

const whole = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex");
const inPieces = (value: unknown) => updateWithJson(createHash("sha256"), value).digest("hex");

/** A hash that records the length of each text it is given. */
function recordingHash(): { hash: Hash; lengths: number[] } {
  const hash = createHash("sha256");
  const lengths: number[] = [];
  const update = hash.update.bind(hash);
  hash.update = ((data: string) => {
    lengths.push(data.length);
    return update(data);
  }) as Hash["update"];
  return { hash, lengths };
}

class Stamped {
  constructor(private readonly digest: string) {}
  toJSON() {
    return `#${this.digest}`;
  }
}

describe("a value's JSON hashed in pieces", () => {
  test("hashes what JSON.stringify writes, whatever JSON.stringify leaves out or rewrites", () => {
    const values: unknown[] = [
      null,
      0,
      -0,
      Number.NaN,
      'text with "quotes", a line\nbreak, \u2019curly\u2019 and an emoji \u{1F30D}',
      [],
      {},
      [undefined, () => 1, Symbol("s"), null, 1],
      { gone: undefined, fn: () => 1, kept: [1, "two"], nested: { list: [{ a: [] }] } },
      { when: new Date(Date.UTC(2026, 0, 2)), stamped: new Stamped("abc"), list: [new Stamped("x")] },
      { lone: "\ud800 unpaired", rows: [{ title: "a" }, { title: "b", tags: ["c"] }] },
      Array.from({ length: 3000 }, (_, i) => ({ i, title: `Article ${i} \u2014 \u{1F4F0}`, places: [`p${i % 7}`] })),
    ];
    for (const value of values) assert.equal(inPieces(value), whole(value), JSON.stringify(value)?.slice(0, 60));
  });

  test("every one-off page's view of the fixture site hashes as its whole JSON", () => {
    const site = buildSiteViews(fixtureArchive(), { linkSeeds: true });
    const pages = oneOffPages(site.views);
    assert.ok(pages.length > 10);
    for (const page of pages) assert.equal(inPieces(page.shows), whole(page.shows), page.permalink);
  });

  test("a large value is never hashed as one text: each piece is at most some tens of kilobytes", () => {
    // A view like the ledger's at 50,000 articles: a list of stories, each with its lines, megabytes in all.
    const stories = Array.from({ length: 20_000 }, (_, i) => ({
      url: `/stories/story-${i}/`,
      title: `Story ${i}: talks \u201cend\u201d`,
      lines: [{ what: "killed", claims: [{ article: `a-${i}`, value: i }] }],
    }));
    const { hash, lengths } = recordingHash();
    updateWithJson(hash, { heading: "Figures", stories });
    const total = lengths.reduce((sum, n) => sum + n, 0);
    assert.equal(total, JSON.stringify({ heading: "Figures", stories }).length);
    assert.ok(total > 2_000_000);
    assert.ok(Math.max(...lengths) < 20_000, `largest piece ${Math.max(...lengths)} characters`);
  });
});

describe("a CSV file written in pieces", () => {
  test("the pieces join to excelCsv's text, each some tens of kilobytes", () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => [
      `=row ${i}`,
      i,
      i % 3 === 0 ? null : "a, \u201cquoted\u201d",
    ]);
    const pieces = [...excelCsvPieces(["name", "n", "note"], rows)];
    assert.equal(pieces.join(""), excelCsv(["name", "n", "note"], rows));
    assert.ok(pieces.length > 5, `${pieces.length} pieces`);
    assert.ok(Math.max(...pieces.map((p) => p.length)) < 70_000);
    assert.deepEqual([...excelCsvPieces(["only"], [])], ["\uFEFFonly\r\n"]);
  });
});

test("a cache file written in pieces holds their text, with nothing left beside it", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "news-archive-pieces-"));
  try {
    const file = path.join(dir, "terms.json");
    const pieces = Array.from({ length: 500 }, (_, i) => `${i} \u00e9t\u00e9 \u{1F30D} `.repeat(40));
    writeEntry(file, pieces);
    assert.equal(readFileSync(file, "utf8"), pieces.join(""));
    writeEntry(file, "whole");
    assert.equal(readFileSync(file, "utf8"), "whole");
    assert.deepEqual(readdirSync(dir), ["terms.json"]);
    assert.ok(existsSync(file));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
