/**
 * The search page's name suggestions (src/search/suggest-index.ts, src/search/browser/suggest-options.ts): every
 * entity by name and variant (a party by its abbreviation too), stories whose page exists, a classic script
 * that is the same bytes for the same archive, and a MiniSearch index that forgives a typo.
 */
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm } from "node:fs/promises";
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
