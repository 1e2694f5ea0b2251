/**
 * An entity's articles in stable pages (src/render/views/stable-pages.ts): the first page lists the newest,
 * older pages are numbered from the oldest, so a new article changes the first page and no other. The
 * fixture archive is rendered with PAGES.entityArticles at 1, so that every entity named by two or more
 * articles is paged, and compared with its render unpaged.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { HtmlValidate } from "html-validate";
import type { Browser } from "playwright-core";
import { renderPages } from "../src/render/index.ts";
import { countPages, stablePages } from "../src/render/views/stable-pages.ts";
import { reservedSlugs } from "../src/resolve/slugs.ts";
import { serveSite } from "../src/serve/server.ts";
import { PAGES } from "../src/settings.ts";
import type { Archive } from "../src/types.ts";
import { BY_DATE, BY_NAME } from "../src/urls.ts";
import { axeViolations, overflowAt } from "./helpers/axe.ts";
import { rebuiltAndCold } from "./helpers/build-fixture-site.ts";
import { checkBrowser, launchChromium } from "./helpers/chromium.ts";
import { fixtureArchive, withSecondMilitantsCount } from "./helpers/fixture-archive.ts";

const scratch = mkdtempSync(path.join(os.tmpdir(), "news-archive-entity-paging-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

describe("countPages", () => {
  test("the parts cover the run once, in order; numbered parts hold `size` each, the newest size to 2 × size − 1", () => {
    for (const size of [1, 3, 4]) {
      for (let count = 0; count <= 40; count++) {
        const parts = countPages(count, size);
        assert.equal(parts[0].number, null);
        assert.equal(parts[0].start, 0);
        parts.forEach((part, at) => {
          if (at > 0) assert.equal(part.start, parts[at - 1].end, `${count}/${size}: contiguous`);
          if (part.number !== null) assert.equal(part.end - part.start, size);
        });
        assert.equal(parts.at(-1)?.end, count);
        const newest = parts[0].end;
        if (parts.length > 1) assert.ok(newest >= size && newest < 2 * size, `${count}/${size}: newest ${newest}`);
        else assert.ok(count < 2 * size);
        // Numbered from the oldest: the last part is part 1.
        assert.deepEqual(
          parts.slice(1).map((s) => s.number),
          Array.from({ length: parts.length - 1 }, (_, i) => parts.length - 1 - i),
        );
      }
    }
  });

  test("an item added at the head leaves every numbered part holding the same items", () => {
    const size = 4;
    for (let count = 0; count <= 40; count++) {
      // Items named by their age: item k is the k-th oldest, so the head is the highest number.
      const itemsOf = (n: number) => {
        const newestFirst = Array.from({ length: n }, (_, i) => n - 1 - i);
        return new Map(
          countPages(n, size)
            .filter((s) => s.number !== null)
            .map((s) => [s.number, newestFirst.slice(s.start, s.end).join(",")]),
        );
      };
      const before = itemsOf(count);
      const after = itemsOf(count + 1);
      for (const [number, items] of before) assert.equal(after.get(number), items, `${count}: part ${number}`);
      assert.ok(after.size - before.size <= 1, "at most one new part");
    }
  });
});

/** Dates newest first, undated last, drawn by a seeded generator: `count` of them over 2021–2025. */
function randomDates(count: number, seed: number): (string | null)[] {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const dates = Array.from({ length: count }, (): string | null => {
    const roll = next();
    if (roll < 0.05) return null;
    const year = 2021 + Math.floor(next() * 5);
    // Most items in 2024, so that its months get pages of their own; a few give the year alone.
    const inYear = roll < 0.5 ? 2024 : year;
    if (roll < 0.08) return String(inYear);
    const month = String(1 + Math.floor(next() * 12)).padStart(2, "0");
    return `${inYear}-${month}-${String(1 + Math.floor(next() * 28)).padStart(2, "0")}`;
  });
  const key = (date: string | null) => date ?? "";
  return dates.sort((a, b) => (key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : 0));
}

