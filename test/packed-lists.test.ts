import assert from "node:assert/strict";
import { test } from "node:test";
import { packLists } from "../src/render/views/packed-lists.ts";

const packed = (lists: number[][]) =>
  packLists(lists.length, (at, push) => {
    for (const n of lists[at]) push(n);
  });

test("lists packed into one array: each view holds its list, in order, and all share one buffer", () => {
  const lists = [[3, 1, 2], [], [7], [5, 5, 4], []];
  const views = packed(lists);
  assert.deepEqual(
    views.map((view) => Array.from(view)),
    lists,
  );
  assert.equal(new Set(views.map((view) => view.buffer)).size, 1);
  // Sorting a view sorts its own stretch only.
  views[0].sort();
  assert.deepEqual(Array.from(views[0]), [1, 2, 3]);
  assert.deepEqual(Array.from(views[3]), [5, 5, 4]);
  assert.deepEqual(packed([]), []);
});

test("packed lists longer than the room first made for them keep every number", () => {
  // Room is made for four numbers a list at first: these need it to grow several times.
  const lists = [Array.from({ length: 300 }, (_, n) => n * 7), [1], Array.from({ length: 50 }, (_, n) => n - 25)];
  const views = packed(lists);
  assert.deepEqual(
    views.map((view) => Array.from(view)),
    lists,
  );
  assert.equal(new Set(views.map((view) => view.buffer)).size, 1);
});
