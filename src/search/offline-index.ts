/**
 * The search fallback for pages opened from disk (file://), where browsers refuse fetch() and JS modules,
 * so Pagefind cannot load. Written at render time from the Archive into <outDir>/search/offline/ as
 * classic scripts, each of which hands its data to `window.__archiveSearch` (src/search/browser/search.ts):
 *
 * - meta.js — loaded first, and small: document count, BM25 lengths, sort dates, the term-shard keys and
 *   the names of the filters that have values (of outlet, year, person, party, organization, place — the
 *   pages' data-pagefind-filter names, the same capped values: views/search-filters.ts), in Pagefind's
 *   order (by name), each with its number of values.
 * - f-<name>.js — one filter's values with their postings, `addFilter(name, [[value, ids], …])`, values
 *   in Pagefind's order (by code point). Loaded only when that filter is first opened: with outlets and
 *   years uncapped, a filter can still carry hundreds of values.
 * - t<key>.js — the inverted index, sharded by term prefix: `addTerms(key, { term: postings })`. A term
 *   lives in the shard of the longest key that is a prefix of it; a shard over SHARD_BYTES is split by one
 *   more character (its terms of exactly the key's length stay in it), so shards stay small at any size.
 * - d<n>.js — documents n·DOC_SHARD… : [path, title, date, date label, outlet, text], text being the first
 *   EXCERPT_CHARS characters of the body for excerpts. Loaded only for the results shown.
 *
 * - delta.js — `addDelta(delta | null)`: the articles added or changed since the files above were written, and
 *   the doc ids they supersede (OfflineDelta in src/search/browser/types.ts). Loaded with meta.js.
 *
 * Postings are delta-coded base-36 doc ids, comma-separated, each with ":tf" when the body count is not 1
 * and "*" when the term is in the title: "0,3:2*,1a". Doc ids follow the site's article order (newest
 * first). Index terms are made by src/search/browser/terms.ts, the module the search page's script bundles for its
 * queries, so both sides always make terms the same way.
 *
 * A rebuild after a few articles changed keeps the files of the previous build (linked) and writes only
 * delta.js: its documents take the ids after the kept ones, each with the place among them (rank) it has in the
 * site's order, so the search page orders them as one index would. The sidecar OFFLINE_DOCS_FILE lists the kept
 * documents' articles and search fingerprints for the next build. Past SEARCH_INDEX.maxDeltaArticles every file
 * is written again (compaction), and delta.js is empty.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { formatDate } from "../render/format.ts";
import { articlePlainText } from "../render/markdown.ts";
import { reusePage } from "../render/page-reuse.ts";
import { buildLookup, byDateDesc } from "../render/views/lookup.ts";
import { SEARCH_FILTERS, type SearchFilter } from "../render/views/search-filters.ts";
import { OFFLINE_INDEX, SEARCH_INDEX } from "../settings.ts";
import type { Archive, ArticleRecord } from "../types.ts";
import { articleUrl, fromSiteRoot } from "../urls.ts";
import { compareStrings } from "../util/group.ts";
import { collectGarbageIfGrown } from "../util/memory.ts";
import { DELTA_FILE, docShardFile, filterFile, termShardFile } from "./browser/offline-files.ts";
import { tokenize } from "./browser/terms.ts";
import type { OfflineDelta, OfflineDoc, OfflineMeta } from "./browser/types.ts";

const OFFLINE_DIR = "search/offline";
/** The kept documents of the files of OFFLINE_DIR, for the next build (not published). */
const OFFLINE_DOCS_FILE = ".news-archive/offline-docs.json";
// Sizes, from src/settings.ts.
const {
  shardBytes: SHARD_BYTES,
  minKeyLength: MIN_KEY_LENGTH,
  maxKeyLength: MAX_KEY_LENGTH,
  docShard: DOC_SHARD,
  excerptChars: EXCERPT_CHARS,
  collectEvery: COLLECT_EVERY,
} = OFFLINE_INDEX;

export interface OfflineIndexStats {
  documents: number;
  /** UTF-8 bytes of the text indexed (titles, subtitles, bodies as plain text, and the meta Pagefind searches). */
  textBytes: number;
  /** meta.js + term shards. */
  indexBytes: number;
  /** meta.js alone: what every search from disk loads first. */
  metaBytes: number;
  /** The filter files (f-<name>.js), loaded one by one when a filter is opened. */
  filterBytes: number;
  termShards: number;
  /** Document shards (titles, dates, outlets, excerpt text). */
  docBytes: number;
  docShards: number;
  terms: number;
}

