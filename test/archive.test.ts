import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import MarkdownIt from "markdown-it";
import { csvRow } from "../src/archive/csv.ts";
import {
  type ArchiveIndex,
  type ArchiveWriteOptions,
  readArchive,
  recordDigests,
  writeArchiveFiles,
} from "../src/archive/index.ts";
import { RECORD_LISTS, recordFile, recordRuns } from "../src/archive/record-files.ts";
import { ARCHIVE_RECORDS, type RecordedArchive } from "../src/archive/record-reuse.ts";
import { bodyMarkdown, escapeMarkdown } from "../src/extract/body.ts";
import { ingestSeeds } from "../src/ingest/index.ts";
import { loadKnowledge } from "../src/knowledge/index.ts";
import { type PersonSources, resolveArchive } from "../src/resolve/index.ts";
import { storyLedger } from "../src/resolve/ledger.ts";
import { ARCHIVE } from "../src/settings.ts";
import type { Archive, ArticleRecord, ExtractedArticle } from "../src/types.ts";
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

/** Every file under `dir` (relative, sorted) with its bytes and inode. */
async function filesOf(dir: string): Promise<Map<string, { text: string; inode: number }>> {
  const files = new Map<string, { text: string; inode: number }>();
  for (const entry of (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile())) {
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, file), { text: await readFile(file, "utf8"), inode: (await stat(file)).ino });
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The fixture's articles copied under new slugs until the archive holds `count`: enough for several files. */
function largeArchive(count: number): Archive {
  const archive = fixtureArchive();
  const articles = Array.from({ length: count }, (_, i) => {
    const model = archive.articles[i % archive.articles.length];
    return { ...model, slug: `${model.slug}-${i}`, title: `${model.title} (${i})` };
  });
  return { ...archive, articles };
}

const readIndex = async (dir: string): Promise<ArchiveIndex> =>
  JSON.parse(await readFile(path.join(dir, "archive.json"), "utf8"));

