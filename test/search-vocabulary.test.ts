/**
 * The stems a search-index shard lacks (src/site/search-vocabulary.ts): what the search page leaves a shard
 * out of queries for, after the archive gained words the shard was not indexed with.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { looseStems, vocabularyStems } from "../src/site/search-vocabulary.ts";

test("a vocabulary's stems: folded, stemmed as Snowball English stems, words whole and split at punctuation", () => {
  assert.deepEqual(vocabularyStems("Killed killing Kills Quetta's Zhob-based Café"), [
    "base",
    "cafe",
    "kill",
    "quetta",
    "s",
    "zhob",
    "zhobbas",
  ]);
});

test("a new stem is loose from the first prefix the shard cannot complete", () => {
  const shard = vocabularyStems("caravan convoy pass");
  const current = vocabularyStems("caravan caravanette convoy pass zeppelin");
  assert.deepEqual(looseStems(shard, current), [
    ["caravanett", 8], // "caravan" completes the first seven letters
    ["zeppelin", 1],
  ]);
});

test("a new stem that starts a stem the shard has is not loose: the shard completes every prefix of it", () => {
  assert.deepEqual(looseStems(["convoy"], ["conv", "convoy"]), []);
});

test("a shard that knows a stem the archive lost must be indexed again", () => {
  assert.equal(looseStems(["caravan", "convoy"], ["convoy"]), null);
});

test("the same vocabulary leaves nothing loose", () => {
  const stems = vocabularyStems("caravan convoy pass");
  assert.deepEqual(looseStems(stems, stems), []);
});
