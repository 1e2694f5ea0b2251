/**
 * The rendered site, without a browser: every internal link resolves, nothing is fetched from elsewhere,
 * pages are valid HTML with a CSP, article text cannot inject markup, output is deterministic, and the
 * feed and sitemap are well-formed XML.
 */
import assert from "node:assert/strict";
import { existsSync, statSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { runInNewContext } from "node:vm";
import { HtmlValidate } from "html-validate";
import { excelCsv } from "../src/archive/csv.ts";
import { figuresCsv } from "../src/archive/index.ts";
import { LEDGER_COLUMNS, ledgerRows as ledgerCsvRows } from "../src/render/csv-exports.ts";
import { buildSiteViews } from "../src/render/views/index.ts";
import { mimeTypeOf, resolveRequestPath, serveSite } from "../src/serve/server.ts";
import { PAGES } from "../src/settings.ts";
import {
  buildFixtureSite,
  type FixtureSite,
  listFiles,
  treeDigest,
  writtenByCaller,
} from "./helpers/build-fixture-site.ts";
import {
  attackStory,
  fixtureArchive,
  hostileSlug,
  hostileTitle,
  sharedSurname,
  unusualSeedFile,
  wireCopySlug,
  wireOriginalSlug,
} from "./helpers/fixture-archive.ts";
import { isNavigation, openingTags, referencesOf, tagsNamed } from "./helpers/html-refs.ts";
import { xmlProblems } from "./helpers/xml-well-formed.ts";

let site: FixtureSite;
let htmlFiles: string[];
const pages = new Map<string, string>();

before(async () => {
  site = await buildFixtureSite("site-test");
  htmlFiles = (await listFiles(site.outDir)).filter((file) => file.endsWith(".html"));
  for (const file of htmlFiles) pages.set(file, await readFile(path.join(site.outDir, file), "utf8"));
  console.log(`# rendered ${site.pages} pages in ${Math.round(site.renderMs)} ms`);
});

after(async () => {
  if (site) await rm(path.dirname(site.outDir), { recursive: true, force: true });
});

const storyViewsOf = (archive: ReturnType<typeof fixtureArchive>) =>
  buildSiteViews(archive, { linkSeeds: false }).storyPages();

function resolveInSite(pageFile: string, href: string): string {
  const withoutFragment = href.replace(/[#?].*$/, "");
  const target = path.resolve(path.dirname(path.join(site.outDir, pageFile)), decodeURIComponent(withoutFragment));
  return path.relative(site.outDir, target).split(path.sep).join("/");
}

describe("links", () => {
  test("every page type is rendered", () => {
    for (const expected of [
      "index.html",
      "articles/index.html",
      `articles/${hostileSlug}/index.html`,
      "people/index.html",
      "people/by-articles/index.html",
      "people/sarfraz-bugti/index.html",
      "parties/np/index.html",
      "organizations/bla/index.html",
      "places/quetta/index.html",
      "outlets/dawn/index.html",
      "timeline/index.html",
      "timeline/2026/index.html",
      "timeline/undated/index.html",
      "figures/index.html",
      "figures/militants-killed/index.html",
      "stories/index.html",
      `stories/${attackStory}/index.html`,
      `stories/${hostileSlug}/index.html`,
      "search/index.html",
      "report/index.html",
    ]) {
      assert.ok(pages.has(expected), `missing page ${expected}`);
    }
    assert.equal(site.pages, htmlFiles.length);
  });

  test("every internal href/src is relative, names its file and resolves to a file in the output", () => {
    const broken: string[] = [];
    for (const [file, html] of pages) {
      for (const ref of referencesOf(html)) {
        const { value } = ref;
        if (value.startsWith("#")) {
          const id = decodeURIComponent(value.slice(1));
          if (!html.includes(`id="${id}"`)) broken.push(`${file}: ${value} (no such id)`);
          continue;
        }
        if (/^[a-z][a-z0-9+.-]*:/i.test(value)) continue; // external; checked by the next test
        if (value.startsWith("/")) broken.push(`${file}: ${value} is root-relative (breaks over file://)`);
        else if (/\/$|^$/.test(value.replace(/[#?].*$/, "")))
          broken.push(`${file}: ${value} does not name its index.html`);
        const target = resolveInSite(file, value);
        if (target.startsWith("..")) broken.push(`${file}: ${value} leaves the site`);
        else if (writtenByCaller.has(target)) continue;
        else if (!existsSync(path.join(site.outDir, target)) || !statSync(path.join(site.outDir, target)).isFile()) {
          broken.push(`${file}: ${value} → ${target} (missing)`);
        }
      }
    }
    assert.deepEqual(broken, []);
  });

  test("nothing is fetched from another host: no http(s) in the src/href of a resource", async () => {
    const remote: string[] = [];
    for (const [file, html] of pages) {
      for (const ref of referencesOf(html)) {
        if (!isNavigation(ref) && /^(https?:)?\/\//i.test(ref.value))
          remote.push(`${file}: <${ref.tag} ${ref.attribute}=${ref.value}>`);
      }
      if (/url\(\s*['"]?(https?:)?\/\//i.test(html) || /@import/i.test(html)) remote.push(`${file}: remote CSS`);
    }
    const css = await readFile(path.join(site.outDir, "assets/site.css"), "utf8");
    if (/url\(|@import/i.test(css)) remote.push("assets/site.css loads another resource");
    assert.deepEqual(remote, []);
  });

  test("the seed file link works for a name with a space and non-Latin letters", async () => {
    const html = pages.get("articles/terror-spike-triggers-call-for-troop-surge/index.html")!;
    const href = `../../seeds/${encodeURIComponent(unusualSeedFile)}`;
    assert.ok(html.includes(`href="${href}"`), "encoded seed link");
    assert.ok(existsSync(path.join(site.outDir, "seeds", unusualSeedFile)));
  });
});

describe("pages", () => {
  test("valid HTML (html-validate recommended) on every page", async () => {
    const validator = new HtmlValidate({
      extends: ["html-validate:recommended"],
      rules: {
        // Stylistic only: Nunjucks leaves trailing spaces and blank lines in the output.
        "no-trailing-whitespace": "off",
        // Stylistic only: article titles are as long as the newspapers made them.
        "long-title": "off",
      },
    });
    const problems: string[] = [];
    for (const [file, html] of pages) {
      const report = await validator.validateString(html, file);
      for (const result of report.results) {
        for (const message of result.messages)
          problems.push(`${file}:${message.line}: ${message.ruleId} ${message.message}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  test("a Content-Security-Policy meta on every page, and no inline script or style", () => {
    for (const [file, html] of pages) {
      const csp = tagsNamed(html, "meta").find((tag) => /http-equiv="Content-Security-Policy"/i.test(tag));
      assert.ok(csp, `${file}: no CSP meta`);
      assert.match(csp, /default-src 'self'/);
      assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
      assert.match(csp, /object-src 'none'/);
      for (const script of tagsNamed(html, "script")) {
        // A Pagefind result template is a data block (type="text/pagefind-template"): never executed.
        if (/\stype="text\/pagefind-template"/.test(script)) continue;
        assert.match(script, /\ssrc="/, `${file}: inline <script>`);
      }
      assert.doesNotMatch(html, /<style[\s>]/, `${file}: inline <style>`);
      assert.doesNotMatch(html, /\sstyle="/, `${file}: style attribute`);
    }
  });

  test("markup in article text shows as text, never as an element or attribute", () => {
    const escapedTitle = hostileTitle.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    const article = pages.get(`articles/${hostileSlug}/index.html`)!;
    assert.ok(article.includes(`>${escapedTitle}</h1>`), "title shown escaped");
    assert.ok(article.includes("&lt;img src=x onerror=alert(1)&gt;"), "body img shown escaped");
    assert.ok(article.includes("&lt;script&gt;alert(1)&lt;/script&gt;"), "body script shown escaped");
    assert.ok(article.includes("A &lt;b&gt;Reader&lt;/b&gt;"), "author shown escaped");
    for (const [file, html] of pages) {
      for (const tag of openingTags(html)) assert.doesNotMatch(tag, /\son[a-z]+=/i, `${file}: event handler in ${tag}`);
      // The search page loads its own three scripts (the term functions shared with the build, the stemmer
      // that matches Pagefind's, and the page script that brings in Pagefind or the from-disk index); no
      // other page has any.
      const scripts = tagsNamed(html, "script");
      if (file === "search/index.html") {
        assert.deepEqual(
          scripts.map((tag) => /\ssrc="([^"]+)"/.exec(tag)?.[1]),
          ["../assets/search-terms.js", "../assets/stemmer.js", "../assets/search.js"],
        );
      } else assert.deepEqual(scripts, [], `${file}: unexpected <script>`);
      assert.equal(tagsNamed(html, "img").length, 0, `${file}: unexpected <img>`);
    }
  });

  test("first mention of an entity in the body links to its page", () => {
    const html = pages.get("articles/opposition-parties-call-off-protests/index.html")!;
    const body = html.slice(html.indexOf('class="article__body"'), html.indexOf("</aside>"));
    const links = [...body.matchAll(/<a href="([^"]+)" class="entity-link[^"]*">([^<]+)<\/a>/g)].map((m) => [
      m[1],
      m[2],
    ]);
    assert.deepEqual(links.slice(0, 3), [
      ["../../places/quetta/index.html", "QUETTA"],
      ["../../places/balochistan/index.html", "Balochistan"],
      ["../../parties/anp/index.html", "ANP"],
    ]);
    const achakzai = links.filter(([href]) => href.includes("asghar-khan-achakzai"));
    assert.deepEqual(
      achakzai,
      [["../../people/asghar-khan-achakzai/index.html", "Asghar Khan Achakzai"]],
      "linked once",
    );
  });

  test("an inferred date is marked with its evidence; an undated article says so", () => {
    const inferred = pages.get("articles/security-forces-kill-145-militants/index.html")!;
    assert.match(inferred, /badge--inferred">inferred</);
    assert.match(inferred, /The date is inferred:<\/strong> No publication date in the text/);
    const undated = pages.get("articles/pml-n-and-np-in-talks-for-alliance/index.html")!;
    assert.match(undated, /<dd>Undated<\/dd>/);
  });

  test("the timeline is a page per year, newest first, under an index of years and months", () => {
    const index = pages.get("timeline/index.html")!;
    const yearLinks = [...index.matchAll(/<h2><a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => `${m[2]} ${m[1]}`);
    assert.deepEqual(yearLinks, ["2026 2026/index.html", "2024 2024/index.html", "Undated undated/index.html"]);
    // 2024 holds no article, only a date mentioned in one.
    assert.match(index, /2024<\/a> <span class="count">0 articles · 1 date mentioned<\/span>/);
    assert.match(index, /<a href="2026\/index.html#m-2026-02">February 2026<\/a> <span class="count">6<\/span>/);

    const year = pages.get("timeline/2026/index.html")!;
    const months = [...year.matchAll(/<h2 id="m-[^"]+">([^<]+)<\/h2>/g)].map((m) => m[1]);
    assert.deepEqual(months, ["February 2026", "January 2026"]);
    assert.match(year, /<a rel="next" href="\.\.\/2024\/index.html">2024 →<\/a>/);
    const undated = pages.get("timeline/undated/index.html")!;
    assert.match(undated, /PML-N and National Party in talks for electoral alliance/);
    assert.match(undated, /<a rel="prev" href="\.\.\/2024\/index.html">← 2024<\/a>/);
  });

  test("the figures ledger lists stories with their ranges, never one range across stories", () => {
    // The old ledger gave one range per kind of count across every event in the archive; issue 16 removed it.
    const index = pages.get("figures/index.html")!;
    const storyHeadings = [...index.matchAll(/<h2 id="ledger-([^"]+)">/g)].map((m) => m[1]);
    assert.deepEqual(storyHeadings, [attackStory]);
    assert.match(
      index,
      new RegExp(
        `<a href="\\.\\./stories/${attackStory}/index\\.html#figures-militants-killed">Militants killed</a></td>\\s*<td class="num" data-label="Range of totals"><strong>67–177</strong>`,
      ),
    );
    const group = pages.get("figures/militants-killed/index.html")!;
    assert.match(group, /<strong>67–177<\/strong>/);
    assert.match(group, /corroborated · 3 sources/);
  });

  test("entity indexes sort by name and by number of articles without JavaScript", () => {
    const names = (html: string) =>
      [...html.matchAll(/<li><a href="[^"]+">([^<]+)<\/a> <span class="count">/g)].map((m) => m[1]);
    const byName = names(pages.get("people/index.html")!);
    const byCount = names(pages.get("people/by-articles/index.html")!);
    assert.deepEqual(
      byName,
      [...byName].sort((a, b) => a.localeCompare(b, "en")),
    );
    assert.equal(byCount[0], "Khawaja Asif"); // 2 articles, first by name among the people seen twice
    assert.match(pages.get("people/index.html")!, /href="by-articles\/index.html">by number of articles/);
    assert.match(pages.get("people/by-articles/index.html")!, /href="\.\.\/index.html">by name/);
  });

  test("the report lists rejected files and flagged articles", () => {
    const html = pages.get("report/index.html")!;
    assert.match(html, /006_shop_page.txt<\/td><td>no article text: only page furniture<\/td><td class="num">1</);
    assert.match(html, /date inferred from weekday mentions/);
  });

  test("the report groups flagged articles by kind of flag, counts them all and lists the newest few", () => {
    const archive = fixtureArchive();
    archive.articles.forEach((article, at) => {
      article.flags = [
        ...article.flags,
        "no outlet found",
        ...(at % 2 ? [`publication date inferred: clue ${at}`] : []),
      ];
    });
    const limit = PAGES.reviewItems;
    PAGES.reviewItems = 2;
    try {
      const { flagged } = buildSiteViews(archive, { linkSeeds: false }).views.report;
      const noOutlet = flagged.find((group) => group.kind === "no outlet found");
      const inferred = flagged.find((group) => group.kind === "publication date inferred");
      assert.equal(noOutlet?.total, archive.articles.length);
      assert.equal(noOutlet?.items.length, 2);
      assert.ok(inferred && inferred.total >= Math.floor(archive.articles.length / 2) && inferred.items.length === 2);
      assert.ok(
        inferred.items.every((item) => item.flags.every((flag) => flag.startsWith("publication date inferred"))),
      );
    } finally {
      PAGES.reviewItems = limit;
    }
  });
});

describe("stories", () => {
  const storyPage = () => pages.get(`stories/${attackStory}/index.html`)!;
  /** The rows of the ledger line with this anchor, as text without tags. */
  const ledgerRows = (html: string, id: string) => {
    const start = html.indexOf(`id="${id}"`);
    assert.ok(start >= 0, `no ledger line ${id}`);
    const section = html.slice(start, html.indexOf("</section>", start));
    return [...section.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].slice(1).map((m) => m[1]);
  };
  const text = (html: string) =>
    html
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " ")
      .trim();

  test("a story page lists its articles side by side, oldest first, with outlet, date, headline and lead", () => {
    const html = storyPage();
    const titles = [...html.matchAll(/<h3 class="story-article__title"><a href="([^"]+)">/g)].map((m) => m[1]);
    assert.deepEqual(titles, [
      "../../articles/violent-clashes-erupt-across-balochistan/index.html",
      `../../articles/${wireOriginalSlug}/index.html`,
      "../../articles/security-forces-kill-145-militants/index.html",
      `../../articles/${wireCopySlug}/index.html`,
      "../../articles/terror-spike-triggers-call-for-troop-surge/index.html",
    ]);
    assert.match(html, /<dt>Dates<\/dt><dd><time datetime="2026-02-01">1 February 2026 – 3 February 2026<\/time>/);
    assert.match(
      html,
      /Violent clashes have erupted across several parts of Balochistan, leaving at least 129 people dead\./,
    );
    // The coverage timeline: one bar per day with articles (1, 2 and 2), drawn at build time.
    const chart = html.slice(
      html.indexOf('<svg class="coverage"'),
      html.indexOf("</svg>", html.indexOf('<svg class="coverage"')),
    );
    assert.equal([...chart.matchAll(/<rect class="coverage-bar"/g)].length, 3);
    assert.match(chart, /role="img" aria-label="Coverage timeline: 5 articles over 3 days/);
    // Entities, linked to their pages.
    for (const href of [
      "../../people/sarfraz-bugti/index.html",
      "../../organizations/bla/index.html",
      "../../places/harnai/index.html",
    ])
      assert.ok(html.includes(`href="${href}"`), href);
  });

  test("a wire copy is labelled as a copy of its original, on the article list and in the ledger", () => {
    const html = storyPage();
    const label = `<span class="badge badge--copy">wire copy</span> of <a href="../../articles/${wireOriginalSlug}/index.html">Militants killed in Mastung and Harnai raids</a>`;
    assert.ok(html.includes(label), "the copy's card names its original");
    const rows = ledgerRows(html, "figures-militants-killed");
    const copyRows = rows.filter((row) => row.includes(`articles/${wireCopySlug}/`));
    assert.equal(copyRows.length, 1);
    assert.match(text(copyRows[0]), /wire copy of Militants killed in Mastung and Harnai raids/);
    // Four outlets give totals or parts, but the copy is no source: 3 independent sources behind the totals.
    assert.match(html, /<span class="grading grading--corroborated">corroborated<\/span> · 3 sources/);
  });

  test("a part count is marked and stays out of the range; conservative and low/best/high beside it", () => {
    const html = storyPage();
    const rows = ledgerRows(html, "figures-militants-killed").map(text);
    assert.deepEqual(
      rows.map((row) =>
        row
          .split(" ")
          .slice(0, row.startsWith("at least") ? 3 : row.startsWith("over") ? 2 : 1)
          .join(" "),
      ),
      ["at least 67", "30", "at least 145", "30", "over 177"],
    );
    const parts = rows.filter((row) => row.includes("part of a larger count"));
    assert.equal(parts.length, 2);
    for (const row of parts) assert.match(row, /^30 .* Mastung /);
    assert.match(html, /<dt>Range of totals<\/dt><dd><strong>67–177<\/strong><\/dd>/);
    assert.match(html, /<dt>Conservative<\/dt><dd>67<\/dd>/);
    assert.match(html, /<dt>Low \/ best \/ high<\/dt><dd>67 \/ 145 \/ 177<\/dd>/);
    // The place of a claim links to its page.
    assert.ok(ledgerRows(html, "figures-militants-killed")[1].includes('href="../../places/mastung/index.html"'));
  });

  test("a story with counts links its ledger.csv: a row per claim, Excel-safe, with its line's range", async () => {
    const html = storyPage();
    assert.match(html, /<a href="ledger\.csv" download>Download the ledger as CSV<\/a>/);
    const csv = await readFile(path.join(site.outDir, `stories/${attackStory}/ledger.csv`), "utf8");
    assert.ok(csv.startsWith(`\uFEFF${LEDGER_COLUMNS.join(",")}\r\n`), "BOM and header");
    assert.ok(!/[^\r]\n/.test(csv), "CRLF line ends");
    const rows = csv.slice(1).trimEnd().split("\r\n").slice(1);
    const militants = rows.filter((row) => row.includes(",Militants killed,"));
    // The page's five claims, oldest first: value, qualifier, role, copy of, outlet, date, place, page.
    const fields = (row: string) => {
      const cells = [...row.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1]);
      return [5, 6, 7, 8, 10, 11, 13, 15].map((at) => cells[at]);
    };
    assert.deepEqual(militants.map(fields), [
      [
        "67",
        "at least",
        "total",
        "",
        "Kashmir Observer",
        "2026-02-01",
        "",
        "/articles/violent-clashes-erupt-across-balochistan/",
      ],
      ["30", "", "part", "", "Associated Press of Pakistan", "2026-02-02", "Mastung", `/articles/${wireOriginalSlug}/`],
      ["145", "at least", "total", "", "Hum News", "2026-02-02", "", "/articles/security-forces-kill-145-militants/"],
      [
        "30",
        "",
        "part",
        "Militants killed in Mastung and Harnai raids",
        "Daily Times",
        "2026-02-03",
        "Mastung",
        `/articles/${wireCopySlug}/`,
      ],
      [
        "177",
        "over",
        "total",
        "",
        "The Express Tribune",
        "2026-02-03",
        "",
        "/articles/terror-spike-triggers-call-for-troop-surge/",
      ],
    ]);
    for (const row of militants) assert.ok(row.endsWith(",67,145,177,67,3,corroborated"), row);
    const claims = storyViewsOf(fixtureArchive()).find((story) => story.slug === attackStory)!.ledger;
    assert.equal(
      rows.length,
      claims.reduce((n, line) => n + line.claims.length, 0),
      "a row per claim",
    );
    // A story without counts has no ledger file and no link.
    assert.ok(!existsSync(path.join(site.outDir, `stories/${hostileSlug}/ledger.csv`)));
    assert.ok(!pages.get(`stories/${hostileSlug}/index.html`)!.includes("ledger.csv"));
  });

  test("a ledger.csv cell a spreadsheet would run as a formula is neutralised", () => {
    const archive = fixtureArchive();
    const original = archive.articles.find((a) => a.slug === wireOriginalSlug)!;
    original.title = '=HYPERLINK("http://example.com") raids';
    const story = storyViewsOf(archive).find((s) => s.slug === attackStory)!;
    const csv = excelCsv(LEDGER_COLUMNS, ledgerCsvRows(story));
    assert.ok(csv.startsWith("\uFEFF"));
    // As the claim's title and as the wire copy's original.
    assert.equal(csv.split(`"'=HYPERLINK(""http://example.com"") raids"`).length - 1, 2);
    assert.ok(!csv.includes(',"=HYPERLINK'));
  });

  test("the story map draws a circle per located place and lists the unlocated ones beside it", () => {
    const html = storyPage();
    const start = html.indexOf('<svg class="map"');
    const svg = html.slice(start, html.indexOf("</svg>", start));
    assert.match(svg, /role="img" aria-label="Map of the places in this story: /);
    const circles = [...svg.matchAll(/<circle [^>]*><title>([^<]+)<\/title>/g)].map((m) => m[1]).sort();
    assert.deepEqual(circles, ["Balochistan", "Mastung", "Quetta"]);
    assert.ok(svg.includes('class="map-land"'), "country outlines");
    const unlocated = html.slice(html.indexOf("Not on the map"));
    assert.match(unlocated, /<a href="\.\.\/\.\.\/places\/harnai\/index\.html">Harnai<\/a>/);
    // No style attribute anywhere (the CSP forbids inline styles): the map is styled by classes.
    assert.doesNotMatch(html, /\sstyle=/);
  });

  test("the places index maps every located place and lists the rest", () => {
    const html = pages.get("places/index.html")!;
    const start = html.indexOf('<svg class="map"');
    assert.ok(start >= 0, "a map on the places index");
    const svg = html.slice(start, html.indexOf("</svg>", start));
    assert.equal([...svg.matchAll(/<circle /g)].length, 3);
    assert.match(html.slice(html.indexOf("Not on the map")), /Harnai/);
  });

  test("the stories index is newest first, in the navigation; each article page links its story", () => {
    const index = pages.get("stories/index.html")!;
    const listed = [...index.matchAll(/<a class="article-list__title" href="([^"]+)\/index\.html">/g)].map((m) => m[1]);
    assert.deepEqual(listed.slice(0, 2), ["opposition-parties-call-off-protests", attackStory]);
    assert.match(index, /5 articles from 5 outlets/);
    assert.match(pages.get("index.html")!, /<a href="stories\/index\.html">Stories<\/a>/);
    const article = pages.get("articles/security-forces-kill-145-militants/index.html")!;
    assert.match(
      article,
      new RegExp(
        `Part of story: <a href="\\.\\./\\.\\./stories/${attackStory}/index\\.html">Violent clashes erupt across Balochistan, at least 129 dead</a>, 5 articles from 5 outlets`,
      ),
    );
    // Each figure links to its line in its story's ledger.
    assert.ok(article.includes(`href="../../stories/${attackStory}/index.html#figures-militants-killed"`));
  });

  test("a story title with markup shows as text", () => {
    const html = pages.get(`stories/${hostileSlug}/index.html`)!;
    assert.ok(html.includes("Reader letter: &lt;script&gt;alert(1)&lt;/script&gt; is not news"));
    assert.doesNotMatch(html, /<script>alert/);
  });
});

describe("outputs", () => {
  test("feed.xml is well-formed Atom dated by the latest article, with escaped titles", async () => {
    const feed = await readFile(path.join(site.outDir, "feed.xml"), "utf8");
    assert.deepEqual(xmlProblems(feed), []);
    assert.match(feed, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    assert.match(feed, /<updated>2026-02-05T00:00:00Z<\/updated>/);
    assert.ok(feed.includes("<title>Reader letter: &lt;script&gt;alert(1)&lt;/script&gt; is not news</title>"));
    assert.match(feed, /href="articles\/opposition-parties-call-off-protests\/index.html"/);
  });

  test("sitemap.xml is well-formed and lists every page", async () => {
    const sitemap = await readFile(path.join(site.outDir, "sitemap.xml"), "utf8");
    assert.deepEqual(xmlProblems(sitemap), []);
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]).sort();
    assert.deepEqual(locs, [...htmlFiles].sort());
  });

  test("the search index covers the article pages only, with filters", async () => {
    const entry = JSON.parse(await readFile(path.join(site.outDir, "pagefind/pagefind-entry.json"), "utf8"));
    assert.equal(entry.languages.en.page_count, 8);
    const files = await listFiles(path.join(site.outDir, "pagefind"));
    assert.ok(files.includes("pagefind.js"), "pagefind.js");
    assert.ok(
      files.some((file) => file.startsWith("filter/")),
      "filter chunks",
    );
  });

  test("the from-disk search index is classic scripts that register with window.__archiveSearch", async () => {
    const dir = path.join(site.outDir, "search/offline");
    const files = await listFiles(dir);
    assert.ok(files.includes("meta.js") && files.includes("d0.js"), files.join(", "));
    const registered: Record<string, unknown[][]> = {
      addMeta: [],
      addTerms: [],
      addDocs: [],
      addFilter: [],
      addDelta: [],
    };
    const window = {
      __archiveSearch: Object.fromEntries(
        Object.keys(registered).map((name) => [
          name,
          (...args: unknown[]) => registered[name].push(JSON.parse(JSON.stringify(args))),
        ]),
      ),
    };
    for (const file of files) {
      const code = await readFile(path.join(dir, file), "utf8");
      assert.doesNotMatch(code, /\b(import|export|fetch)\b/, `${file} must load as a classic script`);
      runInNewContext(code, { window });
    }
    const [[meta]] = registered.addMeta as [
      { docs: number; keys: string[]; filters: { name: string; values: number }[] },
    ][];
    assert.equal(meta.docs, 8);
    assert.deepEqual(registered.addDelta, [[null]], "a cold build has no delta");
    // The filters in Pagefind's order (by name); their values are not in meta.js but one file per filter.
    const names = ["organization", "outlet", "party", "person", "place", "year"];
    assert.deepEqual(
      meta.filters.map((f) => f.name),
      names,
    );
    const metaText = await readFile(path.join(dir, "meta.js"), "utf8");
    assert.ok(!metaText.includes("Sarfraz Bugti"), "meta.js carries no filter values");
    assert.deepEqual(
      registered.addFilter.map(([name]) => name),
      names,
    );
    const filters = Object.fromEntries(registered.addFilter as [string, [string, string][]][]);
    assert.equal(meta.filters.find((f) => f.name === "person")?.values, filters.person.length);
    const outlets = filters.outlet.map(([value]) => value);
    assert.deepEqual(outlets, [
      "Associated Press of Pakistan",
      "Daily Times",
      "Dawn",
      "Hum News",
      "Kashmir Observer",
      "Quetta Voice",
      "The Express Tribune",
    ]);
    assert.equal(filters.person.find(([value]) => value === "Sarfraz Bugti")?.[1].split(",").length, 2);
    assert.equal(registered.addTerms.length, meta.keys.length, "one term shard per key");
    const terms = Object.assign({}, ...registered.addTerms.map(([, t]) => t as Record<string, string>));
    assert.equal(terms[sharedSurname.toLowerCase()].split(",").length, 2, "postings of the shared surname");
    assert.ok(terms.kill && terms.killed === undefined, "stemmed terms: killed → kill");
  });

  test("the search page names Pagefind's bundle and the filters with values; article pages carry meta, filters and sort", () => {
    const html = pages.get("search/index.html")!;
    for (const element of ["pagefind-input", "pagefind-summary", "pagefind-results", "pagefind-filter-pane"])
      assert.ok(html.includes(`<${element}`), element);
    assert.match(html, /<link rel="stylesheet" href="\.\.\/pagefind\/pagefind-component-ui\.css">/);
    assert.match(html, /data-pagefind="\.\.\/pagefind\/pagefind\.js"/);
    assert.match(html, /data-filters="organization outlet party person place year"/);
    const article = pages.get("articles/security-forces-kill-145-militants/index.html")!;
    assert.match(article, /data-pagefind-meta="date:2026-02-02" data-pagefind-sort="date:2026-02-02"/);
    assert.match(article, /<time datetime="2026-02-02" data-pagefind-meta="date_label">2 February 2026<\/time>/);
    assert.match(article, /data-pagefind-filter="outlet" data-pagefind-meta="outlet">Hum News</);
  });

  test("rendering twice gives byte-identical trees, search index included", async () => {
    const again = await buildFixtureSite("site-test-again");
    try {
      assert.deepEqual(await treeDigest(again.outDir), await treeDigest(site.outDir));
    } finally {
      await rm(path.dirname(again.outDir), { recursive: true, force: true });
    }
  });
});

describe("static server", () => {
  test("maps URLs inside the site only, with the MIME types Pagefind needs", () => {
    const root = path.resolve("/srv/site");
    assert.equal(resolveRequestPath(root, "/people/x/"), path.join(root, "people/x/index.html"));
    assert.equal(resolveRequestPath(root, "/seeds/a%20b.txt"), path.join(root, "seeds/a b.txt"));
    assert.equal(resolveRequestPath(root, "/../etc/passwd"), path.join(root, "etc/passwd")); // URL parsing drops the ..
    assert.equal(resolveRequestPath(root, "/%2e%2e/%2e%2e/etc/passwd"), path.join(root, "etc/passwd")); // so does %2e%2e
    assert.equal(resolveRequestPath(root, "/..%2fetc%2fpasswd"), null);
    assert.equal(resolveRequestPath(root, "/%E0%A4%A"), null);
    assert.equal(mimeTypeOf("pagefind/wasm.en.pagefind"), "application/octet-stream");
    assert.equal(mimeTypeOf("pagefind/pagefind.en_1234.pf_meta"), "application/octet-stream");
    assert.equal(mimeTypeOf("x.wasm"), "application/wasm");
    assert.equal(mimeTypeOf("pagefind/pagefind.js"), "text/javascript; charset=utf-8");
    assert.equal(mimeTypeOf("archive/articles/a.jsonl"), "application/jsonl; charset=utf-8");
  });

  test("serves the built site, including a seed whose name has a space and non-Latin letters", async () => {
    const server = await serveSite(site.outDir);
    try {
      const home = await fetch(new URL("index.html", server.url));
      assert.equal(home.status, 200);
      assert.equal(home.headers.get("content-type"), "text/html; charset=utf-8");
      const seed = await fetch(new URL(`seeds/${encodeURIComponent(unusualSeedFile)}`, server.url));
      assert.equal(seed.status, 200);
      assert.equal((await fetch(new URL("people/", server.url))).status, 200);
      assert.equal((await fetch(new URL("people", server.url), { redirect: "manual" })).status, 301);
      assert.equal((await fetch(new URL("missing.html", server.url))).status, 404);
      assert.equal((await fetch(`${server.url}..%2f..%2fpackage.json`)).status, 400);
    } finally {
      await server.close();
    }
  });
});

describe("figures.csv", () => {
  test("is Excel-safe: BOM, CRLF, a row per figure, formula cells neutralised, numbers kept", () => {
    const archive = fixtureArchive();
    const csv = [...figuresCsv(archive)].join("");
    assert.ok(
      csv.startsWith(
        "\uFEFFarticle,date,outlet,value,qualifier,what,category,outcome,period,place,story,role,line,text\r\n",
      ),
    );
    assert.ok(!/[^\r]\n/.test(csv), "CRLF line ends");
    const figures = archive.articles.reduce((n, a) => n + a.figures.length, 0);
    assert.equal(csv.trimEnd().split("\r\n").length, 1 + figures);
    assert.match(csv, /\r\nviolent-clashes-erupt-across-balochistan,2026-02-01,[^,]+,67,at least,/);
    const at = archive.articles.find((a) => a.figures.length > 0)!;
    at.figures[0].text = "=1+2 militants";
    at.figures[0].what = "-militants";
    const hostile = [...figuresCsv(archive)].join("");
    assert.ok(
      hostile.includes(",'=1+2 militants\r\n") && hostile.includes(",'-militants,"),
      "formula cells get an apostrophe",
    );
  });
});
