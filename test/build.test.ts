/**
 * The whole build on real seeds: determinism, incremental re-parsing, removal, atomic
 * output, locking, and bad input that is reported while the rest is built.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import { readArchive } from "../src/archive/index.ts";
import { BuildLockedError } from "../src/errors.ts";
import { build } from "../src/pipeline/index.ts";
import { compareStrings } from "../src/util/group.ts";
import { rebuiltAndColdTrees, treeDigest } from "./helpers/build-fixture-site.ts";

const scratch = mkdtempSync(path.join(os.tmpdir(), "news-archive-build-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

let counter = 0;
/** A fresh folder with a copy of the project's seeds (and any extra files). */
function seedsCopy(extra: Record<string, string | Buffer> = {}): string {
  const dir = path.join(scratch, `seeds-${++counter}`);
  cpSync("seeds", dir, { recursive: true });
  for (const [name, content] of Object.entries(extra)) writeFileSync(path.join(dir, name), content);
  return dir;
}

const NEW_SEED = `PESHAWAR: Police arrested 45 suspects on Tuesday after a protest in Peshawar turned violent, officials said.
Khyber Pakhtunkhwa Chief Minister Zubair Qadeerzai said at least 12 people were injured in the clashes near the Peshawar Press Club.
Qadeerzai said the government would hold talks with the protesters' leaders.
Published in Dawn, March 4th, 2026
`;

/** The seeds' site built by the first test, for the tests that read it. */
let seedsSite: string | undefined;

