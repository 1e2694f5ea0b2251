import assert from "node:assert/strict";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { RedatedEventsFile } from "../src/cache/index.ts";
import { cleanText } from "../src/clean/index.ts";
import { extractMetadata } from "../src/extract/metadata/index.ts";
import { loadKnowledge } from "../src/knowledge/index.ts";
import { inferMissingYears, KeptYears } from "../src/resolve/infer-years.ts";
import type {
  CleanedText,
  EventDate,
  ExtractedArticle,
  FrontMatter,
  LineRole,
  Metadata,
  SeedSource,
} from "../src/types.ts";
import { personMention } from "./helpers/person-mention.ts";
import { tempDir } from "./helpers/temp-dir.ts";

const knowledge = loadKnowledge();

/** A hand-made CleanedText: each line with the role the clean stage would give it. */
function cleaned(rows: [LineRole, string][]): CleanedText {
  const lines = rows.map(([role, text], i) => ({ line: i + 1, text, role }));
  return {
    lines,
    paragraphs: lines.filter((l) => l.role === "paragraph" || l.role === "subheading"),
    discarded: lines.filter((l) => l.role === "furniture").map((l) => ({ line: l.line, text: l.text, reason: "test" })),
  };
}

function source(file = "test.txt", frontMatter: FrontMatter = {}, text = ""): SeedSource {
  return { file, sha256: "", text, firstLine: 1, frontMatter, duplicates: [] };
}

function metadataOf(rows: [LineRole, string][], frontMatter: FrontMatter = {}): Metadata {
  return extractMetadata(source("test.txt", frontMatter), cleaned(rows), knowledge);
}

function article(file: string, metadata: Metadata, body: string): ExtractedArticle {
  return {
    source: source(file),
    metadata,
    body,
    discarded: [],
    entities: { people: [], parties: [], organizations: [], places: [] },
    figures: [],
    quotes: [],
    flags: [],
  };
}

const STORY = "The provincial government announced a new relief package for farmers affected by the floods.";

