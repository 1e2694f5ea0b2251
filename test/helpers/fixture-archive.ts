/**
 * A small, realistic archive for the site tests, written by hand so the site can be tested without the
 * pipeline. It covers: several outlets; people with roles and parties; parties, organizations and places;
 * two different "militants killed" counts from different outlets; event dates; discarded lines; an article
 * whose title and body hold HTML/script text; an inferred date; an undated article; and a seed file name
 * with a space and non-Latin characters.
 */

import { storyLedger } from "../../src/resolve/ledger.ts";
import type {
  Archive,
  ArchiveFigure,
  ArticleRecord,
  Figure,
  MentionLink,
  OrganizationRecord,
  PartyRecord,
  PersonRecord,
  PlaceKind,
  PlaceRecord,
  StoryRecord,
} from "../../src/types.ts";
import { compareStrings, groupBy } from "../../src/util/group.ts";

/** The seed file name with a space and non-Latin characters (Urdu "Balochistan"). */
export const unusualSeedFile = "express tribune بلوچستان.txt";
/** The article whose title and body carry markup as text. */
export const hostileSlug = "reader-letter-on-markup";
export const hostileTitle = "Reader letter: <script>alert(1)</script> is not news";
/** A surname that appears in exactly two articles, from two different outlets. */
export const sharedSurname = "Bugti";

type ArticleInput = Partial<ArticleRecord> & Pick<ArticleRecord, "slug" | "title" | "body">;

/** An article record with empty lists and no metadata, but for what `input` gives. */
export function article(input: ArticleInput): ArticleRecord {
  return {
    url: `/articles/${input.slug}/`,
    source: { file: `${input.slug}.txt`, sha256: "0".repeat(64), duplicates: [] },
    titleFrom: "headline",
    subtitle: null,
    date: null,
    dateFrom: null,
    dateEvidence: null,
    outlet: null,
    outletSlug: null,
    outletFrom: null,
    outletEvidence: null,
    authors: [],
    authorsEvidence: null,
    dateline: null,
    datelineEvidence: null,
    discarded: [],
    people: [],
    peopleDetail: [],
    parties: [],
    organizations: [],
    places: [],
    mentions: [],
    figures: [],
    events: [],
    flags: [],
    url_original: null,
    tags: [],
    quotes: [],
    story: input.slug,
    copyOf: null,
    ...input,
  };
}

function figure(
  value: number,
  what: string,
  category: Figure["category"],
  outcome: string,
  text: string,
  line: number,
  qualifier: string | null = null,
  place: string | null = null,
): ArchiveFigure {
  return { value, qualifier, what, category, outcome, period: null, place, text, line };
}

const mention = (kind: MentionLink["kind"], slug: string, ...forms: string[]): MentionLink => ({
  kind,
  slug,
  forms,
  evidence: [{ line: 3, text: forms[0] ?? "" }],
});

/** The story of the attacks of 31 January – 2 February 2026: five articles from five outlets, one a wire copy. */
export const attackStory = "violent-clashes-erupt-across-balochistan";
/** The wire copy in that story, and the article it copies. */
export const wireCopySlug = "militants-killed-in-mastung-and-harnai-raids-2";
export const wireOriginalSlug = "militants-killed-in-mastung-and-harnai-raids";

function mastungReport(slug: string, outlet: string, outletSlug: string, date: string): ArticleRecord {
  const sentence = "Security forces killed 30 militants in raids in Mastung and Harnai on Saturday, officials said.";
  return article({
    slug,
    story: attackStory,
    source: { file: `${slug}.txt`, sha256: (slug.endsWith("-2") ? "9" : "8").repeat(64), duplicates: [] },
    title: "Militants killed in Mastung and Harnai raids",
    date,
    dateFrom: "front-matter",
    dateEvidence: `front matter date: ${date}`,
    outlet,
    outletSlug,
    outletFrom: "front-matter",
    outletEvidence: "front matter",
    body: [sentence, "The raids followed the attacks on the Mastung jail, the officials said."].join("\n\n"),
    places: ["mastung", "harnai"],
    mentions: [mention("place", "mastung", "Mastung"), mention("place", "harnai", "Harnai")],
    figures: [figure(30, "militants", "militants", "killed", sentence, 2, null, "mastung")],
  });
}