describe("stablePages", () => {
  test("a short list is one page; a long one, its newest on the first page and each item once on a period's page", () => {
    assert.deepEqual(stablePages(["2024-01-02", null, null], 2), [{ path: null, name: null, items: [0, 1, 2] }]);
    // About 150 of the 300 items fall in 2024 and 30 in each other year, 15 undated.
    const dates = randomDates(300, 7);
    for (const [size, busy, quiet] of [
      [20, "2024/1", "2023"], // 2024 (≥ 40, < 240) cut by count; 2023 (< 40) whole
      [5, "2024-03", "2023/1"], // 2024 (≥ 60) a page per month; 2023 (≥ 10, < 60) cut by count
    ] as const) {
      const [first, ...older] = stablePages(dates, size);
      assert.deepEqual(first, { path: null, name: null, items: Array.from({ length: size }, (_, i) => i) });
      assert.deepEqual(
        older.flatMap((page) => page.items),
        dates.map((_, at) => at),
        "the older pages hold every item once, in the list's order",
      );
      for (const page of older) {
        assert.ok(page.items.length < 2 * size, `${page.path}: ${page.items.length} items`);
        const period = page.path?.split("/")[0] ?? "";
        const periods = new Set(page.items.map((item) => dates[item]?.slice(0, period.length) ?? "undated"));
        assert.equal(periods.size, 1, `${page.path} holds one period`);
      }
      const paths = older.map((page) => page.path);
      assert.equal(new Set(paths).size, paths.length, "each page its own folder");
      assert.ok(paths.includes(busy) && paths.includes(quiet), `${size}: ${paths.join(" ")}`);
      assert.ok(paths.some((p) => p?.startsWith("undated")));
      // A year by month gives its items that name the year alone a page of their own.
      if (size === 5) assert.ok(older.some((page) => page.name?.startsWith("2024, month not given")));
      // A whole year or month is named by its period, a part by its dates.
      for (const page of older) {
        if (/^\d{4}$/.test(page.path ?? "") && !paths.includes(`${page.path}/1`)) assert.equal(page.name, page.path);
        if (/^\d{4}\/\d+$/.test(page.path ?? "")) assert.match(page.name ?? "", /\d{4}/);
      }
    }
  });

  test("an article added anywhere changes the first page and pages of its own year only", () => {
    const size = 3;
    for (let seed = 1; seed <= 40; seed++) {
      const dates = randomDates(120, seed);
      const added = randomDates(1, seed + 1000)[0];
      const key = (date: string | null) => date ?? "";
      // The new item goes after the items of its own date, as a later seed file would.
      let at = 0;
      while (at < dates.length && key(dates[at]) >= key(added)) at++;
      const after = [...dates.slice(0, at), added, ...dates.slice(at)];
      // Items named by identity: the old ones by their old position, the new one "new".
      const name = (item: number) => (item === at ? "new" : String(item > at ? item - 1 : item));
      const pagesOf = (list: (string | null)[], names: (item: number) => string) =>
        new Map(stablePages(list, size).map((page) => [page.path, page.items.map(names).join(",")]));
      const beforePages = pagesOf(dates, String);
      const afterPages = pagesOf(after, name);
      const year = added?.slice(0, 4) ?? "undated";
      for (const [path, items] of beforePages) {
        if (path === null || path.startsWith(year)) continue;
        assert.equal(afterPages.get(path), items, `seed ${seed}: ${path} unchanged by an article of ${added}`);
      }
    }
  });
});

/** The article addresses a rendered entity page lists, as site paths, in its order. */
function listed(site: string, page: string): string[] {
  const html = readFileSync(path.join(site, page), "utf8");
  const list = html.match(/<ol class="article-list mentions">([\s\S]*?)<\/ol>/)?.[1] ?? "";
  return [...list.matchAll(/class="article-list__title" href="(?:\.\.\/)*([^"]+)"/g)].map((m) => m[1]);
}

