/**
 * Article records kept between the builds of one process (`npm start`; src/resolve/kept-records.ts): a rebuild
 * reuses the records whose inputs are the same, makes the rest, and its archive is what a fresh build makes,
 * also when a change elsewhere moves an unchanged article's slug.
 */
import assert from "node:assert/strict";
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { reuseKey } from "../src/archive/record-reuse.ts";
import { KeptExtractions } from "../src/ingest/index.ts";
import { build } from "../src/pipeline/index.ts";
import { KeptRecords } from "../src/resolve/index.ts";
import type { ArticleRecord, ExtractedArticle, PersonRecord, PlaceKind, StoryRecord } from "../src/types.ts";
import { treeDigest } from "./helpers/build-fixture-site.ts";

const scratch = mkdtempSync(path.join(os.tmpdir(), "news-archive-kept-records-"));
const seeds = path.join(scratch, "seeds");
const cacheDir = path.join(scratch, "cache");

describe("article records kept between builds of one process", () => {
  const kept = new KeptExtractions();
  const keptRecords = new KeptRecords();
  const rebuild = () => build({ seedsDir: seeds, outDir: path.join(scratch, "site"), cacheDir, kept, keptRecords });
  let fresh = 0;
  const freshBuild = async () =>
    (await build({ seedsDir: seeds, outDir: path.join(scratch, `fresh-${fresh++}`), cacheDir: null })).archive;
  /** The archive's files of a site (archive.json and the record files), by their digests. */
  const archiveFiles = async (site: string) =>
    [...(await treeDigest(site))].filter(([file]) => file === "archive.json" || file.startsWith("archive/"));
  /** The rebuilt site's archive files are the last fresh build's: none was kept under a stale key. */
  const sameFilesAsFresh = async () =>
    assert.deepEqual(
      await archiveFiles(path.join(scratch, "site")),
      await archiveFiles(path.join(scratch, `fresh-${fresh - 1}`)),
    );
  before(() => cpSync("seeds", seeds, { recursive: true }));
  after(() => rmSync(scratch, { recursive: true, force: true }));

  test("a rebuild makes only the changed article's record, and the archive a fresh build makes", async () => {
    const first = await rebuild();
    const { articles, people, stories } = first.archive;
    assert.deepEqual(
      keptRecords.takeMade(),
      { articles: articles.length, people: people.length, stories: stories.length },
      "the first build makes every record",
    );
    const files = readdirSync(seeds).filter((file) => file.endsWith(".txt"));
    appendFileSync(path.join(seeds, files[0]), "\nA sentence added after the first build.\n");
    const again = await rebuild();
    const changed = again.archive.articles.find((a) => a.source.file === files[0]) as ArticleRecord;
    assert.ok(changed.people.length > 0, "the changed article names people");
    // Its people's records are made again too (their mentions in it are new), and its story's.
    const itsStory = again.archive.stories.filter((story) => story.articles.includes(changed.slug));
    assert.deepEqual(keptRecords.takeMade(), { articles: 1, people: changed.people.length, stories: 1 });
    const otherStories = again.archive.stories.filter((story) => !itsStory.includes(story));
    assert.ok(otherStories.length > 0, "the seeds tell more than one story");
    assert.ok(
      otherStories.every((story) => first.archive.stories.includes(story)),
      "the other stories' records are the last build's",
    );
    const reused = first.archive.articles.filter((record) => again.archive.articles.includes(record));
    assert.equal(reused.length, first.archive.articles.length - 1, "the other articles' records are the last build's");
    const keptPeople = first.archive.people.filter((record) => again.archive.people.includes(record));
    assert.equal(keptPeople.length, first.archive.people.length - changed.people.length);
    assert.deepEqual(again.archive, await freshBuild());
    await sameFilesAsFresh();
  });

  test("an unchanged article whose slug another article takes gets a new record", async () => {
    const files = readdirSync(seeds).filter((file) => file.endsWith(".txt"));
    const before = await rebuild();
    keptRecords.takeMade();
    // The same title in a file that sorts first claims the article's slug; the article takes the next one.
    const original = files[files.length - 1];
    const holder = before.archive.articles.find((a) => a.source.file === original) as ArticleRecord;
    const copy = "0-copy-claims-the-slug.txt";
    writeFileSync(
      path.join(seeds, copy),
      `${readFileSync(path.join(seeds, original), "utf8")}\nA line the original does not have.\n`,
    );
    const moved = await rebuild();
    const now = moved.archive.articles.find((a) => a.source.file === original) as ArticleRecord;
    assert.notEqual(now.slug, holder.slug, "the copy took the slug");
    assert.ok(keptRecords.takeMade().articles >= 2, "the copy's record, and the original's under its new slug");
    assert.deepEqual(moved.archive, await freshBuild());
    await sameFilesAsFresh();

    rmSync(path.join(seeds, copy));
    const back = await rebuild();
    const restored = back.archive.articles.find((a) => a.source.file === original) as ArticleRecord;
    assert.equal(restored.slug, holder.slug, "the slug is the article's again");
    assert.deepEqual(back.archive, await freshBuild());
    await sameFilesAsFresh();
  });

  test("a kept record's reuse key follows the story and copy each build gives it", async () => {
    const { archive } = await rebuild();
    const [record] = archive.articles;
    const fresh = (r: ArticleRecord) => reuseKey(structuredClone(r));
    assert.equal(reuseKey(record), fresh(record));
    const story = record.story;
    record.story = "another-story";
    assert.equal(reuseKey(record), fresh(record));
    assert.notEqual(reuseKey(record), reuseKey({ ...record, story }));
    record.copyOf = "an-earlier-article";
    assert.equal(reuseKey(record), fresh(record));
    record.story = story;
    record.copyOf = null;
    assert.equal(reuseKey(record), fresh(record));
  });

  test("a record is kept while its inputs are the same, and made again when one differs", () => {
    const records = new KeptRecords();
    records.use("v1");
    const entities = { people: [], parties: [], organizations: [], places: [] };
    const source = { file: "a.txt", sha256: "abc", duplicates: [], frontMatter: {} };
    const article = { entities, metadata: { title: "A" }, flags: [], source } as unknown as ExtractedArticle;
    const inputs = (slugs: string[], metadata: object = article.metadata) =>
      ({ parts: [], metadata, flags: [], source: { ...source }, slugs }) as never;
    let made = 0;
    const make = () => ({ slug: `made-${++made}` }) as ArticleRecord;
    const first = records.record(article, inputs(["a", "outlet"]), make);
    assert.equal(records.record(article, inputs(["a", "outlet"]), make), first);
    assert.notEqual(records.record(article, inputs(["a-2", "outlet"]), make), first, "a slug moved");
    const second = records.record(article, inputs(["a-2", "outlet"]), make);
    assert.notEqual(records.record(article, inputs(["a-2", "outlet"], { title: "B" }), make), second, "new metadata");
    assert.deepEqual(records.takeMade(), { articles: 3, people: 0, stories: 0 });
    records.use("v2");
    records.record(article, inputs(["a-2", "outlet"], { title: "B" }), make);
    assert.deepEqual(records.takeMade(), { articles: 1, people: 0, stories: 0 }, "another version keeps nothing");
  });

  test("a story record is kept while its articles' records, wire copies and place kinds are the same", () => {
    const records = new KeptRecords();
    const [a, b, c] = ["a", "b", "c"].map((slug) => ({ slug }) as ArticleRecord);
    const story = (
      articles: ArticleRecord[],
      copies: (string | null)[],
      placeKinds: (PlaceKind | undefined)[] = [],
    ) => ({
      articles,
      copies,
      placeKinds,
    });
    let made = 0;
    const make = () => ({ slug: `made-${++made}` }) as unknown as StoryRecord;
    records.beginResolve();
    const first = records.story("a", story([a, b], [null, null], ["district"]), make);
    records.beginResolve();
    assert.equal(records.story("a", story([a, b], [null, null], ["district"]), make), first);
    records.beginResolve();
    const joined = records.story("a", story([a, b, c], [null, null, null], ["district"]), make);
    assert.notEqual(joined, first, "an article joined");
    records.beginResolve();
    const copied = records.story("a", story([a, b, c], [null, null, "a"], ["district"]), make);
    assert.notEqual(copied, joined, "an article is now a wire copy");
    records.beginResolve();
    const rekinded = records.story("a", story([a, b, c], [null, null, "a"], ["city"]), make);
    assert.notEqual(rekinded, copied, "a figure's place is of another kind");
    records.beginResolve();
    assert.notEqual(
      records.story("a", story([a, { ...b }, c], [null, null, "a"], ["city"]), make),
      rekinded,
      "an article's record was made again",
    );
    assert.deepEqual(records.takeMade(), { articles: 0, people: 0, stories: 5 });
  });

  test("a person record is kept while its name, mentions, articles and parties are the same", () => {
    const records = new KeptRecords();
    const mention = {};
    const person = (articles: string[], partySlugs: string[] = []) => ({
      name: "Jam Kamal Khan",
      mentions: [mention, mention],
      articleSlugs: ["b", "a"],
      partySlugs,
      articles,
    });
    let made = 0;
    const make = () => ({ slug: `made-${++made}` }) as unknown as PersonRecord;
    records.beginResolve();
    const first = records.person("jam-kamal-khan", person(["a", "b"]), make);
    records.beginResolve();
    assert.equal(records.person("jam-kamal-khan", person(["a", "b"]), make), first);
    records.beginResolve();
    const reordered = records.person("jam-kamal-khan", person(["b", "a"]), make);
    assert.notEqual(reordered, first, "an article's date moved it");
    records.beginResolve();
    assert.notEqual(records.person("jam-kamal-khan", person(["b", "a"], ["pml-n"]), make), reordered, "a new party");
    records.beginResolve();
    records.beginResolve();
    records.person("jam-kamal-khan", person(["b", "a"], ["pml-n"]), make);
    assert.deepEqual(
      records.takeMade(),
      { articles: 0, people: 4, stories: 0 },
      "a resolve keeps only the last one's people",
    );
  });
});
