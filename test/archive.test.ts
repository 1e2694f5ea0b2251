import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import MarkdownIt from "markdown-it";
import { csvRow } from "../src/archive/csv.ts";
import { archiveJsonPieces, recordDigests, writeArchiveFiles } from "../src/archive/index.ts";
import { bodyMarkdown, escapeMarkdown } from "../src/extract/body.ts";
import { fixtureArchive } from "./helpers/fixture-archive.ts";

test("CSV fields with commas, quotes and line breaks are quoted", () => {
  assert.equal(csvRow(["a", 1, null, 'say "hi", then\nleave']), 'a,1,,"say ""hi"", then\nleave"');
});

test("scraped prose renders as the same text, never as markup", () => {
  const md = new MarkdownIt({ html: false });
  for (const text of [
    "# not a heading",
    "1. not a list",
    "- not a list either",
    "> not a quote",
    "Required fields are marked *",
    "a *b* _c_ [d](e) `f` <script>alert(1)</script>",
    "| a | b |",
    "AT&T &amp; &copy; co",
  ]) {
    const html = md.render(escapeMarkdown(text));
    const plain = html
      .replace(/<\/?p>\n?/g, "")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, "&");
    assert.equal(plain, text, `rendered ${JSON.stringify(html)}`);
  }
});

test("body markdown: paragraphs separated, subheadings as headings", () => {
  const body = bodyMarkdown([
    { line: 1, text: "First paragraph.", role: "paragraph" },
    { line: 3, text: "Senate resolution", role: "subheading" },
    { line: 5, text: "Second paragraph.", role: "paragraph" },
  ]);
  assert.equal(body, "First paragraph.\n\n## Senate resolution\n\nSecond paragraph.");
});

test("archive.json written piece by piece holds the archive, one line per field and per record", () => {
  const archive = fixtureArchive();
  assert.ok(archive.articles.length > 1);
  for (const variant of [
    archive,
    { ...archive, rejected: [] },
    { ...archive, rejected: [{ file: "a\nb.txt", reason: "line\nbreak" }] },
  ]) {
    const text = Buffer.concat([...archiveJsonPieces(variant)]).toString();
    assert.deepEqual(JSON.parse(text), variant);
    // Every record on a line of its own, in order: "  {…}," (the last of its list without the comma).
    const recordLines = text.split("\n").filter((line) => line.startsWith("  "));
    const records = Object.values(variant).flatMap((value) => (Array.isArray(value) ? value : []));
    assert.deepEqual(
      recordLines.map((line) => JSON.parse(line.replace(/,$/, ""))),
      records,
    );
  }
});

test("each record's digest is the SHA-256 of its line in archive.json, non-ASCII text included", async () => {
  const archive = fixtureArchive();
  const [first] = archive.articles;
  // Text beyond Latin-1 is two-byte in JavaScript and several bytes in UTF-8: the digest is of the UTF-8.
  const withScript = {
    ...archive,
    articles: [{ ...first, title: `${first.title} — بلوچستان ✓` }, ...archive.articles.slice(1)],
  };
  const dir = await mkdtemp(path.join(tmpdir(), "archive-digests-"));
  try {
    const digests = await writeArchiveFiles(withScript, dir);
    const lines = (await readFile(path.join(dir, "archive.json"), "utf8"))
      .split("\n")
      .filter((l) => l.startsWith("  {"));
    const records: object[] = Object.values(withScript).flatMap((value: unknown) =>
      Array.isArray(value) ? value.filter((item) => typeof item === "object") : [],
    );
    assert.equal(lines.length, records.length);
    records.forEach((record, i) => {
      const line = Buffer.from(lines[i].slice(2).replace(/,$/, ""));
      assert.equal(digests.get(record), createHash("sha256").update(line).digest("base64url"), `record ${i}`);
    });
    assert.equal(digests.get(withScript.articles[0]), recordDigests(withScript).get(withScript.articles[0]));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
