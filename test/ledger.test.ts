import assert from "node:assert/strict";
import { test } from "node:test";
import { figureGroups } from "../src/render/views/figures.ts";
import { buildLookup } from "../src/render/views/lookup.ts";
import { fixtureArchive } from "./helpers/fixture-archive.ts";

test("ledger: a breakdown is shown as part of its count and does not widen the group's range", () => {
  const archive = fixtureArchive();
  const article = archive.articles[0];
  const base = {
    qualifier: null,
    period: null,
    place: null,
    text: "Gunmen killed 11 civilians, including five men.",
    line: 3,
  };
  article.figures = [
    { ...base, value: 11, what: "civilians", category: "civilians", outcome: "killed" },
    {
      ...base,
      value: 5,
      what: "men",
      category: "civilians",
      outcome: "killed",
      partOf: { value: 11, what: "civilians" },
    },
  ];
  for (const other of archive.articles.slice(1))
    other.figures = other.figures.filter((f) => f.category !== "civilians");
  const group = figureGroups(archive, buildLookup(archive)).find((g) => g.claims.some((c) => c.what === "men"))!;
  assert.equal(group.low, 11);
  assert.equal(group.high, 11);
  assert.deepEqual(
    group.claims.map((c) => c.partOf),
    [null, "of 11 civilians"],
  );
});