const script = (call: string, ...args: unknown[]) =>
  `window.__archiveSearch.${call}(${args.map((a) => JSON.stringify(a)).join(",")});\n`;

/**
 * A term's postings, two numbers each: the doc id, then tf·2 + 1 when the term is in the title. An object
 * per posting took five times the memory: 1.6 GiB at 50,000 articles, next to Pagefind's indexing.
 */
type Postings = number[];

function encodePostings(postings: Postings): string {
  const parts: string[] = [];
  let previous = 0;
  for (let at = 0; at < postings.length; at += 2) {
    const doc = postings[at];
    const tf = postings[at + 1] >> 1;
    const title = (postings[at + 1] & 1) === 1;
    parts.push(`${(doc - previous).toString(36)}${tf === 1 ? "" : `:${tf.toString(36)}`}${title ? "*" : ""}`);
    previous = doc;
  }
  return parts.join(",");
}

function encodeIds(ids: number[]): string {
  let previous = 0;
  return ids
    .map((id) => {
      const delta = (id - previous).toString(36);
      previous = id;
      return delta;
    })
    .join(",");
}

/**
 * The start of an article's plain text that its search results show, as a string of its own: V8 makes a slice of
 * a long string as a view into it, which keeps the whole text alive, and the documents are held until the index
 * is written (every article's text: 65 MiB of the index's 246 MiB peak at 10,000 articles). Copied through JSON,
 * which keeps every code unit as it is, a lone surrogate cut in half included.
 */
function excerptOf(text: string): string {
  if (text.length <= EXCERPT_CHARS) return text;
  return JSON.parse(JSON.stringify(text.slice(0, EXCERPT_CHARS))) as string;
}

/** Groups terms into shards by prefix: returns key → sorted entries. */
function shardTerms(entries: [string, string][]): Map<string, [string, string][]> {
  const shards = new Map<string, [string, string][]>();
  const size = (list: [string, string][]) => list.reduce((n, [t, p]) => n + t.length + p.length + 6, 0);
  const place = (key: string, list: [string, string][]) => {
    const keyLength = [...key].length;
    if (keyLength >= MIN_KEY_LENGTH && (keyLength >= MAX_KEY_LENGTH || size(list) <= SHARD_BYTES)) {
      shards.set(key, list);
      return;
    }
    const stay: [string, string][] = [];
    const groups = new Map<string, [string, string][]>();
    for (const entry of list) {
      const chars = [...entry[0]];
      if (chars.length <= keyLength) stay.push(entry);
      else {
        const next = key + chars[keyLength];
        const group = groups.get(next) ?? [];
        groups.set(next, group);
        group.push(entry);
      }
    }
    if (stay.length) shards.set(key, stay);
    for (const [next, group] of groups) place(next, group);
  };
  place("", entries);
  return shards;
}

/**
 * Plain text indexed as the body of an article (besides its title), as Pagefind indexes the page: its subtitle
 * and body, and its meta, which Pagefind searches too (outlet, authors, dateline, the date as written and as
 * shown). Excerpts are cut from the body alone: on the page, the meta lines are data-pagefind-ignore
 * (templates/_includes/layouts/article.njk), so Pagefind's excerpts never show them either.
 */
function indexedBody(article: ArticleRecord, plainBody: string): string {
  const date = article.date ? [article.date, formatDate(article.date)] : [];
  return [article.subtitle, article.outlet, article.authors.join(", "), article.dateline, ...date, plainBody]
    .filter((part): part is string => Boolean(part))
    .join("\n");
}

/** OFFLINE_DOCS_FILE. */
interface KeptDocs {
  version: 1;
  /** The index's settings and format: a delta is only written over files written with the same. */
  settings: string;
  /** By doc id: the article, its date and its search fingerprint, as written. */
  docs: [slug: string, date: string | null, fingerprint: string][];
  /** The files written with them (OFFLINE_DIR), which a delta keeps. */
  files: string[];
}

const SETTINGS = JSON.stringify({ format: 2, OFFLINE_INDEX });

export interface OfflineIndexOptions {
  /** The entities that are search filter values (views/search-filters.ts), as the pages mark them. */
  filterable: ReadonlySet<string>;
  /** Article slug → search fingerprint of its page: with `previousDir`, tells which articles changed. */
  searchFingerprints?: ReadonlyMap<string, string>;
  /** The site this one replaces: its files are kept when few articles changed. */
  previousDir?: string;
  /** Most articles added, changed or removed that a delta takes (deltaLimit in src/search/shards.ts). */
  deltaLimit?: number;
}

