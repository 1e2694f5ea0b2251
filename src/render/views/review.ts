/**
 * The review page (/review/): likely problems in the archive, each with the exact lines to add to
 * knowledge/people.yaml, knowledge/corrections.yaml (src/knowledge/corrections.ts) or a seed's front
 * matter to fix it. The problems are found here, from the Archive; the template only shows them.
 *
 * - People that may be one person: every word of one name inside another's, in order ("Gohar" and
 *   "Gohar Ali Khan"), or the same surname and the same role ("Minister Ahmed Khan", "Minister A. Khan").
 * - Doubtful kinds: a "person" named like a place, party or organization the archive lists, or with a
 *   one-word name.
 * - Figures without a place or an outcome.
 * - Articles without an outlet or a date.
 * - Correction lines that matched nothing.
 *
 * Each section lists at most PAGES.reviewItems problems (the count says how many there are); every check
 * goes through an index, not all pairs, so the page stays linear in the archive.
 */
import { PAGES } from "../../settings.ts";
import type { Archive, ArticleRecord, PersonRecord } from "../../types.ts";
import { compareStrings, sameItems } from "../../util/group.ts";
import { figureLabel, summarize } from "./articles.ts";
import type { ArchiveGraph } from "./graph.ts";
import type { EntityRef, LinkView, Lookup } from "./lookup.ts";

/** Lines to add to a file to fix a problem. */
export interface ReviewFix {
  /** Where the lines go: "knowledge/people.yaml", "the front matter of seeds/x.txt". */
  where: string;
  lines: string;
}

export interface ReviewItem {
  /** What looks wrong, in a sentence. */
  problem: string;
  /** The pages concerned. */
  links: LinkView[];
  /** The lines that fix it; an alternative when the right fix depends on what the user knows. */
  fixes: ReviewFix[];
}

export interface ReviewSection {
  id: string;
  heading: string;
  /** What the section checks and how its fix acts. */
  intro: string;
  /** How many problems there are; `items` holds the first PAGES.reviewItems. */
  total: number;
  items: ReviewItem[];
}

export interface ReviewPage {
  sections: ReviewSection[];
  /** Problems over all sections. */
  total: number;
}

const LIMIT = PAGES.reviewItems;
/** A shorter name found inside more people's names than this is too common to suggest merging. */
const MAX_CONTAINERS = 5;

const PEOPLE_FILE = "knowledge/people.yaml";
const CORRECTIONS_FILE = "knowledge/corrections.yaml";