describe("publication date", () => {
  for (const [footer, expected] of [
    ["Published in Dawn, February 5th, 2026", "2026-02-05"],
    ["Published: Feb 02, 2026", "2026-02-02"],
    ["Published on 3 Sept 2025", "2025-09-03"],
    ["First published: 2024-11-30", "2024-11-30"],
    ["Published in The Nation, March 1st, 2025", "2025-03-01"],
    ["Published: 22nd of July, 2023", "2023-07-22"],
    ["Published: Dec 3rd 2019", "2019-12-03"],
  ] as const) {
    test(`reads the footer "${footer}"`, () => {
      const meta = metadataOf([
        ["paragraph", STORY],
        ["footer", footer],
      ]);
      assert.equal(meta.date, expected);
      assert.equal(meta.dateFrom, "text");
      assert.equal(meta.dateEvidence, footer);
    });
  }

  test("reads a masthead and a byline date above the story", () => {
    const masthead = metadataOf([
      ["furniture", "TODAY’S PAPER | March 14, 2025 | EPAPER"],
      ["paragraph", STORY],
    ]);
    assert.equal(masthead.date, "2025-03-14");
    const byline = metadataOf([
      ["furniture", "Jane Doe 14 March 2025 4 min read"],
      ["paragraph", STORY],
    ]);
    assert.equal(byline.date, "2025-03-14");
  });

  test("dates inside the story are events, not the publication date", () => {
    const meta = metadataOf([
      ["paragraph", "Parties are preparing for the general elections on February 8, 2024, officials said."],
      ["paragraph", "A meeting is scheduled for Feb 12 to settle the remaining issues."],
    ]);
    assert.equal(meta.date, null);
    assert.equal(meta.dateFrom, null);
    assert.deepEqual(
      meta.events.map((e) => e.date),
      ["2024-02-08"],
      "Feb 12 has no year and no publication date to take one from",
    );
  });

  test("a dateline date without a year takes the year of the story's full dates, checked by weekday", () => {
    const meta = metadataOf([
      ["paragraph", "Lahore, Mar 2: Traders closed their shops on Saturday to protest against new taxes."],
      ["paragraph", "The taxes were announced in the budget on January 15, 2025, and take effect next month."],
    ]);
    assert.equal(meta.date, "2025-03-02");
    assert.equal(meta.dateFrom, "inferred");
    assert.equal(meta.dateYearMissing, true);
    assert.match(meta.dateEvidence ?? "", /Lahore, Mar 2:/);
    assert.match(meta.dateEvidence ?? "", /'on Saturday' = 2025-03-01/);
    assert.equal(meta.dateline, "Lahore");
  });

  test("a year nothing in the text gives is left to the other articles", () => {
    const yearless = metadataOf([
      ["paragraph", "Islamabad, Feb 1: Gunmen attacked several towns on Saturday, officials said."],
      ["paragraph", "Train services were suspended."],
    ]);
    assert.equal(yearless.date, null);
    assert.equal(yearless.dateYearMissing, true);
    assert.deepEqual(yearless.events, [], "a weekday cannot be resolved without a publication date");

    const dated = metadataOf([
      ["paragraph", "Security forces killed militants in raids on Friday and Saturday."],
      ["footer", "Published: Feb 02, 2026"],
    ]);
    const articles = [
      article("a.txt", yearless, "Islamabad, Feb 1: Gunmen attacked several towns on Saturday, officials said."),
      article("b.txt", dated, "Security forces killed militants in raids on Friday and Saturday."),
    ];
    inferMissingYears(articles);
    const inferred = articles[0]!.metadata;
    assert.equal(inferred.date, "2026-02-01");
    assert.equal(inferred.dateFrom, "inferred");
    assert.match(inferred.dateEvidence ?? "", /b\.txt/);
    assert.match(inferred.dateEvidence ?? "", /does not decide the year/, "1 Feb 2025 was a Saturday too");
    assert.deepEqual(
      inferred.events.map((e) => e.date),
      ["2026-01-31"],
    );
  });

  /** A yearless article's metadata, a dated one's, and an article naming places and people: for the tests below. */
  const yearlessFeb1 = () =>
    metadataOf([["paragraph", "Islamabad, Feb 1: Gunmen attacked several towns, officials said."]]);
  const datedOn = (day: string) =>
    metadataOf([
      ["paragraph", "Officials met on the security situation."],
      ["footer", `Published: ${day}`],
    ]);
  const naming = (a: ExtractedArticle, places: string[], people: string[] = []) => {
    a.entities.places = places.map((key) => ({
      key,
      name: key,
      kind: "city",
      variants: [],
      known: true,
      evidence: [],
    }));
    a.entities.people = people.map((name) => personMention(name));
    return a;
  };

  /** An article dated `yearless` naming Quetta and Ali Khan, and two dated articles naming Quetta. */
  const nearQuetta = (yearless: Metadata) => [
    naming(article("a.txt", yearless, "Gunmen attacked several towns."), ["quetta", "balochistan"], ["Ali Khan"]),
    // Two days from Feb 1, 2024, and naming Quetta and Ali Khan.
    naming(article("b.txt", datedOn("Feb 03, 2024"), "Officials met."), ["quetta"], ["Ali Khan"]),
    // Naming Quetta only.
    naming(article("c.txt", datedOn("Mar 20, 2025"), "Officials met."), ["quetta"]),
  ];

  test("the year is the one nearest the dated articles sharing the most entities, not the nearest of all", () => {
    const yearless = yearlessFeb1();
    const articles = [
      ...nearQuetta(yearless),
      // One day from Feb 1, 2026, but naming none of them.
      naming(article("d.txt", datedOn("Jan 31, 2026"), "Officials met."), ["karachi"]),
    ];
    inferMissingYears(articles);
    assert.equal(articles[0]!.metadata.date, "2024-02-01");
    assert.match(
      articles[0]!.metadata.dateEvidence ?? "",
      /b\.txt \(2024-02-03\), the nearest of 1 dated article\(s\) sharing the most entities \(2\)/,
    );
    // Naming nothing any other article names, the nearest of all.
    const alone = [
      naming(article("a.txt", yearless, "Gunmen attacked several towns."), ["gwadar"]),
      ...articles.slice(1),
    ];
    alone[0]!.metadata = yearless;
    inferMissingYears(alone);
    assert.equal(alone[0]!.metadata.date, "2026-02-01");
    assert.match(alone[0]!.metadata.dateEvidence ?? "", /the nearest of 3 dated article\(s\) in the archive/);
  });

  test("npm start's next build gives an article the date inferred last time while every dated article reads the same", () => {
    const yearless = yearlessFeb1();
    // The extractions a process keeps: each build gets new articles holding the same metadata and entities.
    const extracted = nearQuetta(yearless);
    const kept = new KeptYears();
    const infer = (articles: ExtractedArticle[], keep?: KeptYears) => {
      const copies = articles.map((a) => ({ ...a }));
      inferMissingYears(copies, undefined, keep);
      return copies[0]!.metadata;
    };
    const first = infer(extracted, kept);
    assert.equal(first.date, "2024-02-01");
    assert.ok(Object.isFrozen(first) && Object.isFrozen(first.events), "a kept inference cannot be changed in place");
    assert.equal(infer(extracted, kept), first, "nothing changed: the same metadata");
    // b.txt edited where the inference does not read: new entities, naming the same.
    const edited = [...extracted];
    edited[1] = {
      ...extracted[1]!,
      entities: { ...extracted[1]!.entities, places: [...extracted[1]!.entities.places] },
    };
    assert.equal(infer(edited, kept), first, "the same names: the same metadata");
    // b.txt no longer names Ali Khan: the year is inferred again, as a build without kept inferences does.
    const renamed = [...extracted];
    renamed[1] = naming({ ...extracted[1]!, entities: { ...extracted[1]!.entities } }, ["quetta"]);
    const again = infer(renamed, kept);
    assert.notEqual(again, first);
    assert.deepEqual(again, infer(renamed));
    // b.txt dated otherwise: likewise.
    const redated = [...extracted];
    redated[1] = { ...extracted[1]!, metadata: datedOn("Feb 03, 2025") };
    const moved = infer(redated, kept);
    assert.equal(moved.date, "2025-02-01");
    assert.deepEqual(moved, infer(redated));
    // The article itself extracted again (a new metadata object): inferred again.
    const rewritten = [{ ...extracted[0]!, metadata: { ...yearless } }, ...extracted.slice(1)];
    assert.equal(infer(extracted, kept).date, "2024-02-01");
    const fresh = infer(rewritten, kept);
    assert.notEqual(fresh, first);
    assert.deepEqual(fresh, infer(rewritten));
  });

  test("a dated story's event dates are kept for the next build, by its seed and the date given", () => {
    const dir = tempDir("redated-events");
    const yearless = metadataOf([
      ["paragraph", "Islamabad, Feb 1: Gunmen attacked several towns on Saturday, officials said."],
      ["paragraph", "Train services were suspended."],
    ]);
    const datedOn = (day: string) =>
      metadataOf([
        ["paragraph", "Security forces killed militants in raids on Friday and Saturday."],
        ["footer", `Published: ${day}`],
      ]);
    const articlesWith = (neighbour: Metadata) => {
      const articles = [
        article("a.txt", yearless, "Islamabad, Feb 1: Gunmen attacked several towns on Saturday, officials said."),
        article("b.txt", neighbour, "Security forces killed militants in raids on Friday and Saturday."),
      ];
      articles[0]!.source.sha256 = "seed-a";
      return articles;
    };
    /** The file, and how many event lists each build read from stories rather than from it. */
    const build = (neighbour: Metadata, version = "v1") => {
      const file = new RedatedEventsFile(dir, version);
      let read = 0;
      const counted = {
        get: (key: string) => file.get(key),
        set: (key: string, events: EventDate[]) => {
          read++;
          file.set(key, events);
        },
      };
      const articles = articlesWith(neighbour);
      inferMissingYears(articles, counted);
      file.save();
      return { metadata: articles[0]!.metadata, read };
    };
    const saved = () => Object.keys(JSON.parse(readFileSync(path.join(dir, "redated-events.json"), "utf8")).entries);

    const first = build(datedOn("Feb 02, 2026"));
    assert.equal(first.metadata.date, "2026-02-01");
    assert.equal(first.read, 1);
    assert.deepEqual(saved(), ["seed-a 2026-02-01"]);
    // The same date again: the events come from the file, as they were.
    const again = build(datedOn("Feb 02, 2026"));
    assert.equal(again.read, 0);
    assert.deepEqual(again.metadata.events, first.metadata.events);
    // Another year: the story is read again for that date, and the entry no build asked for is dropped.
    const other = build(datedOn("Feb 03, 2025"));
    assert.equal(other.metadata.date, "2025-02-01");
    assert.equal(other.read, 1);
    const uncached = articlesWith(datedOn("Feb 03, 2025"));
    inferMissingYears(uncached);
    assert.deepEqual(other.metadata.events, uncached[0]!.metadata.events);
    assert.notDeepEqual(other.metadata.events, first.metadata.events);
    assert.deepEqual(saved(), ["seed-a 2025-02-01"]);
    // Another extractor's file, or one that is not ours, is read as empty.
    assert.equal(build(datedOn("Feb 03, 2025"), "v2").read, 1);
    writeFileSync(
      path.join(dir, "redated-events.json"),
      JSON.stringify({ version: "v2", entries: { "seed-a 2025-02-01": [{ date: 5 }] } }),
    );
    assert.equal(build(datedOn("Feb 03, 2025"), "v2").read, 1);
  });

  test("without any dated article the year stays unknown and the article is flagged", () => {
    const yearless = metadataOf([["paragraph", "Islamabad, Feb 1: Gunmen attacked several towns, officials said."]]);
    const alone = [article("a.txt", yearless, "Gunmen attacked several towns, officials said.")];
    inferMissingYears(alone);
    assert.equal(alone[0]!.metadata.date, null);
    assert.equal(alone[0]!.flags.length, 1);
  });

  test("front matter wins; no date at all stays null", () => {
    assert.equal(metadataOf([["paragraph", STORY]], { date: "2020-05-06" }).dateFrom, "front-matter");
    assert.equal(metadataOf([["paragraph", STORY]]).date, null);
  });
});

