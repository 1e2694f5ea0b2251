/**
 * The search vocabulary gathered in a worker thread beside the render (src/search/vocabulary-beside.ts) is the
 * one gathered in the build's own thread, word for word, however the texts are cut into messages.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { searchVocabulary } from "../src/search/shards.ts";
import { vocabularyBeside } from "../src/search/vocabulary-beside.ts";
import type { Archive } from "../src/types.ts";
import { fixtureArchive } from "./helpers/fixture-archive.ts";

/** The fixture's articles many times over, each with words of its own. */
function manyArticles(count: number): Archive {
  const archive = fixtureArchive();
  const articles = Array.from({ length: count }, (_, i) => {
    const model = archive.articles[i % archive.articles.length];
    return { ...model, slug: `${model.slug}-${i}`, body: `${model.body}\n\nword${i} «quoted-${i % 7}»` };
  });
  return { ...archive, articles };
}

test("the vocabulary gathered beside the render is the one gathered in the build's thread", async () => {
  const archive = manyArticles(1200);
  const here = searchVocabulary(archive);
  assert.ok(here.includes("word1199") && here.includes("«quoted-6»"));
  const notHere = () => assert.fail("gathered in the build's thread, not the worker");
  assert.equal(await vocabularyBeside(archive, { here: notHere }), here);
  // In small messages, the worker read before more is sent (a window of a few articles' texts).
  assert.equal(await vocabularyBeside(archive, { chunkArticles: 7, maxUnread: 10_000, here: notHere }), here);
});

test("a vocabulary the worker cannot gather is gathered in the build's thread", async () => {
  const archive = manyArticles(50);
  // A text the worker cannot be sent (a function is not cloneable) fails the worker's way.
  const broken = { ...archive, articles: [{ ...archive.articles[0], authors: [() => "x"] as never }] };
  let asked = 0;
  const vocabulary = await vocabularyBeside(broken, {
    here: () => {
      asked++;
      return "gathered here";
    },
  });
  assert.equal(vocabulary, "gathered here");
  assert.equal(asked, 1);
});