/** A YAML scalar: plain when it can be, else double-quoted (a JSON string is a valid YAML one). */
export function yamlScalar(value: string | number): string {
  if (typeof value === "number") return String(value);
  const plain =
    /^[\p{L}\p{N}][\p{L}\p{N} .'’()\-_/&]*$/u.test(value) &&
    !/ $/.test(value) &&
    !/^(true|false|yes|no|on|off|null|~|y|n)$/i.test(value) &&
    !/^[\d.+-]+$/.test(value);
  return plain ? value : JSON.stringify(value);
}

const fold = (text: string) => text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
const wordsOf = (name: string) =>
  fold(name)
    .split(/[\s.]+/)
    .filter(Boolean);

/** Whether every word of `short` appears in `long`, in the same order. */
function containsWords(long: string[], short: string[]): boolean {
  let at = 0;
  for (const word of long) if (word === short[at]) at++;
  return at === short.length;
}

/** A role as compared between people: lower case, without "former" and the article. */
const roleKey = (role: string) =>
  fold(role)
    .replace(/\b(former|ex-|the)\b\s*/g, "")
    .trim();

/**
 * The last section of people who may be one person, with what it was found from: the person records' slugs, names,
 * roles and numbers of articles, which are all it reads of them (its links are made of the slugs and names). A save
 * that changes none of those, such as an edit to an article's text, finds the same section: finding it again was
 * 0.17 s of a save at 10,000 articles, 0.32 s at 50,000.
 */
let lastSamePeople: { from: unknown[]; section: ReviewSection } | undefined;

function samePeopleOnce(archive: Archive, lookup: Lookup): ReviewSection {
  const from = archive.people.flatMap((p) => [p.slug, p.name, p.articles.length, p.roles.length, ...p.roles]);
  if (lastSamePeople && sameItems(lastSamePeople.from, from)) return lastSamePeople.section;
  const section = samePeople(archive, lookup);
  lastSamePeople = { from, section };
  return section;
}

export function reviewPage(archive: Archive, lookup: Lookup, graph: ArchiveGraph): ReviewPage {
  const sections = [
    samePeopleOnce(archive, lookup),
    doubtfulKinds(archive, lookup),
    figuresToComplete(archive, lookup, graph.sorted),
    articlesToComplete(lookup, graph.sorted),
    unmatched(archive),
  ];
  return { sections, total: sections.reduce((sum, s) => sum + s.total, 0) };
}

const articleLink = (article: ArticleRecord, lookup: Lookup): LinkView => {
  const { title, url } = summarize(article, lookup);
  return { name: title, url };
};

function section(id: string, heading: string, intro: string, items: ReviewItem[]): ReviewSection {
  return { id, heading, intro, total: items.length, items: items.slice(0, LIMIT) };
}

/** The people.yaml lines that make `keep` and `other` one person under keep's name. */
function mergeFix(keep: PersonRecord, others: PersonRecord[]): ReviewFix {
  return {
    where: PEOPLE_FILE,
    lines: `- name: ${yamlScalar(keep.name)}\n  aliases: [${others.map((o) => yamlScalar(o.name)).join(", ")}]\n`,
  };
}

function samePeople(archive: Archive, lookup: Lookup): ReviewSection {
  const people = [...archive.people].sort((a, b) => compareStrings(a.slug, b.slug));
  const words = people.map((p) => wordsOf(p.name));
  const byWord = new Map<string, number[]>();
  words.forEach((list, at) => {
    for (const word of new Set(list)) {
      const posting = byWord.get(word) ?? [];
      if (posting.length === 0) byWord.set(word, posting);
      posting.push(at);
    }
  });
  for (const posting of byWord.values()) posting.sort((a, b) => words[b].length - words[a].length || a - b);
  const items: ReviewItem[] = [];
  const seen = new Set<string>();
  const link = (p: PersonRecord) => lookup.entity("person", p.slug);
  const articles = (p: PersonRecord) => `${p.articles.length} ${p.articles.length === 1 ? "article" : "articles"}`;

  // One name's words inside another's.
  people.forEach((short, at) => {
    const own = words[at];
    if (own.length === 0) return;
    const rarest = [...own].sort((a, b) => byWord.get(a)!.length - byWord.get(b)!.length)[0];
    // Only longer names can hold this one: the posting lists longest names first, so the search ends at the
    // first name as short, and past MAX_CONTAINERS, where the name is too common to suggest anyone.
    const containers: number[] = [];
    for (const other of byWord.get(rarest)!) {
      if (words[other].length <= own.length) break;
      if (!containsWords(words[other], own)) continue;
      containers.push(other);
      if (containers.length > MAX_CONTAINERS) return;
    }
    if (containers.length === 0) return;
    containers.sort((a, b) => a - b);
    for (const other of containers) {
      const long = people[other];
      seen.add(`${short.slug} ${long.slug}`);
      const alsoIn =
        containers.length > 1 ? ` (it is inside ${containers.length} people's names: pick the right one)` : "";
      items.push({
        problem: `“${short.name}” (${articles(short)}) may be “${long.name}” (${articles(long)}): every word of the one name is in the other${alsoIn}.`,
        links: [link(short), link(long)],
        fixes: [mergeFix(long, [short])],
      });
    }
  });

  // The same surname and the same role.
  const bySurnameRole = new Map<string, number[]>();
  people.forEach((person, at) => {
    if (words[at].length < 2) return;
    const surname = words[at][words[at].length - 1];
    for (const role of new Set(person.roles.map(roleKey).filter(Boolean))) {
      const key = `${surname}\u0000${role}`;
      const group = bySurnameRole.get(key) ?? [];
      if (group.length === 0) bySurnameRole.set(key, group);
      group.push(at);
    }
  });
  for (const [key, group] of bySurnameRole) {
    if (group.length < 2 || group.length > MAX_CONTAINERS) continue;
    const [, roleFolded] = key.split("\u0000");
    // The surname as the first of them writes it, the role in its shortest wording ("former" left out).
    const first = people[group[0]];
    const surname = first.name.trim().split(/\s+/).pop();
    const role =
      group
        .flatMap((at) => people[at].roles.filter((r) => roleKey(r) === roleFolded))
        .sort((x, y) => x.length - y.length || compareStrings(x, y))[0] ?? roleFolded;
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const [a, b] = [people[group[i]], people[group[j]]];
        if (seen.has(`${a.slug} ${b.slug}`) || seen.has(`${b.slug} ${a.slug}`)) continue;
        seen.add(`${a.slug} ${b.slug}`);
        const keep = b.articles.length > a.articles.length ? b : a;
        const other = keep === a ? b : a;
        items.push({
          problem: `“${a.name}” and “${b.name}” share the surname “${surname}” and the role “${role}”.`,
          links: [link(a), link(b)],
          fixes: [mergeFix(keep, [other])],
        });
      }
    }
  }
  return section(
    "same-person",
    "People who may be one person",
    `Two records whose names suggest one person. If they are, the ${PEOPLE_FILE} lines merge them under the first name, keeping the other as a spelling; if not, leave them.`,
    items,
  );
}