describe("event dates", () => {
  test("completes weekdays, month-days and bare years from the publication date", () => {
    const meta = metadataOf([
      ["paragraph", "QUETTA: Opposition parties ended their protest after a meeting on Wednesday."],
      ["paragraph", "The two sides will meet again on Feb 12. The party first won a majority in 2013."],
      ["footer", "Published in Dawn, February 5th, 2026"],
    ]);
    const byDate = new Map(meta.events.map((e) => [e.date, e]));
    assert.deepEqual([...byDate.keys()].sort(), ["2013", "2026-02-04", "2026-02-12"]);
    assert.match(byDate.get("2026-02-04")!.what, /meeting on Wednesday/);
    assert.match(byDate.get("2026-02-04")!.inferred ?? "", /2026-02-05/);
    assert.equal(byDate.get("2013")!.inferred, undefined);
  });

  test("a weekday in a sentence about the future is the next such day", () => {
    const meta = metadataOf([
      ["paragraph", "The committee will meet on Friday to review the proposal."],
      ["footer", "Published: Feb 02, 2026"],
    ]);
    assert.deepEqual(
      meta.events.map((e) => e.date),
      ["2026-02-06"],
    );
  });

  test("a month-day near the turn of the year takes the nearer year", () => {
    const meta = metadataOf([
      ["paragraph", "The curfew imposed on Dec 30 was lifted after talks."],
      ["footer", "Published: Jan 03, 2025"],
    ]);
    assert.deepEqual(
      meta.events.map((e) => e.date),
      ["2024-12-30"],
    );
  });
});