/** The older pages an entity's first page links, newest first: their folders under its own, and names. */
function olderPages(site: string, folder: string): { path: string; name: string }[] {
  const html = readFileSync(path.join(site, folder, "index.html"), "utf8");
  const list = html.match(/<ol class="older-pages"[^>]*>([\s\S]*?)<\/ol>/)?.[1] ?? "";
  return [...list.matchAll(/<a href="([^"]+)\/index\.html">([^<]+)<\/a>/g)].map((m) => ({ path: m[1], name: m[2] }));
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

  test("the first page lists the newest; its older pages list, in turn, exactly what one page lists unpaged", () => {
    const { place, folder } = busiest(fixtureArchive());
    const all = listed(unpaged, `${folder}/index.html`);
    assert.ok(all.length >= 4, `the fixture's busiest place (${place.slug}) needs four articles`);
    const first = readFileSync(path.join(paged, folder, "index.html"), "utf8");
    assert.match(first, /<h2 id="articles-heading">Latest articles<\/h2>/);
    assert.match(first, new RegExp(`<dt>Articles</dt><dd>${all.length}</dd>`), "the count is all the articles'");
    assert.deepEqual(listed(paged, `${folder}/index.html`), all.slice(0, 1));
    // The first page links its older pages, newest first: a page per year, or part of one.
    const older = olderPages(paged, folder);
    assert.ok(older.length >= 3, JSON.stringify(older));
    assert.ok(
      older.some((p) => /^by-date\/\d{4}\/\d+$/.test(p.path)) && older.some((p) => p.path === "by-date/undated"),
      JSON.stringify(older),
    );
    assert.deepEqual(
      older.flatMap((page) => listed(paged, `${folder}/${page.path}/index.html`)),
      all,
    );
    // An older page: its period in its title, the entity linked, its neighbours linked, the whole CSV linked.
    const last = older.at(-1) as { path: string; name: string };
    const depth = "../".repeat(last.path.split("/").length);
    const oldest = readFileSync(path.join(paged, folder, last.path, "index.html"), "utf8");
    assert.match(oldest, new RegExp(`<title>${place.name} \\(Place\\), articles: ${last.name} `));
    assert.ok(oldest.includes(`<h1><a href="${depth}index.html">${place.name}</a></h1>`));
    assert.match(oldest, new RegExp(`<a rel="prev" href="[^"]+">← Newer: ${older.at(-2)?.name}</a>`));
    assert.doesNotMatch(oldest, /rel="next"/, "the oldest page links no older one");
    assert.ok(oldest.includes(`href="${depth}mentions.csv" download>Download all its articles as CSV`));
    // The CSV, written once beside the first page, lists every article.
    const csv = readFileSync(path.join(paged, folder, "mentions.csv"), "utf8");
    assert.equal(csv, readFileSync(path.join(unpaged, folder, "mentions.csv"), "utf8"));
    // The sitemap lists the older pages.
    const sitemap = readFileSync(path.join(paged, "sitemap.xml"), "utf8");
    for (const page of older) assert.ok(sitemap.includes(`<loc>${folder}/${page.path}/index.html</loc>`), page.path);
  });

  test("a new article naming the entity renders its first page again, and keeps its other pages", async () => {
    const changed = fixtureArchive();
    const { place, folder } = busiest(changed);
    const other = changed.articles.find((a) => !a.places.includes(place.slug));
    assert.ok(other);
    other.date = "2030-01-01";
    other.places = [...other.places, place.slug];
    place.articles = [...place.articles, other.slug].sort();
    const { rebuilt, cold } = await rebuiltAndCold(changed, paged, path.join(scratch, "paged-new-article"));
    const inode = (site: string, page: string) => statSync(path.join(site, page)).ino;
    const before = olderPages(paged, folder);
    const now = olderPages(rebuilt, folder);
    assert.deepEqual(now, [{ path: "by-date/2030", name: "2030" }, ...before], "a page for the new year");
    assert.notEqual(inode(rebuilt, `${folder}/index.html`), inode(paged, `${folder}/index.html`));
    // The page after the new one has a new neighbour; the others are kept.
    for (const { path: older } of before.slice(1)) {
      const page = `${folder}/${older}/index.html`;
      assert.equal(inode(rebuilt, page), inode(paged, page), `${older} is kept`);
    }
    assert.deepEqual(listed(rebuilt, `${folder}/index.html`), [`articles/${other.slug}/index.html`]);
    for (const page of [`${folder}/index.html`, ...now.map((p) => `${folder}/${p.path}/index.html`)]) {
      assert.equal(
        readFileSync(path.join(rebuilt, page), "utf8"),
        readFileSync(path.join(cold, page), "utf8"),
        `${page} as a cold render writes it`,
      );
    }
  });
});