test("the archive files hold the archive: archive.json lists each list's JSON Lines files, in order", async () => {
  const archive = largeArchive(600);
  const dir = await mkdtemp(path.join(tmpdir(), "archive-files-"));
  try {
    for (const variant of [
      archive,
      { ...archive, rejected: [], people: [] },
      { ...archive, rejected: [{ file: "a\nb.txt", reason: "line\nbreak" }] },
    ]) {
      await rm(dir, { recursive: true, force: true });
      await writeArchiveFiles(variant, dir);
      assert.deepEqual(readArchive(dir), variant);
      const index = await readIndex(dir);
      // The archive's fields in its order, one per line; the record lists as files, the rest as they are.
      assert.deepEqual(Object.keys(index), Object.keys(variant));
      assert.equal(
        (await readFile(path.join(dir, "archive.json"), "utf8")).split("\n").length,
        Object.keys(variant).length + 3,
      );
      assert.deepEqual(index.rejected, variant.rejected);
      for (const list of RECORD_LISTS) {
        assert.equal(index[list].records, variant[list].length, list);
        assert.equal(index[list].files.length === 0, variant[list].length === 0, list);
        // Each file a record per line, each line ending in a line break.
        for (const file of index[list].files)
          assert.match(await readFile(path.join(dir, file), "utf8"), /^(\{.*\}\n)+$/);
      }
      // 600 articles are in several files, none longer than the most a file may hold.
      const articleFiles = index.articles.files;
      assert.ok(articleFiles.length > 3, `${articleFiles.length} article files`);
      const lengths = await Promise.all(
        articleFiles.map(async (file) => (await readFile(path.join(dir, file), "utf8")).split("\n").length - 1),
      );
      assert.ok(Math.max(...lengths) <= ARCHIVE.maxRecordsPerFile);
      assert.equal(
        await readdir(path.join(dir, "archive/articles")).then((names) => names.length),
        articleFiles.length,
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("a list is cut into files by its records' slugs: one record added or removed changes one file", () => {
  const records = Array.from({ length: 20_000 }, (_, i) => ({ slug: `article-${i}` }));
  const runs = recordRuns(records);
  assert.deepEqual(runs.flat(), records);
  const mean = records.length / runs.length;
  assert.ok(mean > ARCHIVE.recordsPerFile / 2 && mean < ARCHIVE.recordsPerFile * 2, `${mean} records per file`);
  assert.ok(Math.max(...runs.map((run) => run.length)) <= ARCHIVE.maxRecordsPerFile);
  const named = (list: { slug: string }[][]) => new Set(list.map((run) => run.map((r) => r.slug).join(" ")));
  const before = named(runs);
  for (const at of [0, 1, 777, 10_000, 19_999]) {
    for (const after of [
      [...records.slice(0, at), { slug: `added-${at}` }, ...records.slice(at)],
      [...records.slice(0, at), ...records.slice(at + 1)],
    ]) {
      const now = named(recordRuns(after));
      const gone = [...before].filter((run) => !now.has(run));
      const come = [...now].filter((run) => !before.has(run));
      // The run the record joins or leaves; an added record that starts a run splits its run in two.
      assert.equal(gone.length, 1, `at ${at}`);
      assert.ok(come.length >= 1 && come.length <= 2, `at ${at}: ${come.length} new runs`);
    }
  }
});

test("a record file is named by its first record's slug, or by its hash when the slug is not a plain file name", () => {
  assert.equal(recordFile("people", "benazir-bhutto"), "archive/people/benazir-bhutto.jsonl");
  for (const odd of ["Capital", "a.b", "x".repeat(101), "../up", "with space"]) {
    const file = recordFile("articles", odd);
    assert.match(file, /^archive\/articles\/_[0-9a-f]{24}\.jsonl$/, odd);
  }
  assert.notEqual(recordFile("articles", "Capital"), recordFile("articles", "capital"));
});

test("each record's digest is the SHA-256 of its line, non-ASCII text included", async () => {
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
    const index = await readIndex(dir);
    for (const list of RECORD_LISTS) {
      const lines = (
        await Promise.all(index[list].files.map((file) => readFile(path.join(dir, file), "utf8")))
      ).flatMap((text) => text.split("\n").slice(0, -1));
      assert.equal(lines.length, withScript[list].length);
      withScript[list].forEach((record, i) => {
        const digest = createHash("sha256").update(Buffer.from(lines[i])).digest("base64url");
        assert.equal(digests.get(record), digest, `${list} ${i}`);
      });
    }
    assert.equal(digests.get(withScript.articles[0]), recordDigests(withScript).get(withScript.articles[0]));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("a record file that cannot be written fails the archive stage, after the writes under way", async () => {
  const archive = largeArchive(600);
  const dir = await mkdtemp(path.join(tmpdir(), "archive-unwritable-"));
  try {
    // A folder where the last article file goes: its write fails while others are under way.
    await writeArchiveFiles(archive, dir);
    const last = (await readIndex(dir)).articles.files.at(-1) as string;
    await rm(dir, { recursive: true, force: true });
    await mkdir(path.join(dir, last), { recursive: true });
    await assert.rejects(writeArchiveFiles(archive, dir), /EISDIR/);
    assert.ok(!(await readdir(dir)).includes("archive.json"), "no index of a partial archive");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("reading a site's archive back names the file and line that are not JSON", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "archive-broken-"));
  try {
    await writeArchiveFiles(fixtureArchive(), dir);
    const [file] = (await readIndex(dir)).people.files;
    const lines = (await readFile(path.join(dir, file), "utf8")).split("\n");
    lines[1] = "{not json";
    await writeFile(path.join(dir, file), lines.join("\n"));
    assert.throws(
      () => readArchive(dir),
      (error: Error) => error.message.startsWith(`${path.join(dir, file)}:2: not JSON`),
    );
    await rm(path.join(dir, file));
    assert.throws(
      () => readArchive(dir),
      (error: Error) => error.message.startsWith(`${path.join(dir, file)}: cannot be read`),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

describe("a rebuild writes only the record files whose records changed", () => {
  const knowledgeVersion = "test-knowledge";
  let scratch: string;
  before(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), "archive-reuse-"));
  });
  after(() => rm(scratch, { recursive: true, force: true }));

  /** `archive` written into a new folder (reusing `previousDir`'s files when given); its files. */
  const written = async (name: string, archive: Archive, options: ArchiveWriteOptions = {}) => {
    const dir = path.join(scratch, name);
    await mkdir(dir, { recursive: true });
    const digests = await writeArchiveFiles(archive, dir, { knowledgeVersion, ...options });
    return { dir, digests, files: await filesOf(dir) };
  };
  /** The files of `rebuilt` that are `previous`'s own (hard-linked from it), and the others. */
  const sharing = (rebuilt: Awaited<ReturnType<typeof written>>, previous: Awaited<ReturnType<typeof written>>) => {
    const kept: string[] = [];
    const rewritten: string[] = [];
    for (const [file, { inode }] of rebuilt.files)
      (previous.files.get(file)?.inode === inode ? kept : rewritten).push(file);
    return { kept, rewritten };
  };
  /** The same files with the same bytes, but for what each recorded for its next build. */
  const sameText = (a: Awaited<ReturnType<typeof written>>, b: Awaited<ReturnType<typeof written>>) => {
    const texts = (site: typeof a) =>
      [...site.files].filter(([file]) => file !== ARCHIVE_RECORDS).map(([file, { text }]) => [file, text]);
    assert.deepEqual(texts(a), texts(b));
  };

  test("after one article changed, its file is written again and the other record files are kept", async () => {
    const archive = largeArchive(600);
    const first = await written("first", archive);
    const changedAt = 300;
    const next = {
      ...archive,
      articles: archive.articles.map((a, i) => (i === changedAt ? { ...a, story: "another-story" } : a)),
    };
    const fresh = await written("fresh", next, {});
    const rebuilt = await written("rebuilt", next, { previousDir: first.dir });
    sameText(rebuilt, fresh);
    assert.equal(rebuilt.digests.get(next.articles[1]), fresh.digests.get(next.articles[1]));
    const { kept, rewritten } = sharing(rebuilt, first);
    const changedFile = (await readIndex(rebuilt.dir)).articles.files.find((file) =>
      rebuilt.files.get(file)?.text.includes(`"slug":"${next.articles[changedAt].slug}"`),
    );
    assert.deepEqual(
      rewritten.filter((file) => file.startsWith("archive/")),
      [changedFile],
    );
    assert.ok(kept.length > 10);
    // The index and what the next build may reuse are written each time; figures.csv when its rows changed.
    const figuresChanged = next.articles[changedAt].figures.length > 0;
    assert.deepEqual(
      rewritten.filter((file) => !file.startsWith("archive/")).sort(),
      [ARCHIVE_RECORDS, "archive.json", ...(figuresChanged ? ["figures.csv"] : [])].sort(),
    );
  });

  test("figures.csv is written again only when a row's article, figure, story or role changed", async () => {
    const archive = largeArchive(600);
    const counted = archive.articles.findIndex((a) => a.figures.length > 0);
    assert.ok(counted >= 0, "the fixture counts people");
    const first = await written("figures-first", archive);
    // An edit comes from the seed's text: a new content hash, as the extraction gives it.
    const edited = (edit: (a: ArticleRecord) => ArticleRecord): Archive => ({
      ...archive,
      articles: archive.articles.map((a, i) =>
        i === counted ? edit({ ...a, source: { ...a.source, sha256: "e".repeat(64) } }) : a,
      ),
    });
    const cases: [string, Archive, boolean][] = [
      ["the article's words", edited((a) => ({ ...a, body: `${a.body} A sentence more.` })), false],
      [
        "a figure",
        edited((a) => ({ ...a, figures: a.figures.map((f, j) => (j === 0 ? { ...f, value: f.value + 1 } : f)) })),
        true,
      ],
      ["the article's story", edited((a) => ({ ...a, story: "another-story" })), true],
      ["the article's outlet", edited((a) => ({ ...a, outlet: "Another Outlet" })), true],
      [
        "a role in a story's ledger",
        {
          ...archive,
          stories: archive.stories.map((story) =>
            story.figures.length === 0
              ? story
              : {
                  ...story,
                  figures: story.figures.map((line, l) =>
                    l > 0
                      ? line
                      : {
                          ...line,
                          claims: line.claims.map((c, k) =>
                            k > 0 ? c : { ...c, role: c.role === "part" ? "total" : "part" },
                          ),
                        },
                  ),
                },
          ),
        },
        true,
      ],
    ];
    for (const [what, next, changes] of cases) {
      const rebuilt = await written(`figures-${what}`, next, { previousDir: first.dir });
      sameText(rebuilt, await written(`figures-${what}-fresh`, next, {}));
      const kept = rebuilt.files.get("figures.csv")?.inode === first.files.get("figures.csv")?.inode;
      assert.equal(kept, !changes, `${what}: figures.csv ${changes ? "written again" : "kept"}`);
    }
  });

  test("an unchanged article is known by its key, not serialised again; one a correction rewrote always is", async () => {
    const archive = largeArchive(600);
    const first = await written("keyed", archive);
    const recorded = JSON.parse(await readFile(path.join(first.dir, ARCHIVE_RECORDS), "utf8")) as RecordedArchive;
    assert.equal(Object.keys(recorded.lines).length, archive.articles.length);
    // A body is text the extraction wrote, outside the key: a rebuild takes the record for the one it keyed.
    // Only a correction writes such text after the extraction, and the records it rewrote are passed on.
    const [model] = archive.articles;
    const corrected = { ...model, body: `${model.body} Corrected.` };
    const next = { ...archive, articles: [corrected, ...archive.articles.slice(1)] };
    const [file] = (await readIndex(first.dir)).articles.files;
    const byKey = await written("keyed-by-key", next, { previousDir: first.dir });
    assert.equal(byKey.files.get(file)?.inode, first.files.get(file)?.inode);
    const told = await written("keyed-told", next, { previousDir: first.dir, rewritten: new Set([corrected]) });
    sameText(told, await written("keyed-fresh", next, {}));
    assert.ok(told.files.get(file)?.text.includes("Corrected."));
  });

  test("a person's and a story's lines are known by keys that follow their articles' lines: a sentence, a date, an outlet or a place's kind changed, a rebuild writes what a cold build writes", async () => {
    // Real articles, extracted and resolved: the project's seeds and the held-out ones.
    const seeds = path.join(scratch, "people-seeds");
    await mkdir(seeds, { recursive: true });
    for (const dir of ["seeds", "test/fixtures/heldout"])
      for (const file of (await readdir(dir)).filter((f) => f.endsWith(".txt")))
        await writeFile(path.join(seeds, file), await readFile(path.join(dir, file)));
    const knowledge = loadKnowledge();
    const { extracted, rejected } = await ingestSeeds(seeds, knowledge, { threads: 0 });
    const resolved = (edit: (articles: ExtractedArticle[]) => void = () => {}, withKnowledge = knowledge) => {
      const articles = structuredClone(extracted);
      edit(articles);
      const personSources: PersonSources = new WeakMap();
      const archive = resolveArchive(articles, rejected, withKnowledge, { personSources });
      return { archive, options: { personSources } };
    };
    const first = resolved();
    const built = await written("people-first", first.archive, first.options);
    const recorded = JSON.parse(await readFile(path.join(built.dir, ARCHIVE_RECORDS), "utf8")) as RecordedArchive;
    assert.ok(first.archive.people.length > 20);
    const { articles, stories, people } = first.archive;
    assert.equal(Object.keys(recorded.lines).length, articles.length + stories.length + people.length);

    // The key is what a rebuild reads: a sentence changed behind its back leaves the person's file as it was.
    const [person] = first.archive.people.filter((p) => p.mentions.length > 0);
    const [file] = (await readIndex(built.dir)).people.files.filter((f) =>
      built.files.get(f)?.text.includes(`"slug":"${person.slug}"`),
    );
    person.mentions[0].sentence = "Changed behind the key's back.";
    const [story] = first.archive.stories;
    const [storyFile] = (await readIndex(built.dir)).stories.files.filter((f) =>
      built.files.get(f)?.text.includes(`"slug":"${story.slug}"`),
    );
    story.title = "Changed behind the key's back.";
    const byKey = await written("people-by-key", first.archive, { ...first.options, previousDir: built.dir });
    assert.equal(byKey.files.get(file)?.inode, built.files.get(file)?.inode);
    assert.equal(byKey.files.get(storyFile)?.inode, built.files.get(storyFile)?.inode);

    // A sentence edited in an article (its seed, so its hash, changed too) is in that article's line, so in the
    // key of its person.
    const sentenceEdited = resolved((articles) => {
      const article = articles.find((a) => a.entities.people.some((m) => m.evidence.length > 0));
      const mention = article?.entities.people.find((m) => m.evidence.length > 0);
      if (!article || !mention) throw new Error("no person mention with a sentence");
      mention.evidence[0].text = `${mention.evidence[0].text} (edited)`;
      article.source.sha256 = createHash("sha256").update(mention.evidence[0].text).digest("hex");
    });
    // A date moved changes the order of a person's articles.
    const dateMoved = resolved((articles) => {
      const named = articles.filter((a) => a.entities.people.length > 0 && a.metadata.date);
      named[named.length - 1].metadata.date = "1990-01-02";
    });
    // An outlet named otherwise changes a story's outlets, not its articles' slugs.
    const outletRenamed = resolved((articles) => {
      const article = articles.find((a) => a.metadata.outlet);
      if (!article) throw new Error("no article with an outlet");
      article.metadata.outlet = "Another Outlet";
      article.source.sha256 = createHash("sha256").update("Another Outlet").digest("hex");
    });
    // A place's kind tells a part of a count from a total in a story's ledger: it is in the story's key.
    const counted = first.archive.stories.find((s) => s.figures.some((line) => line.claims.some((c) => c.place)));
    const place = counted?.figures.flatMap((line) => line.claims).find((c) => c.place)?.place;
    if (!place) throw new Error("no story counts in a place");
    const kindChanged = resolved();
    const changedPlace = kindChanged.archive.places.find((p) => p.slug === place);
    if (!changedPlace) throw new Error(`no place ${place}`);
    changedPlace.kind = changedPlace.kind === "country" ? "city" : "country";
    for (const s of kindChanged.archive.stories)
      s.figures = storyLedger(
        s.articles.map((slug) => kindChanged.archive.articles.find((a) => a.slug === slug) as ArticleRecord),
        (slug) => kindChanged.archive.places.find((p) => p.slug === slug)?.kind,
      );
    for (const [name, next] of [
      ["people-sentence", sentenceEdited],
      ["people-date", dateMoved],
      ["people-kind", kindChanged],
      ["people-outlet", outletRenamed],
    ] as const) {
      const rebuilt = await written(name, next.archive, { ...next.options, previousDir: built.dir });
      sameText(rebuilt, await written(`${name}-fresh`, next.archive, {}));
    }
    const edited = await written("people-sentence-again", sentenceEdited.archive, {
      ...sentenceEdited.options,
      previousDir: built.dir,
    });
    assert.ok([...edited.files.values()].some(({ text }) => text.includes("(edited)")));

    // Corrections may merge or rewrite people after the resolve: with any, no person is keyed.
    const corrected = resolved(undefined, {
      ...knowledge,
      people: [{ name: person.name, aliases: [], notPerson: false }],
    });
    const withCorrections = await written("people-corrected", corrected.archive, corrected.options);
    const lines = JSON.parse(
      await readFile(path.join(withCorrections.dir, ARCHIVE_RECORDS), "utf8"),
    ) as RecordedArchive;
    // Stories are found after the corrections, from the corrected articles: they are keyed still.
    assert.equal(Object.keys(lines.lines).length, corrected.archive.articles.length + corrected.archive.stories.length);
  });

  test("a file the previous site lacks, or whose record is broken or of other code, is written as a fresh build would", async () => {
    const archive = largeArchive(300);
    const fresh = await written("odd-fresh", archive, {});
    const removed = await written("odd-removed", archive);
    const [file] = (await readIndex(removed.dir)).articles.files;
    await rm(path.join(removed.dir, file));
    const broken = await written("odd-broken", archive);
    const recorded = JSON.parse(await readFile(path.join(broken.dir, ARCHIVE_RECORDS), "utf8")) as RecordedArchive;
    for (const key of Object.keys(recorded.files)) (recorded.files as Record<string, unknown>)[key] = 5;
    for (const key of Object.keys(recorded.lines)) (recorded.lines as Record<string, unknown>)[key] = [1, 2];
    await writeFile(path.join(broken.dir, ARCHIVE_RECORDS), JSON.stringify(recorded));
    for (const previous of [removed, broken]) {
      const rebuilt = await written(`${path.basename(previous.dir)}-rebuilt`, archive, { previousDir: previous.dir });
      sameText(rebuilt, fresh);
    }
    // Under other code or knowledge the lines are not known by key, but a file of the same records is kept.
    const other = await written("odd-other", archive, { knowledgeVersion: "edited-knowledge" });
    const rebuilt = await written("odd-other-rebuilt", archive, { previousDir: other.dir });
    sameText(rebuilt, fresh);
    assert.ok(sharing(rebuilt, other).kept.includes(file));
  });
});