function doubtfulKinds(archive: Archive, lookup: Lookup): ReviewSection {
  const otherNames = new Map<string, EntityRef>();
  const addNames = (
    kind: "place" | "party" | "organization",
    records: { slug: string; name: string; variants: string[] }[],
  ) => {
    for (const record of records) {
      const ref = lookup.entity(kind, record.slug);
      for (const name of [record.name, ...record.variants])
        if (!otherNames.has(fold(name))) otherNames.set(fold(name), ref);
    }
  };
  addNames("place", archive.places);
  addNames("party", archive.parties);
  addNames("organization", archive.organizations);
  // Place names by first letter and length, so a name is compared with the few that could be a letter or two away.
  const placeNames = new Map<string, { name: string; ref: EntityRef }[]>();
  for (const place of archive.places) {
    for (const name of new Set([place.name, ...place.variants].map(fold))) {
      const key = `${name[0]}${name.length}`;
      const list = placeNames.get(key) ?? [];
      if (list.length === 0) placeNames.set(key, list);
      list.push({ name, ref: lookup.entity("place", place.slug) });
    }
  }
  const items: ReviewItem[] = [];
  for (const person of archive.people) {
    const clash = [person.name, ...person.variants].map((n) => otherNames.get(fold(n))).find(Boolean);
    const oneWord = wordsOf(person.name).length === 1;
    if (!clash && !oneWord) continue;
    // A one-word name a letter or two away from a place's is likely that place misspelt in the source.
    const folded = fold(person.name);
    const nearPlace = clash
      ? undefined
      : nearestPlace(
          folded,
          [-2, -1, 0, 1, 2].flatMap((d) => placeNames.get(`${folded[0]}${folded.length + d}`) ?? []),
        );
    const why = clash
      ? `is also the name of a ${clash.kind} (${clash.name})`
      : nearPlace
        ? `is a single word spelt almost like the place ${nearPlace.name}: a misspelt place?`
        : "is a single word, which is rarely a whole person's name";
    const notPerson: ReviewFix = {
      where: PEOPLE_FILE,
      lines: `- name: ${yamlScalar(person.name)}\n  notPerson: true\n`,
    };
    const reject: ReviewFix = {
      where: CORRECTIONS_FILE,
      lines: `- entity: person\n  name: ${yamlScalar(person.name)}\n  reject: true\n`,
    };
    items.push({
      problem: `The person “${person.name}” (${person.articles.length === 1 ? "1 article" : `${person.articles.length} articles`}) ${why}. If it is no person, either line below removes it from every article; if it is a short form of someone, see the section above.`,
      links: [lookup.entity("person", person.slug), ...(clash ? [clash] : nearPlace ? [nearPlace] : [])],
      fixes: [notPerson, reject],
    });
  }
  items.sort(
    (a, b) => compareStrings(a.links[0].name, b.links[0].name) || compareStrings(a.links[0].url, b.links[0].url),
  );
  return section(
    "doubtful-kind",
    "Entities whose kind is doubtful",
    "People named like a place, party or organization, or with a one-word name.",
    items,
  );
}

/**
 * The place whose name is within two edits of `name` (one for short names), if any; names of 5 letters or
 * more, against `places` that share its first letter (a misspelling seldom changes the first) and about its length.
 */
function nearestPlace(name: string, places: { name: string; ref: EntityRef }[]): EntityRef | undefined {
  if (name.length < 5) return undefined;
  const allowed = name.length >= 8 ? 2 : 1;
  let best: { distance: number; ref: EntityRef } | undefined;
  for (const place of places) {
    if (Math.abs(place.name.length - name.length) > allowed || place.name === name) continue;
    const distance = editDistance(name, place.name, allowed);
    if (distance <= allowed && (!best || distance < best.distance)) best = { distance, ref: place.ref };
  }
  return best?.ref;
}

/** Rows of editDistance, reused between calls (names are short). */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Damerau-Levenshtein distance (adjacent swaps count one), or more than `limit` once it is sure to be. */
function editDistance(a: string, b: string, limit: number): number {
  if (rows[0].length <= b.length) rows = rows.map(() => new Int32Array(b.length * 2 + 1));
  let [before, previous, current] = rows;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2] + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length];
}

