/**
 * Reads paced by what answers them (src/ingest/paced-reads.ts): every item is read once, one after another
 * while reads take memory's time, several at once in the batches whose first reads took the disk's.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { pacedReads } from "../src/ingest/paced-reads.ts";

/** Keeps the thread busy for `ms`, as a read waiting on the disk keeps it. */
const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

test("reads from memory are made one after another, each item once", async () => {
  const items = Array.from({ length: 600 }, (_, at) => at);
  const now: number[] = [];
  await pacedReads(
    items,
    (item) => now.push(item),
    async () => assert.fail("no read waits"),
  );
  assert.deepEqual(now, items);
});

test("a batch whose first reads took the disk's time is read several at a time, each item once", async () => {
  const items = Array.from({ length: 600 }, (_, at) => at);
  const now: number[] = [];
  const later: number[] = [];
  let inFlight = 0;
  let most = 0;
  await pacedReads(
    items,
    (item) => {
      now.push(item);
      busy(0.2);
    },
    async (item) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      later.push(item);
      inFlight--;
    },
  );
  assert.deepEqual(
    [...now, ...later].sort((a, b) => a - b),
    items,
  );
  assert.deepEqual(
    now,
    [...items.slice(0, 16), ...items.slice(256, 272), ...items.slice(512, 528)],
    "each batch's first 16",
  );
  assert.ok(most > 1, `several reads at once (at most ${most})`);
});
