import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, symlink, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { readSeedFile, readSeeds } from "../src/read/index.ts";

const ARTICLE = "QUETTA: Officials said the road was reopened on Monday after talks.\n";
const folders: string[] = [];

/** A fresh seeds folder holding `files` (name → text or bytes). */
async function seedsFolder(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "news-archive-read-"));
  folders.push(dir);
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
  return dir;
}

after(async () => {
  for (const dir of folders) await rm(dir, { recursive: true, force: true });
});

async function rejectionOf(content: string | Uint8Array) {
  const result = await readSeeds(await seedsFolder({ "a.txt": content }));
  assert.equal(result.sources.length, 0, "the seed should be rejected");
  return result.rejected[0];
}

async function sourceOf(content: string | Uint8Array) {
  const result = await readSeeds(await seedsFolder({ "a.txt": content }));
  assert.deepEqual(result.rejected, []);
  return result.sources[0];
}

test("empty and whitespace-only files are rejected with a reason", async () => {
  assert.deepEqual(await rejectionOf(""), { file: "a.txt", reason: "empty file" });
  assert.deepEqual(await rejectionOf(" \n\t\r\n  \n"), { file: "a.txt", reason: "whitespace only" });
});

test("a file with NUL bytes is rejected as binary, naming the offset", async () => {
  const rejected = await rejectionOf(new Uint8Array([0x47, 0x49, 0x46, 0x00, 0x01]));
  assert.equal(rejected.reason, "binary file (NUL byte at offset 3)");
});

test("invalid UTF-8 is rejected with the line where decoding fails", async () => {
  const bytes = Buffer.concat([Buffer.from("line one\nline two\nbad "), Buffer.from([0xc3, 0x28]), Buffer.from("\n")]);
  const rejected = await rejectionOf(bytes);
  assert.equal(rejected.reason, "not valid UTF-8 (at line 3)");
  assert.equal(rejected.line, 3);
});

test("UTF-16 with a byte-order mark and UTF-8 with a BOM are decoded", async () => {
  const text = "Karachi: The café reopened.\n";
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
  const be = Buffer.from(le.map((_, index) => le[index ^ 1]));
  const utf8Bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
  assert.equal((await sourceOf(le)).text, text);
  assert.equal((await sourceOf(be)).text, text);
  assert.equal((await sourceOf(utf8Bom)).text, text);
});

test("CRLF and lone CR line ends become LF", async () => {
  assert.equal((await sourceOf("one\r\ntwo\rthree\r\n")).text, "one\ntwo\nthree\n");
});

test("a file over 10 MB is refused without being read", async () => {
  const dir = await seedsFolder({ "huge.txt": "" });
  await truncate(path.join(dir, "huge.txt"), 20 * 1024 * 1024); // sparse: no 20 MB written
  const { rejected } = await readSeeds(dir);
  assert.deepEqual(rejected, [{ file: "huge.txt", reason: "file is 20.0 MB, over the 10 MB limit" }]);
});

test("a 200,000-character single line is read in full", async () => {
  const line = "word ".repeat(40_000);
  const source = await sourceOf(line);
  assert.equal(source.text.length, 200_000);
});

test("HTML markup in a seed stays text", async () => {
  const html = "<p>Officials <b>said</b> <script>alert(1)</script> the road reopened.</p>\n";
  assert.equal((await sourceOf(html)).text, html);
});

test("front matter is parsed, normalised, and the body's first line recorded", async () => {
  const text = [
    "---",
    "title: Road reopened",
    "date: 2026-02-05",
    "authors: Jane Doe",
    "tags: [roads, Quetta]",
    "unknown_key: ignored",
    "subtitle:",
    "---",
    "",
    ARTICLE,
  ].join("\n");
  const source = await sourceOf(text);
  assert.deepEqual(source.frontMatter, {
    title: "Road reopened",
    date: "2026-02-05",
    authors: ["Jane Doe"],
    tags: ["roads", "Quetta"],
  });
  assert.equal(source.firstLine, 9);
  assert.equal(source.text.split("\n")[1], ARTICLE.trim(), "line 10 of the file is line 2 of the body");
});

test("front matter with a quoted date or a list of authors is accepted", async () => {
  const source = await sourceOf(`---\ndate: "2024-02-29"\nauthors:\n  - A One\n  - B Two\n---\n${ARTICLE}`);
  assert.deepEqual(source.frontMatter, { date: "2024-02-29", authors: ["A One", "B Two"] });
  assert.equal(source.firstLine, 7);
});

test("a front-matter date that is not a date is rejected naming the field", async () => {
  const rejected = await rejectionOf(`---\ntitle: X\ndate: yesterday\n---\n${ARTICLE}`);
  assert.equal(rejected.reason, 'front matter: `date` must be a date like 2026-02-05, got "yesterday"');
  const impossible = await rejectionOf(`---\ndate: "2026-02-30"\n---\n${ARTICLE}`);
  assert.match(impossible.reason, /`date` must be a date like 2026-02-05, got "2026-02-30"/);
  const authors = await rejectionOf(`---\nauthors: {name: X}\n---\n${ARTICLE}`);
  assert.match(authors.reason, /^front matter: `authors` must be a name or a list of names/);
});

