/**
 * An article page known unchanged without its key (src/render/article-pages-known.ts) must have the key a
 * cold render works out. Every entity of every kind is added to, or taken from, every article of the
 * fixture, with related lists gathered from one to three candidates, so gathers stop early and entities'
 * lists grow and shrink past where they stopped; each article page known is checked against its key.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { articlePagesKnown } from "../src/render/article-pages-known.ts";
import { keyFingerprints, noManifest, type PageManifest } from "../src/render/page-reuse.ts";
import { buildSiteViews, type SiteViewSet } from "../src/render/views/index.ts";
import { PAGES } from "../src/settings.ts";
import type { Archive, ArticleRecord } from "../src/types.ts";
import { fixtureArchive } from "./helpers/fixture-archive.ts";

const fingerprints = keyFingerprints("article-pages-known test");
type Listed = "people" | "parties" | "organizations" | "places";
const lists: Listed[] = ["people", "parties", "organizations", "places"];

/** The manifest a render of `site` records: each article page's fingerprint and what article-pages-known keeps. */
function renderedManifest(site: SiteViewSet, previous: PageManifest): { manifest: PageManifest; known: number } {
  const manifest = noManifest();
  const names = site.entityPreKeys.names();
  const renamed = new Set(Object.keys(previous.names ?? {}).filter((key) => names.get(key) !== previous.names?.[key]));
  manifest.names = Object.fromEntries(names);
  const hasPrevious = previous.articles !== undefined;
  const pages = articlePagesKnown(site.articleDeps, site.articleCount, previous, manifest, {
    fingerprints,
    hasPrevious,
    renamed: new Set([...renamed].filter((key) => names.has(key))),
  });
  let known = 0;
  for (let at = 0; at < site.articleCount; at++) {
    const page = pages.known(at);
    const { permalink, key } = site.articleKey(at);
    const fingerprint = fingerprints.ofKey(key);
    if (page !== null) {
      known++;
      assert.equal(page.fingerprint, fingerprint, `${permalink} was known unchanged, but its key changed`);
    }
    manifest.pages[permalink] = fingerprint;
  }
  pages.record();
  return { manifest, known };
}

/** `archive` with the entity `slug` of `list` added to article `at`, or taken from it. */
function toggled(archive: Archive, at: number, list: Listed, slug: string): Archive {
  const article = archive.articles[at] as ArticleRecord;
  const record = archive[list].find((entity) => entity.slug === slug);
  assert.ok(record);
  if (article[list].includes(slug)) {
    article[list] = article[list].filter((other) => other !== slug);
    record.articles = record.articles.filter((other) => other !== article.slug);
  } else {
    article[list] = [...article[list], slug];
    record.articles = [...record.articles, article.slug].sort();
  }
  return archive;
}

test("every entity toggled on every article: each article page known unchanged has its cold key", () => {
  const sizes = { ...PAGES };
  let checked = 0;
  let known = 0;
  try {
    for (const candidates of [1, 2, 3]) {
      PAGES.relatedCandidates = candidates;
      const base = renderedManifest(buildSiteViews(fixtureArchive(), { linkSeeds: false }), noManifest());
      assert.equal(base.known, 0, "a first render knows no page");
      const { articles } = fixtureArchive();
      for (let at = 0; at < articles.length; at++) {
        for (const list of lists) {
          for (const { slug } of fixtureArchive()[list]) {
            const changed = toggled(fixtureArchive(), at, list, slug);
            const rebuilt = renderedManifest(buildSiteViews(changed, { linkSeeds: false }), base.manifest);
            known += rebuilt.known;
            checked++;
          }
        }
      }
    }
  } finally {
    Object.assign(PAGES, sizes);
  }
  assert.ok(checked > 100);
  // Most changes leave most pages known; were none known, the test would check nothing.
  assert.ok(known > checked, `${known} pages known over ${checked} changes`);
});

test("an unchanged archive: every article page is known, and the manifest's entries are the same", () => {
  const base = renderedManifest(buildSiteViews(fixtureArchive(), { linkSeeds: false }), noManifest());
  const again = renderedManifest(buildSiteViews(fixtureArchive(), { linkSeeds: false }), base.manifest);
  assert.equal(again.known, fixtureArchive().articles.length);
  assert.deepEqual(again.manifest.articles, base.manifest.articles);
  assert.deepEqual(again.manifest.postingLengths, base.manifest.postingLengths);
});

test("an article edited where no other page looks keys only its own page; edited where others look, every page known has its cold key", () => {
  const sizes = { ...PAGES };
  const edits: [string, (article: ArticleRecord) => void][] = [
    ["its body", (article) => Object.assign(article, { body: `${article.body}\n\nA further paragraph.` })],
    ["its title", (article) => Object.assign(article, { title: `${article.title} (updated)` })],
    ["its date", (article) => Object.assign(article, { date: "1999-01-02" })],
    ["its dateline", (article) => Object.assign(article, { dateline: "Elsewhere" })],
    ["its entities' order", (article) => Object.assign(article, { places: [...article.places].reverse() })],
  ];
  try {
    for (const candidates of [1, 2, 3]) {
      PAGES.relatedCandidates = candidates;
      const base = renderedManifest(buildSiteViews(fixtureArchive(), { linkSeeds: false }), noManifest());
      const count = fixtureArchive().articles.length;
      for (let at = 0; at < count; at++) {
        for (const [what, edit] of edits) {
          const archive = fixtureArchive();
          edit(archive.articles[at] as ArticleRecord);
          const rebuilt = renderedManifest(buildSiteViews(archive, { linkSeeds: false }), base.manifest);
          if (what === "its body")
            assert.equal(rebuilt.known, count - 1, `article ${at}'s body edited: every other page is known`);
        }
      }
    }
  } finally {
    Object.assign(PAGES, sizes);
  }
});