function figuresToComplete(archive: Archive, lookup: Lookup, sorted: ArticleRecord[]): ReviewSection {
  const places = new Map(archive.places.map((p) => [p.slug, p]));
  const placeByName = new Map<string, string>();
  for (const place of archive.places)
    for (const name of [place.name, ...place.variants]) placeByName.set(fold(name), place.name);
  const items: ReviewItem[] = [];
  // Every figure to complete is counted; only those the page lists (LIMIT) are written out, since a
  // suggestion searches the figure's sentence for each of its article's places (0.3 s at 10,000 articles).
  let total = 0;
  const rank: Record<string, number> = { area: 0, city: 1, district: 2, province: 3, country: 4 };
  for (const article of sorted) {
    const toComplete = article.figures.filter((figure) => figure.place === null || !figure.outcome).length;
    total += toComplete;
    if (toComplete === 0 || items.length >= LIMIT) continue;
    const own = article.places.flatMap((slug) => places.get(slug) ?? []).sort((a, b) => rank[a.kind] - rank[b.kind]);
    // The place to suggest: the narrowest of the article's places that the figure's sentence names, else the
    // dateline's, else the article's first place that is not a country.
    const suggest = (text: string): { name: string; why: string } | null => {
      const sentence = ` ${fold(text).replace(/[^\p{L}\p{N}]+/gu, " ")} `;
      const named = own.find((p) =>
        [p.name, ...p.variants].some((n) => sentence.includes(` ${fold(n).replace(/[^\p{L}\p{N}]+/gu, " ")} `)),
      );
      if (named) return { name: named.name, why: "named in the sentence" };
      const fromDateline = article.dateline ? placeByName.get(fold(article.dateline)) : undefined;
      if (fromDateline) return { name: fromDateline, why: "the article's dateline" };
      const first = article.places.map((slug) => places.get(slug)).find((p) => p && p.kind !== "country");
      return first ? { name: first.name, why: "the first place the article names" } : null;
    };
    article.figures.forEach((figure) => {
      const noPlace = figure.place === null;
      const noOutcome = !figure.outcome;
      if ((!noPlace && !noOutcome) || items.length >= LIMIT) return;
      const suggestion = noPlace ? suggest(figure.text) : null;
      const head = `- figure: { article: ${yamlScalar(article.slug)}, line: ${figure.line}, value: ${figure.value} }\n`;
      const lines = [
        ...(noPlace
          ? [
              suggestion
                ? `  place: ${yamlScalar(suggestion.name)}   # ${suggestion.why}; any place's name the archive lists`
                : "  place: PLACE NAME   # a place's name as the archive lists it",
            ]
          : []),
        ...(noOutcome ? ["  outcome: killed   # or injured, arrested, abducted, …"] : []),
      ];
      const missing = [noPlace ? "place" : "", noOutcome ? "outcome" : ""].filter(Boolean).join(" and ");
      items.push({
        problem: `“${figure.value} ${figure.what}” (${figureLabel(figure).toLowerCase()}, line ${figure.line}) has no ${missing}: “${figure.text}”`,
        links: [articleLink(article, lookup)],
        fixes: [
          { where: CORRECTIONS_FILE, lines: `${head}${lines.join("\n")}\n` },
          { where: `${CORRECTIONS_FILE} (if it is no figure)`, lines: `${head}  reject: true\n` },
        ],
      });
    });
  }
  return {
    ...section(
      "figures",
      "Figures without a place or an outcome",
      "A figure without a place is left out of place-by-place counts. The suggested place is a guess from the article: check it against the sentence.",
      items,
    ),
    total,
  };
}

function articlesToComplete(lookup: Lookup, sorted: ArticleRecord[]): ReviewSection {
  const items: ReviewItem[] = [];
  for (const article of sorted) {
    if (article.outlet && article.date) continue;
    const missing = [article.outlet ? "" : "outlet", article.date ? "" : "date"].filter(Boolean);
    const lines = [
      "---",
      ...(article.date ? [] : ["date: YYYY-MM-DD   # the publication date"]),
      ...(article.outlet ? [] : ["outlet: OUTLET NAME   # as in knowledge/outlets.yaml, e.g. Dawn"]),
      "---",
    ];
    items.push({
      problem: `“${article.title}” has no ${missing.join(" and ")}.`,
      links: [articleLink(article, lookup)],
      fixes: [
        {
          where: `the top of seeds/${article.source.file} (inside its front matter if it has one)`,
          lines: `${lines.join("\n")}\n`,
        },
      ],
    });
  }
  return section(
    "articles",
    "Articles without an outlet or a date",
    "Front matter at the top of a seed wins over what was extracted; undated articles sort last and miss the timeline.",
    items,
  );
}

function unmatched(archive: Archive): ReviewSection {
  const items = [...archive.unmatchedCorrections].sort().map(
    (line): ReviewItem => ({
      problem: line,
      links: [],
      fixes: [],
    }),
  );
  return section(
    "unmatched",
    "Corrections that matched nothing",
    "Lines of people.yaml or corrections.yaml that name nothing in the archive: correct the name or remove the line.",
    items,
  );
}
