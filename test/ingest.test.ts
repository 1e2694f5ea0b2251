import assert from "node:assert/strict";
import { test } from "node:test";
import { ingest } from "../src/ingest/index.ts";
import { loadKnowledge } from "../src/knowledge/index.ts";

test("extraction in worker threads gives the same archive as in one thread", async () => {
  const knowledge = loadKnowledge();
  const single = await ingest("seeds", knowledge, { threads: 0 });
  const parallel = await ingest("seeds", knowledge, { threads: 2 });
  assert.equal(single.archive.articles.length, 5);
  assert.deepEqual(parallel.archive, single.archive);
  assert.deepEqual(parallel.parsed, single.parsed);
});
