import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { renderSite } from "../src/site/index.ts";
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