/** The documents, postings and filter values of articles indexed under consecutive doc ids. */
class IndexBuilder {
  readonly postings = new Map<string, Postings>();
  readonly lengths: number[] = [];
  readonly filterDocs = Object.fromEntries(SEARCH_FILTERS.map((name) => [name, new Map<string, number[]>()]));
  readonly docs: OfflineDoc[] = [];
  textBytes = 0;

  constructor(private readonly valuesOf: (article: ArticleRecord) => Record<SearchFilter, string[]>) {}

  add(article: ArticleRecord, doc: number): void {
    const body = articlePlainText(article.body);
    const bodyText = indexedBody(article, body);
    this.textBytes += Buffer.byteLength(article.title) + Buffer.byteLength(bodyText);
    const titleTerms = new Set(tokenize(article.title));
    const counts = new Map<string, number>();
    const bodyTokens = tokenize(bodyText);
    for (const term of bodyTokens) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const term of titleTerms) if (!counts.has(term)) counts.set(term, 0);
    this.lengths.push(bodyTokens.length);
    for (const [term, tf] of counts) {
      let list = this.postings.get(term);
      if (!list) {
        list = [];
        this.postings.set(term, list);
      }
      list.push(doc, tf * 2 + (titleTerms.has(term) ? 1 : 0));
    }
    const values = this.valuesOf(article);
    for (const name of SEARCH_FILTERS) {
      for (const value of new Set(values[name])) {
        const ids = this.filterDocs[name].get(value) ?? [];
        this.filterDocs[name].set(value, ids);
        ids.push(doc);
      }
    }
    const text = body.replace(/\s+/g, " ").trim();
    this.docs.push([
      fromSiteRoot(articleUrl(article.slug)),
      article.title,
      article.date ?? "",
      article.date ? formatDate(article.date) : "",
      values.outlet[0] ?? "",
      excerptOf(text),
    ]);
  }

  /** Terms by code point, with their postings encoded. */
  encodedTerms(): [string, string][] {
    return [...this.postings.entries()]
      .sort(([a], [b]) => compareStrings(a, b))
      .map(([term, list]): [string, string] => [term, encodePostings(list)]);
  }

  /** A filter's values by code point (Pagefind's order), with their doc ids encoded. */
  encodedValues(name: SearchFilter): [string, string][] {
    return [...this.filterDocs[name].entries()]
      .sort(([a], [b]) => compareStrings(a, b))
      .map(([value, ids]) => [value, encodeIds(ids)]);
  }
}

/**
 * An article's values of each search filter, as its page marks them for Pagefind; `nameOf` gives an outlet's or
 * entity's value, or null for an entity that is not one.
 */
type FilterValues = ((article: ArticleRecord) => Record<SearchFilter, string[]>) & {
  nameOf: (kind: "outlet" | EntityFilter, slug: string) => string | null;
};

/** The filters whose values are the names of entities an article names. */
type EntityFilter = Exclude<SearchFilter, "outlet" | "year">;
const ENTITY_FILTERS = ["person", "party", "organization", "place"] as const satisfies readonly EntityFilter[];
const entitySlugs = (article: ArticleRecord, kind: EntityFilter) =>
  kind === "person"
    ? article.people
    : kind === "party"
      ? article.parties
      : kind === "organization"
        ? article.organizations
        : article.places;

function filterValuesOf(archive: Archive, filterable: ReadonlySet<string>): FilterValues {
  const lookup = buildLookup(archive);
  const nameOf = (kind: "outlet" | EntityFilter, slug: string) =>
    kind === "outlet" || filterable.has(`${kind}:${slug}`) ? lookup.entity(kind, slug).name : null;
  const named = (article: ArticleRecord, kind: EntityFilter) =>
    entitySlugs(article, kind).flatMap((slug) => nameOf(kind, slug) ?? []);
  const valuesOf = (article: ArticleRecord): Record<SearchFilter, string[]> => ({
    outlet: article.outletSlug ? [nameOf("outlet", article.outletSlug)!] : [],
    year: article.date ? [article.date.slice(0, 4)] : [],
    person: named(article, "person"),
    party: named(article, "party"),
    organization: named(article, "organization"),
    place: named(article, "place"),
  });
  return Object.assign(valuesOf, { nameOf });
}

/**
 * The values of each filter over every article, as valuesOf gives them article by article, each once. An
 * entity is asked for its value once, not once per article naming it: at 10,000 articles that was 330,000
 * lists and keys, 60 ms of every rebuild.
 */
