/**
 * Entity pages with mentions in context, quotes and a timeline chart; the review page and its fix lines;
 * the Excel-safe CSV exports; the article page's quotes and citation. The seeds are built twice (plain,
 * then with the review page's own fix lines in a knowledge folder); the fixture archive, extended here with
 * a person known under a short and a full name, a quote and a formula-like title, is rendered once and
 * opened in Chromium at 390 and 1280 px.
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { csvRow, excelCsv, neutraliseFormula } from "../src/archive/csv.ts";
import { readArchive } from "../src/archive/index.ts";
import { DEFAULT_KNOWLEDGE_DIR, loadKnowledge } from "../src/knowledge/index.ts";
import { build } from "../src/pipeline/index.ts";
import { renderSite } from "../src/pipeline/site.ts";
import { articlesPerPeriod } from "../src/render/views/chart.ts";
import { yamlScalar } from "../src/render/views/review.ts";
import { type RunningServer, serveSite } from "../src/serve/server.ts";
import type { Archive } from "../src/types.ts";
import { axeViolations, overflowAt } from "./helpers/axe.ts";
import { checkBrowser, launchChromium } from "./helpers/chromium.ts";
import { fixtureArchive, fixtureSeedFiles } from "./helpers/fixture-archive.ts";

const scratch = mkdtempSync(path.join(os.tmpdir(), "news-archive-entity-pages-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

const read = (dir: string, file: string) => readFileSync(path.join(dir, file), "utf8");
const unescapeHtml = (html: string) =>
  html
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
/** The text of every <pre><code> block of a page: the copyable fix lines. */
const codeBlocks = (html: string) =>
  [...html.matchAll(/<pre class="copyable"><code>([\s\S]*?)<\/code><\/pre>/g)].map((m) => unescapeHtml(m[1]));

describe("units", () => {
  test("excelCsv: BOM, CRLF, formula cells neutralised, numbers kept", () => {
    const text = excelCsv(
      ["a", "b"],
      [
        ["=SUM(A1)", -3],
        ["+1", "@x"],
        ["-minus", "plain, with comma"],
        ["\tTab", null],
      ],
    );
    assert.ok(text.startsWith("\uFEFFa,b\r\n"));
    assert.ok(text.endsWith("\r\n") && !/[^\r]\n/.test(text), "every line ends with CRLF");
    assert.match(text, /\r\n'=SUM\(A1\),-3\r\n/);
    assert.match(text, /\r\n'\+1,'@x\r\n/);
    assert.match(text, /\r\n'-minus,"plain, with comma"\r\n/);
    assert.equal(neutraliseFormula("ok"), "ok");
    assert.equal(csvRow(['say "hi"']), '"say ""hi"""');
  });

  test("articlesPerPeriod: a bar per month with the gaps, undated left out; by year over a long span", () => {
    const chart = articlesPerPeriod(["2026-01-05", "2026-03-01", "2026-03-20", null]);
    assert.ok(chart);
    assert.deepEqual(
      chart.bars.map((b) => [b.label, b.value]),
      [
        ["January 2026", 1],
        ["February 2026", 0],
        ["March 2026", 2],
      ],
    );
    assert.equal(chart.max, 2);
    assert.equal(articlesPerPeriod([null]), null);
    assert.equal(articlesPerPeriod(["2001-01-01", "2026-01-01"])?.unit, "year");
  });

  test("the README's people.yaml and corrections.yaml examples pass the schema", () => {
    const readme = readFileSync("README.md", "utf8");
    const block = (file: string) => {
      const at = readme.indexOf(`**\`${file}\`**`);
      assert.ok(at >= 0, `README shows ${file}`);
      const match = /```yaml\n([\s\S]*?)```/.exec(readme.slice(at));
      assert.ok(match);
      return match[1];
    };
    const dir = path.join(scratch, "readme-knowledge");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "people.yaml"), block("people.yaml"));
    writeFileSync(path.join(dir, "corrections.yaml"), block("corrections.yaml"));
    const knowledge = loadKnowledge([DEFAULT_KNOWLEDGE_DIR, dir]);
    assert.equal(knowledge.people.length, 3);
    assert.equal(knowledge.corrections.length, 7);
  });

  test("yamlScalar quotes what YAML would misread", () => {
    assert.equal(yamlScalar("Gohar Ali Khan"), "Gohar Ali Khan");
    assert.equal(yamlScalar("No"), '"No"');
    assert.equal(yamlScalar("a: b"), '"a: b"');
    assert.equal(yamlScalar("#tag"), '"#tag"');
  });
});