describe("outlet", () => {
  test("from 'Published in', normalised to the canonical name", () => {
    const meta = metadataOf([
      ["paragraph", STORY],
      ["footer", "Published in Express Tribune, May 2nd, 2025"],
    ]);
    assert.equal(meta.outlet, "The Express Tribune");
    assert.equal(meta.outletFrom, "text");
  });

  test("an unknown outlet named by 'Published in' is still accepted", () => {
    const meta = metadataOf([
      ["paragraph", STORY],
      ["footer", "Published in The Northern Ledger, May 2, 2025"],
    ]);
    assert.equal(meta.outlet, "The Northern Ledger");
  });

  test("from a page-furniture signature, whatever the apostrophes and spacing", () => {
    const meta = metadataOf([
      ["furniture", "TODAY'S  PAPER |  June 7, 2024 | EPAPER"],
      ["paragraph", STORY],
      ["furniture", "Comments are moderated and generally will be posted if they are on‑topic and not abusive."],
    ]);
    assert.equal(meta.outlet, "The Express Tribune");
    assert.equal(meta.outletFrom, "signature");
  });

  test("from the outlet's own blurb and kicker", () => {
    const blurb = metadataOf([
      ["paragraph", STORY],
      ["furniture", "About the Author"],
      ["furniture", "Quetta Voice is an English Daily covering political and social issues relating to Balochistan."],
    ]);
    assert.equal(blurb.outlet, "Quetta Voice");
    const unknownBlurb = metadataOf([
      ["paragraph", STORY],
      ["furniture", "Valley Courier is a weekly newspaper serving the northern districts."],
    ]);
    assert.equal(unknownBlurb.outlet, "Valley Courier");
    const kicker = metadataOf([
      ["furniture", "Dawn Special Report:"],
      ["paragraph", STORY],
    ]);
    assert.equal(kicker.outlet, "Dawn");
  });

  test("from 'told X' in the story", () => {
    const meta = metadataOf([
      ["paragraph", "“We will not back down,” a senior official told The Express Tribune on Sunday."],
    ]);
    assert.equal(meta.outlet, "The Express Tribune");
    assert.equal(meta.outletEvidence, "told The Express Tribune");
  });

  test("a media organisation quoted in the story is not the outlet", () => {
    const meta = metadataOf([
      ["paragraph", "State broadcaster Pakistan Television said gunmen attacked a dozen locations."],
      ["paragraph", "The death toll has reached 108, media outlets reported, citing Reuters and AFP."],
    ]);
    assert.equal(meta.outlet, null);
    assert.equal(meta.outletFrom, null);
  });

  test("from a front-matter url domain, and front matter outlet wins", () => {
    const fromUrl = metadataOf([["paragraph", STORY]], { url: "https://www.dawn.com/news/123" });
    assert.equal(fromUrl.outlet, "Dawn");
    assert.equal(fromUrl.outletFrom, "front-matter");
    const explicit = metadataOf(
      [
        ["paragraph", STORY],
        ["footer", "Published in Dawn, May 2nd, 2025"],
      ],
      { outlet: "express tribune" },
    );
    assert.equal(explicit.outlet, "The Express Tribune");
  });

  test("a dateline credit names the wire", () => {
    const meta = metadataOf([
      ["paragraph", "NEW DELHI, Jan 5 (Reuters) - India said on Sunday it would expand rail links."],
    ]);
    assert.equal(meta.outlet, "Reuters");
    assert.equal(meta.dateline, "New Delhi");
    const withCountry = metadataOf([["paragraph", "KARACHI, Pakistan (AP) — Power was restored to most of the city."]]);
    assert.equal(withCountry.outlet, "Associated Press");
    assert.equal(withCountry.dateline, "Karachi");
  });
});