function valuesOfAll(
  articles: readonly ArticleRecord[],
  nameOf: FilterValues["nameOf"],
): Record<SearchFilter, Set<string>> {
  const all = Object.fromEntries(SEARCH_FILTERS.map((name) => [name, new Set<string>()])) as Record<
    SearchFilter,
    Set<string>
  >;
  // The slugs first, each once: an entity's value is asked for once.
  const slugs = new Map<"outlet" | EntityFilter, Set<string>>(
    (["outlet", ...ENTITY_FILTERS] as const).map((kind) => [kind, new Set<string>()]),
  );
  for (const article of articles) {
    if (article.outletSlug) slugs.get("outlet")!.add(article.outletSlug);
    if (article.date) all.year.add(article.date.slice(0, 4));
    for (const kind of ENTITY_FILTERS) for (const slug of entitySlugs(article, kind)) slugs.get(kind)!.add(slug);
  }
  for (const [kind, ofKind] of slugs) {
    for (const slug of ofKind) {
      const name = nameOf(kind, slug);
      if (name !== null) all[kind].add(name);
    }
  }
  return all;
}

/** The filters that have values (by name, as Pagefind lists them), with their number of values. */
function filterList(filterDocs: Record<string, { size: number }>): OfflineMeta["filters"] {
  return SEARCH_FILTERS.filter((name) => filterDocs[name].size > 0)
    .sort(compareStrings)
    .map((name) => ({ name, values: filterDocs[name].size }));
}

async function readKeptDocs(siteDir: string): Promise<KeptDocs | null> {
  try {
    const kept = JSON.parse(await readFile(path.join(siteDir, OFFLINE_DOCS_FILE), "utf8")) as KeptDocs;
    return kept?.version === 1 && kept.settings === SETTINGS ? kept : null;
  } catch {
    return null;
  }
}

export async function writeOfflineIndex(
  archive: Archive,
  outDir: string,
  options: OfflineIndexOptions,
): Promise<OfflineIndexStats> {
  const valuesOf = filterValuesOf(archive, options.filterable);
  const articles = [...archive.articles].sort(byDateDesc);
  const dir = path.join(outDir, OFFLINE_DIR);
  await mkdir(dir, { recursive: true });
  const write = async (file: string, text: string) => {
    await writeFile(path.join(dir, file), text);
    return Buffer.byteLength(text);
  };
  const { previousDir, searchFingerprints } = options;
  const elsewhere = previousDir && path.resolve(previousDir) !== path.resolve(outDir);
  const kept = elsewhere && searchFingerprints ? await readKeptDocs(previousDir) : null;
  if (previousDir && searchFingerprints && kept) {
    const stats = await writeDelta(articles, outDir, previousDir, kept, searchFingerprints, valuesOf, options, write);
    if (stats) return stats;
  }
  return writeWhole(articles, outDir, valuesOf, searchFingerprints, write);
}

type Write = (file: string, text: string) => Promise<number>;

const emptyStats: OfflineIndexStats = {
  documents: 0,
  textBytes: 0,
  indexBytes: 0,
  metaBytes: 0,
  filterBytes: 0,
  termShards: 0,
  docBytes: 0,
  docShards: 0,
  terms: 0,
};

/**
 * Keeps the previous build's files and writes the articles not in them as they are now into delta.js; null
 * when they are too many or the files are gone.
 */
