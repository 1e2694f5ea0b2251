/**
 * A build whose inputs made the site in place finds it up to date and stops (src/pipeline/up-to-date.ts);
 * anything the site is made from that changed, or a file of the site gone, makes it build.
 */
import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { DEFAULT_KNOWLEDGE_DIR } from "../src/knowledge/index.ts";
import { build } from "../src/pipeline/index.ts";
import { filesUnder } from "../src/util/files.ts";

const scratch = mkdtempSync(path.join(os.tmpdir(), "news-archive-up-to-date-"));
const seeds = path.join(scratch, "seeds");
const extra = path.join(scratch, "knowledge");
const out = path.join(scratch, "site");
const cacheDir = path.join(scratch, "cache");
const knowledgeDirs = [DEFAULT_KNOWLEDGE_DIR, extra];

/** Every file of a site by its path, with its bytes. */
function siteFiles(dir: string): Map<string, string> {
  return new Map(filesUnder(dir).map((file) => [path.relative(dir, file), readFileSync(file, "base64")]));
}

async function buildLogged() {
  const lines: string[] = [];
  const result = await build({ seedsDir: seeds, outDir: out, cacheDir, knowledgeDirs, log: (l) => lines.push(l) });
  const summary = lines.find((line) => line.startsWith("built ")) ?? "";
  return { result, lines, summary, upToDate: summary.includes("up to date") };
}

describe("up to date", () => {
  let first: Awaited<ReturnType<typeof buildLogged>>;
  before(async () => {
    cpSync("seeds", seeds, { recursive: true });
    writeFileSync(path.join(seeds, "empty.txt"), ""); // refused by the read stage
    mkdirSync(extra, { recursive: true });
    writeFileSync(path.join(extra, "corrections.yaml"), "[]\n");
    first = await buildLogged();
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  test("the same seeds again: nothing is built, the site and the summary stay as they were", async () => {
    assert.equal(first.upToDate, false, "the first build builds");
    assert.equal(first.result.rejected.length, 1);
    const before = siteFiles(out);
    const again = await buildLogged();
    assert.ok(again.upToDate, again.summary);
    assert.deepEqual(siteFiles(out), before);
    assert.equal(again.result.pages, first.result.pages);
    assert.equal(again.result.reused, first.result.pages);
    assert.deepEqual(again.result.parsed, []);
    assert.deepEqual(again.result.rejected, first.result.rejected);
    assert.ok(again.lines.includes("rejected empty.txt: empty file"), "a refused seed is reported every time");
    assert.deepEqual(again.result.archive, first.result.archive);
    // The counts as the build that made the site gave them.
    const counts = (line: string) => /(\d+) articles .* (\d+) rejected, (\d+) pages/.exec(line)?.slice(1);
    assert.deepEqual(counts(again.summary), counts(first.summary));
  });

  test("a seed touched but not changed is still up to date", async () => {
    const file = filesUnder(seeds).find((f) => f.endsWith(".txt") && !f.endsWith("empty.txt")) as string;
    const later = new Date(Date.now() + 5_000);
    utimesSync(file, later, later);
    assert.ok((await buildLogged()).upToDate);
  });

  test("a page deleted from the site is built again", async () => {
    const page = filesUnder(path.join(out, "articles")).find((file) => file.endsWith(".html")) as string;
    const bytes = readFileSync(page, "utf8");
    rmSync(page);
    const rebuilt = await buildLogged();
    assert.equal(rebuilt.upToDate, false);
    assert.equal(readFileSync(page, "utf8"), bytes);
    assert.ok((await buildLogged()).upToDate, "and the build after that has nothing to do");
  });

  test("a knowledge file that only resolution reads, edited, makes a build", async () => {
    // corrections.yaml is not part of the extraction cache's version: the site's record must read it itself.
    const person = first.result.archive.people[0];
    writeFileSync(
      path.join(extra, "corrections.yaml"),
      `- entity: person\n  name: ${JSON.stringify(person.name)}\n  rename: ${JSON.stringify(`${person.name} Renamed`)}\n`,
    );
    const edited = await buildLogged();
    assert.equal(edited.upToDate, false, edited.summary);
    assert.ok(edited.result.archive.people.some((p) => p.name === `${person.name} Renamed`));
  });

  test("a seed changed, added or removed makes a build", async () => {
    const file = filesUnder(seeds).find((f) => !f.endsWith("empty.txt")) as string;
    writeFileSync(file, `${readFileSync(file, "utf8")}\nOne more line of the story.\n`);
    assert.equal((await buildLogged()).upToDate, false);
    writeFileSync(path.join(seeds, "zz-added.txt"), "QUETTA: Three people were injured in a blast on Monday.\n");
    assert.equal((await buildLogged()).upToDate, false);
    rmSync(path.join(seeds, "zz-added.txt"));
    assert.equal((await buildLogged()).upToDate, false);
    assert.ok((await buildLogged()).upToDate);
  });
});
