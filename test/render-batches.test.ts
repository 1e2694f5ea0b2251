import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { renderSite } from "../src/site/index.ts";
import { fixtureArchive } from "./helpers/fixture-archive.ts";

const scratch = mkdtempSync(path.join(os.tmpdir(), "news-archive-batches-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

function tree(root: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
      .sort()
      .map((f) => [
        f,
        createHash("sha256")
          .update(readFileSync(path.join(root, f)))
          .digest("hex"),
      ]),
  );
}

test("rendering in many small Eleventy runs writes exactly what one run writes", async () => {
  const one = path.join(scratch, "one");
  const many = path.join(scratch, "many");
  const archive = fixtureArchive();
  const single = await renderSite(archive, one);
  const batched = await renderSite(archive, many, { pagesPerRun: 4 });
  assert.ok(single.pages > 12, "the fixture needs more pages than one batch of 4");
  assert.equal(batched.pages, single.pages);
  assert.deepEqual(tree(many), tree(one));
});
