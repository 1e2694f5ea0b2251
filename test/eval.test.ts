/**
 * The seed gold eval: the whole ingest over the five seeds, scored against the hand
 * annotations. Thresholds are the quality bar.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { evaluate, formatReport, type GoldArticle } from "../src/eval/index.ts";
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
