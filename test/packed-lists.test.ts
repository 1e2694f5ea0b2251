import assert from "node:assert/strict";
import { test } from "node:test";
import { packLists } from "../src/render/views/packed-lists.ts";

test("lists packed into one array: each view holds its list, in order, and all share one buffer", () => {
  const lists = [[3, 1, 2], [], [7], [5, 5, 4], []];
  const views = packLists(lists.length, (at) => lists[at]);
  assert.deepEqual(
    views.map((view) => Array.from(view)),
    lists,
  );
  assert.equal(new Set(views.map((view) => view.buffer)).size, 1);
  // Sorting a view sorts its own stretch only.
  views[0].sort();
  assert.deepEqual(Array.from(views[0]), [1, 2, 3]);
  assert.deepEqual(Array.from(views[3]), [5, 5, 4]);
  assert.deepEqual(
    packLists(0, () => []),
    [],
  );
});