describe("the seeds with the review page's fixes", () => {
  let plain: string;
  let fixed: string;
  let fixes: { people: string; corrections: string };

  before(async () => {
    plain = path.join(scratch, "plain");
    await build({ seedsDir: "seeds", outDir: plain, cacheDir: null });
    const review = read(plain, "review/index.html");
    const blocks = codeBlocks(review);
    // The review page's own line: the first figure without a place gets one.
    const figure = blocks.find((b) => b.startsWith("- figure:") && b.includes("place:"));
    assert.ok(figure, "the review page offers a place for a figure without one");
    fixes = {
      // Lines the review cannot know of: a name that is not a person, and two Achakzais made one person.
      people: "- name: Salam Agha\n  notPerson: true\n- name: Asghar Khan Achakzai\n  aliases: [Arif Khan Achakzai]\n",
      corrections: figure,
    };
    const knowledge = path.join(scratch, "knowledge");
    mkdirSync(knowledge, { recursive: true });
    writeFileSync(path.join(knowledge, "people.yaml"), fixes.people);
    writeFileSync(path.join(knowledge, "corrections.yaml"), fixes.corrections);
    fixed = path.join(scratch, "fixed");
    await build({
      seedsDir: "seeds",
      outDir: fixed,
      cacheDir: null,
      knowledgeDirs: [DEFAULT_KNOWLEDGE_DIR, knowledge],
    });
  });

  test("a people.yaml merge makes one person page that lists both names", () => {
    assert.ok(existsSync(path.join(plain, "people/arif-khan-achakzai/index.html")));
    assert.ok(
      !existsSync(path.join(fixed, "people/arif-khan-achakzai/index.html")),
      "the alias has no page of its own",
    );
    const merged = read(fixed, "people/asghar-khan-achakzai/index.html");
    assert.match(merged, /<h1>Asghar Khan Achakzai<\/h1>/);
    assert.match(merged, /<dt>Also written<\/dt><dd>[^<]*Arif Khan Achakzai/);
    // Both names' sentences in context (here in the same article), each with the role it gives.
    assert.match(merged, /class="mentions__sentence"><p>[^<]*Special Secretary Finance Arif Khan Achakzai/);
    assert.match(merged, /class="mentions__sentence"><p>[^<]*ANP Provincial President Asghar Khan Achakzai/);
    assert.match(merged, /class="mentions__role">As Special Secretary Finance</);
    assert.match(merged, /class="mentions__role">As ANP Provincial President</);
  });

  test("a notPerson line removes the page; the fixed figure and the person leave the review page", () => {
    assert.ok(existsSync(path.join(plain, "people/salam-agha/index.html")));
    assert.ok(!existsSync(path.join(fixed, "people/salam-agha/index.html")));
    const blocks = codeBlocks(read(fixed, "review/index.html"));
    const figureKey = fixes.corrections.split("\n")[0];
    assert.ok(!blocks.some((b) => b.startsWith(figureKey)), "the figure given a place is no longer listed");
    const archive = readArchive(fixed);
    assert.deepEqual(archive.unmatchedCorrections, []);
  });

  test("the build report and every page's footer link the review page", () => {
    assert.match(read(plain, "report/index.html"), /href="\.\.\/review\/index\.html"/);
    assert.match(read(plain, "index.html"), /href="review\/index\.html">Review</);
  });
});

