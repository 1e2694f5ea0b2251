/**
 * Applies the user's corrections (knowledge/people.yaml and knowledge/corrections.yaml, see
 * src/knowledge/corrections.ts) to the resolved archive, before stories are found. Each line that
 * matches nothing in the archive is reported, so a misspelt correction does not pass unseen.
 */
import type {
  Correction,
  EntityCorrection,
  EntityKind,
  FigureCorrection,
  PersonEntry,
} from "../knowledge/corrections.ts";
import { isFigureCorrection } from "../knowledge/corrections.ts";
import {
  type Archive,
  type ArticleRecord,
  ORGANIZATION_KINDS,
  type OrganizationKind,
  PLACE_KINDS,
  type PlaceKind,
} from "../types.ts";
import { slugify } from "../util/slug.ts";
import { reservedSlugs } from "./slugs.ts";

type EntityRecord = Archive["people" | "parties" | "organizations" | "places"][number];

const LIST: Record<EntityKind, "people" | "parties" | "organizations" | "places"> = {
  person: "people",
  party: "parties",
  organization: "organizations",
  place: "places",
};

const fold = (text: string) => text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();

/** Each kind's slugs of one article. */
function articleSlugs(article: ArticleRecord, kind: EntityKind): string[] {
  return article[LIST[kind]];
}

/** The record of `kind` with this name or spelling, if any. */
function find(archive: Archive, kind: EntityKind, name: string): EntityRecord | undefined {
  const wanted = fold(name);
  const records: EntityRecord[] = archive[LIST[kind]];
  const abbr = (r: EntityRecord) => ("abbr" in r && r.abbr ? [r.abbr] : []);
  return (
    records.find((r) => fold(r.name) === wanted) ??
    records.find((r) => [...r.variants, ...abbr(r)].some((v) => fold(v) === wanted))
  );
}

/**
 * The article records corrections changed beyond their resolved fields (a mention's evidence merged into
 * another's, a figure edited or dropped): their text is no longer their extraction's, which the archive
 * stage's reuse of unchanged records relies on (src/archive/record-reuse.ts).
 */
export type RewrittenArticles = Set<ArticleRecord>;

/** Replaces (or, with `to` null, removes) an entity's slug wherever the archive refers to it. */
function replaceSlug(
  archive: Archive,
  kind: EntityKind,
  from: string,
  to: string | null,
  rewritten: RewrittenArticles,
): void {
  const swap = (list: string[]) => [...new Set(list.flatMap((s) => (s === from ? (to ? [to] : []) : [s])))];
  for (const article of archive.articles) {
    if (!articleSlugs(article, kind).includes(from)) continue;
    rewritten.add(article);
    article[LIST[kind]] = swap(articleSlugs(article, kind));
    article.mentions = article.mentions.flatMap((m) => {
      if (m.kind !== kind || m.slug !== from) return [m];
      if (!to) return [];
      const existing = article.mentions.find((x) => x.kind === kind && x.slug === to);
      if (existing) {
        existing.forms = [...new Set([...existing.forms, ...m.forms])].sort((a, b) => b.length - a.length);
        existing.evidence = [...existing.evidence, ...m.evidence];
        return [];
      }
      return [{ ...m, slug: to }];
    });
    if (kind === "person") {
      article.peopleDetail = article.peopleDetail.flatMap((d) =>
        d.slug !== from ? [d] : to ? [{ ...d, slug: to }] : [],
      );
      article.quotes = article.quotes.flatMap((q) => (q.person !== from ? [q] : to ? [{ ...q, person: to }] : []));
    }
    if (kind === "party") for (const d of article.peopleDetail) d.parties = swap(d.parties);
    if (kind === "place") for (const f of article.figures) if (f.place === from) f.place = to;
  }
  if (kind === "party") for (const p of archive.people) p.parties = swap(p.parties);
  if (kind === "person") for (const p of archive.parties) p.members = swap(p.members);
}

/** Article slugs in archive order (newest first), so merged lists keep the archive's order. */
function inArchiveOrder(archive: Archive, slugs: Iterable<string>): string[] {
  const wanted = new Set(slugs);
  return archive.articles.filter((a) => wanted.has(a.slug)).map((a) => a.slug);
}