describe("authors, dateline and title", () => {
  test("authors from a 'By' byline, never from the story", () => {
    const meta = metadataOf([
      ["header", "Floods cut off northern valleys"],
      ["furniture", "By Jane Doe and JOHN ROE | Reuters"],
      ["paragraph", "Minister Ahmed Khan said the roads would reopen within a week."],
    ]);
    assert.deepEqual(meta.authors, ["Jane Doe", "John Roe"]);
    assert.equal(meta.authorsEvidence, "By Jane Doe and JOHN ROE | Reuters");
    const none = metadataOf([["paragraph", "Minister Ahmed Khan said the roads would reopen within a week."]]);
    assert.deepEqual(none.authors, []);
  });

  test("authors from a slash byline with date and reading time; desk credits are not people", () => {
    const meta = metadataOf([
      ["furniture", "Waqas Chaudhry/Naeem Asghar February 03, 2026 3 min read"],
      ["paragraph", STORY],
    ]);
    assert.deepEqual(meta.authors, ["Waqas Chaudhry", "Naeem Asghar"]);
    assert.deepEqual(
      metadataOf([
        ["furniture", "By Our Staff Reporter"],
        ["paragraph", STORY],
      ]).authors,
      [],
    );
    const withDesk = metadataOf([
      ["furniture", "By Jane Doe, Staff Reporter"],
      ["paragraph", STORY],
    ]);
    assert.deepEqual(withDesk.authors, ["Jane Doe"]);
  });

  test("dateline on its own line or opening the story; a label is not a dateline", () => {
    assert.equal(
      metadataOf([
        ["header", "ISLAMABAD:"],
        ["paragraph", STORY],
      ]).dateline,
      "Islamabad",
    );
    const opening = metadataOf([["paragraph", `QUETTA: ${STORY}`]]);
    assert.equal(opening.dateline, "Quetta");
    assert.equal(opening.datelineEvidence, "QUETTA:");
    assert.equal(metadataOf([["paragraph", `Officials: ${STORY}`]]).dateline, null);
    assert.equal(metadataOf([["paragraph", `BREAKING: ${STORY}`]]).dateline, null);
  });

  test("the headline and deck, skipping masthead, kicker, byline and dateline", () => {
    const meta = metadataOf([
      ["header", "Quetta Voice Special Report :"],
      ["header", "TODAY'S PAPER | February 03, 2026 | EPAPER"],
      ["header", "Terror spike triggers call for troop surge"],
      ["header", "Parliament discusses security situation"],
      ["header", "By Jane Doe"],
      ["header", "ISLAMABAD:"],
      ["paragraph", STORY],
    ]);
    assert.equal(meta.title, "Terror spike triggers call for troop surge");
    assert.equal(meta.titleFrom, "headline");
    assert.equal(meta.subtitle, "Parliament discusses security situation");
  });

  test("without a headline, a short title from the lead, cut at a clause boundary", () => {
    const meta = metadataOf([
      [
        "paragraph",
        "QUETTA: Violent clashes have erupted across several parts of the province, leaving at least 129 people dead, officials said.",
      ],
    ]);
    assert.equal(meta.titleFrom, "lead");
    assert.equal(meta.title, "Violent clashes have erupted across several parts of the province…");
    assert.equal(meta.subtitle, null);
    const short = metadataOf([["paragraph", "Schools reopen after winter break."]]);
    assert.equal(short.title, "Schools reopen after winter break");
  });
});

