/**
 * Stories: one event's coverage across outlets. The seeds' three reports of the attacks of
 * 31 January – 2 February 2026 are one story; wire copies are marked; front matter forces a
 * story; a story comes and goes with its articles.
 */
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { TextTermsFile } from "../src/cache/index.ts";
import { ingest, ingestSeeds, resolveRecords } from "../src/ingest/index.ts";
import { loadKnowledge } from "../src/knowledge/index.ts";
import { textTermsVersion } from "../src/resolve/index.ts";
import { storyLedger } from "../src/resolve/ledger.ts";
import { STORY_SETTINGS } from "../src/resolve/settings.ts";
import { inverseFrequency, nthSmallest } from "../src/resolve/stories.ts";
import { forEachNumberedTerm, textTerms } from "../src/resolve/text-terms.ts";
import type { Archive, PlaceKind } from "../src/types.ts";
import { article } from "./helpers/fixture-archive.ts";

const knowledge = loadKnowledge();
const scratch = mkdtempSync(path.join(tmpdir(), "news-archive-stories-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** A seeds folder: the project's seeds plus the given files. */
function seedsWith(name: string, extra: Record<string, string>): string {
  const dir = path.join(scratch, name);
  cpSync("seeds", dir, { recursive: true });
  for (const [file, text] of Object.entries(extra)) writeFileSync(path.join(dir, file), text);
  return dir;
}

const storyOfFile = (archive: Archive, fragment: string) => {
  const article = archive.articles.find((a) => a.source.file.includes(fragment));
  assert.ok(article, `no article from a file named like ${fragment}`);
  return article.story;
};

// Two reports of a flood in a river valley far from the seeds' story, and one agency text
// republished word for word by a second outlet.
const floodReport = (outlet: string, date: string, lead: string) => `---
outlet: ${outlet}
date: ${date}
---
${lead}

Floodwaters from the Tisza river swept through the villages of Szeged county after three days of rain, forcing
more than 2,000 residents from their homes, the county disaster office said on Tuesday.

Rescue boats took elderly residents from flooded farmhouses near Csongrad, and the army sent sandbags to shore up
the dikes along the Tisza. Two people drowned when their car was swept off a bridge, police said.

The disaster office said the river would crest on Thursday and warned residents downstream to prepare.
`;
const floodA = floodReport(
  "Danube Daily",
  "2026-03-10",
  "Thousands flee as the Tisza floods villages in Szeged county.",
);
const floodB = floodReport(
  "Plains Courier",
  "2026-03-11",
  "Thousands flee as the Tisza floods villages in Szeged county.",
);
const floodFollowUp = `---
outlet: Danube Daily
date: 2026-03-13
---
Tisza crests at Szeged as dikes hold

The Tisza river crested at Szeged on Thursday, and the dikes held, the county disaster office said. Residents
of villages near Csongrad who fled the floods this week began to return to their farmhouses, and rescue boats
were withdrawn. Two people drowned in the floods, police said.
`;

test("the seeds' three reports of the Balochistan attacks are one story; the 2024 alliance article is not", async () => {
  const { archive } = await ingest("seeds", knowledge);
  const clashes = storyOfFile(archive, "002_");
  assert.equal(storyOfFile(archive, "004_"), clashes, "the 145-militants operation");
  assert.equal(storyOfFile(archive, "001_"), clashes, "the parliament debate");
  assert.notEqual(storyOfFile(archive, "003_"), clashes, "the 2024 election alliance");
  const story = archive.stories.find((s) => s.slug === clashes);
  assert.ok(story);
  assert.equal(story.articles.length, 3);
  assert.equal(story.start, "2026-02-01");
  assert.ok(story.places.includes("balochistan"));
  // Every article names a story that exists and lists it.
  for (const a of archive.articles) {
    const own = archive.stories.find((s) => s.slug === a.story);
    assert.ok(own?.articles.includes(a.slug), `${a.slug} is not in its story ${a.story}`);
  }
});

test("a wire copy under a second outlet joins the story and names the first as its original", async () => {
  const { archive } = await ingest(
    seedsWith("wire", { "flood-a.txt": floodA, "flood-b.txt": floodB, "flood-c.txt": floodFollowUp }),
    knowledge,
  );
  const a = archive.articles.find((x) => x.source.file === "flood-a.txt");
  const b = archive.articles.find((x) => x.source.file === "flood-b.txt");
  const c = archive.articles.find((x) => x.source.file === "flood-c.txt");
  assert.ok(a && b && c);
  assert.equal(b.story, a.story);
  assert.equal(c.story, a.story, "the follow-up joins the flood story");
  assert.equal(b.copyOf, a.slug);
  assert.equal(a.copyOf, null);
  assert.equal(c.copyOf, null, "a follow-up in other words is a source of its own");
  assert.notEqual(a.story, storyOfFile(archive, "002_"), "a flood in Hungary is not the Balochistan attacks");
});

test("a story appears with its article and goes when the article is removed; other stories keep their slugs", async () => {
  const before = await ingest("seeds", knowledge);
  const dir = seedsWith("added", { "flood-a.txt": floodA });
  const added = await ingest(dir, knowledge);
  assert.equal(added.archive.stories.length, before.archive.stories.length + 1);
  const beforeSlugs = before.archive.stories.map((s) => s.slug);
  for (const slug of beforeSlugs)
    assert.ok(
      added.archive.stories.some((s) => s.slug === slug),
      `${slug} renamed`,
    );
  rmSync(path.join(dir, "flood-a.txt"));
  assert.deepEqual(readdirSync(dir).sort(), readdirSync("seeds").sort());
  const removed = await ingest(dir, knowledge);
  assert.deepEqual(
    removed.archive.stories.map((s) => s.slug),
    beforeSlugs,
  );
});

test("front matter story: forces a grouping", async () => {
  const forced = (text: string) => text.replace("---\n", "---\nstory: Tisza floods 2026\n");
  const { archive } = await ingest(
    seedsWith("forced", {
      "flood-a.txt": forced(floodA),
      "other.txt": forced(floodFollowUp.replace(/Tisza/g, "Maros")),
    }),
    knowledge,
  );
  const story = archive.stories.find((s) => s.slug === "tisza-floods-2026");
  assert.ok(story, archive.stories.map((s) => s.slug).join(", "));
  assert.equal(story.articles.length, 2);
});

const figure = (value: number, place: string | null = null) => ({
  value,
  qualifier: null,
  what: "militants",
  category: "militants" as const,
  outcome: "killed",
  period: null,
  text: `${value} militants were killed.`,
  line: 1,
  place,
});

test("a story's ledger: a district's count is a part of the province-wide total and does not widen the range", () => {
  const kinds = new Map<string, PlaceKind>([
    ["harnai", "district"],
    ["balochistan", "province"],
  ]);
  const ledger = storyLedger(
    [
      article({ slug: "a", title: "A", body: "", outletSlug: "dawn", figures: [figure(145), figure(30, "harnai")] }),
      article({ slug: "b", title: "B", body: "", outletSlug: "tribune", figures: [figure(177, "balochistan")] }),
    ],
    (slug) => kinds.get(slug),
  );
  assert.equal(ledger.length, 1);
  const [line] = ledger;
  assert.deepEqual(
    line.claims.map((c) => [c.value, c.role]),
    [
      [145, "total"],
      [30, "part"],
      [177, "total"],
    ],
  );
  assert.deepEqual([line.low, line.high, line.conservative, line.best], [145, 177, 145, 161]);
  // A province's count beside a place-less larger one is a rival total, not a part of it.
  const rival = storyLedger(
    [
      article({ slug: "c", title: "C", body: "", outletSlug: "dawn", figures: [figure(145, "balochistan")] }),
      article({ slug: "d", title: "D", body: "", outletSlug: "tribune", figures: [figure(177)] }),
    ],
    (slug) => kinds.get(slug),
  );
  assert.deepEqual(
    rival[0].claims.map((c) => c.role),
    ["total", "total"],
  );
  assert.equal(line.grading, "corroborated");
});

test("a story's ledger: a wire copy is not a second source, and an unknown outlet is not one outlet", () => {
  const ledger = storyLedger(
    [
      article({ slug: "a", title: "A", body: "", outletSlug: "agency", figures: [figure(12)] }),
      article({ slug: "b", title: "B", body: "", outletSlug: "paper", copyOf: "a", figures: [figure(12)] }),
    ],
    () => undefined,
  );
  assert.equal(ledger[0].sources, 1);
  assert.equal(ledger[0].grading, "single source");
  assert.deepEqual(
    ledger[0].claims.map((c) => c.copy),
    [false, true],
  );
  const unknown = storyLedger(
    [
      article({ slug: "a", title: "A", body: "", figures: [figure(12)] }),
      article({ slug: "b", title: "B", body: "", figures: [figure(14)] }),
    ],
    () => undefined,
  );
  assert.equal(unknown[0].sources, 2, "two articles of unknown outlets are two sources, not one outlet");
});

test("story grouping reads articles' words from the terms cache and groups exactly as without it", async () => {
  const seeds = seedsWith("terms-cache", {});
  const cacheDir = path.join(scratch, "terms-cache-dir");
  const grouping = (archive: Archive) => JSON.stringify(archive.articles.map((a) => [a.slug, a.story, a.copyOf]));
  const resolveWith = async (terms?: TextTermsFile) => {
    const { extracted, rejected } = await ingestSeeds(seeds, knowledge, { threads: 0 });
    return resolveRecords(extracted, rejected, knowledge, { textTerms: terms });
  };
  const plain = grouping(await resolveWith());

  const first = new TextTermsFile(cacheDir, textTermsVersion());
  assert.equal(grouping(await resolveWith(first)), plain);
  first.save();

  // A second build finds every article's words in the file and stems nothing.
  const second = new TextTermsFile(cacheDir, textTermsVersion());
  let made = 0;
  const set = second.set.bind(second);
  second.set = (key, terms) => {
    made++;
    return set(key, terms);
  };
  assert.equal(grouping(await resolveWith(second)), plain);
  assert.equal(made, 0);

  // Terms made by other code (another version) are not used.
  const other = new TextTermsFile(cacheDir, "another-version");
  let stale = 0;
  const get = other.get.bind(other);
  other.get = (key) => {
    const value = get(key);
    if (value !== undefined) stale++;
    return value;
  };
  assert.equal(grouping(await resolveWith(other)), plain);
  assert.equal(stale, 0);
});

test("a term's weight moves with the archive's size and its own count only in steps of half an octave", () => {
  // Exact ln(N / df) moves for every term when one article is added; these stay put but where N or df
  // crosses a step, and stay within a step of the exact weight.
  const step = Math.LN2 / STORY_SETTINGS.idfStepsPerOctave;
  let moved = 0;
  for (let n = 2; n <= 20_000; n++) {
    for (const df of [1, 2, 3, 7, 40, 333, 1_000, 9_999]) {
      if (df >= n) continue;
      const weight = inverseFrequency(n, df);
      assert.ok(Math.abs(weight - Math.log(n / df)) < step + 1e-12, `${n} ${df}`);
      if (inverseFrequency(n + 1, df) !== weight) moved++;
    }
  }
  // N crosses a step 2 × log2(20,000) ≈ 28 times between 2 and 20,000, and only then do the weights move:
  // at most the eight of them each time.
  assert.ok(moved <= 28 * 8, `${moved} weights moved`);
  assert.equal(inverseFrequency(500, 500), 0, "a term every article has weighs nothing");
  for (let df = 1; df < 1_000; df++) assert.ok(inverseFrequency(1_000, df + 1) <= inverseFrequency(1_000, df));
});

test("the terms cache keeps each text's terms as numbers into its dictionary, and drops the terms no kept text uses", () => {
  const dir = path.join(scratch, "terms-dictionary");
  const texts: Record<string, [string, string]> = {
    flood: ["Floods in Szeged", "The Tisza floods the villages of Szeged county; the floods recede."],
    vote: ["Vote in Quetta", "Voters in Quetta vote for the provincial assembly."],
  };
  /** A text's terms as the cache gives them back: [term, count, in the headline] in order. */
  const readBack = (file: TextTermsFile, key: string) => {
    const numbered = file.get(key);
    assert.ok(numbered !== undefined, `${key} is kept`);
    const terms: [string, number, boolean][] = [];
    forEachNumberedTerm(numbered, (id, count, inHeadline) => terms.push([file.term(id), count, inHeadline]));
    return terms;
  };
  const asMade = (title: string, body: string) => {
    const { title: headline, body: rest } = textTerms(title, body);
    return [
      ...headline.terms.map((term, at): [string, number, boolean] => [term, headline.counts[at], true]),
      ...rest.terms.map((term, at): [string, number, boolean] => [term, rest.counts[at], false]),
    ];
  };
  const first = new TextTermsFile(dir, "v");
  for (const [key, [title, body]] of Object.entries(texts)) first.set(key, textTerms(title, body));
  first.save();
  const second = new TextTermsFile(dir, "v");
  assert.deepEqual(readBack(second, "flood"), asMade(...texts.flood));
  assert.deepEqual(readBack(second, "vote"), asMade(...texts.vote));
  // A build that asks for one text keeps it alone, and the dictionary only its terms.
  const third = new TextTermsFile(dir, "v");
  third.get("vote");
  third.save();
  const saved = JSON.parse(readFileSync(path.join(dir, "text-terms.json"), "utf8"));
  assert.deepEqual(Object.keys(saved.texts), ["vote"]);
  assert.deepEqual([...saved.dictionary].sort(), [...new Set(asMade(...texts.vote).map(([term]) => term))].sort());
  assert.deepEqual(readBack(new TextTermsFile(dir, "v"), "vote"), asMade(...texts.vote));

  // Of many texts, one dropped leaves the dictionary as it is (its terms with it) until the entries dropped
  // since it was numbered afresh pass a tenth of those kept.
  const many = path.join(scratch, "terms-many");
  const words = Array.from({ length: 30 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${i}`);
  const manyTexts = words.map((word, i): [string, [string, string]] => [
    `text-${i}`,
    [`About ${word}`, `The ${word} matters; ${word} again.`],
  ]);
  const all = new TextTermsFile(many, "v");
  for (const [key, [title, body]] of manyTexts) all.set(key, textTerms(title, body));
  all.save();
  const saveKeeping = (count: number) => {
    const file = new TextTermsFile(many, "v");
    for (const [key] of manyTexts.slice(0, count)) file.get(key);
    file.save();
    return JSON.parse(readFileSync(path.join(many, "text-terms.json"), "utf8"));
  };
  const fullDictionary = JSON.parse(readFileSync(path.join(many, "text-terms.json"), "utf8")).dictionary;
  const oneDropped = saveKeeping(29);
  assert.equal(Object.keys(oneDropped.texts).length, 29);
  assert.deepEqual(oneDropped.dictionary, fullDictionary, "the dropped text's terms stay, numbered as they were");
  assert.equal(oneDropped.dropped, 1);
  const kept = new TextTermsFile(many, "v");
  assert.deepEqual(readBack(kept, "text-3"), asMade(...manyTexts[3][1]));
  const fourDropped = saveKeeping(26); // 1 + 3 dropped of 26 kept: past a tenth
  assert.equal(fourDropped.dropped, 0);
  const droppedWord = textTerms(...manyTexts[29][1]).body.terms.find((term) => term.startsWith("word"));
  assert.ok(droppedWord && fullDictionary.includes(droppedWord));
  assert.ok(!fourDropped.dictionary.includes(droppedWord), "numbered afresh: the dropped texts' own terms are gone");
  assert.deepEqual(readBack(new TextTermsFile(many, "v"), "text-25"), asMade(...manyTexts[25][1]));
});

test("the k-th smallest weight found by selection is the one sorting finds, ties and all", () => {
  // A fixed pseudo-random sequence: the same cases on every run.
  let seed = 12345;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let round = 0; round < 200; round++) {
    const n = 1 + Math.floor(next() * 60);
    // Few distinct values in half the rounds: weights of terms with equal counts tie.
    const distinct = round % 2 === 0 ? 3 : 1000;
    const values = Float64Array.from({ length: n + 5 }, () => Math.floor(next() * distinct) / distinct + 0.001);
    const sorted = Float64Array.from(values.subarray(0, n)).sort();
    const k = Math.floor(next() * n);
    assert.equal(nthSmallest(Float64Array.from(values), n, k), sorted[k], `n ${n}, k ${k}`);
  }
});
