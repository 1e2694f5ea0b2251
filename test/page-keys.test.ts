/**
 * A rebuild does not build the view of an article or entity page whose key is unchanged (src/render/views/
 * page-key.ts): the key must change whenever the page would. Each test changes an archive in one way a new
 * or edited seed can, renders it over the site of the unchanged archive, and checks that the result is
 * byte for byte what a cold render of the changed archive writes, with most pages reused.
 */
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { build } from "../src/pipeline/index.ts";
import { renderPages } from "../src/render/index.ts";
import { PAGE_MANIFEST } from "../src/render/page-reuse.ts";
import { PAGES } from "../src/settings.ts";
import type { Archive } from "../src/types.ts";
import { articlePagePath, entityUrl, kindFolder, storyPagePath } from "../src/urls.ts";
import { rebuiltAndCold, rebuiltAndColdTrees, treeDigest } from "./helpers/build-fixture-site.ts";
import { fixtureArchive, sharedSurname } from "./helpers/fixture-archive.ts";

const scratch = mkdtempSync(path.join(os.tmpdir(), "news-archive-keys-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * The changes, each rendered over the unchanged archive's site, with `perOlderPage` items on each page of
 * the paged lists (PAGES.entityArticles, ledgerStories, listArticles, listStories, indexEntries, timelineEntries): at 1, every entity
 * named by two articles or more is paged, and the ledger and the lists of articles and stories too.
 */
const rebuildsAsCold = (perOlderPage: number | null, relatedCandidates?: number) => () => {
  const base = path.join(scratch, `base-${perOlderPage}-${relatedCandidates}`);
  let pageCount = 0;
  const sizes = { ...PAGES };
  before(async () => {
    // Few candidates for related articles: most gathers stop before reading every entity of their article,
    // so article pages are known unchanged by where they stopped (src/render/article-pages-known.ts).
    if (relatedCandidates !== undefined) PAGES.relatedCandidates = relatedCandidates;
    if (perOlderPage !== null) {
      const size = perOlderPage;
      Object.assign(PAGES, {
        entityArticles: size,
        ledgerStories: size,
        listArticles: size,
        listStories: size,
        indexEntries: size,
        timelineEntries: size,
      });
    }
    await renderPages(fixtureArchive(), base);
    pageCount = [...(await treeDigest(base)).keys()].filter((file) => file.endsWith(".html")).length;
  });

  const changes: [string, (archive: Archive) => void][] = [
    ["an article's title", (archive) => (archive.articles[0].title = "Talks end the Balochistan protests")],
    [
      "the name of a person two articles name (their related lists show it)",
      (archive) => {
        const person = archive.people.find((p) => p.name.endsWith(sharedSurname));
        assert.ok(person);
        person.name = `Mir ${person.name}`;
      },
    ],
    [
      "the name of a person one article names (only its page and entity pages show it)",
      (archive) => {
        const person = archive.people.find(
          (p) => archive.articles.filter((a) => a.people.includes(p.slug)).length === 1,
        );
        assert.ok(person);
        person.name = `Mir ${person.name}`;
      },
    ],
    [
      "the sentence naming a place in one article (its entity page quotes it)",
      (archive) => {
        const mention = archive.articles.flatMap((a) => a.mentions).find((m) => m.kind === "place");
        assert.ok(mention);
        mention.evidence = [{ line: 3, text: "Officials in the district said the roads were closed again." }];
      },
    ],
    [
      "an article's original address (the entity pages' CSV exports list it)",
      (archive) => {
        const article = archive.articles.find((a) => a.people.length > 0);
        assert.ok(article);
        article.url_original = "https://example.com/news/changed";
      },
    ],
    ["a story's title (its articles' pages link it)", (archive) => (archive.stories[0].title = "Talks and protests")],
    [
      "a place's coordinates (the maps of its stories draw it)",
      (archive) => {
        const place = archive.places.find(
          (p) => p.lat !== null && archive.stories.some((s) => s.places.includes(p.slug)),
        );
        assert.ok(place);
        place.lat = (place.lat as number) + 0.5;
      },
    ],
    [
      "an article's first paragraph (its story's page shows it as the lead)",
      (archive) => {
        const article = archive.articles.find((a) => archive.stories.some((s) => s.articles.includes(a.slug)));
        assert.ok(article);
        article.body = `Officials gave a new account on Sunday.\n\n${article.body}`;
      },
    ],
    [
      "the name of a party people are tied to (their pages name it; no article's record changes)",
      (archive) => {
        const party = archive.parties.find((p) => archive.people.some((person) => person.parties.includes(p.slug)));
        assert.ok(party);
        party.name = `${party.name} (Wali)`;
      },
    ],
    [
      "the name of an organization (the entity pages it is a companion on)",
      (archive) => {
        const organization = archive.organizations.find((o) => o.articles.length > 0);
        assert.ok(organization);
        organization.name = `${organization.name} Directorate`;
      },
    ],
    [
      "an outlet's name (the list entry of each of its articles)",
      (archive) => {
        const outlet = archive.outlets.find((o) => o.articles.length > 0);
        assert.ok(outlet);
        outlet.name = `The ${outlet.name}`;
      },
    ],
    [
      "a quote given to a person by an article that does not name them (the person's page lists it)",
      (archive) => {
        const person = archive.people[0];
        const article = archive.articles.find((a) => !a.people.includes(person.slug));
        assert.ok(article);
        article.quotes.push({ person: person.slug, text: "We will not stop until the roads reopen.", line: 2 });
      },
    ],
    [
      "an article names one more place (the place's list of articles grows)",
      (archive) => {
        const byCount = [...archive.places].sort((a, b) => b.articles.length - a.articles.length);
        for (const place of byCount) {
          const article = archive.articles.find((a) => !a.places.includes(place.slug) && a.places.length > 0);
          if (!article) continue;
          article.places = [...article.places, place.slug];
          place.articles = [...place.articles, article.slug].sort();
          return;
        }
        assert.fail("no place to add");
      },
    ],
    [
      "an article no longer names a place (the place's list of articles shrinks)",
      (archive) => {
        const article = archive.articles.find((a) =>
          a.places.some((slug) => (archive.places.find((p) => p.slug === slug)?.articles.length ?? 0) > 2),
        );
        assert.ok(article);
        const slug = article.places.find((s) => (archive.places.find((p) => p.slug === s)?.articles.length ?? 0) > 2);
        const place = archive.places.find((p) => p.slug === slug);
        assert.ok(place);
        article.places = article.places.filter((s) => s !== slug);
        article.mentions = article.mentions.filter((m) => !(m.kind === "place" && m.slug === slug));
        place.articles = place.articles.filter((s) => s !== article.slug);
      },
    ],
    [
      "the role an article gives a person",
      (archive) => {
        const article = archive.articles.find((a) => a.peopleDetail.length > 0);
        assert.ok(article);
        article.peopleDetail[0].roles = ["Provincial Home Minister"];
      },
    ],
    [
      "an article's date (the order of every list it is in)",
      (archive) => {
        const article = archive.articles.find((a) => a.date !== null && a.people.length > 0);
        assert.ok(article);
        article.date = "2019-06-30";
      },
    ],
    [
      "a story's highest count (the figures ledger's pages show it)",
      (archive) => {
        const story = archive.stories.find((s) => s.figures.length > 0);
        assert.ok(story);
        story.figures[0].high += 7;
      },
    ],
    [
      "a place drawn elsewhere (the maps of its stories)",
      (archive) => {
        const place = archive.places.find(
          (p) => p.lat !== null && archive.stories.some((story) => story.places.includes(p.slug)),
        );
        assert.ok(place && place.lat !== null);
        place.lat += 0.5;
      },
    ],
    [
      "an outlet renamed (the list entries of its articles on story pages)",
      (archive) => {
        const outlet = archive.outlets.find((o) => archive.stories.some((story) => story.outlets.includes(o.slug)));
        assert.ok(outlet);
        outlet.name = `${outlet.name} Weekly`;
      },
    ],
    [
      "what an event an article dates says (the timeline's page of its month or year)",
      (archive) => {
        const article = archive.articles.find((a) => a.events.length > 0);
        assert.ok(article);
        const [event, ...rest] = article.events;
        article.events = [{ ...event, what: `${event.what}, again` }, ...rest];
      },
    ],
    [
      "the outlet of an undated article renamed (its events' entries on the timeline's dated pages)",
      (archive) => {
        const article = archive.articles.find((a) => a.date === null && a.events.length > 0 && a.outletSlug);
        const outlet = archive.outlets.find((o) => o.slug === article?.outletSlug);
        assert.ok(outlet);
        outlet.name = `${outlet.name} Online`;
      },
    ],
    [
      "a flag on an article (the report lists it)",
      (archive) => (archive.articles[1].flags = [...archive.articles[1].flags, "outlet guessed from the text"]),
    ],
    [
      "an article's date removed (the review page lists it as undated)",
      (archive) => {
        const article = archive.articles.find((a) => a.date !== null);
        assert.ok(article);
        article.date = null;
      },
    ],
    [
      "no dated article left (the search page drops the year filter)",
      (archive) => {
        for (const article of archive.articles) article.date = null;
      },
    ],
    [
      "a seed rejected (the report lists it)",
      (archive) => archive.rejected.push({ file: "zz-empty.txt", reason: "no article text after the front matter" }),
    ],
  ];

  for (const [what, change] of changes) {
    test(what, async () => {
      const changed = fixtureArchive();
      change(changed);
      const label = `${perOlderPage}-${relatedCandidates}-${what.replace(/\W+/g, "-").slice(0, 40)}`;
      const { rebuilt, cold, reused } = await rebuiltAndCold(changed, base, path.join(scratch, label));
      const [rebuiltTree, coldTree] = await rebuiltAndColdTrees(rebuilt, cold);
      assert.deepEqual(rebuiltTree, coldTree);
      assert.ok(reused > 0, "unchanged pages are reused");
      assert.ok(reused < pageCount, "changed pages are rendered");
    });
  }
  after(() => {
    Object.assign(PAGES, sizes);
  });
};

describe("a rebuild over the pages of an unchanged archive writes what a cold render does", rebuildsAsCold(null));
describe("likewise with every list paged, one item to an older page", rebuildsAsCold(1));
describe("likewise with related lists gathered from two candidates", rebuildsAsCold(null, 2));

test("a party's members list, cut to those named by most articles, follows their articles", async () => {
  const limit = PAGES.partyMembers;
  PAGES.partyMembers = 1;
  try {
    // PML-N's two members: Khawaja Asif (two articles) is shown; Jam Kamal Khan (one) is not, until an
    // article that does not name the party names him twice over.
    const base = path.join(scratch, "members-base");
    await renderPages(fixtureArchive(), base);
    const page = (site: string) => readFileSync(path.join(site, "parties/pml-n/index.html"), "utf8");
    assert.match(page(base), /The 1 named by the most articles, of 2\./);
    assert.match(page(base), />Khawaja Asif</);
    const changed = fixtureArchive();
    const jam = changed.people.find((p) => p.slug === "jam-kamal-khan");
    const others = changed.articles.filter((a) => !a.people.includes("jam-kamal-khan") && !a.parties.includes("pml-n"));
    assert.ok(jam && others.length >= 2);
    for (const article of others.slice(0, 2)) {
      article.people = [...article.people, jam.slug];
      jam.articles = [...jam.articles, article.slug].sort();
    }
    const { rebuilt, cold } = await rebuiltAndCold(changed, base, path.join(scratch, "members"));
    assert.match(page(cold), />Jam Kamal Khan</);
    assert.equal(page(rebuilt), page(cold));
  } finally {
    PAGES.partyMembers = limit;
  }
});

test("a party or member renamed whose tie no article shows: the other's page shows the new name", async () => {
  // The person is tied to the party by the records alone, so only the ties tell the pages have changed.
  const withTie = () => {
    const archive = fixtureArchive();
    const person = archive.people.find((p) => p.articles.length > 0);
    const party = archive.parties.find((p) =>
      archive.articles.every((a) => !person?.articles.includes(a.slug) || !a.parties.includes(p.slug)),
    );
    assert.ok(person && party);
    person.parties = [...person.parties, party.slug];
    party.members = [...party.members, person.slug];
    return { archive, party, person };
  };
  const base = path.join(scratch, "tie-base");
  await renderPages(withTie().archive, base);
  const renames: [string, (tied: ReturnType<typeof withTie>) => void][] = [
    ["party", ({ party }) => (party.name = `${party.name} (Wali)`)],
    ["member", ({ person }) => (person.name = `Mir ${person.name}`)],
  ];
  for (const [which, rename] of renames) {
    const tied = withTie();
    rename(tied);
    const { rebuilt, cold } = await rebuiltAndCold(tied.archive, base, path.join(scratch, `tie-${which}`));
    assert.deepEqual(await treeDigest(rebuilt), await treeDigest(cold), which);
  }
});

describe("a rebuild keeps the pages whose inputs did not change", () => {
  const base = path.join(scratch, "kept-base");
  before(() => renderPages(fixtureArchive(), base));
  /** Whether the rebuilt site's copy of `page` is the previous site's file (linked, not rendered again). */
  const kept = (rebuilt: string, page: string) =>
    statSync(path.join(base, page)).ino === statSync(path.join(rebuilt, page)).ino;

  test("an unchanged archive: every page, list, feed and CSV export is kept", async () => {
    const rebuilt = path.join(scratch, "kept-all");
    await renderPages(fixtureArchive(), rebuilt, { previousDir: base });
    const files = [...(await treeDigest(base)).keys()].filter((file) => /\.(html|xml|csv|css)$/.test(file));
    assert.ok(files.includes("feed.xml") && files.includes("figures/index.html"));
    assert.deepEqual(
      files.filter((file) => !kept(rebuilt, file)),
      [],
    );
  });

  test("entity pre-keys: the same for an unchanged archive; an article's new title renews only its entities' and outlet's", async () => {
    const preKeys = (site: string): Record<string, string> =>
      JSON.parse(readFileSync(path.join(site, PAGE_MANIFEST), "utf8")).preKeys;
    const before = preKeys(base);
    assert.ok(Object.keys(before).length > 20);
    const again = path.join(scratch, "pre-keys-again");
    await renderPages(fixtureArchive(), again, { previousDir: base });
    assert.deepEqual(preKeys(again), before);

    const changed = fixtureArchive();
    const article = changed.articles.find((a) => a.people.length > 0 && a.places.length > 0 && a.outletSlug !== null);
    assert.ok(article);
    article.title = "Talks end the protests";
    const retitled = path.join(scratch, "pre-keys-retitled");
    await renderPages(changed, retitled, { previousDir: base });
    const after = preKeys(retitled);
    const renewed = Object.keys(after).filter((page) => after[page] !== before[page]);
    const page = (kind: keyof typeof kindFolder, slug: string) => `${kindFolder[kind]}/${slug}/index.html`;
    const expected = [
      ...article.people.map((slug) => page("person", slug)),
      ...article.parties.map((slug) => page("party", slug)),
      ...article.organizations.map((slug) => page("organization", slug)),
      ...article.places.map((slug) => page("place", slug)),
      page("outlet", article.outletSlug as string),
    ];
    assert.deepEqual(renewed.sort(), [...new Set(expected)].sort());
  });

  test("story pages: none keyed for an unchanged archive; an article's new title keys only its story's page", async () => {
    const again = await renderPages(fixtureArchive(), path.join(scratch, "stories-again"), { previousDir: base });
    assert.equal(again.storyKeys, 0);
    const changed = fixtureArchive();
    const article = changed.articles.find((a) =>
      changed.stories.some((s) => s.slug === a.story && s.articles.length > 1),
    );
    assert.ok(article);
    article.title = "Talks end the protests";
    // The stories showing the article: its own, and any whose ledger cites it or that show a wire copy of it.
    const showing = changed.stories.filter(
      (story) =>
        story.articles.includes(article.slug) ||
        story.figures.some((line) => line.claims.some((claim) => claim.article === article.slug)) ||
        story.articles.some((slug) => changed.articles.find((a) => a.slug === slug)?.copyOf === article.slug),
    );
    const retitled = await renderPages(changed, path.join(scratch, "stories-retitled"), { previousDir: base });
    assert.equal(retitled.storyKeys, showing.length);
    assert.ok(showing.length < changed.stories.length);
  });

  test("an article's new title: only it and the articles whose related lists can reach it are keyed again", async () => {
    const changed = fixtureArchive();
    const article = changed.articles.find((a) => a.places.length > 0 && a.people.length > 0);
    assert.ok(article);
    article.title = "Talks end the protests";
    const { articleKeys } = await renderPages(changed, path.join(scratch, "known-title"), { previousDir: base });
    // The fixture's related lists gather from every entity (it has fewer articles than candidates), so an
    // article sharing an entity with the retitled one may list it; the rest cannot.
    const keysOf = (a: Archive["articles"][number]) =>
      new Set([
        ...a.people.map((slug) => `person:${slug}`),
        ...a.parties.map((slug) => `party:${slug}`),
        ...a.organizations.map((slug) => `organization:${slug}`),
        ...a.places.map((slug) => `place:${slug}`),
      ]);
    const own = keysOf(article);
    const reached = changed.articles.filter((a) => a === article || [...keysOf(a)].some((key) => own.has(key)));
    assert.ok(reached.length < changed.articles.length, "some article shares no entity with it");
    assert.equal(articleKeys, reached.length);
    const again = await renderPages(fixtureArchive(), path.join(scratch, "known-none"), { previousDir: base });
    assert.equal(again.articleKeys, 0);

    // Gathers that stop early read fewer entities, and fewer pages are keyed again; they are still a cold
    // render's pages.
    const sizes = { ...PAGES };
    PAGES.relatedCandidates = 2;
    try {
      const shortBase = path.join(scratch, "known-short-base");
      await renderPages(fixtureArchive(), shortBase);
      const { rebuilt, cold } = await rebuiltAndCold(changed, shortBase, path.join(scratch, "known-short"));
      const [rebuiltTree, coldTree] = await rebuiltAndColdTrees(rebuilt, cold);
      assert.deepEqual(rebuiltTree, coldTree);
      const short = await renderPages(changed, path.join(scratch, "known-short-count"), { previousDir: shortBase });
      assert.ok(short.articleKeys >= 1 && short.articleKeys < reached.length, `${short.articleKeys} keyed`);
    } finally {
      Object.assign(PAGES, sizes);
    }
  });

  test("entity pre-keys are carried when nothing they are made from changed", async () => {
    const again = await renderPages(fixtureArchive(), path.join(scratch, "carried-none"), { previousDir: base });
    assert.equal(again.entityPreKeys, 0);
    assert.equal(again.articleStamps, 0);
    // A cold render stamps every article, each once.
    const stampedCold = await renderPages(fixtureArchive(), path.join(scratch, "carried-cold"));
    assert.equal(stampedCold.articleStamps, fixtureArchive().articles.length);

    // A paragraph added at the end of an article's body, naming nothing: no entity page shows it, so the
    // article's stamp is the same and no pre-key is worked out; the pages are a cold render's.
    const changed = fixtureArchive();
    const article = changed.articles.find((a) => a.places.length > 0 && a.people.length > 0);
    assert.ok(article);
    article.body = `${article.body}\n\nThe report was updated later in the day.`;
    const { rebuilt, cold } = await rebuiltAndCold(changed, base, path.join(scratch, "carried-body"));
    const [rebuiltTree, coldTree] = await rebuiltAndColdTrees(rebuilt, cold);
    assert.deepEqual(rebuiltTree, coldTree);
    const body = await renderPages(changed, path.join(scratch, "carried-body-count"), { previousDir: base });
    assert.equal(body.entityPreKeys, 0);
    assert.equal(body.articleStamps, 1, "only the changed article is stamped again");
    assert.ok(!kept(path.join(scratch, "carried-body-count"), articlePagePath(article.slug)));
    for (const slug of article.places)
      assert.ok(kept(path.join(scratch, "carried-body-count"), `${entityUrl("place", slug)}index.html`), slug);

    // A new title shows on every page listing the article: the pre-keys of its entities' and outlet's pages
    // are worked out again, and only theirs.
    article.title = "Talks end the protests";
    const retitled = await renderPages(changed, path.join(scratch, "carried-title"), { previousDir: base });
    const preKeys = JSON.parse(readFileSync(path.join(scratch, "carried-title", PAGE_MANIFEST), "utf8")).preKeys;
    const listing = new Set([
      ...article.people.map((slug) => `${entityUrl("person", slug)}`),
      ...article.parties.map((slug) => `${entityUrl("party", slug)}`),
      ...article.organizations.map((slug) => `${entityUrl("organization", slug)}`),
      ...article.places.map((slug) => `${entityUrl("place", slug)}`),
      `${entityUrl("outlet", article.outletSlug as string)}`,
    ]);
    const pagesOfListing = Object.keys(preKeys).filter((page) =>
      [...listing].some((url) => `/${page}`.startsWith(url)),
    );
    assert.equal(retitled.entityPreKeys, pagesOfListing.length);
    // Those pre-keys take the other articles' stamps from the previous build: only the retitled one is
    // stamped again, and the pages are a cold render's.
    assert.equal(retitled.articleStamps, 1);
    const titled = await rebuiltAndCold(changed, base, path.join(scratch, "carried-title-cold"));
    const [titledTree, titledColdTree] = await rebuiltAndColdTrees(titled.rebuilt, titled.cold);
    assert.deepEqual(titledTree, titledColdTree);
  });

  test("an article no longer naming a place whose record never listed it: the place's page is a cold render's", async () => {
    // Made by hand (the resolve lists every article naming an entity in its record): the place's page lists
    // the article from the article's own places, so dropping it changes the page, not the place's record.
    const unlisted = () => {
      const archive = fixtureArchive();
      const place = archive.places.find((p) => p.articles.length > 1);
      assert.ok(place);
      const article = archive.articles.find((a) => a.places.includes(place.slug));
      assert.ok(article);
      place.articles = place.articles.filter((slug) => slug !== article.slug);
      return { archive, place, article };
    };
    const base = unlisted();
    const unlistedBase = path.join(scratch, "unlisted-base");
    await renderPages(base.archive, unlistedBase);
    const changed = unlisted();
    changed.article.places = changed.article.places.filter((slug) => slug !== changed.place.slug);
    changed.article.mentions = changed.article.mentions.filter(
      (m) => !(m.kind === "place" && m.slug === changed.place.slug),
    );
    const { rebuilt, cold } = await rebuiltAndCold(changed.archive, unlistedBase, path.join(scratch, "unlisted"));
    const [rebuiltTree, coldTree] = await rebuiltAndColdTrees(rebuilt, cold);
    assert.deepEqual(rebuiltTree, coldTree);
  });

  test("a flag on an article: its page is rendered again, its entities' pages are kept", async () => {
    const changed = fixtureArchive();
    const article = changed.articles.find((a) => a.places.length > 0 && a.people.length > 0);
    assert.ok(article);
    article.flags = [...article.flags, "outlet guessed from the text"];
    const rebuilt = path.join(scratch, "kept-flag");
    await renderPages(changed, rebuilt, { previousDir: base });
    assert.ok(!kept(rebuilt, articlePagePath(article.slug)));
    for (const slug of article.places) assert.ok(kept(rebuilt, `${entityUrl("place", slug)}index.html`), slug);
    for (const slug of article.people) assert.ok(kept(rebuilt, `${entityUrl("person", slug)}index.html`), slug);
  });

  test("a place named by one more article: its page is rendered again, the pages of its stories are kept", async () => {
    const changed = fixtureArchive();
    const story = changed.stories.find((s) => s.places.length > 0);
    assert.ok(story);
    const place = changed.places.find((p) => p.slug === story.places[0]);
    const other = changed.articles.find((a) => place && !a.places.includes(place.slug));
    assert.ok(place && other);
    other.places = [...other.places, place.slug];
    place.articles = [...place.articles, other.slug].sort();
    const rebuilt = path.join(scratch, "kept-place");
    await renderPages(changed, rebuilt, { previousDir: base });
    assert.ok(!kept(rebuilt, `${entityUrl("place", place.slug)}index.html`));
    for (const s of changed.stories.filter((s) => s.places.includes(place.slug) && !s.articles.includes(other.slug)))
      assert.ok(kept(rebuilt, storyPagePath(s.slug)), s.slug);
  });

  test("an entity page whose list of articles changed is rendered without its key; a rebuild over it keeps it", async () => {
    const fingerprints = (site: string): Record<string, string> =>
      JSON.parse(readFileSync(path.join(site, PAGE_MANIFEST), "utf8")).pages;
    const withPlace = () => {
      const archive = fixtureArchive();
      const place = archive.places.find((p) => p.articles.length > 0);
      const other = archive.articles.find((a) => place && !a.places.includes(place.slug));
      assert.ok(place && other);
      other.places = [...other.places, place.slug];
      place.articles = [...place.articles, other.slug].sort();
      return { archive, page: `${entityUrl("place", place.slug)}index.html`.slice(1) };
    };
    const { archive, page } = withPlace();
    // The base site's pages were keyed (a cold render keys every page); the place's is not keyed again.
    assert.match(fingerprints(base)[page], /^[\w-]+$/);
    const { rebuilt, cold } = await rebuiltAndCold(archive, base, path.join(scratch, "roster"));
    assert.match(fingerprints(rebuilt)[page], /^unkeyed /);
    assert.equal(readFileSync(path.join(rebuilt, page), "utf8"), readFileSync(path.join(cold, page), "utf8"));
    const again = path.join(scratch, "roster-again");
    await renderPages(withPlace().archive, again, { previousDir: rebuilt });
    assert.equal(statSync(path.join(rebuilt, page)).ino, statSync(path.join(again, page)).ino);
  });
});

for (const relatedCandidates of [PAGES.relatedCandidates, 2]) {
  test(`through the pipeline: after seeds are edited, added and removed, the pages are a cold build's (related lists from ${relatedCandidates} candidates)`, async () => {
    const sizes = { ...PAGES };
    PAGES.relatedCandidates = relatedCandidates;
    try {
      await pipelineRebuildsAsCold(`pipeline-${relatedCandidates}`);
    } finally {
      Object.assign(PAGES, sizes);
    }
  });
}

async function pipelineRebuildsAsCold(folder: string) {
  const seeds = path.join(scratch, folder, "seeds");
  const out = path.join(scratch, folder, "site");
  cpSync("seeds", seeds, { recursive: true });
  const files = readdirSync(seeds).sort();
  await build({ seedsDir: seeds, outDir: out, cacheDir: path.join(scratch, folder, "cache") });

  // One seed's headline edited, a second outlet's copy of another added under a new headline, a third removed.
  const edit = (file: string, headline: string) => {
    const lines = readFileSync(path.join(seeds, file), "utf8").split("\n");
    lines[0] = headline;
    return lines.join("\n");
  };
  writeFileSync(path.join(seeds, files[0]), edit(files[0], "Balochistan talks: a second look at the protests"));
  writeFileSync(path.join(seeds, "zz-copy.txt"), edit(files[1], "The same report, as another outlet ran it"));
  rmSync(path.join(seeds, files[2]));
  const rebuilt = await build({ seedsDir: seeds, outDir: out, cacheDir: path.join(scratch, folder, "cache") });
  const coldOut = path.join(scratch, folder, "cold-site");
  await build({ seedsDir: seeds, outDir: coldOut, cacheDir: path.join(scratch, folder, "cold-cache") });

  assert.ok(rebuilt.reused > 0, "unchanged pages are reused");
  // The pages, CSV exports, feeds, the archive's files and the page keys; the search index has its own test
  // (test/search-delta.test.ts), since a rebuild leaves new articles in a delta a cold build has not.
  const pagesOf = (tree: Map<string, string>) =>
    [...tree].filter(
      ([file]) => /\.(html|csv|xml|jsonl)$/.test(file) || file === "archive.json" || file === PAGE_MANIFEST,
    );
  const [rebuiltTree, coldTree] = await rebuiltAndColdTrees(out, coldOut);
  assert.deepEqual(pagesOf(rebuiltTree), pagesOf(coldTree));
}
