/**
 * An entity's articles in stable pages (src/render/views/stable-pages.ts): the first page lists the newest,
 * older pages are numbered from the oldest, so a new article changes the first page and no other. The
 * fixture archive is rendered with PAGES.entityArticles at 1, so that every entity named by two or more
 * articles is paged, and compared with its render unpaged.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser } from "playwright-core";
import { renderPages } from "../src/render/index.ts";
import { stablePages } from "../src/render/views/stable-pages.ts";
import { serveSite } from "../src/serve/server.ts";
import { PAGES } from "../src/settings.ts";
import type { Archive } from "../src/types.ts";
import { checkBrowser, launchChromium } from "./helpers/chromium.ts";
import { fixtureArchive } from "./helpers/fixture-archive.ts";

const scratch = mkdtempSync(path.join(os.tmpdir(), "news-archive-entity-paging-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

describe("stablePages", () => {
  test("the pages cover the list once, in order; older pages hold `size` each, the first page size to 2 × size − 1", () => {
    for (const size of [1, 3, 4]) {
      for (let count = 0; count <= 40; count++) {
        const slices = stablePages(count, size);
        assert.equal(slices[0].number, null);
        assert.equal(slices[0].start, 0);
        slices.forEach((slice, at) => {
          if (at > 0) assert.equal(slice.start, slices[at - 1].end, `${count}/${size}: contiguous`);
          if (slice.number !== null) assert.equal(slice.end - slice.start, size);
        });
        assert.equal(slices.at(-1)?.end, count);
        const first = slices[0].end;
        if (slices.length > 1) assert.ok(first >= size && first < 2 * size, `${count}/${size}: first page ${first}`);
        else assert.ok(count < 2 * size);
        // Numbered from the oldest: the last page is page 1.
        assert.deepEqual(
          slices.slice(1).map((s) => s.number),
          Array.from({ length: slices.length - 1 }, (_, i) => slices.length - 1 - i),
        );
      }
    }
  });

  test("an item added at the head leaves every numbered page holding the same items", () => {
    const size = 4;
    for (let count = 0; count <= 40; count++) {
      // Items named by their age: item k is the k-th oldest, so the head is the highest number.
      const itemsOf = (n: number) => {
        const newestFirst = Array.from({ length: n }, (_, i) => n - 1 - i);
        return new Map(
          stablePages(n, size)
            .filter((s) => s.number !== null)
            .map((s) => [s.number, newestFirst.slice(s.start, s.end).join(",")]),
        );
      };
      const before = itemsOf(count);
      const after = itemsOf(count + 1);
      for (const [number, items] of before) assert.equal(after.get(number), items, `${count}: page ${number}`);
      assert.ok(after.size - before.size <= 1, "at most one new page");
    }
  });
});

/** The article addresses a rendered entity page lists, as site paths, in its order. */
function listed(site: string, page: string): string[] {
  const html = readFileSync(path.join(site, page), "utf8");
  const list = html.match(/<ol class="article-list mentions">([\s\S]*?)<\/ol>/)?.[1] ?? "";
  return [...list.matchAll(/class="article-list__title" href="(?:\.\.\/)*([^"]+)"/g)].map((m) => m[1]);
}

/** How many older pages an entity's first page links. */
function olderPageCount(site: string, folder: string): number {
  const html = readFileSync(path.join(site, folder, "index.html"), "utf8");
  return [...html.matchAll(/<li><a href="page\/\d+\/index\.html">/g)].length;
}

/** The entity named by the most articles, and its page's folder. */
function busiest(archive: Archive) {
  const place = [...archive.places].sort((a, b) => b.articles.length - a.articles.length)[0];
  return { place, folder: `places/${place.slug}` };
}

