/**
 * `npm start` as a user runs it (scripts/start.ts): it builds and serves the archive, and each save in seeds/ is
 * on the served site once the build says so — a new article, then an edit, the second built from the records
 * the first kept (src/resolve/kept-records.ts).
 */
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { appendFileSync, cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { tempDir } from "./helpers/temp-dir.ts";

const scratch = tempDir("news-archive-start");
const seeds = path.join(scratch, "seeds");

/** The lines the server prints, and a wait for the next one matching a pattern. */
class Lines {
  private seen: string[] = [];
  private waiting: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  private buffer = "";

  constructor(child: ChildProcess) {
    child.stdout?.setEncoding("utf8");
    child.stdout?.on("data", (chunk: string) => {
      this.buffer += chunk;
      for (let end = this.buffer.indexOf("\n"); end >= 0; end = this.buffer.indexOf("\n")) {
        const line = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 1);
        const waiter = this.waiting.find((w) => w.pattern.test(line));
        if (waiter) {
          // Taken in order: the lines before it are passed over.
          this.waiting.splice(this.waiting.indexOf(waiter), 1);
          this.seen = [];
          waiter.resolve(line);
        } else this.seen.push(line);
      }
    });
  }

  /** The next line matching `pattern`, passing over the lines before it (one printed already and not yet passed over counts). */
  next(pattern: RegExp): Promise<string> {
    const at = this.seen.findIndex((line) => pattern.test(line));
    if (at >= 0) return Promise.resolve(this.seen.splice(0, at + 1)[at]);
    return new Promise((resolve) => this.waiting.push({ pattern, resolve }));
  }
}

// A server that stops building fails the test rather than leaving it waiting.
const within = { timeout: 120_000 };

describe("npm start", within, () => {
  let child: ChildProcess;
  let lines: Lines;
  let site: string;
  before(async () => {
    cpSync("seeds", seeds, { recursive: true });
    child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "scripts/start.ts",
        "--seeds",
        seeds,
        "--out",
        path.join(scratch, "site"),
        "--cache",
        path.join(scratch, "cache"),
        "--port",
        "0",
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    lines = new Lines(child);
    site = (await lines.next(/^Serving the archive at /)).replace(/^Serving the archive at (\S+).*$/, "$1");
    await lines.next(/^Watching /);
  }, within);
  after(() => child.kill());

  const page = async (url: string) => {
    const response = await fetch(new URL(url, site));
    return { status: response.status, text: await response.text() };
  };

  test("a seed dropped into the folder is built and served", within, async () => {
    const [first] = readdirSync(seeds).filter((file) => file.endsWith(".txt"));
    const text = readFileSync(path.join(seeds, first), "utf8");
    writeFileSync(
      path.join(seeds, "dropped-in.txt"),
      `---\ntitle: A report dropped in while the archive is served\n---\n${text}\nA sentence only this report has.\n`,
    );
    // Waited for by what it says: a second event of the same save would print a build that found nothing to do.
    await lines.next(/^built 6 articles \(1 new/);
    const { status, text: html } = await page("/articles/a-report-dropped-in-while-the-archive-is-served/");
    assert.equal(status, 200);
    assert.match(html, /A sentence only this report has\./);
  });

  test("an edit to a seed is on its page once the build says so", within, async () => {
    appendFileSync(path.join(seeds, "dropped-in.txt"), "\nA second sentence, saved later.\n");
    await lines.next(/^built 6 articles \(0 new, 1 changed/);
    const { text: html } = await page("/articles/a-report-dropped-in-while-the-archive-is-served/");
    assert.match(html, /A second sentence, saved later\./);
  });
});
