import assert from "node:assert/strict";
import { test } from "node:test";
import { StringPool } from "../src/ingest/string-pool.ts";

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