async function writeDelta(
  articles: ArticleRecord[],
  outDir: string,
  previousDir: string,
  kept: KeptDocs,
  fingerprints: ReadonlyMap<string, string>,
  valuesOf: FilterValues,
  options: OfflineIndexOptions,
  write: Write,
): Promise<OfflineIndexStats | null> {
  const current = new Set<string>();
  const superseded: number[] = [];
  kept.docs.forEach(([slug, , fingerprint], id) => {
    if (fingerprints.get(slug) === fingerprint) current.add(slug);
    else superseded.push(id);
  });
  const added = articles.filter((article) => !current.has(article.slug));
  const removed = kept.docs.filter(([slug]) => !fingerprints.has(slug)).length;
  if (added.length + removed > (options.deltaLimit ?? SEARCH_INDEX.maxDeltaArticles)) return null;
  for (const file of kept.files) {
    if (!(await reusePage(previousDir, outDir, `${OFFLINE_DIR}/${file}`))) return null;
  }
  const builder = new IndexBuilder(valuesOf);
  const base = kept.docs.length;
  for (const [i, article] of added.entries()) builder.add(article, base + i);
  // In the site's order a document follows the kept ones before it: between ids lb - 1 and lb.
  const keptOrder = kept.docs.map(([slug, date]) => ({ slug, date }));
  const ranks = added.map((article) => {
    let low = 0;
    let high = keptOrder.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (byDateDesc(keptOrder[middle], article) < 0) low = middle + 1;
      else high = middle;
    }
    return low - 0.5;
  });
  // The filters that have values now, over every article: cheap, with no text to index.
  const allValues = valuesOfAll(articles, valuesOf.nameOf);
  const terms = builder.encodedTerms();
  if (added.length === 0 && superseded.length === 0) {
    // Nothing changed: the files are the previous build's, with no delta, as when they were written.
    await write(DELTA_FILE, script("addDelta", null));
    await writeKeptDocs(outDir, kept);
    return { ...emptyStats, documents: base };
  }
  const delta: OfflineDelta = {
    base,
    superseded,
    docs: builder.docs,
    lengths: builder.lengths,
    dates: added.map((a) => (a.date ?? "").replace(/-/g, "")),
    ranks,
    terms: Object.fromEntries(terms),
    filters: Object.fromEntries(
      SEARCH_FILTERS.filter((name) => builder.filterDocs[name].size > 0).map((name) => [
        name,
        builder.encodedValues(name),
      ]),
    ),
    filterList: filterList(allValues),
  };
  const deltaBytes = await write(DELTA_FILE, script("addDelta", delta));
  await writeKeptDocs(outDir, kept);
  return {
    ...emptyStats,
    documents: base - superseded.length + added.length,
    textBytes: builder.textBytes,
    indexBytes: deltaBytes,
    terms: terms.length,
  };
}

async function writeKeptDocs(outDir: string, kept: KeptDocs): Promise<void> {
  const file = path.join(outDir, OFFLINE_DOCS_FILE);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(kept)}\n`);
}

/** Writes every file of the index, with an empty delta. */
async function writeWhole(
  articles: ArticleRecord[],
  outDir: string,
  valuesOf: FilterValues,
  fingerprints: ReadonlyMap<string, string> | undefined,
  write: Write,
): Promise<OfflineIndexStats> {
  const builder = new IndexBuilder(valuesOf);
  articles.forEach((article, doc) => {
    // This index is built while Pagefind indexes the first shard in its own process; collected now and
    // then, the tokens and texts each article leaves behind do not pile up beside it (50,000 articles:
    // +1 GiB without).
    if (doc > 0 && doc % COLLECT_EVERY === 0) collectGarbageIfGrown();
    builder.add(article, doc);
  });
  const { docs, lengths, filterDocs } = builder;

  const entries = builder.encodedTerms();
  const shards = shardTerms(entries);
  const keys = [...shards.keys()].sort(compareStrings);
  const files: string[] = [];
  const keep = (file: string, text: string) => {
    files.push(file);
    return write(file, text);
  };

  let indexBytes = 0;
  for (const key of keys) {
    indexBytes += await keep(termShardFile(key), script("addTerms", key, Object.fromEntries(shards.get(key) ?? [])));
  }

  let docBytes = 0;
  const docShards = Math.ceil(docs.length / DOC_SHARD);
  for (let n = 0; n < docShards; n++) {
    docBytes += await keep(docShardFile(n), script("addDocs", n, docs.slice(n * DOC_SHARD, (n + 1) * DOC_SHARD)));
  }

  // Pagefind lists filters by name and their values by code point; the search page shows them in that order.
  const filters = filterList(filterDocs);
  let filterBytes = 0;
  for (const { name } of filters) {
    filterBytes += await keep(filterFile(name), script("addFilter", name, builder.encodedValues(name as SearchFilter)));
  }

  const meta: OfflineMeta = {
    version: 2,
    docs: docs.length,
    docShard: DOC_SHARD,
    lengths: lengths.map((n) => n.toString(36)).join(","),
    dates: articles.map((a) => (a.date ?? "").replace(/-/g, "")).join(","),
    keys,
    filters,
  };
  const metaBytes = await keep("meta.js", script("addMeta", meta));
  indexBytes += metaBytes;
  await write(DELTA_FILE, script("addDelta", null));
  await writeKeptDocs(outDir, {
    version: 1,
    settings: SETTINGS,
    docs: articles.map((a) => [a.slug, a.date, fingerprints?.get(a.slug) ?? "?"]),
    files,
  });

  return {
    documents: docs.length,
    textBytes: builder.textBytes,
    indexBytes,
    metaBytes,
    filterBytes,
    termShards: keys.length,
    docBytes,
    docShards,
    terms: entries.length,
  };
}
