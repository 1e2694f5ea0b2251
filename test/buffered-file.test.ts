/**
 * archive.json's writer (src/archive/buffered-file.ts): pieces appended in order land at their offsets though
 * full buffers are written by the thread pool, lines copied from another file come through a read-ahead buffer,
 * and a failed write is reported when the file is closed.
 */
import assert from "node:assert/strict";
import { openSync, readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { BufferedFile } from "../src/archive/buffered-file.ts";

const scratch = await mkdtemp(path.join(tmpdir(), "news-archive-buffered-"));
after(() => rm(scratch, { recursive: true, force: true }));

test("text and copied bytes land in order, over many buffers written while the next fills", async () => {
  // A source file of numbered lines, some longer than the buffer; the copy takes them out of order too.
  const lines = Array.from({ length: 400 }, (_, i) => `${i} ${"é".repeat(i % 7 === 0 ? 50_000 : 300)}\n`);
  lines[123] = `${"x".repeat(9 << 20)}\n`; // larger than a buffer: written on its own
  const source = path.join(scratch, "source.txt");
  writeFileSync(source, lines.join(""));
  const offsets: number[] = [];
  lines.reduce((at, line) => (offsets.push(at), at + Buffer.byteLength(line)), 0);
  const order = [...lines.keys(), 7, 3, 399, 0];
  const expected: string[] = [];
  let waits = 0;
  const file = path.join(scratch, "out.txt");
  const out = new BufferedFile(openSync(file, "w"));
  const from = openSync(source, "r");
  for (const [n, at] of order.entries()) {
    const text = `piece ${n} ${"ü".repeat(n * 397)}\n`; // some 65 MB in all: a dozen buffers
    out.text(text);
    const copied = out.copy(from, offsets[at], Buffer.byteLength(lines[at]));
    assert.equal(Buffer.from(copied).toString("utf8"), lines[at], `line ${at} as copied`);
    expected.push(text, lines[at]);
    if (out.mustWait()) {
      waits++;
      await out.writeDone();
    }
  }
  assert.ok(waits > 0, "the writer waited for writes under way");
  assert.equal(out.offset, Buffer.byteLength(expected.join("")));
  await out.close();
  assert.equal(readFileSync(file, "utf8"), expected.join(""));
});

test("a write that fails is reported by close", async () => {
  const file = path.join(scratch, "read-only.txt");
  writeFileSync(file, "");
  const out = new BufferedFile(openSync(file, "r")); // not open for writing: every write fails
  out.text("x".repeat(10 << 20)); // larger than a buffer: its write starts at once
  out.text("more");
  await assert.rejects(out.close(), { code: "EBADF" });
});
