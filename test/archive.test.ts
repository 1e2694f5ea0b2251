import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import MarkdownIt from "markdown-it";
import { csvRow } from "../src/archive/csv.ts";
import { type ArchiveWriteOptions, archiveJsonText, recordDigests, writeArchiveFiles } from "../src/archive/index.ts";
import { ARCHIVE_LINES, type ArchiveLines } from "../src/archive/record-reuse.ts";
import { bodyMarkdown, escapeMarkdown } from "../src/extract/body.ts";
import type { Archive } from "../src/types.ts";
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

test("archive.json holds the archive, one line per field and per record", () => {
  const archive = fixtureArchive();
  assert.ok(archive.articles.length > 1);
  for (const variant of [
    archive,
    { ...archive, rejected: [] },
    { ...archive, rejected: [{ file: "a\nb.txt", reason: "line\nbreak" }] },
  ]) {
    const text = archiveJsonText(variant);
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

describe("a rebuild's archive.json copies the lines of unchanged articles", () => {
  const knowledgeVersion = "test-knowledge";
  let scratch: string;
  before(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), "archive-reuse-"));
  });
  after(() => rm(scratch, { recursive: true, force: true }));

  /** `archive` written into a new folder (reusing the lines of `previousDir`'s archive.json when given). */
  const written = async (
    name: string,
    archive: Archive,
    options: Omit<ArchiveWriteOptions, "knowledgeVersion"> = {},
  ) => {
    const dir = path.join(scratch, name);
    await mkdir(dir, { recursive: true });
    const digests = await writeArchiveFiles(archive, dir, { knowledgeVersion, ...options });
    return { dir, digests, text: await readFile(path.join(dir, "archive.json"), "utf8") };
  };
  /** The site's recorded lines, with one article's line replaced by `line` of the same length (and its digest). */
  const tamper = async (dir: string, slug: string, keepDigest: boolean) => {
    const lines = JSON.parse(await readFile(path.join(dir, ARCHIVE_LINES), "utf8")) as ArchiveLines;
    const file = path.join(dir, "archive.json");
    const bytes = await readFile(file);
    const entry = Object.values(lines.records).find(
      ([offset, length]) => JSON.parse(bytes.subarray(offset, offset + length).toString()).slug === slug,
    );
    assert.ok(entry, `the line of ${slug} is recorded`);
    const [offset, length] = entry;
    const line = bytes.subarray(offset, offset + length).toString();
    // The same length, so the other recorded offsets still hold.
    const changed = line.replace(/"title":"(.)/, (_, c: string) => `"title":"${c === "X" ? "Y" : "X"}`);
    assert.notEqual(changed, line);
    bytes.write(changed, offset);
    await writeFile(file, bytes);
    if (!keepDigest) entry[2] = createHash("sha256").update(changed).digest("base64url");
    await writeFile(path.join(dir, ARCHIVE_LINES), JSON.stringify(lines));
  };

  test("lines whose key is unchanged are copied; the rest, and the result, are a fresh write's", async () => {
    const archive = fixtureArchive();
    const first = await written("first", archive);
    const [changed, kept] = archive.articles;
    const next = { ...archive, articles: [{ ...changed, story: "another-story" }, ...archive.articles.slice(1)] };
    const fresh = await written("fresh", next, {});
    const rebuilt = await written("rebuilt", next, { previousDir: first.dir });
    assert.equal(rebuilt.text, fresh.text);
    assert.equal(rebuilt.digests.get(next.articles[1]), fresh.digests.get(next.articles[1]));

    // Copied, not serialised again: a line altered in the previous file, with its digest, comes through.
    await tamper(first.dir, kept.slug, false);
    const copied = await written("copied", next, { previousDir: first.dir });
    assert.notEqual(copied.text, fresh.text);
    assert.equal(copied.text.length, fresh.text.length);
    // But a line whose key changed is not copied, and an article a correction rewrote never is.
    const rewritten = await written("rewritten", next, {
      previousDir: first.dir,
      rewritten: new Set([next.articles[1]]),
    });
    assert.equal(rewritten.text, fresh.text);
  });

  test("a previous archive.json that is not the one its lines were recorded from is not copied from", async () => {
    const archive = fixtureArchive();
    const fresh = await written("edited-fresh", archive, {});
    // Edited (a line's bytes no longer its digest's), shortened, gone, or its lines' record broken: archive.json
    // is written afresh.
    const edited = await written("edited", archive);
    await tamper(edited.dir, archive.articles[1].slug, true);
    const shortened = await written("shortened", archive);
    await writeFile(path.join(shortened.dir, "archive.json"), shortened.text.slice(0, 100));
    const removed = await written("removed", archive);
    await rm(path.join(removed.dir, "archive.json"));
    // Its record of the lines broken: entries that are not an offset, a length and a digest.
    const broken = await written("broken", archive);
    const lines = JSON.parse(await readFile(path.join(broken.dir, ARCHIVE_LINES), "utf8")) as ArchiveLines;
    for (const key of Object.keys(lines.records)) (lines.records as Record<string, unknown>)[key] = 5;
    await writeFile(path.join(broken.dir, ARCHIVE_LINES), JSON.stringify(lines));
    for (const previous of [edited, shortened, removed, broken]) {
      const rebuilt = await written(`${path.basename(previous.dir)}-rebuilt`, archive, { previousDir: previous.dir });
      assert.equal(rebuilt.text, fresh.text, path.basename(previous.dir));
    }
  });

  test("lines recorded under other code or knowledge are not copied", async () => {
    const archive = fixtureArchive();
    const first = await written("other-version", archive);
    await tamper(first.dir, archive.articles[1].slug, false);
    const fresh = await written("other-version-fresh", archive, {});
    const dir = path.join(scratch, "other-version-rebuilt");
    await mkdir(dir);
    await writeArchiveFiles(archive, dir, { knowledgeVersion: "edited-knowledge", previousDir: first.dir });
    assert.equal(await readFile(path.join(dir, "archive.json"), "utf8"), fresh.text);
  });
});
