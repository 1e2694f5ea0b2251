import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { renderSite } from "../src/pipeline/site.ts";
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

test("a batched rebuild that reuses every article, entity and story page still writes the one-off pages, and the same tree", async () => {
  const first = path.join(scratch, "first");
  const again = path.join(scratch, "again");
  const archive = fixtureArchive();
  const before = await renderSite(archive, first, { pagesPerRun: 4 });
  const after = await renderSite(archive, again, { pagesPerRun: 4, previousDir: first });
  const pagedCount =
    archive.articles.length +
    archive.people.length +
    archive.parties.length +
    archive.organizations.length +
    archive.places.length +
    archive.outlets.length +
    archive.stories.length;
  assert.equal(after.reused, pagedCount, "every article, entity and story page is taken from the previous site");
  assert.equal(after.pages, before.pages);
  assert.deepEqual(await treeDigest(again), await treeDigest(first));
});