const articles: ArticleRecord[] = [
  article({
    slug: "opposition-parties-call-off-protests",
    source: { file: "000_dawn_protests.txt", sha256: "a".repeat(64), duplicates: [] },
    title: "Opposition parties call off Balochistan protests after talks",
    date: "2026-02-05",
    dateFrom: "text",
    dateEvidence: "Published in Dawn, February 5th, 2026",
    outlet: "Dawn",
    outletSlug: "dawn",
    outletFrom: "signature",
    outletEvidence: "Published in Dawn, February 5th, 2026",
    dateline: "Quetta",
    datelineEvidence: "QUETTA:",
    body: [
      "QUETTA: A coalition of opposition political parties announced the withdrawal of protests in Balochistan on Wednesday.",
      "The All Parties delegation included ANP Provincial President Asghar Khan Achakzai, National Party Central Vice President Dr. Ishaq Baloch and PTI’s Salam Agha.",
      "The two sides scheduled a follow-up meeting for Feb 12. Achakzai said the Awami National Party would attend.",
    ].join("\n\n"),
    discarded: [
      { line: 1, text: "TODAY’S PAPER | February 05, 2026 | EPAPER", reason: "page furniture: masthead" },
      { line: 14, text: "Follow Dawn on WhatsApp", reason: "page furniture: social prompt" },
    ],
    people: ["asghar-khan-achakzai", "ishaq-baloch"],
    peopleDetail: [
      {
        slug: "asghar-khan-achakzai",
        name: "Asghar Khan Achakzai",
        roles: ["ANP Provincial President"],
        parties: ["anp"],
      },
      { slug: "ishaq-baloch", name: "Ishaq Baloch", roles: ["National Party Central Vice President"], parties: ["np"] },
    ],
    parties: ["anp", "np", "pti"],
    places: ["quetta", "balochistan"],
    mentions: [
      mention("person", "asghar-khan-achakzai", "Asghar Khan Achakzai", "Achakzai"),
      mention("person", "ishaq-baloch", "Dr. Ishaq Baloch", "Ishaq Baloch"),
      mention("party", "anp", "Awami National Party", "ANP"),
      mention("party", "np", "National Party"),
      mention("party", "pti", "PTI"),
      mention("place", "quetta", "QUETTA", "Quetta"),
      mention("place", "balochistan", "Balochistan"),
    ],
    events: [
      {
        date: "2026-02-12",
        what: "follow-up meeting",
        text: "The two sides scheduled a follow-up meeting for Feb 12.",
      },
    ],
  }),
  article({
    slug: "terror-spike-triggers-call-for-troop-surge",
    story: attackStory,
    source: { file: unusualSeedFile, sha256: "b".repeat(64), duplicates: [] },
    title: "Terror spike triggers call for troop surge in Balochistan",
    subtitle: "Parliament discusses security situation",
    date: "2026-02-03",
    dateFrom: "text",
    dateEvidence: "Waqas Chaudhry/Naeem Asghar February 03, 2026 3 min read",
    outlet: "The Express Tribune",
    outletSlug: "the-express-tribune",
    outletFrom: "text",
    outletEvidence: "TODAY’S PAPER",
    authors: ["Waqas Chaudhry", "Naeem Asghar"],
    authorsEvidence: "Waqas Chaudhry/Naeem Asghar February 03, 2026 3 min read",
    dateline: "Islamabad",
    datelineEvidence: "ISLAMABAD:",
    body: [
      "Lawmakers in the National Assembly adopted a firm stand on the security crisis in Balochistan on Monday.",
      "Defence Minister Khawaja Asif said security forces had killed over 177 terrorists over the past few days, while 17 security personnel and 33 civilians were martyred.",
      "National Assembly Opposition leader Mahmood Khan Achakzai linked the violence to past policy failures. Asif blamed the Baloch Liberation Army (BLA).",
    ].join("\n\n"),
    discarded: [{ line: 1, text: "TODAY’S PAPER | February 03, 2026 | EPAPER", reason: "page furniture: masthead" }],
    people: ["khawaja-asif", "mahmood-khan-achakzai"],
    peopleDetail: [
      { slug: "khawaja-asif", name: "Khawaja Asif", roles: ["Defence Minister"], parties: ["pml-n"] },
      {
        slug: "mahmood-khan-achakzai",
        name: "Mahmood Khan Achakzai",
        roles: ["National Assembly Opposition leader"],
        parties: [],
      },
    ],
    parties: ["pml-n"],
    organizations: ["bla", "national-assembly"],
    places: ["balochistan"],
    mentions: [
      mention("person", "khawaja-asif", "Khawaja Asif", "Asif"),
      mention("person", "mahmood-khan-achakzai", "Mahmood Khan Achakzai", "Achakzai"),
      mention("organization", "bla", "Baloch Liberation Army", "BLA"),
      mention("organization", "national-assembly", "National Assembly"),
      mention("place", "balochistan", "Balochistan"),
    ],
    figures: [
      figure(
        177,
        "terrorists",
        "militants",
        "killed",
        "He said security forces had killed over 177 terrorists over the past few days, while 17 security personnel and 33 civilians were martyred.",
        19,
        "over",
      ),
      figure(
        17,
        "security personnel",
        "security personnel",
        "killed",
        "He said security forces had killed over 177 terrorists over the past few days, while 17 security personnel and 33 civilians were martyred.",
        19,
      ),
      figure(
        33,
        "civilians",
        "civilians",
        "killed",
        "He said security forces had killed over 177 terrorists over the past few days, while 17 security personnel and 33 civilians were martyred.",
        19,
      ),
    ],
    url_original: "https://tribune.com.pk/story/terror-spike",
  }),
  article({
    slug: "violent-clashes-erupt-across-balochistan",
    source: { file: "002_clashes.txt", sha256: "c".repeat(64), duplicates: ["002_clashes copy.txt"] },
    title: "Violent clashes erupt across Balochistan, at least 129 dead",
    date: "2026-02-01",
    dateFrom: "text",
    dateEvidence: "Islamabad, Feb 1:",
    outlet: "Kashmir Observer",
    outletSlug: "kashmir-observer",
    outletFrom: "front-matter",
    outletEvidence: "front matter",
    dateline: "Islamabad",
    datelineEvidence: "Islamabad, Feb 1:",
    body: [
      "Violent clashes have erupted across several parts of Balochistan, leaving at least 129 people dead.",
      "Security forces said at least 67 “terrorists” were shot dead. Police officials said 27 prisoners escaped during an attack on Mastung jail.",
      "Interior Minister Mohsin Naqvi reached Quetta and met Chief Minister Sarfraz Bugti. Bugti said the Balochistan Liberation Army had claimed the attacks.",
    ].join("\n\n"),
    people: ["mohsin-naqvi", "sarfraz-bugti"],
    peopleDetail: [
      { slug: "mohsin-naqvi", name: "Mohsin Naqvi", roles: ["Federal Interior Minister"], parties: [] },
      { slug: "sarfraz-bugti", name: "Sarfraz Bugti", roles: ["Balochistan Chief Minister"], parties: ["ppp"] },
    ],
    parties: ["ppp"],
    organizations: ["bla"],
    places: ["balochistan", "quetta", "mastung"],
    mentions: [
      mention("person", "mohsin-naqvi", "Mohsin Naqvi"),
      mention("person", "sarfraz-bugti", "Sarfraz Bugti", "Bugti"),
      mention("organization", "bla", "Balochistan Liberation Army"),
      mention("place", "balochistan", "Balochistan"),
      mention("place", "quetta", "Quetta"),
      mention("place", "mastung", "Mastung"),
    ],
    figures: [
      figure(
        129,
        "people",
        "people",
        "killed",
        "Violent clashes have erupted across several parts of Balochistan, leaving at least 129 people dead.",
        2,
        "at least",
      ),
      figure(
        67,
        "terrorists",
        "militants",
        "killed",
        "Security forces said at least 67 “terrorists” were shot dead.",
        4,
        "at least",
      ),
      figure(
        27,
        "prisoners",
        "prisoners",
        "escaped",
        "Police officials said 27 prisoners escaped during an attack on Mastung jail.",
        4,
      ),
    ],
    events: [
      {
        date: "2026-01-31",
        what: "coordinated attacks",
        text: "attacks at multiple locations on Saturday",
        inferred: "weekday 'on Saturday' before 2026-02-01",
      },
    ],
  }),
  article({
    slug: "security-forces-kill-145-militants",
    story: attackStory,
    source: { file: "004_hum.txt", sha256: "d".repeat(64), duplicates: [] },
    title: "Security forces kill at least 145 militants in Balochistan operations",
    date: "2026-02-02",
    dateFrom: "inferred",
    dateEvidence:
      "No publication date in the text; 'on Friday and Saturday' read as 30–31 January 2026, so published on or after 2026-02-01; the nearest following day is assumed.",
    outlet: "Hum News",
    outletSlug: "hum-news",
    outletFrom: "signature",
    outletEvidence: "© Hum News",
    body: [
      "Pakistan’s security forces have killed at least 145 militants during operations in Balochistan.",
      "According to Chief Minister Sarfraz Bugti, the militants were killed during raids conducted on Friday and Saturday.",
    ].join("\n\n"),
    discarded: [
      { line: 1, text: "Shopping cart", reason: "page furniture: shop widget" },
      { line: 2, text: "Your cart empty!", reason: "page furniture: shop widget" },
    ],
    people: ["sarfraz-bugti"],
    peopleDetail: [
      { slug: "sarfraz-bugti", name: "Sarfraz Bugti", roles: ["Balochistan Chief Minister"], parties: [] },
    ],
    places: ["balochistan"],
    mentions: [
      mention("person", "sarfraz-bugti", "Sarfraz Bugti", "Bugti"),
      mention("place", "balochistan", "Balochistan"),
    ],
    figures: [
      figure(
        145,
        "militants",
        "militants",
        "killed",
        "Pakistan’s security forces have killed at least 145 militants during operations in Balochistan.",
        12,
        "at least",
      ),
    ],
    flags: ["date inferred from weekday mentions"],
  }),
  article({
    slug: "pml-n-and-np-in-talks-for-alliance",
    source: { file: "003_quetta_voice.txt", sha256: "e".repeat(64), duplicates: [] },
    title: "PML-N and National Party in talks for electoral alliance",
    titleFrom: "lead",
    outlet: "Quetta Voice",
    outletSlug: "quetta-voice",
    outletFrom: "text",
    outletEvidence: "Quetta Voice Special Report :",
    body: [
      "Ahead of the general elections on February 8, 2024, the Pakistan Muslim League (N) and the National Party are in talks in Balochistan.",
      "## Dr. Malik Baloch and Jam Kamal met",
      "Jam Kamal Khan held a meeting with Dr. Malik Baloch, Chief of NP.",
    ].join("\n\n"),
    people: ["jam-kamal-khan", "malik-baloch"],
    peopleDetail: [
      {
        slug: "jam-kamal-khan",
        name: "Jam Kamal Khan",
        roles: ["Former Chief Minister of Balochistan"],
        parties: ["pml-n"],
      },
      { slug: "malik-baloch", name: "Malik Baloch", roles: ["Chief of NP"], parties: ["np"] },
    ],
    parties: ["pml-n", "np"],
    places: ["balochistan"],
    mentions: [
      mention("person", "jam-kamal-khan", "Jam Kamal Khan", "Jam Kamal"),
      mention("person", "malik-baloch", "Dr. Malik Baloch", "Malik Baloch"),
      mention("party", "pml-n", "Pakistan Muslim League (N)", "PML N"),
      mention("party", "np", "National Party", "NP"),
      mention("place", "balochistan", "Balochistan"),
    ],
    events: [
      { date: "2024-02-08", what: "general elections", text: "Ahead of the general elections on February 8, 2024" },
    ],
    flags: ["no publication date found"],
  }),
  // An agency report and its wire copy under a second outlet: one source in the ledger. Its count is
  // for two districts inside the province-wide count, so it is a part and does not widen the range.
  mastungReport("militants-killed-in-mastung-and-harnai-raids", "Associated Press of Pakistan", "app", "2026-02-02"),
  {
    ...mastungReport("militants-killed-in-mastung-and-harnai-raids-2", "Daily Times", "daily-times", "2026-02-03"),
    copyOf: "militants-killed-in-mastung-and-harnai-raids",
  },
  article({
    slug: hostileSlug,
    source: { file: "005_letter.txt", sha256: "f".repeat(64), duplicates: [] },
    title: hostileTitle,
    date: "2026-01-20",
    dateFrom: "front-matter",
    dateEvidence: "front matter date: 2026-01-20",
    outlet: "Dawn",
    outletSlug: "dawn",
    outletFrom: "front-matter",
    outletEvidence: "front matter",
    authors: ["A <b>Reader</b>"],
    body: [
      "A reader pasted <img src=x onerror=alert(1)> into a comment about Khawaja Asif & the press.",
      'Another wrote <script>alert(1)</script> and "quotes" to test the archive.',
    ].join("\n\n"),
    people: ["khawaja-asif"],
    peopleDetail: [{ slug: "khawaja-asif", name: "Khawaja Asif", roles: [], parties: [] }],
    mentions: [mention("person", "khawaja-asif", "Khawaja Asif")],
  }),
];