describe("build", () => {
  test("the same seeds give byte-identical output, the archive files and search index included", async () => {
    const seeds = seedsCopy();
    const a = path.join(scratch, "det-a");
    const b = path.join(scratch, "det-b");
    await build({ seedsDir: seeds, outDir: a, cacheDir: null });
    await build({ seedsDir: seeds, outDir: b, cacheDir: path.join(scratch, "det-cache") });
    const ha = await treeDigest(a);
    const hb = await treeDigest(b);
    assert.ok(ha.has("archive.json") && [...ha.keys()].some((f) => f.startsWith("archive/articles/")));
    assert.ok([...ha.keys()].some((f) => f.startsWith("pagefind/")));
    assert.deepEqual([...ha.keys()], [...hb.keys()]);
    for (const [file, hash] of ha) assert.equal(hb.get(file), hash, `${file} differs between two builds`);
    seedsSite = a;
  });

  test("the seeds' three reports of the Balochistan attacks share one story page listing all three", () => {
    assert.ok(seedsSite, "the seeds were built by the test before");
    const archive = readArchive(seedsSite);
    const attack = archive.articles.find((a) => a.slug.startsWith("terror-spike"))!;
    const story = archive.stories.find((s) => s.slug === attack.story)!;
    assert.equal(story.articles.length, 3);
    const html = readFileSync(path.join(seedsSite, "stories", story.slug, "index.html"), "utf8");
    const listed = [...html.matchAll(/<h3 class="story-article__title"><a href="\.\.\/\.\.\/articles\/([^/]+)\//g)].map(
      (m) => m[1],
    );
    assert.deepEqual(listed, story.articles);
    const alliance = archive.articles.find((a) => /alliance/i.test(a.body) && a.story !== story.slug);
    assert.ok(alliance, "the election-alliance article is in a story of its own");
    assert.ok(!html.includes(`articles/${alliance.slug}/`));
    // Its map shows the story's located places, one circle each, and lists the others.
    const svg = html.slice(html.indexOf('<svg class="map"'), html.indexOf("</svg>", html.indexOf('<svg class="map"')));
    const located = story.places.filter((slug) => archive.places.find((p) => p.slug === slug)?.lat != null);
    assert.equal([...svg.matchAll(/<circle /g)].length, located.length);
    // Each article page links its story.
    const articlePage = readFileSync(path.join(seedsSite, "articles", attack.slug, "index.html"), "utf8");
    assert.match(
      articlePage,
      /Part of story: <a href="\.\.\/\.\.\/stories\/[^"]+">[^<]+<\/a>, 3 articles from \d outlets?/,
    );
  });

  test("adding a seed re-parses exactly that file; removing it removes its article and its own entities", async () => {
    const seeds = seedsCopy();
    const out = path.join(scratch, "inc-out");
    const cacheDir = path.join(scratch, "inc-cache");
    const first = await build({ seedsDir: seeds, outDir: out, cacheDir });
    assert.equal(first.parsed.length, 5);

    writeFileSync(path.join(seeds, "new-story.txt"), NEW_SEED);
    const second = await build({ seedsDir: seeds, outDir: out, cacheDir });
    assert.deepEqual(second.parsed, ["new-story.txt"]);
    assert.deepEqual(second.changes, { added: 1, changed: 0, removed: 0, unchanged: 5 });
    const added = readArchive(out).articles.find((a) => a.source.file === "new-story.txt");
    assert.ok(added, "the new article is in the archive");
    assert.ok(existsSync(path.join(out, "articles", added.slug, "index.html")), "the new article has a page");
    const person = readArchive(out).people.find((p) => p.name === "Zubair Qadeerzai");
    assert.ok(person, "the new article's person is an entity");
    assert.ok(existsSync(path.join(out, "people", person.slug, "index.html")));

    rmSync(path.join(seeds, "new-story.txt"));
    const third = await build({ seedsDir: seeds, outDir: out, cacheDir });
    assert.deepEqual(third.parsed, []);
    assert.equal(third.changes?.removed, 1);
    assert.equal(readArchive(out).articles.length, 5);
    assert.ok(!existsSync(path.join(out, "articles", added.slug)), "the removed article's page is gone");
    assert.ok(!existsSync(path.join(out, "people", person.slug)), "an entity only it mentioned is gone");
    assert.ok(!readArchive(out).people.some((p) => p.name === "Zubair Qadeerzai"));
  });

  test("a rebuild renders only the pages a new seed changes, and gives the same site as a fresh build", async () => {
    const seeds = seedsCopy();
    const out = path.join(scratch, "reuse-out");
    const cacheDir = path.join(scratch, "reuse-cache");
    const first = await build({ seedsDir: seeds, outDir: out, cacheDir });
    assert.equal(first.reused, 0, "nothing to reuse on the first build");
    const inodes = new Map(
      readdirSync(out, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && e.name === "index.html")
        .map((e) => [
          path.relative(out, path.join(e.parentPath, e.name)),
          statSync(path.join(e.parentPath, e.name)).ino,
        ]),
    );

    writeFileSync(path.join(seeds, "new-story.txt"), NEW_SEED);
    const second = await build({ seedsDir: seeds, outDir: out, cacheDir });
    const added = readArchive(out).articles.find((a) => a.source.file === "new-story.txt");
    assert.ok(added);
    const peshawar = readArchive(out).places.find((p) => p.name === "Peshawar");
    assert.ok(peshawar);
    const sameFile = (page: string) => statSync(path.join(out, page)).ino === inodes.get(page);
    const untouched = [...inodes.keys()].filter((page) => sameFile(page));
    assert.ok(second.reused > 0 && untouched.length === second.reused, "unchanged pages are the previous files");
    assert.ok(second.reused < second.pages);
    assert.ok(!sameFile(`places/${peshawar.slug}/index.html`), "a page listing the new article is rendered again");
    assert.match(readFileSync(path.join(out, "places", peshawar.slug, "index.html"), "utf8"), /Police arrested 45/);

    // A page deleted from the live site by hand is rendered again, not lost.
    const victim = untouched.find((page) => page.startsWith("articles/"));
    assert.ok(victim);
    rmSync(path.join(out, victim));
    await build({ seedsDir: seeds, outDir: out, cacheDir });
    assert.ok(existsSync(path.join(out, victim)));

    const fresh = path.join(scratch, "reuse-fresh");
    await build({ seedsDir: seeds, outDir: fresh, cacheDir: null });
    // The search index is the exception: the rebuild kept the first build's and indexed the new article into a
    // delta beside it, which answers as the fresh build's index does (test/search-delta.test.ts); its record of
    // the articles' words numbers them in the order the builds met them (test/vocabulary-words.test.ts checks
    // the vocabulary it gives). And so the site's file list, which is checked against the files instead.
    const searchIndex =
      /^(pagefind[-/]|search\/offline\/|\.news-archive\/(search-pages|offline-docs)\.json$|\.news-archive\/vocabulary-(terms\/|words\.bin$)|\.news-archive\/files\.txt$)/;
    const [reusedTree, freshTree] = await rebuiltAndColdTrees(out, fresh);
    const listed = readFileSync(path.join(out, ".news-archive/files.txt"), "utf8").trim().split("\n");
    assert.deepEqual(listed, [...reusedTree.keys()].sort(compareStrings), "the file list names every file of the site");
    for (const tree of [reusedTree, freshTree])
      for (const file of tree.keys()) if (searchIndex.test(file)) tree.delete(file);
    assert.deepEqual([...reusedTree.keys()], [...freshTree.keys()]);
    for (const [file, hash] of freshTree)
      assert.equal(reusedTree.get(file), hash, `${file} differs from a fresh build`);
    const manifest = JSON.parse(readFileSync(path.join(out, "pagefind-shards.json"), "utf8"));
    assert.equal(manifest.delta?.articles, 1, "the new article is in the delta");
  });

  test("a rebuild that compacts the search index re-indexes pages kept in the live site", async () => {
    const seeds = seedsCopy();
    const out = path.join(scratch, "compact-out");
    const cacheDir = path.join(scratch, "compact-cache");
    // Shards of two articles take a delta of one: two new seeds are past it, so the shards are indexed again,
    // from pages the rebuild kept in place as well as those it rendered.
    await build({ seedsDir: seeds, outDir: out, cacheDir, searchShardSize: 2 });
    // Dated among the seeds' own articles, so the shards indexed again hold pages the rebuild kept.
    const datedAmong = NEW_SEED.replace("March 4th", "February 2nd");
    writeFileSync(path.join(seeds, "new-story.txt"), datedAmong);
    writeFileSync(path.join(seeds, "another.txt"), datedAmong.replace("45 suspects", "46 suspects on Wednesday"));
    const rebuilt = await build({ seedsDir: seeds, outDir: out, cacheDir, searchShardSize: 2 });
    assert.ok(rebuilt.reused > 0, "pages were kept in place");
    const manifest = JSON.parse(readFileSync(path.join(out, "pagefind-shards.json"), "utf8"));
    assert.equal(manifest.delta, null, "compacted: no delta");
    const indexed = manifest.shards.reduce((sum: number, shard: { articles: number }) => sum + shard.articles, 0);
    assert.equal(indexed, 7);
  });

  test("a change to the knowledge data invalidates the cache by itself, for the articles it can change", async () => {
    const seeds = seedsCopy();
    const out = path.join(scratch, "ver-out");
    const cacheDir = path.join(scratch, "ver-cache");
    const extra = path.join(scratch, "extra-knowledge");
    rmSync(extra, { recursive: true, force: true });
    cpSync("knowledge", extra, { recursive: true });
    await build({ seedsDir: seeds, outDir: out, cacheDir, knowledgeDirs: [extra] });
    assert.equal((await build({ seedsDir: seeds, outDir: out, cacheDir, knowledgeDirs: [extra] })).parsed.length, 0);
    // A place no seed names: no article is extracted again (test/knowledge-cache.test.ts has one that is named).
    writeFileSync(
      path.join(extra, "places.yaml"),
      `${readFileSync(path.join(extra, "places.yaml"), "utf8")}\n- name: Test Town\n  kind: city\n`,
    );
    assert.equal((await build({ seedsDir: seeds, outDir: out, cacheDir, knowledgeDirs: [extra] })).parsed.length, 0);
    // Any other data file: every article.
    writeFileSync(
      path.join(extra, "furniture.yaml"),
      `${readFileSync(path.join(extra, "furniture.yaml"), "utf8")}\n# a note\n`,
    );
    assert.equal((await build({ seedsDir: seeds, outDir: out, cacheDir, knowledgeDirs: [extra] })).parsed.length, 5);
  });

  test("bad seeds are rejected with a reason naming the file; every other article is built", async () => {
    const seeds = seedsCopy({
      "empty.txt": "",
      "blank.txt": "  \n\t\n",
      "binary.txt": Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x10, 0x00]),
      "latin1.txt": Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x65, 0x77, 0x73]),
      "broken-front-matter.md":
        "---\ntitle: [unclosed\n---\nSome text that would be an article body, if it were read at all.\n",
      "wrong-date.md":
        "---\ndate: yesterday\n---\nPolice said three people were injured in the blast on Monday evening.\n",
      "only-furniture.txt": "Shopping cart\nYour cart is empty!\nLeave a Reply\n12\n",
      "copy of dawn.txt": readFileSync("seeds/000_d988bb958633d8af.txt"),
    });
    const out = path.join(scratch, "bad-out");
    const logged: string[] = [];
    const result = await build({ seedsDir: seeds, outDir: out, cacheDir: null, log: (l) => logged.push(l) });
    const rejected = new Map(result.rejected.map((r) => [r.file, r.reason]));
    for (const file of [
      "empty.txt",
      "blank.txt",
      "binary.txt",
      "latin1.txt",
      "broken-front-matter.md",
      "wrong-date.md",
      "only-furniture.txt",
    ]) {
      assert.ok(rejected.has(file), `${file} is rejected`);
      assert.ok(!rejected.get(file)!.includes("\n"), "one line");
      assert.ok(
        logged.some((l) => l.startsWith(`rejected ${file}`)),
        `${file} is reported on the console`,
      );
    }
    assert.match(rejected.get("wrong-date.md")!, /date/);
    const archive = readArchive(out);
    assert.equal(archive.articles.length, 5, "the five good seeds are all built");
    const dawn = archive.articles.find((a) => a.source.file === "000_d988bb958633d8af.txt")!;
    assert.deepEqual(dawn.source.duplicates, ["copy of dawn.txt"], "the same article under two names is one article");
    assert.ok(existsSync(path.join(out, "report", "index.html")));
    const report = readFileSync(path.join(out, "report", "index.html"), "utf8");
    assert.ok(
      report.includes("wrong-date.md") && report.includes("only-furniture.txt"),
      "the report page lists rejections",
    );
  });

  test("tricky input builds: encodings, line ends, huge lines, markup, odd names; hidden, swap and outside links ignored", async () => {
    const story = (place: string) =>
      `${place.toUpperCase()}: Police said three people were injured when a gas cylinder exploded in ${place} on Monday.`;
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${story("Sibi")}\r\n`, "utf16le")]);
    const longLine = `${story("Zhob")} ${"The market stayed shut for the rest of the day as traders waited. ".repeat(3000)}`;
    const seeds = seedsCopy({
      "utf16.txt": utf16,
      "crlf.txt": `${story("Turbat")}\r\nOfficials said the blast was an accident.\r\n`,
      "old-mac.txt": `${story("Khuzdar")}\rOfficials said the blast was an accident.\r`,
      "long-line.txt": longLine,
      "markup.txt": `${story("Kalat")} <script>alert(1)</script> <img src=x onerror=alert(2)>\n`,
      "with spaces é ñ.txt": story("Loralai"),
      "بلوچستان خبر.txt": story("Chaman"),
      ".hidden.txt": story("Pishin"),
      "draft.txt.swp": story("Ziarat"),
      "huge.txt": Buffer.alloc(20 * 1024 * 1024, "a"),
    });
    const outside = path.join(scratch, "outside.txt");
    writeFileSync(outside, story("Dera Bugti"));
    symlinkSync(outside, path.join(seeds, "link-outside.txt"));
    symlinkSync(path.join(seeds, "crlf.txt"), path.join(seeds, "link-inside.txt"));

    const out = path.join(scratch, "tricky-out");
    const { archive } = await build({ seedsDir: seeds, outDir: out, cacheDir: null });
    const files = archive.articles.flatMap((a) => [a.source.file, ...a.source.duplicates]);
    for (const file of [
      "utf16.txt",
      "crlf.txt",
      "old-mac.txt",
      "long-line.txt",
      "markup.txt",
      "with spaces é ñ.txt",
      "بلوچستان خبر.txt",
      "link-inside.txt",
    ]) {
      assert.ok(files.includes(file), `${file} is built`);
    }
    for (const file of [".hidden.txt", "draft.txt.swp"]) {
      assert.ok(!files.includes(file) && !archive.rejected.some((r) => r.file === file), `${file} is ignored`);
    }
    const rejected = new Map(archive.rejected.map((r) => [r.file, r.reason]));
    assert.match(rejected.get("huge.txt") ?? "", /10 MB/);
    assert.ok(rejected.has("link-outside.txt"), "a link leaving seeds/ is rejected");
    const markup = archive.articles.find((a) => a.source.file === "markup.txt")!;
    const page = readFileSync(path.join(out, "articles", markup.slug, "index.html"), "utf8");
    assert.ok(page.includes("&lt;script&gt;alert(1)&lt;/script&gt;"), "markup in a seed shows as text");
    assert.ok(!page.includes("<script>alert(1)") && !/<img[^>]+onerror/.test(page));
    const utf = archive.articles.find((a) => a.source.file === "utf16.txt")!;
    assert.match(utf.body, /^SIBI: Police said three people/);
  });

  test("--memory logs each stage's peak heap and RSS after the summary line", async () => {
    const logged: string[] = [];
    const out = path.join(scratch, "memory-out");
    await build({ seedsDir: seedsCopy(), outDir: out, cacheDir: null, memory: true, log: (l) => logged.push(l) });
    const at = logged.findIndex((line) => line.startsWith("peak memory: "));
    assert.ok(at > 0 && logged[at - 1].startsWith("built "), logged.join("\n"));
    const stages = [
      ...logged[at].matchAll(/(\w+) heap (\d+) MiB \/ RSS (\d+) MiB \(heap reserved (\d+), external (\d+)\)/g),
    ];
    assert.deepEqual(
      stages.map((m) => m[1]),
      ["ingest", "archive", "render", "index", "commit"],
    );
    // A build holds at least its seeds' records, and a process's RSS includes its heap; at the RSS peak, the heap
    // V8 had reserved is part of it.
    for (const [, , heap, rss, reserved] of stages) {
      assert.ok(Number(heap) > 1 && Number(rss) >= Number(heap), logged[at]);
      assert.ok(Number(reserved) > 1 && Number(reserved) <= Number(rss), logged[at]);
    }
  });

  test("two seeds that would get the same slug are both kept under distinct slugs", async () => {
    const story =
      "QUETTA: Two policemen were injured in a grenade attack on a checkpost in Quetta on Sunday, officials said.\n";
    const seeds = path.join(scratch, "same-slug");
    rmSync(seeds, { recursive: true, force: true });
    cpSync("seeds", seeds, { recursive: true });
    writeFileSync(path.join(seeds, "a.txt"), story);
    writeFileSync(path.join(seeds, "b.txt"), `${story}The attackers fled the scene.\n`);
    const { archive } = await build({ seedsDir: seeds, outDir: path.join(scratch, "slug-out"), cacheDir: null });
    const slugs = archive.articles.filter((a) => ["a.txt", "b.txt"].includes(a.source.file)).map((a) => a.slug);
    assert.equal(slugs.length, 2);
    assert.notEqual(slugs[0], slugs[1]);
  });

  test("a second build on a locked output stops with a clear message and leaves the output alone", async () => {
    const seeds = seedsCopy();
    const out = path.join(scratch, "lock-out");
    await build({ seedsDir: seeds, outDir: out, cacheDir: null });
    const before = await treeDigest(out);
    // The lock names a live process: this test runner's parent.
    writeFileSync(`${out}.lock`, String(process.ppid));
    await assert.rejects(build({ seedsDir: seeds, outDir: out, cacheDir: null }), (error: unknown) => {
      assert.ok(error instanceof BuildLockedError);
      assert.match(error.message, /another build .* is writing/);
      return true;
    });
    assert.deepEqual(await treeDigest(out), before);
    // A lock left by a process that is gone is taken over.
    writeFileSync(`${out}.lock`, "999999999");
    await build({ seedsDir: seeds, outDir: out, cacheDir: null });
    assert.ok(!existsSync(`${out}.lock`));
  });

  test("a build killed mid-way leaves the previous site intact, and the next build recovers", async () => {
    const seeds = seedsCopy();
    const out = path.join(scratch, "kill-out");
    await build({ seedsDir: seeds, outDir: out, cacheDir: null });
    const before = await treeDigest(out);
    writeFileSync(path.join(seeds, "new-story.txt"), NEW_SEED);

    const child = spawn(
      process.execPath,
      ["--import", "tsx", "scripts/build.ts", "--seeds", seeds, "--out", out, "--no-cache"],
      {
        stdio: "ignore",
      },
    );
    const staging = `${out}.building-${child.pid}`;
    // Kill it once it has started writing the new site.
    const deadline = Date.now() + 60_000;
    while (!existsSync(path.join(staging, "seeds")) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    assert.ok(existsSync(staging), "the build reached its writing stage");
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));

    assert.deepEqual(await treeDigest(out), before, "the previous site is untouched");
    const next = await build({ seedsDir: seeds, outDir: out, cacheDir: null });
    assert.equal(next.archive.articles.length, 6);
    assert.ok(!existsSync(staging), "the killed build's leftovers are cleaned up");
  });

  test("--strict turns any rejection into a non-zero exit; the CLI prints one line per rejection", async () => {
    const seeds = seedsCopy({ "empty.txt": "" });
    const out = path.join(scratch, "strict-out");
    const run = (args: string[]) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [
          "--import",
          "tsx",
          "scripts/build.ts",
          "--seeds",
          seeds,
          "--out",
          out,
          "--no-cache",
          ...args,
        ]);
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d) => (stdout += d));
        child.stderr.on("data", (d) => (stderr += d));
        child.on("exit", (code) => resolve({ code, stdout, stderr }));
      });
    const lenient = await run([]);
    assert.equal(lenient.code, 0);
    assert.match(lenient.stdout, /^rejected empty\.txt: empty file$/m);
    assert.match(lenient.stdout, /^built 5 articles .* 1 rejected/m);
    const strict = await run(["--strict"]);
    assert.equal(strict.code, 1);
    assert.doesNotMatch(strict.stderr, /\n\s+at /, "no stack trace");
    const missing = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [
        "--import",
        "tsx",
        "scripts/build.ts",
        "--seeds",
        path.join(scratch, "nope"),
        "--out",
        out,
      ]);
      let stderr = "";
      child.stderr.on("data", (d) => (stderr += d));
      child.on("exit", (code) => resolve({ code, stderr }));
    });
    assert.notEqual(missing.code, 0);
    assert.match(missing.stderr, /^error: .*nope/m);
    assert.doesNotMatch(missing.stderr, /\n\s+at /);
  });
});
