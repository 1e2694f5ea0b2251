/**
 * The staging folder laid over the live site (src/render/site-overlay.ts): a file the live site has at the
 * same place is kept, not copied, and whether it is there is read from a listing of the live site made by a
 * worker thread.
 */
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { keepIfSame, keptByListing, keptFolder, layOver, release } from "../src/render/site-overlay.ts";

const scratch = await mkdtemp(path.join(tmpdir(), "news-archive-overlay-"));
after(() => rm(scratch, { recursive: true, force: true }));

test("a live file is kept where it is; a missing one, or one elsewhere, is not", async () => {
  const live = path.join(scratch, "site");
  const staging = path.join(scratch, "site.building");
  for (const file of ["articles/a/index.html", "seeds/odd\nname.txt", "feed.xml"]) {
    mkdirSync(path.dirname(path.join(live, file)), { recursive: true });
    writeFileSync(path.join(live, file), file);
  }
  const overlay = layOver(staging, live);
  try {
    overlay.listLive();
    const listed = await overlay.liveFiles;
    assert.deepEqual([...(listed ?? [])].sort(), ["articles/a/index.html", "feed.xml", "seeds/odd\nname.txt"]);
    const keep = (file: string, from = path.join(live, file)) => keepIfSame(from, path.join(staging, file));
    assert.equal(await keep("articles/a/index.html"), true);
    assert.equal(await keep("seeds/odd\nname.txt"), true);
    assert.equal(await keep("articles/b/index.html"), false, "not in the live site");
    assert.equal(await keep("articles/a"), false, "a folder is not a file");
    assert.equal(await keep("feed.xml", path.join(scratch, "elsewhere", "feed.xml")), false, "another file");
    assert.deepEqual([...overlay.kept].sort(), ["articles/a/index.html", "seeds/odd\nname.txt"]);
  } finally {
    release(overlay);
  }
});

test("the live site's listing answers for many files at once, as keepIfSame would", async () => {
  const live = path.join(scratch, "listed");
  const staging = path.join(scratch, "listed.building");
  for (const file of ["articles/a/index.html", "people/b/mentions.csv"]) {
    mkdirSync(path.dirname(path.join(live, file)), { recursive: true });
    writeFileSync(path.join(live, file), file);
  }
  assert.equal(await keptByListing(live, staging), null, "not laid over the live site");
  const overlay = layOver(staging, live);
  try {
    assert.equal(await keptByListing(live, staging), null, "laid over, but the live site not listed");
    overlay.listLive();
    assert.equal(await keptByListing(path.join(scratch, "other"), staging), null, "laid over another site");
    const kept = await keptByListing(live, staging);
    assert.ok(kept);
    for (const file of ["articles/a/index.html", "people/b/mentions.csv", "articles/c/index.html", "articles/a"]) {
      const byListing = kept(file);
      const asked = await keepIfSame(path.join(live, file), path.join(staging, file));
      assert.equal(byListing, asked, file);
    }
    assert.deepEqual([...overlay.kept].sort(), ["articles/a/index.html", "people/b/mentions.csv"]);
  } finally {
    release(overlay);
  }
});

test("a folder of the live site is kept whole by its listing: every file under it, and nothing beside it", async () => {
  const live = path.join(scratch, "bundles");
  const staging = path.join(scratch, "bundles.building");
  const files = ["pagefind/a.pf_meta", "pagefind/fragment/x.pf_fragment", "pagefind-delta/b.pf_meta", "pagefind.json"];
  for (const file of files) {
    mkdirSync(path.dirname(path.join(live, file)), { recursive: true });
    writeFileSync(path.join(live, file), file);
  }
  assert.equal(await keptFolder(live, staging, "pagefind/"), null, "not laid over the live site");
  const overlay = layOver(staging, live);
  try {
    assert.equal(await keptFolder(live, staging, "pagefind/"), null, "laid over, but the live site not listed");
    overlay.listLive();
    assert.equal(await keptFolder(live, staging, "pagefind/"), 2);
    assert.deepEqual([...overlay.kept].sort(), ["pagefind/a.pf_meta", "pagefind/fragment/x.pf_fragment"]);
    assert.equal(await keptFolder(live, staging, "pagefind-delta"), 1, "a folder named without its last slash");
    assert.equal(await keptFolder(live, staging, "pagefind-shards/2020/"), 0, "a folder the live site lacks");
    assert.deepEqual([...overlay.kept].sort(), files.slice(0, 3).sort());
  } finally {
    release(overlay);
  }
});
