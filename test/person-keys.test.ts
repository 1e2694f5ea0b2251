/**
 * A person record's reuse key (src/archive/record-reuse.ts: personReuseKey) is remembered with the record, as
 * `npm start` keeps unchanged records from one save to the next: it is the key made afresh whatever changed
 * around the record since, its article lines' digests or its own fields.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { personReuseKey } from "../src/archive/record-reuse.ts";
import type { ArticleRecord, PersonRecord } from "../src/types.ts";
import { fixtureArchive } from "./helpers/fixture-archive.ts";

test("a person's remembered key is the key made afresh, whatever changed around the record", () => {
  const { articles, people } = fixtureArchive();
  const [person] = people;
  // The person's mentions: the first two articles, the first of their people.
  const sources = Int32Array.from([0, 0, 1, 0]);
  const digestsOf = (entries: [ArticleRecord, string][]) => new WeakMap<object, string>(entries);
  const lines = digestsOf(articles.map((a, i) => [a, `line-${i}`]));
  const fresh = (record: PersonRecord, digests: WeakMap<object, string>, at = sources) =>
    personReuseKey({ ...record }, at, articles, digests); // a new object: nothing remembered
  const key = personReuseKey(person, sources, articles, lines);
  assert.equal(key, fresh(person, lines));
  assert.equal(personReuseKey(person, sources, articles, lines), key, "asked again: the same key");

  const edited = digestsOf(articles.map((a, i) => [a, i === 1 ? "line-1-edited" : `line-${i}`]));
  const afterEdit = personReuseKey(person, sources, articles, edited);
  assert.notEqual(afterEdit, key, "an article line changed");
  assert.equal(afterEdit, fresh(person, edited));

  const moved = Int32Array.from([0, 0, 1, 1]);
  assert.equal(personReuseKey(person, moved, articles, edited), fresh(person, edited, moved), "another place");

  person.roles = [...person.roles, "Spokesman"]; // as a correction gives a record a new list
  const corrected = personReuseKey(person, sources, articles, edited);
  assert.notEqual(corrected, afterEdit);
  assert.equal(corrected, fresh(person, edited));
  assert.equal(personReuseKey(person, sources, articles, new WeakMap()), null, "an article without a digest");
});