describe("an entity's articles on stable pages", () => {
  const unpaged = path.join(scratch, "unpaged");
  const paged = path.join(scratch, "paged");
  const perPage = PAGES.entityArticles;
  before(async () => {
    await renderPages(fixtureArchive(), unpaged);
    PAGES.entityArticles = 1;
    await renderPages(fixtureArchive(), paged);
  });
  after(() => {
    PAGES.entityArticles = perPage;
  });

  test("the first page and its older pages list, in turn, exactly what one page lists unpaged", () => {
    const { place, folder } = busiest(fixtureArchive());
    const all = listed(unpaged, `${folder}/index.html`);
    assert.ok(all.length >= 3, `the fixture's busiest place (${place.slug}) needs three articles`);
    const first = readFileSync(path.join(paged, folder, "index.html"), "utf8");
    assert.match(first, /<h2 id="articles-heading">Latest articles<\/h2>/);
    assert.match(first, new RegExp(`<dt>Articles</dt><dd>${all.length}</dd>`), "the count is all the articles'");
    // The first page links its older pages, newest first, each named by the dates it spans.
    const olderLinks = [...first.matchAll(/<li><a href="page\/(\d+)\/index\.html">([^<]+)<\/a><\/li>/g)];
    assert.deepEqual(
      olderLinks.map((m) => Number(m[1])),
      Array.from({ length: all.length - 1 }, (_, i) => all.length - 1 - i),
    );
    const pages = [`${folder}/index.html`, ...olderLinks.map((m) => `${folder}/page/${m[1]}/index.html`)];
    assert.deepEqual(
      pages.flatMap((page) => listed(paged, page)),
      all,
    );
    // An older page: its dates in its title, the entity linked, its neighbours linked, the whole CSV linked.
    const oldest = readFileSync(path.join(paged, folder, "page/1/index.html"), "utf8");
    assert.match(oldest, new RegExp(`<title>${place.name} \\(Place\\), articles: ${olderLinks.at(-1)?.[2]}`));
    assert.match(oldest, /<h1><a href="\.\.\/\.\.\/index\.html">/);
    assert.match(oldest, /<a rel="prev" href="\.\.\/2\/index\.html">← Newer: /);
    assert.doesNotMatch(oldest, /rel="next"/, "page 1 is the oldest");
    assert.match(oldest, /href="\.\.\/\.\.\/mentions\.csv" download>Download all its articles as CSV/);
    // The CSV, written once beside the first page, lists every article.
    const csv = readFileSync(path.join(paged, folder, "mentions.csv"), "utf8");
    assert.equal(csv, readFileSync(path.join(unpaged, folder, "mentions.csv"), "utf8"));
    // The sitemap lists the older pages.
    assert.match(
      readFileSync(path.join(paged, "sitemap.xml"), "utf8"),
      new RegExp(`<loc>${folder}/page/1/index.html</loc>`),
    );
  });

  test("a new article naming the entity renders its first page again, and keeps its older pages", async () => {
    const changed = fixtureArchive();
    const { place, folder } = busiest(changed);
    const other = changed.articles.find((a) => !a.places.includes(place.slug));
    assert.ok(other);
    other.date = "2030-01-01";
    other.places = [...other.places, place.slug];
    place.articles = [...place.articles, other.slug].sort();
    const rebuilt = path.join(scratch, "paged-rebuilt");
    const cold = path.join(scratch, "paged-cold");
    await renderPages(changed, rebuilt, { previousDir: paged });
    await renderPages(changed, cold);
    const inode = (site: string, page: string) => statSync(path.join(site, page)).ino;
    const olderPages = olderPageCount(rebuilt, folder);
    assert.equal(olderPages, olderPageCount(paged, folder) + 1);
    assert.ok(olderPages >= 3);
    assert.notEqual(inode(rebuilt, `${folder}/index.html`), inode(paged, `${folder}/index.html`));
    // Page n−1 is new, page n−2 (the newest before) gains a newer neighbour; the others are kept.
    for (let number = 1; number < olderPages - 1; number++) {
      const page = `${folder}/page/${number}/index.html`;
      assert.equal(inode(rebuilt, page), inode(paged, page), `page ${number} is kept`);
    }
    assert.deepEqual(listed(rebuilt, `${folder}/index.html`), [`articles/${other.slug}/index.html`]);
    assert.deepEqual(
      listed(rebuilt, `${folder}/page/${olderPages}/index.html`),
      listed(paged, `${folder}/index.html`),
      "the first page's article moved to a new older page",
    );
    for (const page of [
      `${folder}/index.html`,
      `${folder}/page/1/index.html`,
      `${folder}/page/${olderPages}/index.html`,
    ]) {
      assert.equal(
        readFileSync(path.join(rebuilt, page), "utf8"),
        readFileSync(path.join(cold, page), "utf8"),
        `${page} as a cold render writes it`,
      );
    }
  });
});

const availability = checkBrowser();
const skip = availability.available ? false : availability.skipReason;

describe("an entity's older page in Chromium", { skip }, () => {
  let browser: Browser;
  const site = path.join(scratch, "browser");
  const perPage = PAGES.entityArticles;
  before(async () => {
    PAGES.entityArticles = 1;
    await renderPages(fixtureArchive(), site);
    PAGES.entityArticles = perPage;
    browser = await launchChromium();
  });
  after(() => browser?.close());

  test("the first page and an older page: no horizontal overflow and no axe violations, at 390 and 1280 px", async () => {
    const { folder } = busiest(fixtureArchive());
    const server = await serveSite(site);
    const axe = path.resolve("node_modules/axe-core/axe.min.js");
    const problems: string[] = [];
    try {
      for (const width of [390, 1280]) {
        const context = await browser.newContext({ bypassCSP: true, viewport: { width, height: 900 } });
        for (const url of [`${folder}/index.html`, `${folder}/page/2/index.html`]) {
          const page = await context.newPage();
          page.on("pageerror", (error) => problems.push(`${url}: ${error.message}`));
          await page.goto(new URL(url, server.url).href);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          if (overflow > 0) problems.push(`${url} at ${width} px: ${overflow} px too wide`);
          await page.addScriptTag({ path: axe });
          const violations = await page.evaluate(async () => {
            const { axe } = window as unknown as { axe: { run(): Promise<{ violations: { id: string }[] }> } };
            return (await axe.run()).violations.map((v) => v.id);
          });
          for (const id of violations) problems.push(`${url} at ${width} px: ${id}`);
          await page.close();
        }
        await context.close();
      }
    } finally {
      await server.close();
    }
    assert.deepEqual(problems, []);
  });
});
