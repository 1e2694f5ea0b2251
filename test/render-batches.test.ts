import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { renderSite } from "../src/pipeline/site.ts";
import { renderPages } from "../src/render/index.ts";
import { articlePagePath, entityUrl, storyPagePath, storyUrl } from "../src/urls.ts";
import { treeDigest } from "./helpers/build-fixture-site.ts";
import { fixtureArchive } from "./helpers/fixture-archive.ts";

const scratch = mkdtempSync(path.join(os.tmpdir(), "news-archive-batches-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

test("rendering in many small Eleventy runs writes exactly what one run writes", async () => {
  const one = path.join(scratch, "one");
  const many = path.join(scratch, "many");
  const archive = fixtureArchive();
  const single = await renderSite(archive, one);
  const batched = await renderSite(archive, many, { pagesPerRun: 4 });
  assert.ok(single.pages > 12, "the fixture needs more pages than one batch of 4");
  assert.equal(batched.pages, single.pages);
  assert.deepEqual(await treeDigest(many), await treeDigest(one));
});

test("a batched rebuild of an unchanged archive takes every page from the previous site, and the same tree", async () => {
  const first = path.join(scratch, "first");
  const again = path.join(scratch, "again");
  const archive = fixtureArchive();
  const before = await renderSite(archive, first, { pagesPerRun: 4 });
  const after = await renderSite(archive, again, { pagesPerRun: 4, previousDir: first });
  assert.equal(after.pages, before.pages);
  assert.equal(after.reused, after.pages, "every page, the one-off ones too, is taken from the previous site");
  assert.deepEqual(await treeDigest(again), await treeDigest(first));
});

test("a rebuild renders again the unchanged pages and CSV exports whose copies in the previous site are gone", async () => {
  const pruned = path.join(scratch, "pruned");
  const again = path.join(scratch, "restored");
  const archive = fixtureArchive();
  const before = await renderSite(archive, pruned, { pagesPerRun: 4 });
  const complete = await treeDigest(pruned);
  const [person, other] = archive.people;
  const pages = [
    articlePagePath(archive.articles[0].slug),
    `${entityUrl("person", person.slug)}index.html`,
    `${storyUrl(archive.stories[0].slug)}index.html`,
    // One-off pages: one of a template's own, one of a paginated template's.
    "articles/index.html",
    "figures/index.html",
  ];
  const gone = [...pages, `${entityUrl("person", other.slug)}mentions.csv`, "feed.xml", "assets/site.css"].map((file) =>
    path.join(pruned, file.replace(/^\//, "")),
  );
  for (const file of gone) {
    assert.ok(existsSync(file), `${file} was written by the first build`);
    rmSync(file);
  }
  const after = await renderSite(archive, again, { pagesPerRun: 4, previousDir: pruned });
  // The person whose CSV went keeps its page; the pages that went are rendered.
  assert.equal(after.reused, before.pages - pages.length);
  assert.deepEqual(await treeDigest(again), complete);
});

/** Which of the archive's article, entity and story pages are in `dir` now. */
function pagesOnDisk(dir: string, archive: ReturnType<typeof fixtureArchive>) {
  const on = (file: string) => existsSync(path.join(dir, file.replace(/^\//, "")));
  return {
    articles: archive.articles.filter((a) => on(articlePagePath(a.slug))).length,
    people: archive.people.filter((p) => on(`${entityUrl("person", p.slug)}index.html`)).length,
    stories: archive.stories.filter((s) => on(storyPagePath(s.slug))).length,
  };
}

test("a render of several runs tells the index stage to start once every article page is written, before any entity or story page", async () => {
  const out = path.join(scratch, "articles-first");
  const archive = fixtureArchive();
  const seen: ReturnType<typeof pagesOnDisk>[] = [];
  const result = await renderPages(archive, out, {
    pagesPerRun: 4,
    onArticlePagesWritten: ({ searchFingerprints }) => {
      assert.equal(searchFingerprints.size, archive.articles.length, "every article's search fingerprint is known");
      seen.push(pagesOnDisk(out, archive));
    },
  });
  assert.deepEqual(seen, [{ articles: archive.articles.length, people: 0, stories: 0 }]);
  assert.equal(result.searchFingerprints.size, archive.articles.length);
  assert.deepEqual(pagesOnDisk(out, archive), {
    articles: archive.articles.length,
    people: archive.people.length,
    stories: archive.stories.length,
  });
});

test("a render of one run tells the index stage once, when it is done", async () => {
  const out = path.join(scratch, "one-run");
  const archive = fixtureArchive();
  const seen: ReturnType<typeof pagesOnDisk>[] = [];
  await renderPages(archive, out, { onArticlePagesWritten: () => seen.push(pagesOnDisk(out, archive)) });
  assert.deepEqual(seen, [
    { articles: archive.articles.length, people: archive.people.length, stories: archive.stories.length },
  ]);
});
