/**
 * An article's list entry (`summarize`, src/render/views/articles.ts) kept with its record: a record kept from one
 * build to the next keeps its entry, which is the one a fresh record gives, until its outlet is named otherwise.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { summarize } from "../src/render/views/articles.ts";
import { buildLookup } from "../src/render/views/lookup.ts";
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
