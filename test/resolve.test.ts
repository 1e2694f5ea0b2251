import assert from "node:assert/strict";
import { test } from "node:test";
import { canonicalName, clusterPeople } from "../src/resolve/people.ts";
import { consonantSkeleton, personKey } from "../src/resolve/person-key.ts";
import { SlugRegistry } from "../src/resolve/slugs.ts";
import { slugify } from "../src/util/slug.ts";
import { personMention } from "./helpers/person-mention.ts";

const person = personMention;

const clusterNames = (names: string[][]) =>
  clusterPeople(
    names.flatMap((list, article) => list.map((name) => ({ article, mention: person(name) }))),
    ["Mir", "Syed", "Jam", "Raja"],
  )
    .map((c) => c.occurrences.map((o) => o.mention.name).sort())
    .sort((a, b) => a[0].localeCompare(b[0]));

test("transliteration variants share a consonant skeleton", () => {
  assert.equal(consonantSkeleton("sarfaraz"), consonantSkeleton("sarfraz"));
  assert.equal(personKey("Mahmood Khan"), personKey("Mehmood Khan"));
  assert.notEqual(personKey("Asghar Khan Achakzai"), personKey("Arif Khan Achakzai"));
});

test("spelling variants of one person across articles resolve to one person", () => {
  assert.deepEqual(clusterNames([["Sarfraz Bugti"], ["Sarfaraz Bugti"]]), [["Sarfaraz Bugti", "Sarfraz Bugti"]]);
});

test("people who share only a surname or a given name are never merged", () => {
  const clusters = clusterNames([
    ["Asghar Khan Achakzai", "Arif Khan Achakzai", "Inayat Shah"],
    ["Mahmood Khan Achakzai", "Inayat Buzdar"],
  ]);
  assert.equal(clusters.length, 5);
});

test("a name without its prefix joins the one prefixed name it fits, and only when unambiguous", () => {
  assert.deepEqual(clusterNames([["Mir Quddus Bizenjo"], ["Quddus Bizenjo"]]), [
    ["Mir Quddus Bizenjo", "Quddus Bizenjo"],
  ]);
  // Two different prefixed people fit "Ali Khan Magsi": it stays on its own.
  assert.equal(clusterNames([["Mir Ali Khan Magsi"], ["Syed Ali Khan Magsi"], ["Ali Khan Magsi"]]).length, 3);
});

test("canonical name: most articles, then fullest, then plainer spelling", () => {
  assert.equal(
    canonicalName([
      { name: "Sarfaraz Bugti", article: 1 },
      { name: "Sarfraz Bugti", article: 0 },
    ]),
    "Sarfraz Bugti",
  );
  assert.equal(
    canonicalName([
      { name: "Jam Kamal", article: 0 },
      { name: "Jam Kamal Khan", article: 0 },
    ]),
    "Jam Kamal Khan",
  );
  assert.equal(
    canonicalName([
      { name: "Sarfaraz Bugti", article: 0 },
      { name: "Sarfaraz Bugti", article: 2 },
      { name: "Sarfraz Bugti", article: 1 },
    ]),
    "Sarfaraz Bugti",
  );
});

test("slugs are readable ASCII and unique", () => {
  assert.equal(slugify("Über die PTI’s “goodwill” gesture!"), "uber-die-ptis-goodwill-gesture");
  assert.equal(slugify("بلوچستان"), "");
  const registry = new SlugRegistry();
  assert.deepEqual(
    ["a", "a", "a-2", "b"].map((s) => registry.claim(s)),
    ["a", "a-2", "a-2-2", "b"],
  );
  // A numbered form another title took first is skipped, however many times the base is claimed after it.
  const numbered = new SlugRegistry();
  const claims = ["x-3", ...Array.from({ length: 5 }, () => "x"), "x-7", "x", "x"].map((s) => numbered.claim(s));
  assert.deepEqual(claims, ["x-3", "x", "x-2", "x-4", "x-5", "x-6", "x-7", "x-8", "x-9"]);
});