function mergeRecords(
  archive: Archive,
  kind: EntityKind,
  source: EntityRecord,
  target: EntityRecord,
  rewritten: RewrittenArticles,
): void {
  if (source === target) return;
  target.variants = [...new Set([...target.variants, source.name, ...source.variants])]
    .filter((v) => v !== target.name)
    .sort();
  target.articles = inArchiveOrder(archive, [...target.articles, ...source.articles]);
  if ("roles" in target && "roles" in source) {
    target.roles = [...new Set([...target.roles, ...source.roles])];
    target.parties = [...new Set([...target.parties, ...source.parties])].sort();
    const order = new Map(archive.articles.map((a, i) => [a.slug, i]));
    target.mentions = [...target.mentions, ...source.mentions].sort(
      (x, y) => (order.get(x.article) ?? 0) - (order.get(y.article) ?? 0),
    );
  }
  if ("members" in target && "members" in source)
    target.members = [...new Set([...target.members, ...source.members])].sort();
  removeRecord(archive, kind, source);
  replaceSlug(archive, kind, source.slug, target.slug, rewritten);
}

function removeRecord(archive: Archive, kind: EntityKind, record: EntityRecord): void {
  const list: EntityRecord[] = archive[LIST[kind]];
  list.splice(list.indexOf(record), 1);
}

function rejectRecord(archive: Archive, kind: EntityKind, record: EntityRecord, rewritten: RewrittenArticles): void {
  removeRecord(archive, kind, record);
  replaceSlug(archive, kind, record.slug, null, rewritten);
}

/** Moves the articles that write one of `forms` to a new record, named by the first form. */
function splitRecord(archive: Archive, kind: EntityKind, record: EntityRecord, forms: string[]): boolean {
  const moving = new Set(forms.map(fold));
  const slugs = reservedSlugs();
  for (const r of archive[LIST[kind]] as EntityRecord[]) slugs.claim(r.slug);
  const slug = slugs.claim(slugify(forms[0]) || kind);
  const moved: string[] = [];
  for (const article of archive.articles) {
    const mention = article.mentions.find((m) => m.kind === kind && m.slug === record.slug);
    if (!mention?.forms.some((f) => moving.has(fold(f)))) continue;
    mention.slug = slug;
    moved.push(article.slug);
    const still = article.mentions.some((m) => m.kind === kind && m.slug === record.slug);
    const list = articleSlugs(article, kind).flatMap((s) => (s === record.slug ? (still ? [s, slug] : [slug]) : [s]));
    article[LIST[kind]] = [...new Set(list)];
    if (kind === "person") for (const d of article.peopleDetail) if (d.slug === record.slug) d.slug = slug;
    if (kind === "person") for (const q of article.quotes) if (q.person === record.slug) q.person = slug;
  }
  if (moved.length === 0) return false;
  record.articles = record.articles.filter((a) =>
    archive.articles.find((x) => x.slug === a)?.[LIST[kind]].includes(record.slug),
  );
  record.variants = record.variants.filter((v) => !moving.has(fold(v)));
  const copy = {
    ...structuredClone(record),
    slug,
    name: forms[0],
    variants: forms.slice(1),
    articles: moved,
  } as EntityRecord;
  if ("mentions" in copy && "mentions" in record) {
    copy.mentions = record.mentions.filter((m) => moved.includes(m.article));
    record.mentions = record.mentions.filter((m) => !moved.includes(m.article));
  }
  (archive[LIST[kind]] as EntityRecord[]).push(copy);
  return true;
}

