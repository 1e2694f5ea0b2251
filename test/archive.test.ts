import assert from "node:assert/strict";
import { test } from "node:test";
import MarkdownIt from "markdown-it";
import { csvRow } from "../src/archive/csv.ts";
import { archiveJsonPieces } from "../src/archive/index.ts";
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
