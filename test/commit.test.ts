/** The commit of a build laid over the live site (src/pipeline/commit.ts, src/render/site-overlay.ts). */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { commitOverlay, FILE_LIST, finishInterruptedCommit, journalPath } from "../src/pipeline/commit.ts";
import { reusePage } from "../src/render/page-reuse.ts";
import { layOver, release, siteFile } from "../src/render/site-overlay.ts";
import { filesUnder } from "../src/util/files.ts";

const scratch = mkdtempSync(path.join(os.tmpdir(), "commit-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

function write(root: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
}

const tree = (root: string) =>
  Object.fromEntries(
    filesUnder(root)
      .map((file) => path.relative(root, file))
      .sort()
      .map((file) => [file, readFileSync(path.join(root, file), "utf8")]),
  );

/** A live site, and a build over it that keeps a.html, rewrites b.html, adds c/d.html and drops gone/e.html. */
async function stagedBuild(name: string) {
  const live = path.join(scratch, name);
  const staging = `${live}.building-1`;
  write(live, { "a.html": "A", "b.html": "B", "gone/e.html": "E" });
  const overlay = layOver(staging, live);
  assert.equal(await reusePage(live, staging, "a.html"), true, "an unchanged page is kept, not copied");
  assert.ok(!existsSync(path.join(staging, "a.html")));
  assert.equal(
    siteFile(path.join(staging, "a.html")),
    path.join(live, "a.html"),
    "a kept page is read from the live site",
  );
  write(staging, { "b.html": "B2", "c/d.html": "D" });
  return { live, staging, overlay, inode: statSync(path.join(live, "a.html")).ino };
}

const expected = { "a.html": "A", "b.html": "B2", "c/d.html": "D" };

test("a commit moves staged files in, keeps kept ones in place and deletes the rest with their empty folders", async () => {
  const { live, staging, overlay, inode } = await stagedBuild("live");
  const result = await commitOverlay(overlay);
  release(overlay);
  const { [FILE_LIST]: list, ...pages } = tree(live);
  assert.deepEqual(pages, expected);
  assert.equal(list, `${[FILE_LIST, "a.html", "b.html", "c/d.html"].join("\n")}\n`);
  assert.deepEqual(result.files, [FILE_LIST, "a.html", "b.html", "c/d.html"]);
  assert.equal(statSync(path.join(live, "a.html")).ino, inode, "the kept page is the same file");
  assert.ok(!existsSync(path.join(live, "gone")), "the emptied folder is removed");
  assert.ok(!existsSync(staging) && !existsSync(journalPath(live)));
});

test("a commit killed half-way is finished by the next build from its journal", async () => {
  const { live, staging, overlay } = await stagedBuild("killed");
  // Commit, then undo the part after the commit point to stand for a kill after the first move.
  const journal = { staging, moves: ["b.html", "c/d.html", FILE_LIST], deletes: ["gone/e.html"] };
  write(staging, { [FILE_LIST]: "list\n" });
  mkdirSync(path.join(live, "c"), { recursive: true });
  writeFileSync(path.join(live, "b.html"), "B2");
  rmSync(path.join(staging, "b.html"));
  writeFileSync(journalPath(live), JSON.stringify(journal));
  release(overlay);
  assert.equal(await finishInterruptedCommit(live), true);
  const { [FILE_LIST]: _list, ...pages } = tree(live);
  assert.deepEqual(pages, expected);
  assert.ok(!existsSync(staging) && !existsSync(journalPath(live)));
  assert.equal(await finishInterruptedCommit(live), false, "nothing left to finish");
});