function applyEntity(archive: Archive, c: EntityCorrection, rewritten: RewrittenArticles): string | null {
  const record = find(archive, c.entity, c.name);
  if (!record) return `no ${c.entity} named "${c.name}"`;
  if (c.reject) {
    rejectRecord(archive, c.entity, record, rewritten);
    return null;
  }
  if (c.merge) {
    const target = find(archive, c.entity, c.merge);
    if (!target) return `no ${c.entity} named "${c.merge}" to merge "${c.name}" into`;
    mergeRecords(archive, c.entity, record, target, rewritten);
    return null;
  }
  if (c.split && !splitRecord(archive, c.entity, record, c.split))
    return `no article writes ${c.entity} "${c.name}" as ${c.split.join(" or ")}`;
  if (c.rename && c.rename !== record.name) {
    record.variants = [...new Set([...record.variants, record.name])].filter((v) => v !== c.rename).sort();
    record.name = c.rename;
  }
  if (c.kind !== undefined) {
    if (c.entity === "place" && (PLACE_KINDS as readonly string[]).includes(c.kind))
      (record as Archive["places"][number]).kind = c.kind as PlaceKind;
    else if (c.entity === "organization" && (ORGANIZATION_KINDS as readonly string[]).includes(c.kind))
      (record as Archive["organizations"][number]).kind = c.kind as OrganizationKind;
    else return `"${c.kind}" is not a kind of ${c.entity}`;
  }
  if (c.lat !== undefined && c.lon !== undefined) {
    if (c.entity !== "place") return "only a place has coordinates";
    Object.assign(record, { lat: c.lat, lon: c.lon });
  }
  return null;
}

function applyFigure(archive: Archive, c: FigureCorrection, rewritten: RewrittenArticles): string | null {
  const { article: slug, line, value } = c.figure;
  const article = archive.articles.find((a) => a.slug === slug);
  const index = article?.figures.findIndex((f) => f.line === line && f.value === value) ?? -1;
  if (!article || index < 0) return `no figure ${value} on line ${line} of article ${slug}`;
  rewritten.add(article);
  if (c.reject) {
    article.figures.splice(index, 1);
    return null;
  }
  const figure = article.figures[index];
  if (c.value !== undefined) figure.value = c.value;
  if (c.outcome !== undefined) figure.outcome = c.outcome;
  if (c.category !== undefined) figure.category = c.category;
  if (c.place !== undefined) {
    const place = c.place === null ? null : find(archive, "place", c.place);
    if (place === undefined) return `no place named "${c.place}" for the figure`;
    figure.place = place?.slug ?? null;
  }
  return null;
}

function applyPerson(archive: Archive, entry: PersonEntry, rewritten: RewrittenArticles): string | null {
  const matches = [entry.name, ...entry.aliases]
    .map((n) => find(archive, "person", n))
    .filter(
      (r, i, all): r is Archive["people"][number] => r !== undefined && all.indexOf(r) === i,
    ) as Archive["people"];
  if (matches.length === 0) return `no person named "${[entry.name, ...entry.aliases].join('" or "')}"`;
  if (entry.notPerson) {
    for (const record of matches) rejectRecord(archive, "person", record, rewritten);
    return null;
  }
  const [target, ...rest] = matches;
  for (const record of rest) mergeRecords(archive, "person", record, target, rewritten);
  if (target.name !== entry.name) {
    target.variants = [...new Set([...target.variants, target.name])].filter((v) => v !== entry.name).sort();
    target.name = entry.name;
  }
  if (entry.role && !target.roles.includes(entry.role)) target.roles.unshift(entry.role);
  if (entry.party) {
    const party = find(archive, "party", entry.party) as Archive["parties"][number] | undefined;
    if (!party) return `no party named "${entry.party}" for ${entry.name}`;
    target.parties = [...new Set([...target.parties, party.slug])].sort();
    party.members = [...new Set([...party.members, target.slug])].sort();
  }
  return null;
}

/**
 * Applies every correction in order; returns one line per correction that matched nothing, and the article
 * records they rewrote.
 */
export function applyCorrections(
  archive: Archive,
  people: PersonEntry[],
  corrections: Correction[],
): { problems: string[]; rewritten: RewrittenArticles } {
  const problems: string[] = [];
  const rewritten: RewrittenArticles = new Set();
  for (const entry of people) {
    const problem = applyPerson(archive, entry, rewritten);
    if (problem) problems.push(`people.yaml: ${problem}`);
  }
  for (const c of corrections) {
    const problem = isFigureCorrection(c) ? applyFigure(archive, c, rewritten) : applyEntity(archive, c, rewritten);
    if (problem) problems.push(`corrections.yaml: ${problem}`);
  }
  return { problems, rewritten };
}
