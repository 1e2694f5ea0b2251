/**
 * The review page lists at most PAGES.reviewItems items a section and counts them all: the figures section
 * writes out (with its suggested place) only the figures it lists.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { buildSiteViews } from "../src/render/views/index.ts";
import { PAGES } from "../src/settings.ts";
import { fixtureArchive } from "./helpers/fixture-archive.ts";

test("the figures to complete are all counted, and the first of them listed in article order", () => {
  const archive = fixtureArchive();
  const article = archive.articles.find((a) => a.figures.length > 0);
  assert.ok(article);
  const model = article.figures[0];
  // Far more figures without a place than the page lists.
  article.figures = [
    ...article.figures,
    ...Array.from({ length: PAGES.reviewItems + 40 }, (_, i) => ({ ...model, value: 1000 + i, place: null })),
  ];
  const lacking = archive.articles.flatMap((a) => a.figures.filter((f) => f.place === null || !f.outcome));
  const section = buildSiteViews(archive, { linkSeeds: false }).views.review.sections.find((s) => s.id === "figures");
  assert.ok(section);
  assert.equal(section.total, lacking.length);
  assert.equal(section.items.length, PAGES.reviewItems);
  // Listed in article order (newest first), each article's figures in their order: the extra figures come
  // one after another, and each listed figure of the article carries its suggested place or the placeholder.
  const listed = section.items.map((item) => /“(\d+) /.exec(item.problem)?.[1]).filter((v) => v && Number(v) >= 1000);
  assert.deepEqual(
    listed,
    listed.map((_, i) => String(1000 + i)),
  );
  assert.ok(
    section.items.every((item) => item.fixes[0].lines.includes("place: ") || item.fixes[0].lines.includes("outcome: ")),
  );
});
