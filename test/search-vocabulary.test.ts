/**
 * The terms a search-index shard lacks (src/search/vocabulary.ts): what the search page leaves a shard
 * out of queries for, after the archive gained words the shard was not indexed with.
 */
import assert from "node:assert/strict";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { ingest } from "../src/ingest/index.ts";
import { loadKnowledge } from "../src/knowledge/index.ts";
import { renderSite } from "../src/pipeline/site.ts";
import { readShardManifest, searchVocabulary } from "../src/search/shards.ts";
import { looseTerms, vocabularyTerms } from "../src/search/vocabulary.ts";
import { pagefindWords } from "./helpers/pagefind-words.ts";

test("a vocabulary's terms: folded, whole and stemmed as Snowball English stems, split as Pagefind splits", () => {
  assert.deepEqual(vocabularyTerms("Killed killing Kills Quetta's Zhob-based Café PkNAP"), [
    "base", // "based", split at the hyphen, stemmed
    "cafe",
    "kill",
    "killed",
    "killing",
    "kills",
    "nap", // split where a lower-case letter meets a capital
    "pk",
    "pknap",
    "quetta",
    "quettas",
    "s",
    "zhob",
    "zhobbas",
    "zhobbased",
  ]);
});

test("a new term is loose from the first prefix the shard cannot complete", () => {
  const shard = vocabularyTerms("caravan convoy pass");
  const current = vocabularyTerms("caravan caravanette convoy pass zeppelin");
  assert.deepEqual(looseTerms(shard, current), [
    ["caravanett", 8], // "caravan" completes the first seven letters
    ["caravanette", 8],
    ["zeppelin", 1],
  ]);
});

test("a new term that starts a term the shard has is not loose: the shard completes every prefix of it", () => {
  assert.deepEqual(looseTerms(["convoy"], ["conv", "convoy"]), []);
});

test("a shard that knows a term the archive lost must be indexed again", () => {
  assert.equal(looseTerms(["caravan", "convoy"], ["convoy"]), null);
});

test("the same vocabulary leaves nothing loose", () => {
  const terms = vocabularyTerms("caravan convoy pass");
  assert.deepEqual(looseTerms(terms, terms), []);
});

test("every word Pagefind indexes in a shard is one of the vocabulary's terms or starts one", async () => {
  // The seeds and the held-out articles (other outlets, other places), in shards of four.
  const root = await mkdtemp(path.join(tmpdir(), "news-archive-vocabulary-"));
  try {
    const seeds = path.join(root, "seeds");
    await cp("seeds", seeds, { recursive: true });
    await cp("test/fixtures/heldout", seeds, { recursive: true, filter: (file) => !file.endsWith(".json") });
    const { archive } = await ingest(seeds, loadKnowledge(), { threads: 0 });
    assert.ok(archive.articles.length >= 12);
    const out = path.join(root, "out");
    await renderSite(archive, out, { searchShardSize: 4 });
    const terms = vocabularyTerms(searchVocabulary(archive));
    const manifest = await readShardManifest(out);
    assert.ok(manifest && manifest.shards.length >= 3);
    for (const shard of manifest.shards) {
      const words = pagefindWords(path.join(out, shard.bundle));
      assert.ok(words.size > 100, `${shard.id}: ${words.size} words`);
      // What a query (lower case, no punctuation, as the page stems it) can complete must be completable in
      // the terms too: the word itself, or its letters as the start of a term.
      const unreachable = [...words].filter((word) => {
        const letters = word
          .normalize("NFKD")
          .replace(/\p{M}+/gu, "")
          .replace(/[^\p{L}\p{N}]+/gu, "");
        return !terms.some((term) => term === word || term.startsWith(letters));
      });
      assert.deepEqual(unreachable, [], `${shard.id}: Pagefind words the vocabulary's terms do not reach`);
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