function articlesOf(pick: (article: ArticleRecord) => string[], slug: string): string[] {
  return articles.filter((a) => pick(a).includes(slug)).map((a) => a.slug);
}

function person(slug: string, name: string, roles: string[], parties: string[], variants: string[] = []): PersonRecord {
  const mentioned = articles.filter((a) => a.people.includes(slug));
  return {
    slug,
    name,
    variants,
    roles,
    parties,
    articles: mentioned.map((a) => a.slug),
    mentions: mentioned.map((a) => ({ article: a.slug, sentence: `${name} spoke.`, line: 1, role: roles[0] ?? null })),
  };
}

function party(slug: string, name: string, abbr: string | null, members: string[]): PartyRecord {
  return { slug, name, abbr, variants: abbr ? [abbr] : [], members, articles: articlesOf((a) => a.parties, slug) };
}

function organization(
  slug: string,
  name: string,
  kind: OrganizationRecord["kind"],
  variants: string[],
): OrganizationRecord {
  return { slug, name, kind, variants, articles: articlesOf((a) => a.organizations, slug) };
}

function place(
  slug: string,
  name: string,
  kind: PlaceRecord["kind"],
  point: [number, number] | null = null,
): PlaceRecord {
  return {
    slug,
    name,
    kind,
    in: kind === "province" ? null : "balochistan",
    country: "PK",
    lat: point ? point[0] : null,
    lon: point ? point[1] : null,
    variants: [],
    articles: articlesOf((a) => a.places, slug),
  };
}

