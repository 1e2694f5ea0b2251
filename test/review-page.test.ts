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

test("the people who may be one person are found again only when the person records change", () => {
  const archive = fixtureArchive();
  const samePeople = (of: typeof archive) =>
    buildSiteViews(of, { linkSeeds: false }).views.review.sections.find((s) => s.id === "same-person");
  const first = samePeople(archive);
  assert.ok(first);
  // The next save, as npm start makes it after an edit to an article's text: the people as they were, some of them
  // made again (new records) from the article's new extraction.
  const [edited, ...others] = archive.articles;
  const remade = archive.people.map((p, at) => (at % 2 === 0 ? structuredClone(p) : p));
  const next = { ...archive, people: remade, articles: [{ ...edited, title: `${edited.title}, updated` }, ...others] };
  assert.equal(samePeople(next), first);
  // One person renamed so that another's name is inside it: a new record, and the section a fresh archive gives.
  const [short, long] = archive.people;
  const renamed = { ...long, name: `${short.name} ${long.name}` };
  const changed = { ...archive, people: archive.people.map((p) => (p === long ? renamed : p)) };
  const section = samePeople(changed);
  assert.ok(section && section !== first);
  assert.ok(
    section.items.some((item) => item.problem.includes(`“${short.name}”`) && item.problem.includes(renamed.name)),
  );
  assert.deepEqual(section, samePeople(structuredClone(changed)));
});