/** The fixture archive plus "Gohar" and "Gohar Ali Khan" as two people, a quote, and a title that reads as a formula. */
function extendedFixture(): Archive {
  const archive = fixtureArchive();
  const at = archive.articles.find((a) => a.people.includes("sarfraz-bugti"))!;
  const other = archive.articles.find((a) => a !== at && a.people.includes("sarfraz-bugti"))!;
  other.title = '=HYPERLINK("http://example.com") Bugti\'s statement';
  const addPerson = (slug: string, name: string, article: typeof at, sentence: string, role: string | null) => {
    archive.people.push({
      slug,
      name,
      variants: [],
      roles: role ? [role] : [],
      parties: [],
      articles: [article.slug],
      mentions: [{ article: article.slug, sentence, line: 4, role }],
    });
    article.people.push(slug);
    article.peopleDetail.push({ slug, name, roles: role ? [role] : [], parties: [] });
    article.mentions.push({ kind: "person", slug, forms: [name], evidence: [{ line: 4, text: sentence }] });
  };
  addPerson(
    "gohar-ali-khan",
    "Gohar Ali Khan",
    at,
    "PTI Chairman Gohar Ali Khan condemned the attacks.",
    "PTI Chairman",
  );
  addPerson("gohar", "Gohar", other, "Gohar said the party stood with the victims.", null);
  // A province misspelt in the source, read as a person holding another man's role.
  addPerson(
    "balochsitan",
    "Balochsitan",
    other,
    "Balochsitan Chief Minister said talks would go on.",
    "Chief Minister",
  );
  // Same surname, same role: maybe one person.
  addPerson("zahid-kakar", "Zahid Kakar", at, "Provincial Minister Zahid Kakar visited.", "Provincial Minister");
  addPerson(
    "z-kakar",
    "Z. Ahmed Kakar",
    other,
    "Former Provincial Minister Z. Ahmed Kakar spoke.",
    "former Provincial Minister",
  );
  archive.unmatchedCorrections.push('corrections.yaml: no place named "Atlantis"');
  at.quotes.push({ person: "sarfraz-bugti", text: "We will not let them <b>win</b>", line: 6 });
  return archive;
}

describe("the fixture site", () => {
  let outDir: string;

  before(async () => {
    const root = path.join(scratch, "fixture");
    const seedsDir = path.join(root, "seeds");
    outDir = path.join(root, "out");
    mkdirSync(seedsDir, { recursive: true });
    const archive = extendedFixture();
    for (const [file, text] of fixtureSeedFiles(archive)) writeFileSync(path.join(seedsDir, file), text);
    await renderSite(archive, outDir, { seedsDir });
  });

  test("the review page lists the short and the full name with the people.yaml lines that merge them", () => {
    const review = read(outDir, "review/index.html");
    assert.match(review, /“Gohar” \(1 article\) may be “Gohar Ali Khan” \(1 article\)/);
    const blocks = codeBlocks(review);
    assert.ok(blocks.includes("- name: Gohar Ali Khan\n  aliases: [Gohar]\n"), blocks.join("\n---\n"));
    assert.ok(blocks.includes("- name: Gohar\n  notPerson: true\n"), "a one-word person is a doubtful kind");
    assert.match(review, /href="\.\.\/people\/gohar\/index\.html">Gohar</);
    assert.match(review, /“Balochsitan” \(1 article\) is a single word spelt almost like the place Balochistan/);
    assert.ok(blocks.includes("- name: Balochsitan\n  notPerson: true\n"));
    assert.match(
      review,
      /“Z\. Ahmed Kakar” and “Zahid Kakar” share the surname “Kakar” and the role “Provincial Minister”/,
    );
    assert.ok(blocks.includes("- name: Z. Ahmed Kakar\n  aliases: [Zahid Kakar]\n"), blocks.join("\n---\n"));
    assert.match(review, /corrections\.yaml: no place named &quot;Atlantis&quot;/);
  });

  test("a person page shows each mention's sentence, the quotes with their article, and the timeline chart", () => {
    const page = read(outDir, "people/sarfraz-bugti/index.html");
    assert.match(page, /class="mentions__sentence"><p>Sarfraz Bugti spoke\.<\/p>/);
    assert.match(page, /class="mentions__role">As Balochistan Chief Minister</);
    assert.match(page, /<h2 id="quotes-heading">Quotes<\/h2>/);
    assert.match(page, /<p>“We will not let them &lt;b&gt;win&lt;\/b&gt;”<\/p>/, "quote text escaped");
    assert.match(page, /<svg class="chart__svg"[^>]*role="img"/);
    assert.match(page, /<rect class="chart__bar"/);
    assert.doesNotMatch(page, /style=/, "no inline style (the CSP forbids it)");
    // A place's page takes its sentence from the article's mention evidence.
    assert.match(read(outDir, "places/quetta/index.html"), /class="mentions__sentence"><p>[^<]+/);
  });

  test("an article page shows its quotes linked to the person, and a citation block with the seed hash", () => {
    const archive = extendedFixture();
    const at = archive.articles.find((a) => a.quotes.length > 0)!;
    const page = read(outDir, `articles/${at.slug}/index.html`);
    assert.match(page, /— <a href="\.\.\/\.\.\/people\/sarfraz-bugti\/index\.html">Sarfraz Bugti<\/a>/);
    assert.match(page, /<h2 id="citation-heading">Cite this article<\/h2>/);
    assert.ok(page.includes(at.source.sha256));
    const [citation] = codeBlocks(page);
    assert.ok(citation.includes(at.title) && citation.includes(`/articles/${at.slug}/`), citation);
  });

  test("each entity page links its CSV, which is Excel-safe", () => {
    const page = read(outDir, "people/sarfraz-bugti/index.html");
    assert.match(page, /<a href="mentions\.csv" download>/);
    const csv = read(outDir, "people/sarfraz-bugti/mentions.csv");
    assert.ok(csv.startsWith("\uFEFFdate,outlet,title,url,archive_page,role,line,sentence\r\n"));
    assert.ok(!/[^\r]\n/.test(csv), "CRLF line ends");
    assert.equal(csv.trim().split("\r\n").length, 3, "a header and one row per article");
    assert.match(csv, /,"'=HYPERLINK\(""http:\/\/example\.com""\) Bugti's statement",/, "formula neutralised");
    for (const folder of ["parties/np", "organizations/bla", "places/quetta", "outlets/dawn"]) {
      assert.ok(existsSync(path.join(outDir, folder, "mentions.csv")), `${folder}/mentions.csv`);
    }
  });
});

