import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { setImmediate as nextTurn } from "node:timers/promises";
import v8 from "node:v8";
import vm from "node:vm";
import { renderSite } from "../src/pipeline/site.ts";
import { fixtureArchive } from "./helpers/fixture-archive.ts";

const scratch = mkdtempSync(path.join(os.tmpdir(), "news-archive-render-memory-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

// A full collection on demand, in this test's process only.
v8.setFlagsFromString("--expose-gc");
const collectGarbage = vm.runInNewContext("gc") as () => void;

/** Whether `ref`'s object is gone once the current job is over and the heap is collected. */
async function collected(ref: WeakRef<object>): Promise<boolean> {
  await nextTurn();
  collectGarbage();
  await nextTurn();
  return ref.deref() === undefined;
}

// In a file of its own: Eleventy caches a layout for the whole process, and what the first run in a process
// leaves behind is what this test looks for.
test("nothing of a render outlives it: the next build in the process does not start among the last one's pages", async () => {
  let archive: ReturnType<typeof fixtureArchive> | undefined = fixtureArchive();
  const record = new WeakRef(archive.articles[0]);
  await renderSite(archive, path.join(scratch, "first"));
  archive = undefined;
  assert.ok(await collected(record), "an article record is still held after its render ended");
  // And a second render in the process, with a new archive, lets its records go too.
  let again: ReturnType<typeof fixtureArchive> | undefined = fixtureArchive();
  const second = new WeakRef(again.articles[0]);
  await renderSite(again, path.join(scratch, "second"));
  again = undefined;
  assert.ok(await collected(second), "the second render's article record is still held");
});
