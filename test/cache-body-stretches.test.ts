/**
 * A cached extraction writes its quotations of its body as where they are in it (src/cache/body-stretches.ts):
 * read back, the record is the one extracted, key for key, and an entry of the layout before (its quotations
 * spelt out, under a name of its own) is read as it was, then written again in this one.
 */
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { restoreBodyStretches, withBodyStretches } from "../src/cache/body-stretches.ts";
import { FileCache } from "../src/cache/index.ts";
import { ingestSeeds } from "../src/ingest/index.ts";
import { loadKnowledge } from "../src/knowledge/index.ts";
import type { ExtractedArticle, Rejected } from "../src/types.ts";
import { emptyMetadata } from "./helpers/metadata.ts";

const scratch = mkdtempSync(path.join(os.tmpdir(), "news-archive-body-stretches-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

const BODY = "Seven people were killed in Turbat on Monday, officials said.\n\nThe attack came at night.";

function entry(): ExtractedArticle {
  const evidence = (text: string) => [{ line: 3, text }];
  return {
    source: { file: "a.txt", sha256: "0", firstLine: 1, frontMatter: {}, duplicates: [] },
    metadata: emptyMetadata({
      title: "Seven killed in Turbat",
      titleFrom: "headline",
      events: [{ date: "2026-02-02", what: "Seven people were killed", text: "Seven people were killed in Turbat" }],
    }),
    body: BODY,
    discarded: [{ line: 9, text: "Follow us on WhatsApp for the latest news", reason: "furniture" }],
    entities: {
      people: [],
      parties: [],
      organizations: [],
      places: [
        {
          key: "Turbat",
          name: "Turbat",
          kind: "city",
          variants: [],
          known: true,
          // the body's sentence; the headline (not in the body); a word too short to be worth a stretch
          evidence: [
            ...evidence("Seven people were killed in Turbat on Monday, officials said."),
            ...evidence("Seven killed in Turbat: the headline, not the body"),
            ...evidence("Turbat"),
          ],
        },
      ],
    },
    figures: [
      {
        value: 7,
        qualifier: null,
        what: "people",
        category: "people",
        outcome: "killed",
        period: null,
        place: "Turbat",
        text: "Seven people were killed in Turbat on Monday, officials said.",
        line: 3,
      },
    ],
    quotes: [],
    flags: [],
  };
}

test("quotations of the body are written as stretches of it, and read back as the same record, key for key", () => {
  const original = entry();
  const before = JSON.stringify(original);
  const written = withBodyStretches(original);
  assert.equal(JSON.stringify(original), before, "the entry given is not changed");
  const place = written.entities.places[0];
  assert.equal(typeof place.evidence[0].text, "number", "the body's sentence is a stretch");
  assert.equal(typeof place.evidence[1].text, "string", "a sentence the body does not hold stays written out");
  assert.equal(place.evidence[2].text, "Turbat", "a short quotation stays written out");
  assert.equal(typeof written.figures[0].text, "number");
  assert.equal(typeof written.metadata.events[0].text, "number");
  assert.equal(written.discarded[0].text, original.discarded[0].text, "the discarded lines are not in the body");
  assert.ok(JSON.stringify(written).length < before.length);

  const read = JSON.parse(JSON.stringify(written)) as ExtractedArticle;
  restoreBodyStretches(read);
  assert.equal(JSON.stringify(read), before, "the same values in the same places");
  const spelt = JSON.parse(before) as ExtractedArticle;
  restoreBodyStretches(spelt);
  assert.equal(JSON.stringify(spelt), before, "an entry with every quotation written out reads as it is");

  const rejection: Rejected = { file: "b.txt", reason: "empty" };
  assert.equal(withBodyStretches(rejection), rejection);
  const rejected = { ...rejection };
  restoreBodyStretches(rejected);
  assert.deepEqual(rejected, rejection);
});

test("a cached extraction reads back as extracted, and an earlier layout's entry is written again in this one", async () => {
  const seeds = mkdtempSync(path.join(scratch, "seeds-"));
  cpSync("seeds", seeds, { recursive: true });
  const knowledge = loadKnowledge();
  const cacheDir = path.join(scratch, "cache");
  const first = await ingestSeeds(seeds, knowledge, { cache: new FileCache(cacheDir, "v1"), threads: 0 });
  assert.ok(first.extracted.length >= 3);
  const entries = first.extracted.map((article) => path.join(cacheDir, "v1", `${article.source.sha256}.2.json`));
  // A record from the cache carries this read's seed, an extracted one the seed it was extracted from.
  const withoutSeed = (article: ExtractedArticle) => JSON.stringify({ ...article, source: article.source.sha256 });
  const spelt = first.extracted.map(withoutSeed);
  for (const [at, file] of entries.entries())
    assert.ok(readFileSync(file, "utf8").length < spelt[at].length * 0.9, `${file} is written with stretches`);

  const again = await ingestSeeds(seeds, knowledge, { cache: new FileCache(cacheDir, "v1"), threads: 0 });
  assert.deepEqual(again.parsed, [], "taken from the cache");
  assert.deepEqual(again.extracted.map(withoutSeed), spelt);

  // As the layout before stretches wrote the first entry: every quotation spelt out, under the older name,
  // which is all the code of that layout reads.
  const olderFile = path.join(cacheDir, "v1", `${first.extracted[0].source.sha256}.json`);
  const spelt0 = JSON.stringify(first.extracted[0]);
  rmSync(entries[0]);
  writeFileSync(olderFile, spelt0);
  const third = await ingestSeeds(seeds, knowledge, { cache: new FileCache(cacheDir, "v1"), threads: 0 });
  assert.deepEqual(third.parsed, [], "the older entry is read");
  assert.equal(withoutSeed(third.extracted[0]), spelt[0]);
  assert.ok(readFileSync(entries[0], "utf8").length < spelt0.length * 0.9, "written again with stretches");
  assert.ok(!existsSync(olderFile), "under this layout's name only");
});