/**
 * The fixture archive with what the paged lists need to page: two stories with figures, and two undated
 * articles (one of February 2026's made undated).
 */
function pagingFixture(): Archive {
  const archive = fixtureArchive();
  const other = withSecondMilitantsCount(archive);
  // Two stories of one title (a headline like "Militants killed" recurs), both in the ledger's lists.
  const attack = archive.stories.find((s) => s.figures.length && s.slug !== other.story);
  const namesake = archive.stories.find((s) => s.slug === other.story);
  if (!attack || !namesake) throw new Error("the fixture has no two stories with figures");
  namesake.title = attack.title;
  const february = archive.articles.filter((a) => a.date?.startsWith("2026-02"));
  const undated = february[february.length - 1];
  undated.date = null;
  undated.dateFrom = null;
  // Two dates known only by their year, in two articles, for the year's page and its parts.
  const [first, second] = archive.articles;
  first.events = [...first.events, { date: "2013", what: "general elections", text: "The general elections of 2013." }];
  second.events = [
    ...second.events,
    { date: "2013", what: "a provincial by-election", text: "A by-election in 2013." },
  ];
  return archive;
}

/** `archive` rendered with one item to each page of every paged list. */
async function renderAllPaged(site: string, archive = pagingFixture()): Promise<void> {
  const sizes = { ...PAGES };
  Object.assign(PAGES, {
    entityArticles: 1,
    ledgerStories: 1,
    listArticles: 1,
    listStories: 1,
    indexEntries: 1,
    timelineEntries: 1,
  });
  try {
    await renderPages(archive, site);
  } finally {
    Object.assign(PAGES, sizes);
  }
}

let rendered: Promise<{ unpaged: string; paged: string }> | undefined;
/** The fixture rendered as it is and with every list paged, once, for the tests that compare the two. */
function bothSites(): Promise<{ unpaged: string; paged: string }> {
  rendered ??= (async () => {
    const unpaged = path.join(scratch, "fixture-unpaged");
    const paged = path.join(scratch, "fixture-all-paged");
    await renderPages(pagingFixture(), unpaged);
    await renderAllPaged(paged);
    return { unpaged, paged };
  })();
  return rendered;
}

test("every page of every paged list is valid HTML (html-validate recommended), and the ledger's stories of one title", async () => {
  const { paged: site, unpaged } = await bothSites();
  const files = readdirSync(site, { recursive: true, encoding: "utf8" })
    .filter(
      (file) =>
        file.endsWith("index.html") &&
        (file.includes(`${BY_DATE}/`) || /^(articles|stories|figures)\/index\.html$/.test(file)),
    )
    .map((file) => path.join(site, file));
  assert.ok(files.filter((file) => file.includes(BY_DATE)).length >= 15, `${files.length} pages`);
  // Unpaged, the ledger lists the fixture's two stories of one title on one page.
  files.push(path.join(unpaged, "figures/index.html"), path.join(unpaged, "figures/militants-killed/index.html"));
  const validator = new HtmlValidate({
    extends: ["html-validate:recommended"],
    rules: { "no-trailing-whitespace": "off", "long-title": "off" },
  });
  const problems: string[] = [];
  for (const file of files) {
    const report = await validator.validateString(readFileSync(file, "utf8"), file);
    for (const result of report.results)
      for (const message of result.messages)
        problems.push(`${path.relative(scratch, file)}:${message.line}: ${message.ruleId} ${message.message}`);
  }
  assert.deepEqual(problems, []);
});

