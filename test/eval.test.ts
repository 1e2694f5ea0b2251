/**
 * The seed gold eval: the whole ingest over the five seeds, scored against the hand
 * annotations. Thresholds are the quality bar.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { bodyOverlap } from "../src/eval/body.ts";
import { evaluate, formatReport, type GoldArticle, type GoldFile, goldArticles } from "../src/eval/index.ts";
import { scoreGrouping } from "../src/eval/stories.ts";
import { ingest } from "../src/ingest/index.ts";
import { loadKnowledge } from "../src/knowledge/index.ts";

const gold: Record<string, GoldArticle> = JSON.parse(readFileSync("test/fixtures/gold-seeds.json", "utf8"));

test("seed gold: F1 ≥ 0.90 for people, parties, places and figures; every gold date and outlet", async () => {
  const { archive } = await ingest("seeds", loadKnowledge());
  const report = evaluate(archive, gold);
  console.log(formatReport(report));
  assert.deepEqual(report.missing, []);
  const f1 = Object.fromEntries(report.fields.map((f) => [f.field, f]));
  for (const field of ["people", "parties", "places", "figures"]) {
    assert.ok(f1[field].f1 >= 0.9, `${field} F1 ${f1[field].f1.toFixed(3)} is below 0.90`);
  }
  for (const field of ["date", "outlet"]) {
    assert.equal(f1[field].fn, 0, `${field}: a value the gold gives was missed or wrong`);
    assert.equal(f1[field].fp, 0, `${field}: a value was invented or wrong`);
  }
});

test("eval scores a wrong extraction below a right one", async () => {
  const { archive } = await ingest("seeds", loadKnowledge());
  const right = evaluate(archive, gold);
  const broken = structuredClone(archive);
  for (const article of broken.articles) {
    article.date = "1999-01-01";
    article.people = [];
  }
  const wrong = evaluate(broken, gold);
  const field = (r: typeof right, name: string) => r.fields.find((f) => f.field === name)!;
  assert.equal(field(wrong, "people").recall, 0);
  assert.equal(field(wrong, "date").tp, 0);
  assert.ok(field(right, "date").tp > 0);
});

test("a gold file's _scoring key: only its fields, parties counted as organizations, recall-only figures", async () => {
  const { archive } = await ingest("seeds", loadKnowledge());
  // The seed gold as a corpus that does not tell parties apart and does not annotate figure categories.
  const merged: GoldFile = {
    _scoring: { fields: ["organizations", "figures"], organizations_include_parties: true, recall_only: true },
  };
  for (const [file, g] of goldArticles(gold)) {
    merged[file] = {
      ...g,
      organizations: [...g.organizations, ...g.parties],
      parties: [],
      figures: g.figures.map((f) => ({ ...f, category: "people" })),
    };
  }
  const report = evaluate(archive, merged);
  assert.deepEqual(
    report.fields.map((f) => f.field),
    ["organizations", "figures"],
  );
  const field = (name: string) => report.fields.find((f) => f.field === name)!;
  assert.ok(
    goldArticles(gold).some(([, g]) => g.parties.length > 0),
    "the seed gold names parties",
  );
  assert.ok(field("organizations").recall >= 0.9, `organizations recall ${field("organizations").recall}`);
  assert.ok(field("figures").recall >= 0.9, `figures recall ${field("figures").recall}`);
  assert.equal(field("figures").recallOnly, true);

  // Without the key the same gold misses every party it lists among organizations.
  const strict = evaluate(archive, { ...merged, _scoring: { fields: ["organizations"] } });
  assert.ok(strict.fields[0].recall < field("organizations").recall);
});

test("body overlap counts word 4-grams, markdown markup aside", () => {
  const truth = "The council met on Monday. It voted to close the old bridge for repairs.";
  assert.equal(
    bodyOverlap("## The council met on Monday.\n\nIt voted to close the old bridge for repairs.", truth).f1,
    1,
  );
  const half = bodyOverlap("The council met on Monday. Subscribe to our newsletter for more news today", truth);
  assert.ok(half.precision < 0.5 && half.recall < 0.5 && half.f1 > 0, JSON.stringify(half));
  assert.equal(bodyOverlap("", truth).f1, 0);
});

test("story grouping: pairwise and B-cubed", () => {
  const truth = new Map([
    ["a", "x"],
    ["b", "x"],
    ["c", "y"],
    ["d", "y"],
  ]);
  const perfect = scoreGrouping(new Map(truth), truth);
  assert.equal(perfect.pairwise.f1, 1);
  assert.equal(perfect.bcubed.f1, 1);
  // Every article on its own: no pair found, B-cubed recall is one article of two per story.
  const alone = scoreGrouping(new Map(), truth);
  assert.equal(alone.pairwise.recall, 0);
  assert.equal(alone.pairwise.precision, 1);
  assert.equal(alone.bcubed.recall, 0.5);
  // All in one story: every true pair found, two of six pairs right.
  const lumped = scoreGrouping(new Map([...truth.keys()].map((k) => [k, "all"])), truth);
  assert.equal(lumped.pairwise.recall, 1);
  assert.ok(Math.abs(lumped.pairwise.precision - 2 / 6) < 1e-9);
  assert.equal(lumped.bcubed.precision, 0.5);
});