/** Each story's record as src/resolve/stories.ts gives it: articles oldest first (undated last), newest story first. */
function fixtureStories(): StoryRecord[] {
  const kinds = new Map<string, PlaceKind>([
    ["balochistan", "province"],
    ["quetta", "city"],
    ["mastung", "district"],
    ["harnai", "district"],
  ]);
  const oldestFirst = (a: ArticleRecord, b: ArticleRecord) =>
    a.date === b.date
      ? compareStrings(a.slug, b.slug)
      : a.date === null
        ? 1
        : b.date === null
          ? -1
          : compareStrings(a.date, b.date);
  const byMentions = (pick: (a: ArticleRecord) => string[], members: ArticleRecord[]) => {
    const counts = new Map<string, number>();
    for (const a of members) for (const slug of new Set(pick(a))) counts.set(slug, (counts.get(slug) ?? 0) + 1);
    return [...counts].sort((x, y) => y[1] - x[1] || compareStrings(x[0], y[0])).map(([slug]) => slug);
  };
  return [...groupBy(articles, (a) => a.story)]
    .map(([slug, group]): StoryRecord => {
      const members = [...group].sort(oldestFirst);
      const dated = members.filter((a) => a.date);
      return {
        slug,
        title: members[0].title,
        articles: members.map((a) => a.slug),
        start: dated[0]?.date ?? null,
        end: dated.at(-1)?.date ?? null,
        outlets: byMentions((a) => (a.outletSlug ? [a.outletSlug] : []), members),
        people: byMentions((a) => a.people, members),
        organizations: byMentions((a) => a.organizations, members),
        places: byMentions((a) => a.places, members),
        figures: storyLedger(structuredClone(members), (place) => kinds.get(place)),
      };
    })
    .sort((a, b) =>
      a.end === b.end
        ? compareStrings(a.slug, b.slug)
        : a.end === null
          ? 1
          : b.end === null
            ? -1
            : compareStrings(b.end, a.end),
    );
}

