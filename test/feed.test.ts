import assert from "node:assert/strict";
import { test } from "node:test";
import { feed } from "../src/render/views/feeds.ts";
import { byDateDesc } from "../src/render/views/lookup.ts";
import { PAGES } from "../src/settings.ts";
import { articleUrl } from "../src/urls.ts";
import { fixtureArchive } from "./helpers/fixture-archive.ts";

test("feed.xml holds the newest PAGES.feedEntries dated articles, newest first, and no undated one", () => {
  const archive = fixtureArchive();
  const undated = archive.articles[archive.articles.length - 1];
  undated.date = null;
  const sorted = [...archive.articles].sort(byDateDesc);
  const dated = sorted.filter((a) => a.date !== null);
  assert.ok(dated.length > 3, "the fixture needs more dated articles than the cap below");

  const whole = feed(sorted);
  assert.deepEqual(
    whole.entries.map((e) => e.url),
    dated.map((a) => articleUrl(a.slug)),
    "under the cap, every dated article",
  );
  assert.ok(!whole.entries.some((e) => e.url === articleUrl(undated.slug)));

  const cap = PAGES.feedEntries;
  PAGES.feedEntries = 3;
  try {
    const capped = feed(sorted);
    assert.deepEqual(
      capped.entries.map((e) => e.url),
      dated.slice(0, 3).map((a) => articleUrl(a.slug)),
    );
    assert.equal(capped.updated, whole.updated, "dated by the newest article either way");
  } finally {
    PAGES.feedEntries = cap;
  }
});
