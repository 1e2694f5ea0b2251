import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ingestSeeds } from "../src/ingest/index.ts";
import { loadKnowledge } from "../src/knowledge/index.ts";
import { resolveArchive } from "../src/resolve/index.ts";
import { canonicalName, clusterPeople } from "../src/resolve/people.ts";
import { consonantSkeleton, personKey } from "../src/resolve/person-key.ts";
import { SlugRegistry } from "../src/resolve/slugs.ts";
import type { ExtractedArticle } from "../src/types.ts";
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

test("names described by one build's prefixes are described again when the prefixes change", () => {
  const occurrences = [["Mir Quddus Bizenjo"], ["Quddus Bizenjo"]].flatMap((list, article) =>
    list.map((name) => ({ article, mention: person(name) })),
  );
  const clustered = (prefixes: string[]) => clusterPeople(occurrences, prefixes).length;
  assert.equal(clustered(["Mir"]), 1);
  // Without "Mir" as a prefix, "Mir Quddus Bizenjo" is a name of its own, not "Quddus Bizenjo" prefixed.
  assert.equal(clustered([]), 2);
  assert.equal(clustered(["Mir"]), 1);
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

describe("article records from the project's seeds", async () => {
  const knowledge = loadKnowledge();
  const { extracted, rejected } = await ingestSeeds("seeds", knowledge, { threads: 0 });
  const resolved = (edit: (articles: ExtractedArticle[]) => void) => {
    const articles = structuredClone(extracted);
    edit(articles);
    return { articles, archive: resolveArchive(articles, rejected, knowledge) };
  };
  const withPlacesAndFigures = extracted.findIndex((a) => a.entities.places.length >= 2 && a.figures.length > 0);

  test("a figure's place is the article's first place of that name, in any case, with or without a kind word", () => {
    assert.ok(withPlacesAndFigures >= 0, "a seed names two places and counts people");
    const placeOf = (written: string | null, variants: [string[], string[]]) => {
      const { articles, archive } = resolved((list) => {
        const article = list[withPlacesAndFigures];
        article.entities.places[0].variants.push(...variants[0]);
        article.entities.places[1].variants.push(...variants[1]);
        article.figures[0].place = written;
      });
      const source = articles[withPlacesAndFigures].source.file;
      const record = archive.articles.find((a) => a.source.file === source)!;
      const slugAt = (at: number) => record.mentions.filter((m) => m.kind === "place")[at].slug;
      return { place: record.figures[0].place, first: slugAt(0), second: slugAt(1) };
    };
    const bySecond = placeOf("WESTVALE District", [[], ["Westvale"]]);
    assert.equal(bySecond.place, bySecond.second, "the name without its kind word, any case");
    const byBoth = placeOf("westvale district", [["Westvale District"], ["Westvale"]]);
    assert.equal(byBoth.place, byBoth.first, "both places fit: the first in the article");
    const byWhole = placeOf("Westvale tribal district", [[], ["westvale TRIBAL district"]]);
    assert.equal(byWhole.place, byWhole.second, "the name as written");
    assert.equal(placeOf("Eastvale", [[], ["Westvale"]]).place, null, "no place of that name");
    assert.equal(placeOf(null, [[], []]).place, null);
  });

  test("a mention links by its spellings longest first, one list shared by every mention spelled alike", () => {
    const { archive } = resolved(() => {});
    const personLinks = archive.articles.flatMap((a) => a.mentions.filter((m) => m.kind === "person"));
    const spelled = personLinks.find((m) => m.forms.length > 1);
    assert.ok(spelled, "a person is written more than one way");
    for (const m of personLinks) {
      assert.deepEqual(
        m.forms,
        [...m.forms].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0)),
      );
      const alike = personLinks.filter((other) => other.forms.join("|") === m.forms.join("|"));
      assert.ok(
        alike.every((other) => other.forms === m.forms),
        `one list for ${m.forms.join(", ")}`,
      );
    }
    // Each person mention's forms are its name and its spellings, nothing else.
    for (const record of archive.articles)
      record.peopleDetail.forEach((detail, j) => {
        const link = record.mentions[j];
        assert.equal(link.kind, "person");
        assert.ok(link.forms.includes(detail.name), `${detail.name} links by its own name`);
      });
  });

  test("a person's record gathers the roles in the order first given and the parties sorted, each once", () => {
    const { archive } = resolved(() => {});
    for (const person of archive.people) {
      const details = archive.articles.flatMap((a) => a.peopleDetail.filter((d) => d.slug === person.slug));
      assert.deepEqual(person.roles, [...new Set(details.flatMap((d) => d.roles))]);
      assert.deepEqual(person.parties, [...new Set(details.flatMap((d) => d.parties))].sort());
    }
  });
});
