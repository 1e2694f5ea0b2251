/**
 * Quote attribution on sentences written for the test: a quote is kept only when a speech verb
 * beside it names a person of the article.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { findQuotes } from "../src/extract/quotes/index.ts";
import { loadKnowledge } from "../src/knowledge/index.ts";
import { personMention } from "./helpers/person-mention.ts";

const verbs = loadKnowledge().vocabulary.speechVerbs ?? [];
const person = personMention;
const people = [person("Amara Okafor", ["Okafor"]), person("Lars Eriksen", ["Eriksen", "Mr Eriksen"])];
const quotesIn = (...paragraphs: string[]) =>
  findQuotes(
    paragraphs.map((text, i) => ({ text, line: i + 1, role: "paragraph" as const })),
    people,
    verbs,
  );

test("the speech verbs are data in the vocabulary file", () => {
  assert.ok(verbs.includes("said") && verbs.includes("told"));
});

test("a quote followed by its speaker and a speech verb, either order", () => {
  assert.deepEqual(quotesIn("“The bridge will reopen before the winter,” Okafor said on Monday."), [
    { person: "Amara Okafor", text: "The bridge will reopen before the winter", line: 1 },
  ]);
  assert.deepEqual(
    quotesIn('"We have asked the ministry for the full report," said Lars Eriksen, the harbour master.').map(
      (q) => q.person,
    ),
    ["Lars Eriksen"],
  );
});

test("a speaker with an appositive, or introducing the quote", () => {
  assert.deepEqual(
    quotesIn("“Nobody was hurt in the second blast,” Okafor, the county's fire chief, told reporters.").map(
      (q) => q.person,
    ),
    ["Amara Okafor"],
  );
  assert.deepEqual(
    quotesIn("Mr Eriksen told the council: “The harbour cannot take larger ships yet.”").map((q) => [q.person, q.text]),
    [["Lars Eriksen", "The harbour cannot take larger ships yet."]],
  );
  assert.deepEqual(
    quotesIn("According to Okafor, “the fire started in the kitchen of the restaurant.”").map((q) => q.person),
    ["Amara Okafor"],
  );
});

test("no confident speaker, no quote", () => {
  assert.deepEqual(quotesIn("“We will not give up the search,” he said."), [], "a pronoun");
  assert.deepEqual(quotesIn("“The water is rising again tonight,” a police officer said."), [], "an unnamed official");
  assert.deepEqual(
    quotesIn("“The water is rising again tonight,” Jonas Berg said."),
    [],
    "a name the article's people lack",
  );
  assert.deepEqual(quotesIn("Residents said the so-called “safe zone” was shelled, Okafor said."), [], "scare quotes");
  assert.deepEqual(quotesIn("“Three families have lost everything in the floods this week.”"), [], "no attribution");
});
