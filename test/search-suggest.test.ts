/**
 * The search page's name suggestions (src/search/suggest-index.ts, src/search/browser/suggest-options.ts): every
 * entity by name and variant (a party by its abbreviation too), stories whose page exists, a classic script
 * that is the same bytes for the same archive, and a MiniSearch index that forgives a typo.
 */
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { runInNewContext } from "node:vm";
import MiniSearch from "minisearch";
import { searchFilterKeys } from "../src/render/views/search-filters.ts";
import {
  fromRow,
  SUGGEST_OPTIONS,
  SUGGEST_SEARCH,
  type SuggestData,
  type SuggestDoc,
  type SuggestRow,
} from "../src/search/browser/suggest-options.ts";
import { SUGGEST_FILE, suggestDocs, writeSuggestIndex } from "../src/search/suggest-index.ts";
import type { Archive } from "../src/types.ts";
import { fixtureArchive } from "./helpers/fixture-archive.ts";

/** The fixture with one story of two articles. */
function archiveWithStory(): Archive {
  const archive = fixtureArchive();
  const [first, second] = archive.articles;
  archive.stories = [
    { ...archive.stories[0], slug: "talks", title: "Talks in Balochistan", articles: [first.slug, second.slug] },
  ];
  return archive;
}

const names = (index: MiniSearch<SuggestDoc>, rows: SuggestRow[], query: string) =>
  index.search(query, SUGGEST_SEARCH).map((hit) => {
    const doc = fromRow(rows[hit.id], hit.id);
    return `${doc.kind} ${doc.name}`;
  });

test("every entity by its name and variants, stories only where their page exists", () => {
  const archive = archiveWithStory();
  const docs = suggestDocs(archive, searchFilterKeys(archive), (page) => page === "stories/talks/index.html");
  const byName = new Map(docs.map((doc) => [doc.name, doc]));
  assert.equal(byName.get("Pakistan Peoples Party")?.variants, "PPP");
  assert.equal(byName.get("Balochistan Liberation Army")?.variants, "BLA|Baloch Liberation Army");
  assert.deepEqual(
    { ...byName.get("Sarfraz Bugti"), id: 0 },
    {
      id: 0,
      kind: "person",
      name: "Sarfraz Bugti",
      variants: "Bugti",
      path: "people/sarfraz-bugti/index.html",
      articles: 2,
      filter: true,
    },
  );
  assert.equal(byName.get("Talks in Balochistan")?.path, "stories/talks/index.html");
  assert.equal(
    suggestDocs(archive, new Set(), () => false).some((doc) => doc.kind === "story"),
    false,
    "no story page, no story",
  );
});

test("search/suggest.js: a classic script, the same bytes twice, typo-tolerant", async () => {
  const archive = archiveWithStory();
  const dirs = [await mkdtemp(path.join(tmpdir(), "suggest-a-")), await mkdtemp(path.join(tmpdir(), "suggest-b-"))];
  try {
    const texts: string[] = [];
    for (const dir of dirs) {
      await writeSuggestIndex(archive, dir, searchFilterKeys(archive));
      texts.push(await readFile(path.join(dir, SUGGEST_FILE), "utf8"));
    }
    assert.equal(texts[0], texts[1]);
    const window: { __archiveSuggest?: SuggestData } = {};
    runInNewContext(texts[0], { window });
    const { index: plain, rows } = window.__archiveSuggest!;
    const index = MiniSearch.loadJS<SuggestDoc>(plain, SUGGEST_OPTIONS);
    assert.deepEqual(fromRow(rows[0], 0), suggestDocs(archive, searchFilterKeys(archive))[0], "rows keep every field");
    assert.equal(names(index, rows, "Bugti")[0], "person Sarfraz Bugti", "a surname");
    assert.equal(names(index, rows, "Bugtti")[0], "person Sarfraz Bugti", "a letter too many");
    assert.equal(names(index, rows, "Sarfaraz")[0], "person Sarfraz Bugti", "another transliteration");
    assert.equal(names(index, rows, "Naqvy")[0], "person Mohsin Naqvi", "a letter wrong");
    assert.equal(names(index, rows, "PPP")[0], "party Pakistan Peoples Party", "an abbreviation");
    assert.equal(names(index, rows, "Baloch Liberation")[0], "organization Balochistan Liberation Army", "a variant");
    assert.deepEqual(names(index, rows, "Achakz"), ["person Asghar Khan Achakzai", "person Mahmood Khan Achakzai"]);
    assert.deepEqual(names(index, rows, "zzyzx"), []);
  } finally {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  }
});

test("a rebuild takes the suggestions' index from the previous site when the names are the same, and only then", async () => {
  const archive = archiveWithStory();
  const filters = searchFilterKeys(archive);
  const [previous, next, cold] = await Promise.all(
    ["prev-", "next-", "cold-"].map((p) => mkdtemp(path.join(tmpdir(), p))),
  );
  const script = (dir: string) => readFile(path.join(dir, SUGGEST_FILE), "utf8");
  try {
    await writeSuggestIndex(archive, previous, filters);
    // Another count of articles changes a row, not the index: the index is taken as the previous site has it.
    archive.people[0].articles = [...archive.people[0].articles, "one-more-article"];
    await writeSuggestIndex(archive, next, filters, previous);
    await writeSuggestIndex(archive, cold, filters);
    assert.equal(await script(next), await script(cold), "the same bytes as indexing the names again");
    assert.notEqual(await script(next), await script(previous), "the rows are this archive's");

    // Taken as it is: a term the previous site's index holds (same length) is what the rebuild writes.
    const marked = (await script(previous)).replace('"bugti"', '"bugtX"');
    await writeFile(path.join(previous, SUGGEST_FILE), marked);
    await writeSuggestIndex(archive, next, filters, previous);
    assert.match(await script(next), /"bugtX"/);

    // A new variant changes the index: indexed again, as a cold build does.
    archive.people[0].variants = [...archive.people[0].variants, "Sarfaraz Bugtee"];
    await writeSuggestIndex(archive, next, filters, previous);
    await writeSuggestIndex(archive, cold, filters);
    assert.equal(await script(next), await script(cold));
    assert.doesNotMatch(await script(next), /"bugtX"/);
  } finally {
    for (const dir of [previous, next, cold]) await rm(dir, { recursive: true, force: true });
  }
});
