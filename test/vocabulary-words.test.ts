/**
 * The archive's vocabulary kept between builds (src/search/vocabulary-words.ts) must be the vocabulary a cold
 * build works out (searchVocabulary) after every kind of change a rebuild meets, while counting again only the
 * articles whose records changed.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { recordDigests } from "../src/archive/index.ts";
import { searchVocabulary } from "../src/search/shards.ts";
import { keptVocabulary, readVocabularyWords, VOCABULARY_WORDS_FILE } from "../src/search/vocabulary-words.ts";
import type { Archive } from "../src/types.ts";
import { article, fixtureArchive } from "./helpers/fixture-archive.ts";

const scratch = mkdtempSync(path.join(os.tmpdir(), "news-archive-vocabulary-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

function siteFolder(name: string): string {
  const site = path.join(scratch, name);
  mkdirSync(path.dirname(path.join(site, VOCABULARY_WORDS_FILE)), { recursive: true });
  return site;
}

/** Builds `archive`'s vocabulary over the record `site` holds (if any), checks it, and records it there. */
async function buildOver(site: string, archive: Archive): Promise<number> {
  const digests = recordDigests(archive);
  const kept = keptVocabulary(archive, (a) => digests.get(a) ?? "", await readVocabularyWords(site));
  assert.equal(kept.vocabulary, searchVocabulary(archive));
  writeFileSync(path.join(site, VOCABULARY_WORDS_FILE), kept.file);
  return kept.counted;
}

test("a rebuild's vocabulary is a cold build's, counting only the changed articles' words", async () => {
  const site = siteFolder("site");
  const archive = fixtureArchive();
  assert.equal(await buildOver(site, archive), archive.articles.length);
  assert.equal(await buildOver(site, archive), 0, "an unchanged archive counts nothing");

  // A word only one article has, taken out of it; and a new one.
  const words = new Map<string, number>();
  for (const a of archive.articles)
    for (const word of new Set(a.body.split(/\s+/))) words.set(word, (words.get(word) ?? 0) + 1);
  const edited = archive.articles.find((a) => a.body.split(/\s+/).some((word) => words.get(word) === 1));
  assert.ok(edited);
  const unique = edited.body.split(/\s+/).find((word) => words.get(word) === 1) as string;
  edited.body = `${edited.body.split(unique).join(" ")}\n\nThe zarghoon plateau was quiet.`;
  assert.equal(await buildOver(site, archive), 1);
  assert.ok(!searchVocabulary(archive).split(" ").includes(unique));

  // An article added, then one removed, then a date moved and an outlet renamed.
  archive.articles.push(article({ slug: "added-report", title: "Quetta rally", body: "Marchers filled Jinnah Road." }));
  assert.equal(await buildOver(site, archive), 1);
  const removed = archive.articles.splice(1, 1);
  assert.equal(removed.length, 1);
  assert.equal(await buildOver(site, archive), 0);
  const dated = archive.articles.find((a) => a.date !== null);
  assert.ok(dated);
  dated.date = "2011-03-04";
  const named = archive.articles.find((a) => a.outlet !== null && a !== dated);
  assert.ok(named);
  named.outlet = "The Frontier Post";
  assert.equal(await buildOver(site, archive), 2);
  // The added article removed again: its words (Jinnah, Marchers) leave with it unless another has them.
  archive.articles.splice(
    archive.articles.findIndex((a) => a.slug === "added-report"),
    1,
  );
  assert.equal(await buildOver(site, archive), 0);
});

test("a record that does not read back whole, or was made by other code, is not used", async () => {
  const site = siteFolder("broken");
  const archive = fixtureArchive();
  await buildOver(site, archive);
  const file = path.join(site, VOCABULARY_WORDS_FILE);
  const whole = readFileSync(file);
  writeFileSync(file, whole.subarray(0, whole.length - 5));
  assert.equal(await readVocabularyWords(site), null, "a cut file");
  writeFileSync(file, Buffer.concat([Buffer.from("XXXX"), whole.subarray(4)]));
  assert.equal(await readVocabularyWords(site), null, "another file");
  const header = JSON.parse(whole.toString("utf8", 8, 8 + whole.readUInt32LE(4)));
  const other = Buffer.from(JSON.stringify({ ...header, code: "other code" }));
  const prefix = Buffer.alloc(8);
  prefix.write("NAVW", 0, "latin1");
  prefix.writeUInt32LE(other.length, 4);
  writeFileSync(file, Buffer.concat([prefix, other, whole.subarray(8 + whole.readUInt32LE(4))]));
  assert.equal(await buildOver(site, archive), archive.articles.length, "other code: every article counted");
});

test("two articles under one slug: every article counted, and nothing a later build could misread", async () => {
  const site = siteFolder("twins");
  const archive = fixtureArchive();
  await buildOver(site, archive);
  const twin = { ...archive.articles[0], body: "A second text under the same slug, about Turbat." };
  archive.articles.push(twin);
  assert.equal(await buildOver(site, archive), archive.articles.length);
  archive.articles.pop();
  assert.equal(await buildOver(site, archive), archive.articles.length, "the twins' record held no article");
});