const availability = checkBrowser();
const skip = availability.available ? false : availability.skipReason;
const projectRoot = fileURLToPath(new URL("..", import.meta.url));
const artifacts = path.join(projectRoot, "test-artifacts");

describe("entity and review pages in Chromium", { skip }, () => {
  let browser: Browser;
  let server: RunningServer;

  before(async () => {
    const root = path.join(scratch, "browser");
    const seedsDir = path.join(root, "seeds");
    const outDir = path.join(root, "out");
    mkdirSync(seedsDir, { recursive: true });
    mkdirSync(artifacts, { recursive: true });
    const archive = extendedFixture();
    for (const [file, text] of fixtureSeedFiles(archive)) writeFileSync(path.join(seedsDir, file), text);
    await renderSite(archive, outDir, { seedsDir });
    server = await serveSite(outDir);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test("a person page, the review page and an article page: no horizontal overflow, no axe violations, at 390 and 1280 px", async () => {
    const problems: string[] = [];
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 900 } });
    for (const url of [
      "people/sarfraz-bugti/index.html",
      "review/index.html",
      "articles/violent-clashes-erupt-across-balochistan/index.html",
    ]) {
      const page = await context.newPage();
      page.on("pageerror", (error) => problems.push(`${url}: ${error.message}`));
      await page.goto(new URL(url, server.url).href);
      // One load checked at both widths: the layout follows the viewport, and axe runs on it again.
      for (const width of [390, 1280]) {
        const overflow = await overflowAt(page, width);
        if (overflow > 0) problems.push(`${url} at ${width} px: ${overflow} px wider than the viewport`);
        for (const violation of await axeViolations(page)) problems.push(`${url} at ${width} px: ${violation}`);
        const name = `${url.split("/")[0]}-${width}.png`;
        if (url.startsWith("people/") || url.startsWith("review/"))
          await page.screenshot({ path: path.join(artifacts, `entity-pages-${name}`), fullPage: true });
      }
      await page.close();
    }
    await context.close();
    assert.deepEqual(problems, []);
  });

  test("printed, an article keeps its citation and drops the site's chrome", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(new URL("articles/violent-clashes-erupt-across-balochistan/index.html", server.url).href);
    await page.emulateMedia({ media: "print" });
    assert.ok(await page.locator(".citation").isVisible(), "the citation is printed");
    assert.ok(await page.locator(".citation pre").isVisible());
    assert.ok(!(await page.locator(".site-header").isVisible()), "the header is not");
    assert.ok(!(await page.locator("#related-heading").isVisible()), "nor the related articles");
    await context.close();
  });
});
