/**
 * The search filters offer, per entity kind, the entities named by the most articles (views/search-filters.ts),
 * so a large archive's filters stay a usable list and Pagefind's per-search counting stays cheap. Article
 * pages mark exactly those links as filter values.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { articlePage } from "../src/render/views/articles.ts";
import { entitySources } from "../src/render/views/entities.ts";
import { buildGraph } from "../src/render/views/graph.ts";
import { buildLookup } from "../src/render/views/lookup.ts";
import { SEARCH_FILTER_VALUES, searchFilterKeys } from "../src/render/views/search-filters.ts";
import { fixtureArchive } from "./helpers/fixture-archive.ts";

test("each kind offers its most-mentioned entities, ties broken by key", () => {
  const archive = fixtureArchive();
  // In the fixture: Balochistan is in 5 articles, Mastung in 3, BLA, NP, PML-N, Khawaja Asif and Sarfraz Bugti in 2.
  assert.deepEqual([...searchFilterKeys(archive, 1)].sort(), [
    "organization:bla",
    "party:np",
    "person:khawaja-asif",
    "place:balochistan",
  ]);
  const two = searchFilterKeys(archive, 2);
  assert.ok(two.has("person:sarfraz-bugti") && two.has("party:pml-n") && two.has("place:mastung"));
  assert.equal([...two].filter((key) => key.startsWith("person:")).length, 2);
});

test("a small archive offers every entity", () => {
  const archive = fixtureArchive();
  const named = new Set(
    archive.articles.flatMap((a) => [
      ...a.people.map((s) => `person:${s}`),
      ...a.parties.map((s) => `party:${s}`),
      ...a.organizations.map((s) => `organization:${s}`),
      ...a.places.map((s) => `place:${s}`),
    ]),
  );
  assert.ok(named.size < SEARCH_FILTER_VALUES);
  assert.deepEqual([...searchFilterKeys(archive)].sort(), [...named].sort());
});

test("the article page marks only the offered entities as filter values", () => {
  const archive = fixtureArchive();
  const article = archive.articles.find((a) => a.people.includes("sarfraz-bugti") && a.places.includes("balochistan"))!;
  const page = articlePage(article, [], buildLookup(archive), {
    linkSeeds: false,
    searchFilters: searchFilterKeys(archive, 1),
  });
  const marked = [...page.people, ...page.parties, ...page.organizations, ...page.places]
    .filter((entity) => entity.inSearchFilter)
    .map((entity) => `${entity.kind}:${entity.slug}`);
  const offered = searchFilterKeys(archive, 1);
  assert.ok(marked.length > 0);
  assert.ok(marked.every((key) => offered.has(key)));
  assert.equal(page.people.find((p) => p.slug === "sarfraz-bugti")?.inSearchFilter, false);
});

test("counted from the archive's graph, the filter values are the same", () => {
  const archive = fixtureArchive();
  // An article naming a place five times counts once: a place fewer articles name stays behind Mastung (three).
  const once = archive.places.find((p) => archive.articles.filter((a) => a.places.includes(p.slug)).length < 3);
  const article = archive.articles.find((a) => once && a.places.includes(once.slug));
  assert.ok(once && article);
  article.places = [...article.places, once.slug, once.slug, once.slug, once.slug];
  const lookup = buildLookup(archive);
  const graph = buildGraph(
    archive,
    entitySources(archive).flatMap((s) => [s.name, lookup.entity(s.kind, s.slug).name]),
  );
  for (const perKind of [1, 2, 3, SEARCH_FILTER_VALUES]) {
    const fromArticles = [...searchFilterKeys(archive, perKind)];
    assert.deepEqual([...searchFilterKeys(archive, perKind, graph)], fromArticles, `${perKind} per kind`);
  }
  assert.ok(searchFilterKeys(archive, 2, graph).has("place:mastung"));
  assert.ok(!searchFilterKeys(archive, 2, graph).has(`place:${once.slug}`));
});
