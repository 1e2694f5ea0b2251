import assert from "node:assert/strict";
import { test } from "node:test";
import { StringPool } from "../src/ingest/string-pool.ts";
import { collectGarbage } from "../src/util/memory.ts";

test("pooling strings leaves every record equal to what it was, nested arrays and non-strings included", () => {
  const record = () => ({
    slug: "a",
    mentions: [
      { kind: "person", forms: ["Ann Lee", "Lee"], evidence: [{ line: 2, text: "Ann Lee spoke." }] },
      { kind: "place", forms: ["Quetta"], evidence: [{ line: 2, text: "Ann Lee spoke." }] },
    ],
    date: null,
    flags: [] as string[],
    count: 3,
    inferred: false,
  });
  const pool = new StringPool();
  const first = record();
  const second = { ...record(), slug: "b" };
  assert.equal(pool.intern(first), first, "interned in place");
  pool.intern(second);
  assert.deepEqual(first, record());
  assert.deepEqual(second, { ...record(), slug: "b" });
});

test("pooling keeps one copy of a string that many records hold, so the copies can be collected", () => {
  // Strings compare by value, so sharing shows only in memory: forty records each hold their own copy of one
  // 256 KiB text (built separately, so forty strings on the heap), and pooling them frees all but one.
  const text = () => ["evidence", "x".repeat(256 * 1024)].join(" ");
  const records = Array.from({ length: 40 }, (_, i) => ({ slug: `r${i}`, evidence: [{ line: 1, text: text() }] }));
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  const pool = new StringPool();
  for (const record of records) pool.intern(record);
  collectGarbage();
  const freed = before - process.memoryUsage().heapUsed;
  assert.ok(freed > 30 * 256 * 1024, `pooling freed ${Math.round(freed / 1024)} KiB of ${40 * 256} KiB held`);
  assert.equal(records[39].evidence[0].text, text());
});