describe("gold seeds", () => {
  const gold = JSON.parse(readFileSync(new URL("./fixtures/gold-seeds.json", import.meta.url), "utf8"));
  const seedsDir = new URL("../seeds/", import.meta.url);
  const files = readdirSync(seedsDir).filter((f) => f.endsWith(".txt"));

  const articles = files.map((file) => {
    const seed = source(file, {}, readFileSync(new URL(file, seedsDir), "utf8").replace(/\r\n?/g, "\n"));
    const cleanedText = cleanText(seed, knowledge);
    const body = cleanedText.paragraphs.map((p) => p.text).join("\n\n");
    return article(file, extractMetadata(seed, cleanedText, knowledge), body);
  });
  inferMissingYears(articles);

  for (const { source: seed, metadata } of articles) {
    const expected = gold[seed.file];
    test(`${seed.file}: date, outlet, dateline, authors`, () => {
      assert.equal(metadata.date, expected.date);
      assert.equal(metadata.outlet, expected.outlet);
      assert.equal(metadata.dateline, expected.dateline);
      assert.deepEqual(metadata.authors, expected.authors);
      if (expected.date === null) assert.equal(metadata.dateFrom, null);
    });
    test(`${seed.file}: title and subtitle`, () => {
      if (expected.title === null) assert.equal(metadata.titleFrom, "lead");
      else assert.equal(metadata.title, expected.title);
      if (expected.subtitle !== null) assert.equal(metadata.subtitle, expected.subtitle);
      assert.ok(metadata.title.length > 0 && metadata.title.length <= 100, metadata.title);
    });
    test(`${seed.file}: event dates`, () => {
      const goldDates = new Set<string>(expected.events_dates.map((e: { date: string }) => e.date));
      assert.deepEqual(new Set(metadata.events.map((e) => e.date)), goldDates);
    });
  }
});

test("a wire dateline on a line of its own: a place in capitals and the filing date", () => {
  const meta = metadataOf([
    ["furniture", "HARBOUR TOWN 2019-04-11"],
    ["paragraph", "The port authority said on Thursday that the new quay would open next year."],
  ]);
  assert.equal(meta.dateline, "Harbour Town");
  const weekday = metadataOf([
    ["furniture", "TUESDAY 2019-04-09"],
    ["paragraph", "The port authority said on Tuesday that the new quay would open next year."],
  ]);
  assert.equal(weekday.dateline, null, "a weekday is not a place");
});