test("an entity kind's index by initial letter, and by number of articles the most named", async () => {
  const { unpaged, paged: site } = await bothSites();
  const names = (html: string) =>
    [...(html.match(/<ol class="index-list">([\s\S]*?)<\/ol>/)?.[1] ?? "").matchAll(/">([^<]+)<\/a>/g)].map(
      (m) => m[1],
    );
  const all = names(readFileSync(path.join(unpaged, "people/index.html"), "utf8"));
  assert.ok(all.length >= 4, "the fixture has people to page");
  const first = readFileSync(path.join(site, "people/index.html"), "utf8");
  assert.deepEqual(names(first), [], "the first page lists letters, not people");
  const letters = [
    ...first.matchAll(
      /<li><a href="by-name\/([a-z]+)\/index\.html">([A-Z#])<\/a> <span class="count">(\d+)<\/span><\/li>/g,
    ),
  ];
  assert.equal(
    letters.reduce((sum, m) => sum + Number(m[3]), 0),
    all.length,
    "the letters' counts add up to every person",
  );
  const byLetter = letters.map((m) =>
    names(readFileSync(path.join(site, `people/by-name/${m[1]}/index.html`), "utf8")),
  );
  assert.deepEqual(byLetter.flat(), all, "the letters' pages list every person once, in the order by name");
  byLetter.forEach((list, at) => {
    for (const name of list) assert.equal(name[0].toUpperCase(), letters[at][2], name);
  });
  // By number of articles: the two named by most (PAGES.indexEntries × 2), and a note leading to the rest.
  const byArticles = readFileSync(path.join(site, "people/by-articles/index.html"), "utf8");
  assert.equal(names(byArticles).length, 2);
  assert.match(
    byArticles,
    new RegExp(
      `The 2 named by the most articles, of ${all.length}; all are listed <a href="\\.\\./index\\.html">by name</a>`,
    ),
  );
});

test("a busy year of the timeline is a page per month, and its dates known only by the year run onto pages of their own, each listing what the year's page listed", async () => {
  const { unpaged, paged: site } = await bothSites();
  const items = (html: string) =>
    [...html.matchAll(/<li class="(?:timeline-article|event)">([\s\S]*?)<\/li>/g)].map((m) =>
      m[1].replace(/href="[^"]*"/g, ""),
    );
  const year = readFileSync(path.join(site, "timeline/2026/index.html"), "utf8");
  assert.deepEqual(items(year).length, 0, "the year's page lists its months, not their entries");
  const months = [...year.matchAll(/<li><a href="(\d\d)\/index\.html">([^<]+)<\/a><\/li>/g)];
  assert.ok(months.length >= 2, "the fixture's 2026 has two months");
  const perMonth = months.flatMap(([, month]) => {
    const folder = path.join(site, "timeline/2026", month);
    // A month's parts: the newest at its own page, the others numbered from the oldest.
    const parts = readdirSync(folder)
      .filter((name) => /^\d+$/.test(name))
      .map(Number)
      .sort((a, b) => b - a);
    return [folder, ...parts.map((n) => path.join(folder, String(n)))].flatMap((dir) =>
      items(readFileSync(path.join(dir, "index.html"), "utf8")),
    );
  });
  assert.deepEqual(perMonth, items(readFileSync(path.join(unpaged, "timeline/2026/index.html"), "utf8")));
  // The undated articles: their page and its parts list, in turn, what their one page listed.
  const undated = path.join(site, "timeline/undated");
  const undatedParts = readdirSync(undated)
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .sort((a, b) => b - a);
  assert.ok(undatedParts.length >= 1, "the fixture's undated articles are paged one to a page");
  const undatedItems = (html: string) =>
    [...html.matchAll(/<li class="timeline-article">([\s\S]*?)<\/li>/g)].map((m) => m[1].replace(/href="[^"]*"/g, ""));
  assert.deepEqual(
    [undated, ...undatedParts.map((n) => path.join(undated, String(n)))].flatMap((dir) =>
      undatedItems(readFileSync(path.join(dir, "index.html"), "utf8")),
    ),
    undatedItems(readFileSync(path.join(unpaged, "timeline/undated/index.html"), "utf8")),
  );
  // A year's dates known only by the year: its page and their parts list, in turn, what its one page listed.
  const yearOnly = path.join(site, "timeline/2013/year-only");
  const yearOnlyParts = readdirSync(yearOnly)
    .map(Number)
    .sort((a, b) => b - a);
  assert.ok(yearOnlyParts.length >= 1, "the fixture's dates of 2013 are paged one to a page");
  const events = (html: string) =>
    [...html.matchAll(/<li class="event">([\s\S]*?)<\/li>/g)].map((m) => m[1].replace(/href="[^"]*"/g, ""));
  const whole = events(readFileSync(path.join(unpaged, "timeline/2013/index.html"), "utf8"));
  assert.equal(whole.length, 2);
  assert.deepEqual(
    [path.join(site, "timeline/2013"), ...yearOnlyParts.map((n) => path.join(yearOnly, String(n)))].flatMap((dir) =>
      events(readFileSync(path.join(dir, "index.html"), "utf8")),
    ),
    whole,
  );
  assert.match(
    readFileSync(path.join(site, "timeline/2013/index.html"), "utf8"),
    /href="year-only\/1\/index\.html">More dates given only as the year/,
  );
  // The timeline's index links the month pages.
  assert.match(
    readFileSync(path.join(site, "timeline/index.html"), "utf8"),
    /href="2026\/02\/index\.html">February 2026</,
  );
});

test("no article, story or entity takes the slug of a list's own folder", () => {
  const slugs = reservedSlugs();
  for (const folder of [BY_DATE, BY_NAME, "by-articles"]) assert.equal(slugs.claim(folder), `${folder}-2`);
});

const availability = checkBrowser();
const skip = availability.available ? false : availability.skipReason;

describe("older pages in Chromium: an entity's, the ledger's, a kind of count's, the articles' and stories' lists; two stories of one title", {
  skip,
}, () => {
  let browser: Browser;
  let site = "";
  let unpagedSite = "";
  before(async () => {
    ({ paged: site, unpaged: unpagedSite } = await bothSites());
    browser = await launchChromium();
  });
  after(() => browser?.close());

  test("first and older pages: no horizontal overflow and no axe violations, at 390 and 1280 px", async () => {
    // Every older page of a list is one template: its first, second and last older pages cover its
    // links (to a newer page, an older one, or none).
    const firstAndOlder = (folder: string) => {
      const older = olderPages(site, folder).map((p) => `${folder}/${p.path}/index.html`);
      return [`${folder}/index.html`, ...new Set([older[0], older[1], older.at(-1)].filter((p) => p !== undefined))];
    };
    const paged = (url: string) => `${path.basename(site)}/${url}`;
    // The unpaged lists hold the two stories of one title on one page.
    const unpaged = (url: string) => `${path.basename(unpagedSite)}/${url}`;
    const urls = [
      ...[
        ...firstAndOlder(busiest(fixtureArchive()).folder),
        ...firstAndOlder("figures"),
        ...firstAndOlder("figures/militants-killed"),
        ...firstAndOlder("articles"),
        ...firstAndOlder("stories"),
        "people/index.html",
        "people/by-name/s/index.html",
        "people/by-articles/index.html",
        "timeline/2026/index.html",
        "timeline/2026/02/index.html",
        "timeline/undated/1/index.html",
        "timeline/2013/year-only/1/index.html",
      ].map(paged),
      ...["figures/index.html", "figures/militants-killed/index.html", "stories/index.html"].map(unpaged),
    ];
    assert.ok(urls.length >= 18, urls.join(" "));
    const server = await serveSite(scratch);
    const problems: string[] = [];
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 900 } });
    try {
      for (const url of urls) {
        const page = await context.newPage();
        page.on("pageerror", (error) => problems.push(`${url}: ${error.message}`));
        await page.goto(new URL(url, server.url).href);
        // One load checked at both widths: the layout follows the viewport, and axe runs on it again.
        for (const width of [390, 1280]) {
          const overflow = await overflowAt(page, width);
          if (overflow > 0) problems.push(`${url} at ${width} px: ${overflow} px too wide`);
          for (const violation of await axeViolations(page)) problems.push(`${url} at ${width} px: ${violation}`);
        }
        await page.close();
      }
    } finally {
      await context.close();
      await server.close();
    }
    assert.deepEqual(problems, []);
  });
});
