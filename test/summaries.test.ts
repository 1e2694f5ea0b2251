/**
 * An article's list entry (`summarize`, src/render/views/articles.ts) kept with its record: a record kept from one
 * build to the next keeps its entry, which is the one a fresh record gives, until its outlet is named otherwise.
 * Likewise the lookup's references, a story's summary and an entity's source (src/render/views/).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { summarize } from "../src/render/views/articles.ts";
import { entitySources } from "../src/render/views/entities.ts";
import { buildLookup } from "../src/render/views/lookup.ts";
import { storyViews } from "../src/render/views/stories.ts";
import { fixtureArchive } from "./helpers/fixture-archive.ts";

const json = (value: unknown) => JSON.stringify(value);

test("a record keeps its list entry from one build to the next, until its outlet's name changes", () => {
  const archive = fixtureArchive();
  const first = buildLookup(archive);
  const entries = archive.articles.map((article) => summarize(article, first));
  // The next build: the same records, a lookup of its own.
  const next = buildLookup(archive);
  archive.articles.forEach((article, at) => {
    assert.equal(summarize(article, next), entries[at], article.slug);
  });
  // Each is what a record made afresh gives, digest included.
  archive.articles.forEach((article, at) => {
    const fresh = summarize(structuredClone(article), next);
    assert.notEqual(fresh, entries[at]);
    assert.deepEqual({ ...fresh }, { ...entries[at] });
    assert.equal(json(fresh), json(entries[at]));
  });
  // An outlet named otherwise: its articles' entries are made again, with the new name; the others are kept.
  const renamed = archive.outlets[0];
  const renaming = {
    ...archive,
    outlets: [{ ...renamed, name: `${renamed.name} Weekly` }, ...archive.outlets.slice(1)],
  };
  const after = buildLookup(renaming);
  const named = archive.articles.filter((article) => article.outletSlug === renamed.slug);
  assert.ok(
    named.length > 0 && named.length < archive.articles.length,
    "the fixture's first outlet has some of its articles",
  );
  archive.articles.forEach((article, at) => {
    const entry = summarize(article, after);
    if (article.outletSlug === renamed.slug) {
      assert.notEqual(entry, entries[at]);
      assert.equal(entry.outlet?.name, `${renamed.name} Weekly`);
      assert.notEqual(json(entry), json(entries[at]));
    } else assert.equal(entry, entries[at]);
  });
});

test("a record changed in place gets a new list entry", () => {
  const archive = fixtureArchive();
  const lookup = buildLookup(archive);
  const [article] = archive.articles;
  const before = summarize(article, lookup);
  article.title = `${article.title}, updated`;
  const after = summarize(article, lookup);
  assert.notEqual(after, before);
  assert.equal(after.title, article.title);
  assert.equal(json(after), json(summarize(structuredClone(article), lookup)));
});

test("the next build's lookup gives the same reference for an entity named the same, a new one when renamed", () => {
  const archive = fixtureArchive();
  const first = buildLookup(archive);
  const [place] = archive.places;
  const [outlet] = archive.outlets;
  const placeRef = first.entity("place", place.slug);
  const outletRef = first.entity("outlet", outlet.slug);
  const renamed = buildLookup({
    ...archive,
    outlets: [{ ...outlet, name: `${outlet.name} Weekly` }, ...archive.outlets.slice(1)],
  });
  assert.equal(renamed.entity("place", place.slug), placeRef);
  const newRef = renamed.entity("outlet", outlet.slug);
  assert.notEqual(newRef, outletRef);
  assert.deepEqual({ ...newRef }, { ...outletRef, name: `${outlet.name} Weekly` });
});

test("a story record keeps its summary from one build to the next, until what it shows changes", () => {
  const archive = fixtureArchive();
  const story = archive.stories.find((s) => s.outlets.length > 0)!;
  const views = (a: typeof archive) => storyViews(a, buildLookup(a), () => "digest");
  const summaryOf = (a: typeof archive) => views(a).summaries.find((s) => s.slug === story.slug)!;
  const first = summaryOf(archive);
  assert.equal(summaryOf(archive), first, "the same record and outlets: the same summary");
  // The record changed in place: a new summary, as a fresh record gives it.
  const title = story.title;
  story.title = `${title}, updated`;
  const retitled = summaryOf(archive);
  assert.equal(retitled.title, story.title);
  const fresh = views({ ...archive, stories: archive.stories.map((s) => (s === story ? structuredClone(s) : s)) });
  assert.equal(json(retitled), json(fresh.summaries.find((s) => s.slug === story.slug)));
  story.title = title;
  // Its outlet named otherwise: a new summary, with the new name.
  const kept = summaryOf(archive);
  const [outletSlug] = story.outlets;
  const outlets = archive.outlets.map((o) => (o.slug === outletSlug ? { ...o, name: `${o.name} Weekly` } : o));
  const renamed = summaryOf({ ...archive, outlets });
  assert.notEqual(renamed, kept);
  assert.equal(renamed.outlets[0].name, `${archive.outlets.find((o) => o.slug === outletSlug)!.name} Weekly`);
  assert.notEqual(json(renamed), json(kept));
});

test("an entity record keeps its source from one build to the next, until a field of it changes", () => {
  const archive = fixtureArchive();
  const first = entitySources(archive);
  const again = entitySources(archive);
  first.forEach((source, at) => {
    assert.equal(again[at], source, source.slug);
  });
  const place = archive.places[0];
  const before = first.find((source) => source.record === place)!;
  place.variants = [...place.variants, `${place.name} District`];
  const after = entitySources(archive).find((source) => source.record === place)!;
  assert.notEqual(after, before);
  assert.deepEqual(after.variants, place.variants);
  assert.equal(after.firstPage.url, before.firstPage.url);
});