test("broken YAML front matter is rejected with the YAML message and the file line", async () => {
  const rejected = await rejectionOf(`---\ntitle: ok\ntags: [a, b\nauthor: x\n---\n${ARTICLE}`);
  assert.match(rejected.reason, /^front matter is not valid YAML: .+/);
  assert.doesNotMatch(rejected.reason, /\n/);
  assert.ok(rejected.line && rejected.line >= 3 && rejected.line <= 5, `line ${rejected.line} near the bad list`);
  const badIndent = await rejectionOf(`---\ntitle: ok\n  bad: indent\n---\n${ARTICLE}`);
  assert.equal(badIndent.line, 3);
});

test("front matter that is never closed is rejected", async () => {
  const rejected = await rejectionOf(`---\ntitle: x\n${ARTICLE}`);
  assert.match(rejected.reason, /never closed/);
});

test("front-matter parsing is pure: one seed's result does not leak into the next read", async () => {
  const dir = await seedsFolder({ "a.md": `---\nauthors: [Jane Doe]\n---\n${ARTICLE}` });
  const first = await readSeedFile(dir, "a.md");
  first.source?.frontMatter.authors?.push("Mutated");
  const second = await readSeedFile(dir, "a.md");
  assert.deepEqual(second.source?.frontMatter.authors, ["Jane Doe"]);
});

test("the same article under two names is one source listing the other as duplicate", async () => {
  const dir = await seedsFolder({
    "b.txt": ARTICLE,
    "a.txt": `${ARTICLE.trimEnd()}   \n\n`,
    "c.txt": "A different article entirely, with other words.\n",
  });
  const { sources, rejected } = await readSeeds(dir);
  assert.deepEqual(rejected, []);
  assert.deepEqual(
    sources.map((source) => [source.file, source.duplicates]),
    [
      ["a.txt", ["b.txt"]],
      ["c.txt", []],
    ],
  );
  assert.match(sources[0].sha256, /^[0-9a-f]{64}$/);
});

test("files are listed recursively in code-point order; names with spaces, accents and other scripts work", async () => {
  const names = ["zeta.md", "b c.txt", "Été.txt", "بلوچستان.txt", "sub/inner.txt", "Zulu.TXT"];
  const dir = await seedsFolder(Object.fromEntries(names.map((name, index) => [name, `Article ${index} text.\n`])));
  const { sources } = await readSeeds(dir);
  const expected = [...names].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  assert.deepEqual(
    sources.map((source) => source.file),
    expected,
  );
  assert.deepEqual(expected.slice(0, 2), ["Zulu.TXT", "b c.txt"], "upper case sorts before lower case");
});

test("hidden files, editor swap and backup files, and other extensions are ignored", async () => {
  const dir = await seedsFolder({
    "real.txt": ARTICLE,
    ".hidden.txt": "x",
    ".real.txt.swp": "x",
    "real.txt~": "x",
    "#real.txt#": "x",
    ".#real.txt": "x",
    "notes.swp": "x",
    "image.png": "x",
    "page.html": "x",
    ".git/config.txt": "x",
  });
  const { sources, rejected } = await readSeeds(dir);
  assert.deepEqual(
    sources.map((source) => source.file),
    ["real.txt"],
  );
  assert.deepEqual(rejected, []);
});

test("a symlink is followed inside the seeds folder and rejected when it leads outside", async () => {
  const outside = await seedsFolder({ "secret.txt": "Outside text that must not be read.\n" });
  const dir = await seedsFolder({ "real.txt": ARTICLE });
  await symlink(path.join(dir, "real.txt"), path.join(dir, "inside-link.txt"));
  await symlink(path.join(outside, "secret.txt"), path.join(dir, "outside-link.txt"));
  await symlink(path.join(dir, "missing.txt"), path.join(dir, "broken-link.txt"));
  const { sources, rejected } = await readSeeds(dir);
  assert.deepEqual(
    sources.map((source) => [source.file, source.duplicates]),
    [["inside-link.txt", ["real.txt"]]],
  );
  assert.deepEqual(rejected, [
    { file: "broken-link.txt", reason: "broken symlink" },
    { file: "outside-link.txt", reason: "symlink points outside the seeds folder" },
  ]);
});

test("one bad seed does not stop the others", async () => {
  const dir = await seedsFolder({ "a.txt": "", "b.txt": ARTICLE, "c.txt": new Uint8Array([0xff, 0xfe, 0x00]) });
  const { sources, rejected } = await readSeeds(dir);
  assert.deepEqual(
    sources.map((source) => source.file),
    ["b.txt"],
  );
  assert.deepEqual(
    rejected.map((entry) => entry.file),
    ["a.txt", "c.txt"],
  );
});

test("readSeedFile reads one seed and reports a bad one without throwing", async () => {
  const dir = await seedsFolder({ "one.txt": ARTICLE, "bad.txt": "" });
  const good = await readSeedFile(dir, "one.txt");
  assert.equal(good.source?.text, ARTICLE);
  assert.equal(good.source?.firstLine, 1);
  assert.deepEqual((await readSeedFile(dir, "bad.txt")).rejected, { file: "bad.txt", reason: "empty file" });
  assert.equal((await readSeedFile(dir, "../escape.txt")).rejected?.file, "../escape.txt");
});

test("a missing seeds folder is a thrown error with a clear message", async () => {
  await assert.rejects(readSeeds(path.join(tmpdir(), "news-archive-no-such-folder")), /seeds folder not found/);
});