/** A fresh copy each call, so a test that mutates its archive cannot leak into another. */
export function fixtureArchive(): Archive {
  const archive: Archive = {
    articles,
    people: [
      person("asghar-khan-achakzai", "Asghar Khan Achakzai", ["ANP Provincial President"], ["anp"], ["Achakzai"]),
      person("ishaq-baloch", "Ishaq Baloch", ["National Party Central Vice President"], ["np"], ["Dr. Ishaq Baloch"]),
      person("khawaja-asif", "Khawaja Asif", ["Defence Minister"], ["pml-n"], ["Asif"]),
      person("mahmood-khan-achakzai", "Mahmood Khan Achakzai", ["National Assembly Opposition leader"], []),
      person("mohsin-naqvi", "Mohsin Naqvi", ["Federal Interior Minister"], []),
      person("sarfraz-bugti", "Sarfraz Bugti", ["Balochistan Chief Minister"], ["ppp"], ["Bugti"]),
      person("jam-kamal-khan", "Jam Kamal Khan", ["Former Chief Minister of Balochistan"], ["pml-n"], ["Jam Kamal"]),
      person("malik-baloch", "Malik Baloch", ["Chief of NP"], ["np"], ["Dr. Malik Baloch"]),
    ],
    parties: [
      party("anp", "Awami National Party", "ANP", ["asghar-khan-achakzai"]),
      party("np", "National Party", "NP", ["ishaq-baloch", "malik-baloch"]),
      party("pti", "Pakistan Tehreek-i-Insaf", "PTI", []),
      party("pml-n", "Pakistan Muslim League (N)", "PML-N", ["khawaja-asif", "jam-kamal-khan"]),
      party("ppp", "Pakistan Peoples Party", "PPP", ["sarfraz-bugti"]),
    ],
    organizations: [
      organization("bla", "Balochistan Liberation Army", "militant group", ["BLA", "Baloch Liberation Army"]),
      organization("national-assembly", "National Assembly", "government body", []),
    ],
    places: [
      place("balochistan", "Balochistan", "province", [28.49, 65.09]),
      place("quetta", "Quetta", "city", [30.18, 67.0]),
      place("mastung", "Mastung", "district", [29.8, 66.84]),
      // Not located: listed beside the map, never dropped.
      place("harnai", "Harnai", "district"),
    ],
    outlets: [
      { slug: "dawn", name: "Dawn", articles: articlesOf((a) => (a.outletSlug ? [a.outletSlug] : []), "dawn") },
      ...["the-express-tribune", "kashmir-observer", "hum-news", "quetta-voice", "app", "daily-times"].map((slug) => ({
        slug,
        name: articles.find((a) => a.outletSlug === slug)!.outlet!,
        articles: articlesOf((a) => (a.outletSlug ? [a.outletSlug] : []), slug),
      })),
    ],
    stories: fixtureStories(),
    rejected: [
      { file: "006_shop_page.txt", reason: "no article text: only page furniture", line: 1 },
      { file: "007_empty.txt", reason: "empty file" },
    ],
    unmatchedCorrections: [],
  };
  return structuredClone(archive);
}

