/**
 * The statistical tagger (src/extract/entities/ner) on sentences written here: people,
 * organizations and places no knowledge file lists, and how the knowledge files type its spans.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { extractEntities } from "../src/extract/entities/index.ts";
import { allowed, historyFeatures, normalise, sentenceFeatures, shape } from "../src/extract/entities/ner/features.ts";
import { nerGazetteer } from "../src/extract/entities/ner/gazetteer.ts";
import { decode, tagDocument } from "../src/extract/entities/ner/index.ts";
import { shippedModel } from "../src/extract/entities/ner/model.ts";
import { tokenize } from "../src/extract/entities/ner/tokenize.ts";
import { loadKnowledge } from "../src/knowledge/index.ts";
import type { CleanedText } from "../src/types.ts";
import { emptyMetadata } from "./helpers/metadata.ts";

const knowledge = loadKnowledge();

function spans(text: string): string[] {
  return tagDocument([text], knowledge)[0]!.map((span) => `${span.type}:${span.text}`);
}

test("tokenize: CoNLL-style tokens with offsets", () => {
  const tokens = tokenize("The U.S. firm's 4,378 tonnes (Year-on-year) O'Neill said.");
  assert.deepEqual(
    tokens.map((token) => token.text),
    ["The", "U.S.", "firm", "'s", "4,378", "tonnes", "(", "Year-on-year", ")", "O'Neill", "said", "."],
  );
  assert.equal(tokens[1]!.start, 4);
  assert.equal(tokens[1]!.end, 8);
});

test("tagger: a person, a foreign organization and a place no knowledge file lists", () => {
  const first = spans("Maria Kowalczyk said on Tuesday the plant near the town of Zgierz would close.");
  assert.deepEqual(first, ["PER:Maria Kowalczyk", "LOC:Zgierz"]);
  const second = spans("Shares in Orlen Energia Corp fell 3 percent in Warsaw.");
  assert.deepEqual(second, ["ORG:Orlen Energia Corp", "LOC:Warsaw"]);
});

test("tagger: offsets point into the text, and a document's later mention keeps its type", () => {
  const texts = ["Officials in Tegucigalpa met on Monday.", "Police in Tegucigalpa said two men were held."];
  const tagged = tagDocument(texts, knowledge);
  for (const [i, list] of tagged.entries()) {
    for (const span of list) assert.equal(texts[i]!.slice(span.start, span.end), span.text);
  }
  assert.deepEqual(
    tagged.map((list) => list.filter((span) => span.text === "Tegucigalpa").map((span) => span.type)),
    [["LOC"], ["LOC"]],
  );
});

test("tagger: the fast scoring (word scores kept per word) tags as the plain sum of every feature's weights", () => {
  const model = shippedModel()!;
  const gazetteer = nerGazetteer(knowledge);
  const plain = (words: string[], seen: Map<string, string>) => {
    const statics = sentenceFeatures(words, gazetteer);
    const tags: string[] = [];
    for (let i = 0; i < words.length; i++) {
      const scores = new Array<number>(model.tags.length).fill(0);
      for (const feature of [
        ...statics[i]!,
        ...historyFeatures(tags, i, normalise(words[i]!), shape(words[i]!), seen),
      ]) {
        const slot = model.slots.get(feature);
        if (slot === undefined) continue;
        const at = Math.floor(slot / 32);
        for (let k = at; k < at + 2 * (slot % 32); k += 2) scores[model.pairs[k]!]! += model.pairs[k + 1]!;
      }
      let best = -1;
      for (const [t, tag] of model.tags.entries()) {
        const last = i === words.length - 1 && (tag[0] === "B" || tag[0] === "I");
        if (allowed(i > 0 ? tags[i - 1]! : "O", tag) && !last && (best < 0 || scores[t]! > scores[best]!)) best = t;
      }
      tags.push(model.tags[best]!);
    }
    return tags;
  };
  const sentences = [
    "BUCHAREST 1996-08-30",
    "Shares in Orlen Energia Corp fell 3 percent in Warsaw on Tuesday, the exchange said.",
    "Prime Minister John Major met Kurdistan Democratic Party leaders in London.",
  ];
  for (const text of sentences) {
    const words = tokenize(text).map((token) => token.text);
    assert.deepEqual(decode(model, words, gazetteer, new Map()), plain(words, new Map()), text);
  }
});

test("tagger: plain lower-case prose has no entities", () => {
  assert.deepEqual(spans("the prices rose by three percent in the first half of the year."), []);
});

const metadata = emptyMetadata({ title: "t", titleFrom: "headline" });

function entitiesOf(text: string) {
  const lines = [{ line: 3, text, role: "paragraph" as const }];
  const cleaned: CleanedText = { lines, paragraphs: lines, discarded: [] };
  return extractEntities(cleaned, metadata, knowledge);
}

test("extraction: tagged names become organizations and places with evidence; known ones keep their knowledge", () => {
  const entities = entitiesOf(
    "Maria Kowalczyk said the plant near the town of Zgierz would close. Shares in Orlen Energia Corp fell 3 percent, and the Pakistan Tehreek-e-Insaf agreed.",
  );
  const organization = entities.organizations.find((o) => o.name === "Orlen Energia Corp");
  assert.ok(organization, JSON.stringify(entities.organizations));
  assert.equal(organization.known, false);
  assert.equal(organization.evidence[0]!.line, 3);
  assert.match(organization.evidence[0]!.text, /^Shares in Orlen Energia Corp/);
  const place = entities.places.find((p) => p.name === "Zgierz");
  assert.ok(place, JSON.stringify(entities.places));
  assert.equal(place.known, false);
  // The place gazetteer types what the tagger found: Zgierz is a town.
  assert.equal(place.kind, "city");
  assert.ok(entities.people.some((person) => person.name === "Maria Kowalczyk"));
  // A party the knowledge files know stays that party, whatever the tagger called it.
  assert.ok(entities.parties.some((party) => party.known && /Insaf/.test(party.name)));
  assert.ok(!entities.organizations.some((o) => /Insaf/.test(o.name)));
});

test("extraction: a name after a title is a person, not an organization", () => {
  const entities = entitiesOf("In a statement, the chief minister, Ali Amin Gandapur, ordered authorities to act.");
  assert.ok(
    entities.people.some((person) => person.name === "Ali Amin Gandapur"),
    JSON.stringify(entities.people),
  );
  assert.ok(!entities.organizations.some((o) => o.name.includes("Gandapur")));
});
