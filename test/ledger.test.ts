/**
 * The site-wide figures ledger (src/render/views/figures.ts) lists stories with their ranges: claims are
 * compared only within one story (src/resolve/ledger.ts), never across unrelated events.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { figuresLedger } from "../src/render/views/figures.ts";
import { buildLookup } from "../src/render/views/lookup.ts";
import { storyViews } from "../src/render/views/stories.ts";
import { storyLedger } from "../src/resolve/ledger.ts";
import { PAGES } from "../src/settings.ts";
import type { Archive, PlaceKind } from "../src/types.ts";
import { attackStory, fixtureArchive, withSecondMilitantsCount } from "./helpers/fixture-archive.ts";

const kinds = (archive: Archive) => {
  const map = new Map<string, PlaceKind>(archive.places.map((p) => [p.slug, p.kind]));
  return (slug: string) => map.get(slug);
};

/** Recomputes one story's ledger after a test changed its articles' figures. */
function reledger(archive: Archive, storySlug: string): void {
  const story = archive.stories.find((s) => s.slug === storySlug)!;
  const members = story.articles.map((slug) => archive.articles.find((a) => a.slug === slug)!);
  story.figures = storyLedger(members, kinds(archive));
}

test("site-wide ledger: one range per story for each kind of count, never one range across stories", () => {
  const archive = fixtureArchive();
  const other = withSecondMilitantsCount(archive);
  const ledger = figuresLedger(archive, storyViews(archive, buildLookup(archive)));
  const group = ledger.groups.find((g) => g.label === "Militants killed")!;
  assert.deepEqual(
    group.stories.map((entry) => [entry.story.slug, entry.line.range]),
    [
      [other.story, "3"],
      [attackStory, "67–177"],
    ],
  );
  // The index lists stories (newest first) with their lines, each linked to its line on the story's page.
  assert.deepEqual(
    ledger.pages.flatMap((page) => page.items.map((entry) => entry.story.slug)),
    [other.story, attackStory],
  );
  const attack = ledger.pages[0].items.find((entry) => entry.story.slug === attackStory)!;
  const militants = attack.lines.find((line) => line.label === "Militants killed")!;
  assert.equal(militants.url, `/stories/${attackStory}/#figures-militants-killed`);
  assert.equal(militants.grading, "corroborated");

  // A long list is split into pages, newest stories first, linked both ways: the newest on the first page,
  // then a page per year, month, or part of one (src/render/views/stable-pages.ts).
  const perPage = PAGES.ledgerStories;
  PAGES.ledgerStories = 1;
  try {
    const paged = figuresLedger(archive, storyViews(archive, buildLookup(archive))).pages;
    assert.deepEqual(
      paged.map((page) => [page.url, page.heading, page.items[0].story.slug, page.newer?.url, page.older?.url]),
      [
        ["/figures/", null, other.story, undefined, "/figures/by-date/2026/"],
        // Two stories in 2026, at most one to a page: a page each, the older numbered 1.
        ["/figures/by-date/2026/", "5 February 2026", other.story, "/figures/", "/figures/by-date/2026/1/"],
        ["/figures/by-date/2026/1/", "1 February 2026", attackStory, "/figures/by-date/2026/", undefined],
      ],
    );
    // Each kind of count likewise: its newest story on its own page, which lists its older pages, each of
    // which holds the stories of its period; together, every story of the kind once.
    const paging = figuresLedger(archive, storyViews(archive, buildLookup(archive)));
    const militantsKilled = paging.groups.find((group) => group.label === "Militants killed");
    assert.ok(militantsKilled && militantsKilled.stories.length === 2, "a kind of count with two stories");
    for (const group of paging.groups) {
      const [first, ...older] = paging.groupPages.filter((page) => page.id === group.id);
      assert.equal(first.url, group.url);
      assert.deepEqual(first.items, group.stories.slice(0, 1));
      assert.deepEqual(
        first.olderPages.map((link) => link.url),
        older.map((page) => page.url),
      );
      assert.deepEqual(
        older.flatMap((page) => page.items),
        group.stories.length > 1 ? group.stories : [],
      );
      for (const page of older) assert.ok(page.url.startsWith(group.url) && page.heading, page.url);
    }
  } finally {
    PAGES.ledgerStories = perPage;
  }
});

test("ledger: a breakdown is shown as part of its count and does not widen its story's range", () => {
  const archive = fixtureArchive();
  const article = archive.articles.find((a) => a.slug === "violent-clashes-erupt-across-balochistan")!;
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
  for (const other of archive.articles.filter((a) => a !== article))
    other.figures = other.figures.filter((f) => f.category !== "civilians");
  reledger(archive, attackStory);
  const views = storyViews(archive, buildLookup(archive));
  const page = views.pages().find((p) => p.slug === attackStory)!;
  const line = page.ledger.find((l) => l.label === "Civilians killed")!;
  assert.equal(line.range, "11");
  assert.deepEqual(
    line.claims.map((c) => [c.value, c.part]),
    [
      [11, false],
      [5, true],
    ],
  );
});