/** The seed files the fixture names, with short text, so renderSite can copy them from a seeds folder. */
export function fixtureSeedFiles(archive: Archive = fixtureArchive()): Map<string, string> {
  return new Map(archive.articles.map((a) => [a.source.file, `${a.title}\n\n${a.body}\n`]));
}

/**
 * Gives an unrelated event of `archive` its own "militants killed" count (three, in a separate clash) and
 * works out its story's ledger again: two stories with figures. Returns the article given the count.
 */
export function withSecondMilitantsCount(archive: Archive): ArticleRecord {
  const other = archive.articles.find((a) => a.slug === "opposition-parties-call-off-protests");
  if (!other) throw new Error("the fixture has no opposition-parties-call-off-protests article");
  other.figures = [
    {
      value: 3,
      qualifier: null,
      what: "militants",
      category: "militants",
      outcome: "killed",
      period: null,
      place: null,
      text: "Three militants were killed in a separate clash.",
      line: 4,
    },
  ];
  const kinds = new Map<string, PlaceKind>(archive.places.map((p) => [p.slug, p.kind]));
  const story = archive.stories.find((s) => s.slug === other.story);
  if (!story) throw new Error(`the fixture has no story ${other.story}`);
  const members = story.articles.map((slug) => archive.articles.find((a) => a.slug === slug) as ArticleRecord);
  story.figures = storyLedger(members, (slug) => kinds.get(slug));
  return other;
}
